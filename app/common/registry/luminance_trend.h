// SPDX-License-Identifier: Apache-2.0
// A figure's trend over the years (lamp, laser and LED ageing): an ordinary least-squares line
// through (time, value) and where it meets a lower limit. Pure computation, no I/O.
#pragma once

#include <optional>
#include <vector>

namespace cm::registry {

struct TrendPoint {
    double t_unix_s = 0.0;  ///< when measured, seconds since 1970-01-01T00:00Z
    double value = 0.0;     ///< in the figure's unit (cd/m² for centre luminance)
};

/// The Julian year used as the time unit of the slope, in seconds (365.25 days).
inline constexpr double kYear_s = 365.25 * 86400.0;

struct LinearTrend {
    std::size_t points = 0;
    double t0_unix_s = 0.0;       ///< the first point's time: x = (t − t0) / kYear_s
    double intercept = 0.0;       ///< fitted value at t0
    double slope_per_year = 0.0;  ///< unit per year
    /// Expanded uncertainty (k = 2) of the slope from the residual scatter: 2·√(s²/Sxx) with
    /// s² = Σ residual² / (n − 2). Only with 3 or more points (NaN otherwise). With few points
    /// k = 2 covers less than 95 % (a Student t factor would be larger); it is the project's
    /// convention and says how well the line is pinned, not a coverage claim.
    double slope_U_k2 = 0.0;
    /// Where the line reaches `limit` (seconds since 1970), when it falls and has not yet.
    std::optional<double> crosses_limit_unix_s;
    enum class Projection {
        TooFewPoints,  ///< fewer than 2 distinct times
        NoLimit,       ///< no lower limit to meet
        NotFalling,    ///< slope ≥ 0
        AlreadyBelow,  ///< the line is below the limit at the last point
        Projected      ///< crosses_limit_unix_s holds the date
    } projection = Projection::TooFewPoints;
};

/// Fits value = intercept + slope·x, x = (t − t0)/kYear_s, by ordinary least squares over the
/// points (any order; non-finite points are ignored) and projects where the line meets
/// `lower_limit` after the last point. Returns TooFewPoints when fewer than two distinct times.
LinearTrend fitLinearTrend(const std::vector<TrendPoint>& points,
                           std::optional<double> lower_limit);

const char* toString(LinearTrend::Projection p);

}  // namespace cm::registry

// SPDX-License-Identifier: Apache-2.0
// Ordinary least squares in centred form (x − x̄), which keeps the sums well conditioned even
// though the times are large numbers of seconds.
#include "app/common/registry/luminance_trend.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cm::registry {

LinearTrend fitLinearTrend(const std::vector<TrendPoint>& in, std::optional<double> lower_limit) {
    std::vector<TrendPoint> pts;
    for (const auto& p : in) {
        if (std::isfinite(p.t_unix_s) && std::isfinite(p.value)) {
            pts.push_back(p);
        }
    }
    LinearTrend t;
    t.points = pts.size();
    t.slope_U_k2 = std::numeric_limits<double>::quiet_NaN();
    if (pts.empty()) {
        return t;
    }
    std::sort(pts.begin(), pts.end(),
              [](const TrendPoint& a, const TrendPoint& b) { return a.t_unix_s < b.t_unix_s; });
    t.t0_unix_s = pts.front().t_unix_s;
    const double n = static_cast<double>(pts.size());
    double xm = 0.0, ym = 0.0;
    for (const auto& p : pts) {
        xm += (p.t_unix_s - t.t0_unix_s) / kYear_s;
        ym += p.value;
    }
    xm /= n;
    ym /= n;
    double sxx = 0.0, sxy = 0.0;
    for (const auto& p : pts) {
        const double dx = (p.t_unix_s - t.t0_unix_s) / kYear_s - xm;
        sxx += dx * dx;
        sxy += dx * (p.value - ym);
    }
    if (pts.size() < 2 || sxx <= 0.0) {
        t.intercept = ym;
        return t;
    }
    t.slope_per_year = sxy / sxx;
    t.intercept = ym - t.slope_per_year * xm;
    if (pts.size() >= 3) {
        double ss = 0.0;
        for (const auto& p : pts) {
            const double x = (p.t_unix_s - t.t0_unix_s) / kYear_s;
            const double r = p.value - (t.intercept + t.slope_per_year * x);
            ss += r * r;
        }
        t.slope_U_k2 = 2.0 * std::sqrt(ss / (n - 2.0) / sxx);
    }
    if (!lower_limit || !std::isfinite(*lower_limit)) {
        t.projection = LinearTrend::Projection::NoLimit;
        return t;
    }
    if (t.slope_per_year >= 0.0) {
        t.projection = LinearTrend::Projection::NotFalling;
        return t;
    }
    const double xLast = (pts.back().t_unix_s - t.t0_unix_s) / kYear_s;
    const double xCross = (*lower_limit - t.intercept) / t.slope_per_year;
    if (xCross <= xLast) {
        t.projection = LinearTrend::Projection::AlreadyBelow;
        return t;
    }
    t.projection = LinearTrend::Projection::Projected;
    t.crosses_limit_unix_s = t.t0_unix_s + xCross * kYear_s;
    return t;
}

const char* toString(LinearTrend::Projection p) {
    switch (p) {
        case LinearTrend::Projection::TooFewPoints:
            return "too few points";
        case LinearTrend::Projection::NoLimit:
            return "no lower limit";
        case LinearTrend::Projection::NotFalling:
            return "not falling";
        case LinearTrend::Projection::AlreadyBelow:
            return "line already below limit";
        case LinearTrend::Projection::Projected:
            return "projected";
    }
    return "?";
}

}  // namespace cm::registry

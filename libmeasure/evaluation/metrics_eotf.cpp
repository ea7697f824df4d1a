// SPDX-License-Identifier: Apache-2.0
// Grey-ramp metrics. The step's own code values (profile data) give each level's target.
#include "libmeasure/evaluation/metrics_eotf.h"

#include "libmeasure/colorimetry/transfer_functions.h"
#include "libmeasure/evaluation/metrics_spot.h"
#include "libmeasure/procedure/profile.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace cm::evaluation {

using procedure::FigureSpec;
using procedure::RecordedReading;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Level {
    int code_y = 0;
    double luminance_cdm2 = 0.0;
};

/// The ramp's levels (Y' code from the step name "…" is not enough: the profile carries the
/// codes). The figure carries the codes of its steps in `step_codes_y`, filled at parse time.
bool rampLevels(const FigureSpec& spec, const std::vector<RecordedReading>& rs,
                std::vector<Level>& out, double& black) {
    black = 0.0;
    if (!spec.black_step.empty()) {
        const auto b = meanXYZ(rs, spec.black_step, spec.point);
        if (!b) {
            return false;
        }
        black = b->Y;
    }
    if (spec.step_codes_y.size() != spec.steps.size()) {
        return false;
    }
    for (std::size_t i = 0; i < spec.steps.size(); ++i) {
        const auto m = meanXYZ(rs, spec.steps[i], spec.point);
        if (!m) {
            return false;
        }
        out.push_back({spec.step_codes_y[i], m->Y - black});
    }
    return !out.empty();
}
}  // namespace

double eotfTarget_cdm2(const std::string& transfer, int code_y12) {
    if (transfer == "dci-gamma-2.6") {
        return colorimetry::gammaTarget_cdm2(code_y12);
    }
    if (transfer == "pq") {
        return colorimetry::pqTarget_cdm2(code_y12);
    }
    throw std::invalid_argument("unknown transfer '" + transfer + "' (known: dci-gamma-2.6, pq)");
}

double metricGammaFit(const FigureSpec& spec, const std::vector<RecordedReading>& rs) {
    std::vector<Level> levels;
    double black = 0.0;
    if (!rampLevels(spec, rs, levels, black)) {
        return kNaN;
    }
    double peak = 0.0;
    for (const Level& l : levels) {
        peak = std::max(peak, l.luminance_cdm2);
    }
    double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
    int n = 0;
    for (const Level& l : levels) {
        if (l.code_y <= 0 || !(l.luminance_cdm2 >= spec.fit_min_fraction_of_peak * peak) ||
            !(l.luminance_cdm2 > 0.0)) {
            continue;
        }
        const double x = std::log(static_cast<double>(l.code_y));
        const double y = std::log(l.luminance_cdm2);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        ++n;
    }
    const double den = n * sxx - sx * sx;
    if (n < 2 || !(std::abs(den) > 0.0)) {
        return kNaN;
    }
    return (n * sxy - sx * sy) / den;
}

double metricEotfErrorWorst(const FigureSpec& spec, const std::vector<RecordedReading>& rs) {
    std::vector<Level> levels;
    double black = 0.0;
    if (!rampLevels(spec, rs, levels, black)) {
        return kNaN;
    }
    double worst = 0.0;
    for (const Level& l : levels) {
        const double target = eotfTarget_cdm2(spec.transfer, l.code_y);
        if (!(target > 0.0)) {
            return kNaN;
        }
        const double err = 100.0 * (l.luminance_cdm2 - target) / target;
        if (std::abs(err) > std::abs(worst)) {
            worst = err;
        }
    }
    return worst;
}

}  // namespace cm::evaluation

// SPDX-License-Identifier: Apache-2.0
// Off-axis and multi-seat metrics.
#include "libmeasure/evaluation/metrics_angular.h"

#include "libmeasure/evaluation/metrics_spot.h"
#include "libmeasure/procedure/profile.h"

#include <algorithm>
#include <limits>

namespace cm::evaluation {

using procedure::FigureSpec;
using procedure::RecordedReading;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double metricLuminanceChangePercent(const FigureSpec& spec,
                                    const std::vector<RecordedReading>& rs) {
    const auto m = meanXYZ(rs, spec.step, spec.point);
    const auto ref = meanXYZ(rs, spec.reference_step, spec.point);
    if (!m || !ref || !(ref->Y > 0.0)) {
        return kNaN;
    }
    return 100.0 * (m->Y - ref->Y) / ref->Y;
}

double metricChromaticityDeltaUVBetweenSteps(const FigureSpec& spec,
                                             const std::vector<RecordedReading>& rs) {
    const auto m = meanXYZ(rs, spec.step, spec.point);
    const auto ref = meanXYZ(rs, spec.reference_step, spec.point);
    if (!m || !ref) {
        return kNaN;
    }
    return colorimetry::deltaUV(colorimetry::toUV(*m), colorimetry::toUV(*ref));
}

double metricLuminanceSpreadOverSteps(const FigureSpec& spec,
                                      const std::vector<RecordedReading>& rs) {
    double lo = std::numeric_limits<double>::infinity();
    double hi = 0.0;
    for (const std::string& s : spec.steps) {
        const auto m = meanXYZ(rs, s, spec.point);
        if (!m) {
            return kNaN;
        }
        lo = std::min(lo, m->Y);
        hi = std::max(hi, m->Y);
    }
    if (!(hi > 0.0)) {
        return kNaN;
    }
    return 100.0 * (1.0 - lo / hi);
}

double metricLuminanceMeanOverSteps(const FigureSpec& spec,
                                    const std::vector<RecordedReading>& rs) {
    double sum = 0.0;
    for (const std::string& s : spec.steps) {
        const auto m = meanXYZ(rs, s, spec.point);
        if (!m) {
            return kNaN;
        }
        sum += m->Y;
    }
    return spec.steps.empty() ? kNaN : sum / static_cast<double>(spec.steps.size());
}

}  // namespace cm::evaluation

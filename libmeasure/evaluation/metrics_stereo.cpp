// SPDX-License-Identifier: Apache-2.0
// 3D metrics: every luminance is a mean over repeats at the figure's point.
#include "libmeasure/evaluation/metrics_stereo.h"

#include "libmeasure/evaluation/metrics_spot.h"
#include "libmeasure/procedure/profile.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cm::evaluation {

using procedure::FigureSpec;
using procedure::RecordedReading;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double lum(const std::vector<RecordedReading>& rs, const std::string& step,
           const std::string& point) {
    const auto m = meanXYZ(rs, step, point);
    return m ? m->Y : kNaN;
}
}  // namespace

double metricStereoLuminanceDifferenceMean(const FigureSpec& spec,
                                           const std::vector<RecordedReading>& rs) {
    const double a = lum(rs, spec.step, spec.point);
    const double b = lum(rs, spec.reference_step, spec.point);
    if (!(a + b > 0.0)) {
        return kNaN;
    }
    return 100.0 * std::abs(a - b) / ((a + b) / 2.0);
}

double metricStereoLuminanceDifferenceMin(const FigureSpec& spec,
                                          const std::vector<RecordedReading>& rs) {
    const double a = lum(rs, spec.step, spec.point);
    const double b = lum(rs, spec.reference_step, spec.point);
    if (!(std::min(a, b) > 0.0)) {
        return kNaN;
    }
    return 100.0 * std::abs(a - b) / std::min(a, b);
}

double metricStereoExtinctionRatio(const FigureSpec& spec, const std::vector<RecordedReading>& rs) {
    const double signal = lum(rs, spec.step, spec.point);
    const double leak = lum(rs, spec.reference_step, spec.point);
    const double black = spec.black_step.empty() ? 0.0 : lum(rs, spec.black_step, spec.point);
    const double den = leak - black;
    // A leak at or below black is "undefined" (IDMS §5.26 on zero blacks), not infinite.
    if (!std::isfinite(signal) || !(den > 0.0)) {
        return kNaN;
    }
    return (signal - black) / den;
}

double metricStereoCrosstalkPercent(const FigureSpec& spec,
                                    const std::vector<RecordedReading>& rs) {
    const double er = metricStereoExtinctionRatio(spec, rs);
    return er > 0.0 ? 100.0 / er : kNaN;
}

}  // namespace cm::evaluation

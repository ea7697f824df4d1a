// SPDX-License-Identifier: Apache-2.0
// Spot-reading metrics of SMPTE ST 431-1: luminance, relative luminance, chromaticity.
#include "libmeasure/evaluation/metrics_spot.h"

#include "libmeasure/procedure/profile.h"

#include <limits>

namespace cm::evaluation {

using procedure::FigureSpec;
using procedure::RecordedReading;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

std::optional<colorimetry::XYZ> meanXYZ(const std::vector<RecordedReading>& readings,
                                        const std::string& step, const std::string& point) {
    colorimetry::XYZ sum;
    int n = 0;
    for (const RecordedReading& r : readings) {
        if (r.step_id == step && r.point_id == point) {
            sum.X += r.reading.xyz_cdm2.X;
            sum.Y += r.reading.xyz_cdm2.Y;
            sum.Z += r.reading.xyz_cdm2.Z;
            ++n;
        }
    }
    if (n == 0) {
        return std::nullopt;
    }
    return colorimetry::XYZ{sum.X / n, sum.Y / n, sum.Z / n};
}

double metricLuminance(const FigureSpec& spec, const std::vector<RecordedReading>& readings) {
    auto m = meanXYZ(readings, spec.step, spec.point);
    return m ? m->Y : kNaN;
}

double metricLuminancePercentOfReference(const FigureSpec& spec,
                                         const std::vector<RecordedReading>& readings) {
    auto m = meanXYZ(readings, spec.step, spec.point);
    auto ref = meanXYZ(readings, spec.step, spec.reference_point);
    if (!m || !ref || !(ref->Y > 0.0)) {
        return kNaN;
    }
    return 100.0 * m->Y / ref->Y;
}

double metricChromaticityX(const FigureSpec& spec, const std::vector<RecordedReading>& readings) {
    auto m = meanXYZ(readings, spec.step, spec.point);
    return m ? colorimetry::toXY(*m).x : kNaN;
}

double metricChromaticityY(const FigureSpec& spec, const std::vector<RecordedReading>& readings) {
    auto m = meanXYZ(readings, spec.step, spec.point);
    return m ? colorimetry::toXY(*m).y : kNaN;
}

double metricChromaticityDeltaX(const FigureSpec& spec,
                                const std::vector<RecordedReading>& readings) {
    auto m = meanXYZ(readings, spec.step, spec.point);
    auto ref = meanXYZ(readings, spec.step, spec.reference_point);
    return (m && ref) ? colorimetry::toXY(*m).x - colorimetry::toXY(*ref).x : kNaN;
}

double metricChromaticityDeltaY(const FigureSpec& spec,
                                const std::vector<RecordedReading>& readings) {
    auto m = meanXYZ(readings, spec.step, spec.point);
    auto ref = meanXYZ(readings, spec.step, spec.reference_point);
    return (m && ref) ? colorimetry::toXY(*m).y - colorimetry::toXY(*ref).y : kNaN;
}

double metricChromaticityDeltaUV(const FigureSpec& spec,
                                 const std::vector<RecordedReading>& readings) {
    auto m = meanXYZ(readings, spec.step, spec.point);
    auto ref = meanXYZ(readings, spec.step, spec.reference_point);
    return (m && ref) ? colorimetry::deltaUV(colorimetry::toUV(*m), colorimetry::toUV(*ref)) : kNaN;
}

}  // namespace cm::evaluation

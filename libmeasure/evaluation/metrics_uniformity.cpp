// SPDX-License-Identifier: Apache-2.0
// Multi-point metrics: every point of the figure must have been read, or the figure is NaN.
#include "libmeasure/evaluation/metrics_uniformity.h"

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

/// Mean XYZ at each of the figure's points; empty when any point is missing.
std::vector<colorimetry::XYZ> pointMeans(const FigureSpec& spec,
                                         const std::vector<RecordedReading>& rs) {
    std::vector<colorimetry::XYZ> out;
    for (const std::string& p : spec.points) {
        const auto m = meanXYZ(rs, spec.step, p);
        if (!m) {
            return {};
        }
        out.push_back(*m);
    }
    return out;
}

double percentOfReference(const FigureSpec& spec, const std::vector<RecordedReading>& rs,
                          bool lowest) {
    const auto ref = meanXYZ(rs, spec.step, spec.reference_point);
    const auto ms = pointMeans(spec, rs);
    if (!ref || ms.empty() || !(ref->Y > 0.0)) {
        return kNaN;
    }
    double best =
        lowest ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    for (const colorimetry::XYZ& m : ms) {
        const double pct = 100.0 * m.Y / ref->Y;
        best = lowest ? std::min(best, pct) : std::max(best, pct);
    }
    return best;
}

double luminanceExtreme(const FigureSpec& spec, const std::vector<RecordedReading>& rs,
                        bool lowest) {
    const auto ms = pointMeans(spec, rs);
    if (ms.empty()) {
        return kNaN;
    }
    const auto cmp = [](const colorimetry::XYZ& a, const colorimetry::XYZ& b) { return a.Y < b.Y; };
    return lowest ? std::min_element(ms.begin(), ms.end(), cmp)->Y
                  : std::max_element(ms.begin(), ms.end(), cmp)->Y;
}

double worstDelta(const FigureSpec& spec, const std::vector<RecordedReading>& rs, bool xAxis) {
    const auto ref = meanXYZ(rs, spec.step, spec.reference_point);
    const auto ms = pointMeans(spec, rs);
    if (!ref || ms.empty()) {
        return kNaN;
    }
    const colorimetry::ChromaticityXY r = colorimetry::toXY(*ref);
    double worst = 0.0;
    for (const colorimetry::XYZ& m : ms) {
        const colorimetry::ChromaticityXY c = colorimetry::toXY(m);
        const double d = xAxis ? c.x - r.x : c.y - r.y;
        if (std::abs(d) > std::abs(worst)) {
            worst = d;
        }
    }
    return worst;
}
}  // namespace

double metricNonUniformity(const FigureSpec& spec, const std::vector<RecordedReading>& rs) {
    const double lo = luminanceExtreme(spec, rs, true);
    const double hi = luminanceExtreme(spec, rs, false);
    if (!(hi > 0.0)) {
        return kNaN;
    }
    return 100.0 * (1.0 - lo / hi);
}

double metricLuminanceMeanOverPoints(const FigureSpec& spec,
                                     const std::vector<RecordedReading>& rs) {
    const auto ms = pointMeans(spec, rs);
    if (ms.empty()) {
        return kNaN;
    }
    double sum = 0.0;
    for (const colorimetry::XYZ& m : ms) {
        sum += m.Y;
    }
    return sum / static_cast<double>(ms.size());
}

double metricLuminancePercentOfReferenceMin(const FigureSpec& spec,
                                            const std::vector<RecordedReading>& rs) {
    return percentOfReference(spec, rs, true);
}

double metricLuminancePercentOfReferenceMax(const FigureSpec& spec,
                                            const std::vector<RecordedReading>& rs) {
    return percentOfReference(spec, rs, false);
}

double metricLuminanceMinOverPoints(const FigureSpec& spec,
                                    const std::vector<RecordedReading>& rs) {
    return luminanceExtreme(spec, rs, true);
}

double metricLuminanceMaxOverPoints(const FigureSpec& spec,
                                    const std::vector<RecordedReading>& rs) {
    return luminanceExtreme(spec, rs, false);
}

double metricChromaticityDeltaXWorst(const FigureSpec& spec,
                                     const std::vector<RecordedReading>& rs) {
    return worstDelta(spec, rs, true);
}

double metricChromaticityDeltaYWorst(const FigureSpec& spec,
                                     const std::vector<RecordedReading>& rs) {
    return worstDelta(spec, rs, false);
}

double metricChromaticityMaxPairDeltaUV(const FigureSpec& spec,
                                        const std::vector<RecordedReading>& rs) {
    const auto ms = pointMeans(spec, rs);
    if (ms.size() < 2) {
        return kNaN;
    }
    double worst = 0.0;
    for (std::size_t i = 0; i < ms.size(); ++i) {
        for (std::size_t j = i + 1; j < ms.size(); ++j) {
            worst = std::max(
                worst, colorimetry::deltaUV(colorimetry::toUV(ms[i]), colorimetry::toUV(ms[j])));
        }
    }
    return worst;
}

}  // namespace cm::evaluation

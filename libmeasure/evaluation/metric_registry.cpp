// The metric table: adding a metric means its function and one line here.
#include "libmeasure/evaluation/metric_registry.h"

#include "libmeasure/evaluation/metrics_contrast.h"
#include "libmeasure/evaluation/metrics_spot.h"

namespace cm::evaluation {

const std::vector<MetricInfo>& allMetrics() {
    static const std::vector<MetricInfo> kMetrics = {
        {"luminance", "cd/m2", false, false, "mean Y of the repeats at the point", metricLuminance},
        {"luminance_percent_of_reference", "%", true, false, "100 · Y(point) / Y(reference point)",
         metricLuminancePercentOfReference},
        {"chromaticity_x", "xy", false, false, "CIE 1931 x of the mean XYZ at the point",
         metricChromaticityX},
        {"chromaticity_y", "xy", false, false, "CIE 1931 y of the mean XYZ at the point",
         metricChromaticityY},
        {"chromaticity_delta_x", "xy", true, false, "x(point) − x(reference point), CIE 1931",
         metricChromaticityDeltaX},
        {"chromaticity_delta_y", "xy", true, false, "y(point) − y(reference point), CIE 1931",
         metricChromaticityDeltaY},
        {"chromaticity_delta_uv", "u'v'", true, false,
         "sqrt(Δu'² + Δv'²) between point and reference point, CIE 1976 UCS",
         metricChromaticityDeltaUV},
        {"sequential_contrast", "ratio", false, true,
         "Y(step, point) / Y(reference_step, point): full white over full black, no ambient "
         "subtraction "
         "(RP 431-2 §7.5)",
         metricSequentialContrast},
        {"checkerboard_contrast", "ratio", false, false,
         "mean Y of the 8 white patches / mean Y of the 8 black patches of the 4×4 board, patches "
         "K<row><col> "
         "with row + col even white (RP 431-2 §7.6)",
         metricCheckerboardContrast},
    };
    return kMetrics;
}

const MetricInfo* findMetric(const std::string& name) {
    for (const MetricInfo& m : allMetrics()) {
        if (name == m.name) {
            return &m;
        }
    }
    return nullptr;
}

std::string metricNames() {
    std::string out;
    for (const MetricInfo& m : allMetrics()) {
        out += out.empty() ? "" : ", ";
        out += m.name;
    }
    return out;
}

}  // namespace cm::evaluation

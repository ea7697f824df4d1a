// The metric table: adding a metric means its function and one line here.
#include "libmeasure/evaluation/metric_registry.h"

#include "libmeasure/evaluation/metrics_spot.h"

namespace cm::evaluation {

const std::vector<MetricInfo>& allMetrics() {
    static const std::vector<MetricInfo> kMetrics = {
        {"luminance", "cd/m2", false, "mean Y of the repeats at the point", metricLuminance},
        {"luminance_percent_of_reference", "%", true, "100 · Y(point) / Y(reference point)",
         metricLuminancePercentOfReference},
        {"chromaticity_x", "xy", false, "CIE 1931 x of the mean XYZ at the point",
         metricChromaticityX},
        {"chromaticity_y", "xy", false, "CIE 1931 y of the mean XYZ at the point",
         metricChromaticityY},
        {"chromaticity_delta_x", "xy", true, "x(point) − x(reference point), CIE 1931",
         metricChromaticityDeltaX},
        {"chromaticity_delta_y", "xy", true, "y(point) − y(reference point), CIE 1931",
         metricChromaticityDeltaY},
        {"chromaticity_delta_uv", "u'v'", true,
         "sqrt(Δu'² + Δv'²) between point and reference point, CIE 1976 UCS",
         metricChromaticityDeltaUV},
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

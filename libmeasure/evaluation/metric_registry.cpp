// SPDX-License-Identifier: Apache-2.0
// The metric table: adding a metric means its function and one line here.
#include "libmeasure/evaluation/metric_registry.h"

#include "libmeasure/evaluation/metrics_angular.h"
#include "libmeasure/evaluation/metrics_contrast.h"
#include "libmeasure/evaluation/metrics_eotf.h"
#include "libmeasure/evaluation/metrics_spot.h"
#include "libmeasure/evaluation/metrics_stereo.h"
#include "libmeasure/evaluation/metrics_uniformity.h"

namespace cm::evaluation {

const std::vector<MetricInfo>& allMetrics() {
    constexpr unsigned kRefPoint = kNeedsReferencePoint;
    constexpr unsigned kRefStep = kNeedsReferenceStep;
    static const std::vector<MetricInfo> kMetrics = {
        {"luminance", "cd/m2", kNeedsNothing, "mean Y of the repeats at the point",
         metricLuminance},
        {"luminance_percent_of_reference", "%", kRefPoint, "100 · Y(point) / Y(reference point)",
         metricLuminancePercentOfReference},
        {"chromaticity_x", "xy", kNeedsNothing, "CIE 1931 x of the mean XYZ at the point",
         metricChromaticityX},
        {"chromaticity_y", "xy", kNeedsNothing, "CIE 1931 y of the mean XYZ at the point",
         metricChromaticityY},
        {"chromaticity_delta_x", "xy", kRefPoint, "x(point) − x(reference point), CIE 1931",
         metricChromaticityDeltaX},
        {"chromaticity_delta_y", "xy", kRefPoint, "y(point) − y(reference point), CIE 1931",
         metricChromaticityDeltaY},
        {"chromaticity_delta_uv", "u'v'", kRefPoint | kMagnitude,
         "sqrt(Δu'² + Δv'²) between point and reference point, CIE 1976 UCS",
         metricChromaticityDeltaUV},
        {"sequential_contrast", "ratio", kRefStep,
         "Y(step, point) / Y(reference_step, point): full white over full black, no ambient "
         "subtraction (RP 431-2 §7.5)",
         metricSequentialContrast},
        {"checkerboard_contrast", "ratio", kNeedsNothing,
         "mean Y of the 8 white patches / mean Y of the 8 black patches of the 4×4 board, patches "
         "K<row><col> with row + col even white (RP 431-2 §7.6)",
         metricCheckerboardContrast},
        {"non_uniformity", "%", kNeedsPoints,
         "100 · (1 − Lmin / Lmax) over the points (ICDM IDMS §8.1; DCI direct-view §6.6.4)",
         metricNonUniformity},
        {"luminance_mean_over_points", "cd/m2", kNeedsPoints,
         "mean of Y over the points (screen-average white)", metricLuminanceMeanOverPoints},
        {"luminance_min_over_points", "cd/m2", kNeedsPoints, "lowest Y over the points",
         metricLuminanceMinOverPoints},
        {"luminance_max_over_points", "cd/m2", kNeedsPoints, "highest Y over the points",
         metricLuminanceMaxOverPoints},
        {"luminance_percent_of_reference_min", "%", kNeedsPoints | kRefPoint,
         "lowest 100 · Y(point) / Y(reference point) over the points",
         metricLuminancePercentOfReferenceMin},
        {"luminance_percent_of_reference_max", "%", kNeedsPoints | kRefPoint,
         "highest 100 · Y(point) / Y(reference point) over the points",
         metricLuminancePercentOfReferenceMax},
        {"chromaticity_delta_x_worst", "xy", kNeedsPoints | kRefPoint,
         "x(point) − x(reference point) of largest magnitude over the points, CIE 1931",
         metricChromaticityDeltaXWorst},
        {"chromaticity_delta_y_worst", "xy", kNeedsPoints | kRefPoint,
         "y(point) − y(reference point) of largest magnitude over the points, CIE 1931",
         metricChromaticityDeltaYWorst},
        {"chromaticity_max_pair_delta_uv", "u'v'", kNeedsPoints | kMagnitude,
         "largest sqrt(Δu'² + Δv'²) over all pairs of the points, CIE 1976 (ICDM IDMS §8.1)",
         metricChromaticityMaxPairDeltaUV},
        {"gamma_fit", "exponent", kNeedsSteps | kNeedsStepCodes | kAllowsBlackStep,
         "least-squares slope of ln Y against ln Y' code over the ramp steps, levels from peak "
         "down to fit_min_fraction_of_peak (RP 431-2 Annex A); black_step subtracted if given",
         metricGammaFit},
        {"eotf_error_worst", "%", kNeedsSteps | kNeedsStepCodes | kNeedsTransfer | kAllowsBlackStep,
         "per step 100 · (Y − Y_target) / Y_target with Y_target the transfer's decode of the "
         "step's Y' code; the signed value of largest magnitude (DCI HDR addendum Annex A; CTP "
         "§7.5.11)",
         metricEotfErrorWorst},
        {"stereo_luminance_difference_mean", "%", kRefStep,
         "100 · |L_step − L_reference_step| / mean of the two, the two eyes through their lenses "
         "(ISO 5926 draft rule)",
         metricStereoLuminanceDifferenceMean},
        {"stereo_luminance_difference_min", "%", kRefStep,
         "100 · |L_step − L_reference_step| / the smaller of the two (ICDM IDMS §17.2.4)",
         metricStereoLuminanceDifferenceMin},
        {"stereo_extinction_ratio", "ratio", kRefStep | kAllowsBlackStep,
         "(L_signal − L_black) / (L_leak − L_black) through one lens: step = own eye white, "
         "reference_step = other eye white, black_step = both black (ICDM IDMS §17.2.2)",
         metricStereoExtinctionRatio},
        {"stereo_crosstalk_percent", "%", kRefStep | kAllowsBlackStep,
         "100 / extinction ratio (ICDM IDMS §17.2.2)", metricStereoCrosstalkPercent},
        {"luminance_change_percent", "%", kRefStep,
         "100 · (Y(step) − Y(reference_step)) / Y(reference_step) at the point: off-axis against "
         "on-axis (ICDM IDMS §9.4)",
         metricLuminanceChangePercent},
        {"chromaticity_delta_uv_between_steps", "u'v'", kRefStep | kMagnitude,
         "Δu'v' between the point read in step and in reference_step, CIE 1976 (ICDM IDMS §9.6)",
         metricChromaticityDeltaUVBetweenSteps},
        {"luminance_mean_over_steps", "cd/m2", kNeedsSteps,
         "mean of Y over the steps at the point (e.g. the two eyes through their lenses)",
         metricLuminanceMeanOverSteps},
        {"luminance_spread_over_steps", "%", kNeedsSteps,
         "100 · (1 − Lmin / Lmax) over the steps at the point (same stimulus from several seats)",
         metricLuminanceSpreadOverSteps},
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

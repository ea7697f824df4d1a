// Figures computed through the metric registry and judged by simple acceptance.
#include "libmeasure/evaluation/evaluate_profile.h"

#include "libmeasure/evaluation/metric_registry.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <random>

namespace cm::evaluation {

double expandedUncertainty(const procedure::FigureSpec& spec,
                           const std::vector<procedure::RecordedReading>& readings, int draws,
                           std::uint64_t seed) {
    const MetricInfo* metric = findMetric(spec.metric);
    if (metric == nullptr || draws < 2) {
        return 0.0;
    }
    // Only the readings the metric can use are redrawn: those of the steps the figure names.
    auto usedByFigure = [&](const procedure::RecordedReading& r) {
        return r.step_id == spec.step ||
               (!spec.reference_step.empty() && r.step_id == spec.reference_step) ||
               (!spec.black_step.empty() && r.step_id == spec.black_step) ||
               std::find(spec.steps.begin(), spec.steps.end(), r.step_id) != spec.steps.end();
    };
    const bool anyU =
        std::any_of(readings.begin(), readings.end(), [&](const procedure::RecordedReading& r) {
            return usedByFigure(r) &&
                   (r.reading.u_luminance_rel > 0.0 || r.reading.u_chromaticity_xy > 0.0);
        });
    if (!anyU) {
        return 0.0;  // no reading carries an uncertainty: nothing to propagate
    }
    std::vector<procedure::RecordedReading> used;
    std::copy_if(readings.begin(), readings.end(), std::back_inserter(used), usedByFigure);
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> n01(0.0, 1.0);
    double sum = 0.0;
    double sum2 = 0.0;
    int valid = 0;
    std::vector<procedure::RecordedReading> draw = used;
    for (int d = 0; d < draws; ++d) {
        for (std::size_t i = 0; i < used.size(); ++i) {
            const procedure::Reading& src = used[i].reading;
            colorimetry::ChromaticityXY xy = colorimetry::toXY(src.xyz_cdm2);
            xy.x += src.u_chromaticity_xy * n01(rng);
            xy.y += src.u_chromaticity_xy * n01(rng);
            const double Y = src.xyz_cdm2.Y * (1.0 + src.u_luminance_rel * n01(rng));
            draw[i].reading.xyz_cdm2 = colorimetry::fromxyY(xy, Y);
        }
        const double v = metric->compute(spec, draw);
        if (std::isfinite(v)) {
            sum += v;
            sum2 += v * v;
            ++valid;
        }
    }
    if (valid < 2) {
        return 0.0;
    }
    const double mean = sum / valid;
    const double var = std::max(0.0, (sum2 - valid * mean * mean) / (valid - 1));
    return 2.0 * std::sqrt(var);
}

Evaluation evaluateProfile(const procedure::Profile& profile,
                           const std::vector<procedure::RecordedReading>& readings,
                           const EvaluationOptions& options) {
    Evaluation ev;
    ev.options = options;
    bool anyFail = false;
    bool anyMissing = false;
    bool anyConditional = false;
    std::uint64_t figureSeed = options.seed;
    int binding = 0;
    for (const procedure::FigureSpec& spec : profile.figures) {
        FigureResult r;
        r.spec = spec;
        const MetricInfo* metric = findMetric(spec.metric);
        // parseProfile guarantees the metric exists; a hand-built profile may not.
        r.value =
            metric ? metric->compute(spec, readings) : std::numeric_limits<double>::quiet_NaN();
        r.expanded_uncertainty = expandedUncertainty(spec, readings, options.draws, figureSeed++);
        r.straddles_limit = straddlesLimit(spec.tolerance, r.value, r.expanded_uncertainty);
        r.verdict = evaluate(spec.tolerance, r.value, r.expanded_uncertainty, options.rule);
        if (options.provisional_as_informative && r.spec.tolerance.provisional) {
            r.spec.tolerance.informative = true;
        }
        if (!r.spec.tolerance.informative) {
            ++binding;
            anyFail = anyFail || r.verdict == Verdict::Fail;
            anyConditional = anyConditional || r.verdict == Verdict::Conditional;
            anyMissing = anyMissing || r.verdict == Verdict::NotEvaluated;
        }
        ev.figures.push_back(std::move(r));
    }
    ev.overall = anyFail                      ? Verdict::Fail
                 : anyConditional             ? Verdict::Conditional
                 : anyMissing || binding == 0 ? Verdict::NotEvaluated
                                              : Verdict::Pass;
    return ev;
}

}  // namespace cm::evaluation

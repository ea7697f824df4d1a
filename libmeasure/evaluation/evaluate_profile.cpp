// SPDX-License-Identifier: Apache-2.0
// Figures computed through the metric registry, their U propagated, judged by the decision rule.
#include "libmeasure/evaluation/evaluate_profile.h"

#include "libmeasure/evaluation/metric_registry.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <random>

namespace cm::evaluation {

double expandedUncertainty(const procedure::FigureSpec& spec,
                           const std::vector<procedure::RecordedReading>& readings, int draws,
                           std::uint64_t seed) {
    MonteCarloOptions mc;
    mc.draws = draws;
    return propagateUncertainty(spec, readings, {}, mc, seed).expanded;
}

Evaluation evaluateProfile(const procedure::Profile& profile,
                           const std::vector<procedure::RecordedReading>& readings,
                           const EvaluationOptions& options) {
    Evaluation ev;
    ev.options = options;
    bool anyFail = false;
    bool anyMissing = false;
    bool anyCondFail = false;
    bool anyCondPass = false;
    std::uint64_t figureSeed = options.seed;
    int binding = 0;
    for (const procedure::FigureSpec& spec : profile.figures) {
        FigureResult r;
        r.spec = spec;
        const MetricInfo* metric = findMetric(spec.metric);
        // parseProfile guarantees the metric exists; a hand-built profile may not.
        r.value =
            metric ? metric->compute(spec, readings) : std::numeric_limits<double>::quiet_NaN();
        MonteCarloOptions mc;
        mc.draws = options.draws;
        const PropagatedUncertainty u =
            propagateUncertainty(spec, readings, options.instrument_models, mc, figureSeed++);
        r.expanded_uncertainty = u.expanded;
        r.mc_draws = u.draws;
        r.guard_band = guardBand(options.rule, r.expanded_uncertainty);
        r.straddles_limit = straddlesLimit(spec.tolerance, r.value, r.expanded_uncertainty);
        r.verdict = evaluate(spec.tolerance, r.value, r.expanded_uncertainty, options.rule);
        // Provisional limits decide only when the run asks for it and the profile allows it.
        if (r.spec.tolerance.provisional &&
            (options.provisional_as_informative || !profile.binding_allowed)) {
            r.spec.tolerance.informative = true;
        }
        if (!r.spec.tolerance.informative) {
            ++binding;
            anyFail = anyFail || r.verdict == Verdict::Fail;
            anyCondFail = anyCondFail || r.verdict == Verdict::ConditionalFail;
            anyCondPass = anyCondPass || r.verdict == Verdict::ConditionalPass;
            anyMissing = anyMissing || r.verdict == Verdict::NotEvaluated;
        }
        ev.figures.push_back(std::move(r));
    }
    ev.overall = anyFail                      ? Verdict::Fail
                 : anyCondFail                ? Verdict::ConditionalFail
                 : anyCondPass                ? Verdict::ConditionalPass
                 : anyMissing || binding == 0 ? Verdict::NotEvaluated
                                              : Verdict::Pass;
    return ev;
}

}  // namespace cm::evaluation

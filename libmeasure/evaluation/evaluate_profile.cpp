// Figures computed through the metric registry and judged by simple acceptance.
#include "libmeasure/evaluation/evaluate_profile.h"

#include "libmeasure/evaluation/metric_registry.h"

namespace cm::evaluation {

Evaluation evaluateProfile(const procedure::Profile& profile,
                           const std::vector<procedure::RecordedReading>& readings) {
    Evaluation ev;
    bool anyFail = false;
    bool anyMissing = false;
    for (const procedure::FigureSpec& spec : profile.figures) {
        FigureResult r;
        r.spec = spec;
        const MetricInfo* metric = findMetric(spec.metric);
        // parseProfile guarantees the metric exists; a hand-built profile may not.
        r.value = metric ? metric->compute(spec, readings) : std::numeric_limits<double>::quiet_NaN();
        r.verdict = evaluate(spec.tolerance, r.value);
        if (!spec.tolerance.informative) {
            anyFail = anyFail || r.verdict == Verdict::Fail;
            anyMissing = anyMissing || r.verdict == Verdict::NotEvaluated;
        }
        ev.figures.push_back(std::move(r));
    }
    ev.overall = anyFail ? Verdict::Fail : (anyMissing ? Verdict::NotEvaluated : Verdict::Pass);
    return ev;
}

}  // namespace cm::evaluation

// Figures computed through the metric registry and judged by simple acceptance.
#include "libmeasure/evaluation/evaluate_profile.h"

#include "libmeasure/evaluation/metric_registry.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <random>

namespace cm::evaluation {

namespace {

/// Every metric uses the mean of the repeats at a (step, point), so the Monte Carlo draws one
/// value per group: the mean XYZ with u/sqrt(n), where u combines each reading's specification
/// uncertainty with the scatter of the repeats (Type A, sample standard deviation; GUM §4.2) in
/// quadrature. The cost then depends on the points, not on how many repeats were taken.
std::vector<procedure::RecordedReading> groupMeans(
    const std::vector<procedure::RecordedReading>& rs) {
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < rs.size(); ++i) {
        groups[{rs[i].step_id, rs[i].point_id}].push_back(i);
    }
    std::vector<procedure::RecordedReading> out;
    out.reserve(groups.size());
    for (const auto& [key, idx] : groups) {
        const double n = static_cast<double>(idx.size());
        colorimetry::XYZ mean;
        double mx = 0.0, my = 0.0, uRel2 = 0.0, uXy2 = 0.0;
        for (std::size_t i : idx) {
            const auto& r = rs[i].reading;
            const auto xy = colorimetry::toXY(r.xyz_cdm2);
            mean = {mean.X + r.xyz_cdm2.X / n, mean.Y + r.xyz_cdm2.Y / n,
                    mean.Z + r.xyz_cdm2.Z / n};
            mx += xy.x / n;
            my += xy.y / n;
            uRel2 += r.u_luminance_rel * r.u_luminance_rel / n;
            uXy2 += r.u_chromaticity_xy * r.u_chromaticity_xy / n;
        }
        if (idx.size() >= 2 && mean.Y > 0.0) {
            double vY = 0.0, vXy = 0.0;
            for (std::size_t i : idx) {
                const auto& r = rs[i].reading;
                const auto xy = colorimetry::toXY(r.xyz_cdm2);
                vY += (r.xyz_cdm2.Y - mean.Y) * (r.xyz_cdm2.Y - mean.Y) / (n - 1);
                vXy += ((xy.x - mx) * (xy.x - mx) + (xy.y - my) * (xy.y - my)) / (2.0 * (n - 1));
            }
            if (std::isfinite(vY) && std::isfinite(vXy)) {
                uRel2 += vY / (mean.Y * mean.Y);
                uXy2 += vXy;
            }
        }
        procedure::RecordedReading g = rs[idx.front()];
        g.repeat = 0;
        g.reading.xyz_cdm2 = mean;
        g.reading.u_luminance_rel = std::sqrt(uRel2 / n);
        g.reading.u_chromaticity_xy = std::sqrt(uXy2 / n);
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace

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
    std::vector<procedure::RecordedReading> picked;
    std::copy_if(readings.begin(), readings.end(), std::back_inserter(picked), usedByFigure);
    const std::vector<procedure::RecordedReading> used = groupMeans(picked);
    const bool anyU =
        std::any_of(used.begin(), used.end(), [](const procedure::RecordedReading& r) {
            return r.reading.u_luminance_rel > 0.0 || r.reading.u_chromaticity_xy > 0.0;
        });
    if (!anyU) {
        return 0.0;  // no reading carries an uncertainty: nothing to propagate
    }
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

// SPDX-License-Identifier: Apache-2.0
// cinemeasure.metrics: the metric registry (libmeasure/evaluation/metric_registry.h) and one
// metric with its U on readings given from Python.
#include "python/bindings.h"

#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "libmeasure/evaluation/evaluate_profile.h"
#include "libmeasure/evaluation/metric_registry.h"
#include "libmeasure/evaluation/uncertainty_propagation.h"
#include "libmeasure/procedure/profile.h"

#include <optional>

namespace cm::python {

namespace {

namespace ev = cm::evaluation;

py::list needsList(const ev::MetricInfo& m) {
    py::list l;
    const std::pair<ev::MetricNeeds, const char*> names[] = {
        {ev::kNeedsReferencePoint, "reference_point"},
        {ev::kNeedsReferenceStep, "reference_step"},
        {ev::kNeedsPoints, "points"},
        {ev::kNeedsSteps, "steps"},
        {ev::kAllowsBlackStep, "black_step (optional)"},
        {ev::kNeedsTransfer, "transfer"},
        {ev::kNeedsStepCodes, "step_codes_y"}};
    for (const auto& [bit, name] : names) {
        if (ev::needs(m, bit)) {
            l.append(name);
        }
    }
    return l;
}

const ev::MetricInfo& metricOrThrow(const std::string& name) {
    const ev::MetricInfo* m = ev::findMetric(name);
    if (m == nullptr) {
        throw py::value_error("unknown metric '" + name + "' (known: " + ev::metricNames() + ")");
    }
    return *m;
}

}  // namespace

void bindMetrics(py::module_& m) {
    m.def(
        "list",
        [](bool with_clauses) {
            std::vector<app::ProfileEntry> profiles;
            if (with_clauses) {
                profiles = app::loadProfileDirectory(app::dataDir() / "profiles");
            }
            py::list out;
            for (const auto& info : ev::allMetrics()) {
                py::dict d;
                d["name"] = info.name;
                d["unit"] = info.unit;
                d["formula"] = info.description;
                d["needs"] = needsList(info);
                if (with_clauses) {
                    // Where the shipped profiles judge this metric, and by which clause.
                    py::list used;
                    for (const auto& e : profiles) {
                        for (const auto& f : e.profile.figures) {
                            if (f.metric == info.name) {
                                used.append(py::dict(
                                    py::arg("profile") = e.profile.id, py::arg("figure") = f.id,
                                    py::arg("limit") = f.tolerance.describe(),
                                    py::arg("source") = f.tolerance.source,
                                    py::arg("provisional") = f.tolerance.provisional));
                            }
                        }
                    }
                    d["used_by"] = used;
                }
                out.append(d);
            }
            return out;
        },
        py::arg("with_clauses") = true,
        "Every metric of the closed registry (what `profiles --show` prints): name, unit ('cd/m2', "
        "'%', 'xy' = CIE 1931, \"u'v'\" = CIE 1976, 'ratio'), formula (with its source clause "
        "where "
        "the method has one), what a figure must name besides step and point, and with_clauses: "
        "every shipped profile figure that judges it, with its limit, source clause and "
        "provisional flag.");
    m.def(
        "formula",
        [](const std::string& name) { return std::string(metricOrThrow(name).description); },
        py::arg("metric"), "The formula (and source clause) of one metric.");

    m.def(
        "compute",
        [](const std::string& metric, const py::handle& readings, const std::string& step,
           const std::string& point, const std::string& reference_point,
           const std::string& reference_step, const std::vector<std::string>& points,
           const std::vector<std::string>& steps, const std::vector<int>& step_codes_y,
           const std::string& black_step, const std::string& transfer,
           double fit_min_fraction_of_peak, const py::object& draws_arg, std::uint64_t seed) {
            const ev::MetricInfo& info = metricOrThrow(metric);
            auto require = [&](ev::MetricNeeds bit, bool given, const char* what) {
                if (ev::needs(info, bit) && !given) {
                    throw py::value_error("metric '" + metric + "' needs " + what);
                }
            };
            require(ev::kNeedsReferencePoint, !reference_point.empty(), "reference_point");
            require(ev::kNeedsReferenceStep, !reference_step.empty(), "reference_step");
            require(ev::kNeedsPoints, !points.empty(), "points");
            require(ev::kNeedsSteps, !steps.empty(), "steps");
            require(ev::kNeedsTransfer, transfer == "dci-gamma-2.6" || transfer == "pq",
                    "transfer 'dci-gamma-2.6' or 'pq'");
            require(ev::kNeedsStepCodes, step_codes_y.size() == steps.size(),
                    "step_codes_y: the Y' code of each of steps");
            const int draws = drawsFromPython(draws_arg);
            procedure::FigureSpec spec;
            spec.id = metric;
            spec.metric = metric;
            spec.unit = info.unit;
            spec.step = step;
            spec.point = point;
            spec.reference_point = reference_point;
            spec.reference_step = reference_step;
            spec.points = points;
            spec.steps = steps;
            spec.step_codes_y = step_codes_y;
            spec.black_step = black_step;
            spec.transfer = transfer;
            spec.fit_min_fraction_of_peak = fit_min_fraction_of_peak;
            const MeasuredReadings in = measuredReadingsFromPython(readings);
            const double value = info.compute(spec, in.readings);
            // As evaluateProfile propagates a figure's U (it draws figure i from seed + i).
            ev::MonteCarloOptions mc;
            mc.draws = draws;
            const ev::PropagatedUncertainty U =
                ev::propagateUncertainty(spec, in.readings, in.budgets, mc, seed);
            py::dict d;
            d["metric"] = metric;
            d["unit"] = info.unit;
            d["value"] = numberOrNone(value);
            d["U"] = numberOrNone(U.expanded);
            d["monte_carlo_draws"] = U.draws;
            d["draws"] = drawsToPython(draws);
            d["seed"] = seed;
            return d;
        },
        py::arg("metric"), py::arg("readings"), py::kw_only(), py::arg("step") = "",
        py::arg("point") = "", py::arg("reference_point") = "", py::arg("reference_step") = "",
        py::arg("points") = std::vector<std::string>{},
        py::arg("steps") = std::vector<std::string>{}, py::arg("step_codes_y") = std::vector<int>{},
        py::arg("black_step") = "", py::arg("transfer") = "",
        py::arg("fit_min_fraction_of_peak") = 0.05, py::arg("draws") = "adaptive",
        py::arg("seed") = std::uint64_t{20261125},
        "One metric on readings, as a profile figure naming it would compute it: dict value (in "
        "the metric's unit; None when the readings it needs are absent), U (expanded, k = 2; 0 "
        "when the readings carry no uncertainty), monte_carlo_draws, draws, seed. U is "
        "propagated by Monte Carlo as certify does (docs/uncertainty.md): each instrument's "
        "budget (calibration/instruments/, or the one a report recorded for the virtual meter) "
        "with systematic components drawn once per instrument per draw and random ones per "
        "reading; a reading without a known instrument uses its own u_luminance_rel and "
        "u_chromaticity_xy as systematic. draws: 'adaptive' (or 0; until U is stable to 2 %, "
        "the default) or a fixed number, from `seed`; a report's figure i was drawn from its "
        "uncertainty seed + i. readings: a report dict (its instruments and budgets apply), a "
        "list of dicts with report.json's reading keys (step, point, repeat, X, Y, Z in cd/m²), "
        "or columns {'step', 'point', 'xyz': (N, 3) array}. See list() for what each metric "
        "needs.");
}

}  // namespace cm::python

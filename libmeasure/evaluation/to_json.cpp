// SPDX-License-Identifier: Apache-2.0
// JSON of the evaluation's value types (fitness checks, uncertainty budgets, figures).
#include "libmeasure/evaluation/evaluate_profile.h"
#include "libmeasure/evaluation/instrument_fitness.h"
#include "libmeasure/evaluation/uncertainty_model.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace cm::evaluation {

namespace {

nlohmann::json numberOrNull(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

nlohmann::json optionalNumber(const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

void to_json(nlohmann::json& j, const FitnessCheck& c) {
    j = {{"check", c.id},
         {"outcome", toString(c.outcome)},
         {"requirement", c.requirement},
         {"found", c.found},
         {"message", c.message}};
}

void to_json(nlohmann::json& j, const UncertaintyComponent& c) {
    j = {{"name", c.name},
         {"kind", toString(c.kind)},
         {"quantity", toString(c.quantity)},
         {"value", c.value},
         {"distribution", toString(c.distribution)},
         {"standard_uncertainty", c.standardUncertainty()},
         {"source", c.source}};
}

void to_json(nlohmann::json& j, const InstrumentUncertaintyModel& m) {
    j = {
        {"models", m.models}, {"type", m.type}, {"source", m.source}, {"components", m.components}};
}

void to_json(nlohmann::json& j, const FigureResult& f) {
    const auto& t = f.spec.tolerance;
    j = {{"id", f.spec.id},
         {"label", f.spec.label},
         {"metric", f.spec.metric},
         {"step", f.spec.step},
         {"point", f.spec.point},
         {"unit", f.spec.unit},
         {"value", numberOrNull(f.value)},
         {"expanded_uncertainty_k2", f.expanded_uncertainty},
         {"monte_carlo_draws", f.mc_draws},
         {"guard_band", f.guard_band},
         {"ambient",
          f.spec.ambient.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.spec.ambient)},
         {"straddles_limit", f.straddles_limit},
         {"limit",
          {{"target", optionalNumber(t.target)},
           {"lower", optionalNumber(t.lower)},
           {"upper", optionalNumber(t.upper)},
           {"text", t.describe()}}},
         {"source", t.source},
         {"provisional", t.provisional},
         {"informative", t.informative},
         {"verdict", toString(f.verdict)}};
}

}  // namespace cm::evaluation

// SPDX-License-Identifier: Apache-2.0
// Instrument uncertainty budgets: standard uncertainties from stated values, and the data file.
#include "libmeasure/evaluation/uncertainty_model.h"

#include <cmath>

namespace cm::evaluation {

double UncertaintyComponent::standardUncertainty() const {
    if (distribution == Distribution::Rectangular) {
        return value / std::sqrt(3.0);
    }
    return coverage_k > 0.0 ? value / coverage_k : value;
}

bool InstrumentUncertaintyModel::matches(const std::string& model) const {
    for (const std::string& m : models) {
        if (m == model) {
            return true;
        }
    }
    return false;
}

double InstrumentUncertaintyModel::standard(ComponentKind kind, ComponentQuantity quantity) const {
    double s2 = 0.0;
    for (const UncertaintyComponent& c : components) {
        if (c.kind == kind && c.quantity == quantity) {
            const double u = c.standardUncertainty();
            s2 += u * u;
        }
    }
    return std::sqrt(s2);
}

InstrumentUncertaintyModel legacyModel(double u_luminance_rel, double u_chromaticity_xy) {
    InstrumentUncertaintyModel m;
    m.type = "unknown";
    m.source = "per-reading standard uncertainties stored with the readings";
    if (u_luminance_rel > 0.0) {
        m.components.push_back({"luminance (stored)", ComponentKind::SystematicPerRun,
                                ComponentQuantity::LuminanceRel, u_luminance_rel,
                                Distribution::Normal, 1.0, 1.0, m.source});
    }
    if (u_chromaticity_xy > 0.0) {
        m.components.push_back({"chromaticity (stored)", ComponentKind::SystematicPerRun,
                                ComponentQuantity::ChromaticityXY, u_chromaticity_xy,
                                Distribution::Normal, 1.0, 1.0, m.source});
    }
    return m;
}

namespace {

UncertaintyComponent parseComponent(const util::JsonView& j) {
    j.allowOnly({"name", "kind", "quantity", "value", "distribution", "coverage_k",
                 "reference_cdm2", "source"});
    UncertaintyComponent c;
    c.name = j.string("name");
    c.kind =
        j.at("kind").oneOf({"systematic_per_run", "random_per_reading"}) == "random_per_reading"
            ? ComponentKind::RandomPerReading
            : ComponentKind::SystematicPerRun;
    const std::string q = j.at("quantity")
                              .oneOf({"luminance_rel", "luminance_abs_cdm2",
                                      "linearity_rel_per_decade", "chromaticity_xy"});
    c.quantity = q == "luminance_rel"              ? ComponentQuantity::LuminanceRel
                 : q == "luminance_abs_cdm2"       ? ComponentQuantity::LuminanceAbs_cdm2
                 : q == "linearity_rel_per_decade" ? ComponentQuantity::LinearityRelPerDecade
                                                   : ComponentQuantity::ChromaticityXY;
    c.value = j.at("value").number(0.0, 1.0);
    c.distribution = j.at("distribution").oneOf({"normal", "rectangular"}) == "normal"
                         ? Distribution::Normal
                         : Distribution::Rectangular;
    if (c.distribution == Distribution::Normal) {
        c.coverage_k = j.at("coverage_k").number(0.5, 4.0);
    } else if (j.has("coverage_k")) {
        j.at("coverage_k").fail("coverage_k applies to normal distributions only");
    }
    if (c.quantity == ComponentQuantity::LinearityRelPerDecade) {
        c.reference_cdm2 = j.at("reference_cdm2").number(1e-6, 1e6);
    }
    if (c.quantity == ComponentQuantity::LuminanceAbs_cdm2 &&
        c.kind != ComponentKind::RandomPerReading) {
        j.at("kind").fail("a low-light noise floor is random per reading");
    }
    c.source = j.string("source");
    return c;
}

}  // namespace

std::vector<InstrumentUncertaintyModel> parseUncertaintyModels(const util::JsonView& root) {
    root.allowOnly({"schema", "version", "note", "instruments"});
    if (root.string("schema") != "cinemeasure-instrument-uncertainty") {
        root.at("schema").fail("expected \"cinemeasure-instrument-uncertainty\"");
    }
    root.at("version").integer(1, 1);
    std::vector<InstrumentUncertaintyModel> out;
    for (const util::JsonView& m : root.at("instruments").elements()) {
        m.allowOnly({"models", "type", "source", "components"});
        InstrumentUncertaintyModel model;
        for (const util::JsonView& n : m.at("models").elements()) {
            model.models.push_back(n.string());
        }
        if (model.models.empty()) {
            m.at("models").fail("at least one model name");
        }
        model.type = m.at("type").oneOf({"spectroradiometer", "colorimeter"});
        model.source = m.string("source");
        for (const util::JsonView& c : m.at("components").elements()) {
            model.components.push_back(parseComponent(c));
        }
        out.push_back(std::move(model));
    }
    return out;
}

const InstrumentUncertaintyModel* findUncertaintyModel(
    const std::vector<InstrumentUncertaintyModel>& models, const std::string& model) {
    for (const InstrumentUncertaintyModel& m : models) {
        if (m.matches(model)) {
            return &m;
        }
    }
    return nullptr;
}

const char* toString(ComponentKind k) {
    return k == ComponentKind::RandomPerReading ? "random_per_reading" : "systematic_per_run";
}

const char* toString(ComponentQuantity q) {
    switch (q) {
        case ComponentQuantity::LuminanceRel:
            return "luminance_rel";
        case ComponentQuantity::LuminanceAbs_cdm2:
            return "luminance_abs_cdm2";
        case ComponentQuantity::LinearityRelPerDecade:
            return "linearity_rel_per_decade";
        case ComponentQuantity::ChromaticityXY:
            return "chromaticity_xy";
    }
    return "?";
}

const char* toString(Distribution d) {
    return d == Distribution::Normal ? "normal" : "rectangular";
}

}  // namespace cm::evaluation

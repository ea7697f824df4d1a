// SPDX-License-Identifier: Apache-2.0
// An instrument model's uncertainty budget as data: components with their kind (systematic per
// instrument per run, random per reading), quantity, distribution and source.
#pragma once

#include "libmeasure/util/json_view.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace cm::evaluation {

/// How a component behaves across the readings of one run (GUM §3.2.2/§3.2.3 in run terms).
enum class ComponentKind {
    /// The same error on every reading of one instrument in one run (calibration scale,
    /// chromaticity offset, non-linearity): it cancels in ratios and differences and does not
    /// average down with repeats.
    SystematicPerRun,
    /// A fresh error on every reading (repeatability, low-light noise): repeats reduce it by √n.
    RandomPerReading,
};

enum class ComponentQuantity {
    LuminanceRel,           ///< relative error of Y (fraction)
    LuminanceAbs_cdm2,      ///< absolute noise on each of X, Y, Z in cd/m² (low-light floor)
    LinearityRelPerDecade,  ///< relative error of Y per decade away from reference_cdm2
    ChromaticityXY,         ///< absolute error of CIE 1931 x and of y (drawn independently)
};

enum class Distribution {
    Normal,       ///< the stated value is coverage_k · σ
    Rectangular,  ///< the stated value is the half-width a; σ = a / √3 (GUM §4.3.7)
};

struct UncertaintyComponent {
    std::string name;
    ComponentKind kind = ComponentKind::SystematicPerRun;
    ComponentQuantity quantity = ComponentQuantity::LuminanceRel;
    double value = 0.0;  ///< as the source states it (half-width or k · σ), in the quantity's unit
    Distribution distribution = Distribution::Rectangular;
    double coverage_k = 1.0;      ///< Normal only
    double reference_cdm2 = 1.0;  ///< LinearityRelPerDecade only: the level with no error
    std::string source;

    /// Standard uncertainty (k = 1) in the quantity's unit.
    double standardUncertainty() const;
};

/// The budget of one instrument model. `models` lists the names the instrument reports itself by
/// (InstrumentInfo::model); the virtual meter's budget is built from the theatre's noise.
struct InstrumentUncertaintyModel {
    std::vector<std::string> models;
    std::string type;  ///< "spectroradiometer", "colorimeter", "virtual"
    std::string source;
    std::vector<UncertaintyComponent> components;

    bool matches(const std::string& model) const;
    /// Root-sum-square of the standard uncertainties of one kind and quantity.
    double standard(ComponentKind kind, ComponentQuantity quantity) const;
};

/// A budget from the legacy per-reading fields (u of luminance, relative; u of x, y), used when a
/// reading's instrument has no model: both are read as systematic per run (a specification
/// accuracy is a calibration error, not noise), normal with k = 1.
InstrumentUncertaintyModel legacyModel(double u_luminance_rel, double u_chromaticity_xy);

/// As report.json lists a budget: each component with its standard uncertainty.
void to_json(nlohmann::json& j, const UncertaintyComponent& c);
void to_json(nlohmann::json& j, const InstrumentUncertaintyModel& m);

/// Parses the "cinemeasure-instrument-uncertainty" document (calibration/instruments/*.json).
/// Throws util::DataError naming the file and JSON path.
std::vector<InstrumentUncertaintyModel> parseUncertaintyModels(const util::JsonView& root);

/// nullptr when no model matches.
const InstrumentUncertaintyModel* findUncertaintyModel(
    const std::vector<InstrumentUncertaintyModel>& models, const std::string& model);

const char* toString(ComponentKind k);
const char* toString(ComponentQuantity q);
const char* toString(Distribution d);

}  // namespace cm::evaluation

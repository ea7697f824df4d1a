// SPDX-License-Identifier: Apache-2.0
// Loading the instrument uncertainty budgets.
#include "app/common/run/instrument_models.h"

#include "app/common/data_paths.h"

#include <algorithm>
#include <filesystem>

namespace cm::app {

const std::vector<evaluation::InstrumentUncertaintyModel>& shippedInstrumentModels() {
    static const std::vector<evaluation::InstrumentUncertaintyModel> models = [] {
        std::vector<evaluation::InstrumentUncertaintyModel> out;
        const std::filesystem::path dir = dataDir() / "instruments";
        if (!std::filesystem::is_directory(dir)) {
            return out;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(dir)) {
            if (e.path().extension() == ".json") {
                files.push_back(e.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            const nlohmann::json doc = util::parseJson(readTextFile(f), f.string());
            for (auto& m : evaluation::parseUncertaintyModels(util::JsonView(doc, f.string()))) {
                out.push_back(std::move(m));
            }
        }
        return out;
    }();
    return models;
}

evaluation::InstrumentUncertaintyModel virtualMeterModel(const drivers::virt::Noise& noise,
                                                         const std::string& model_name) {
    using evaluation::ComponentKind;
    using evaluation::ComponentQuantity;
    using evaluation::Distribution;
    evaluation::InstrumentUncertaintyModel m;
    m.models = {model_name};
    m.type = "virtual";
    m.source = "the virtual theatre's configured noise (1 sigma), the meter's only error";
    const std::string src = "theatre config \"noise\"";
    if (noise.luminance_rel_pct > 0.0) {
        m.components.push_back({"luminance noise", ComponentKind::RandomPerReading,
                                ComponentQuantity::LuminanceRel, noise.luminance_rel_pct / 100.0,
                                Distribution::Normal, 1.0, 1.0, src});
    }
    if (noise.luminance_abs_cdm2 > 0.0) {
        // The simulator adds its absolute noise to Y only; on X, Y, Z alike here (same σ on Y).
        m.components.push_back({"low-light noise floor", ComponentKind::RandomPerReading,
                                ComponentQuantity::LuminanceAbs_cdm2, noise.luminance_abs_cdm2,
                                Distribution::Normal, 1.0, 1.0, src});
    }
    if (noise.chromaticity_xy > 0.0) {
        m.components.push_back({"chromaticity noise", ComponentKind::RandomPerReading,
                                ComponentQuantity::ChromaticityXY, noise.chromaticity_xy,
                                Distribution::Normal, 1.0, 1.0, src});
    }
    return m;
}

std::vector<evaluation::InstrumentUncertaintyModel> instrumentModelsFor(
    const drivers::virt::Noise& noise, const std::string& virtual_model_name) {
    std::vector<evaluation::InstrumentUncertaintyModel> out = shippedInstrumentModels();
    out.push_back(virtualMeterModel(noise, virtual_model_name));
    return out;
}

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// Correction file I/O and application.
#include "app/common/correction_file.h"

#include "app/common/data_paths.h"
#include "libmeasure/util/json_view.h"

namespace cm::app {

CorrectionFile parseCorrection(const std::string& text, const std::string& source) {
    const nlohmann::json doc = util::parseJson(text, source);
    const util::JsonView root(doc, source);
    root.allowOnly({"schema", "version", "id", "method", "matrix", "colorimeter", "reference",
                    "screen", "date_utc", "residual_duv", "max_residual_duv"});
    if (root.string("schema") != "cinemeasure-correction") {
        root.at("schema").fail("expected \"cinemeasure-correction\"");
    }
    root.at("version").integer(1, 1);
    CorrectionFile c;
    c.id = root.string("id");
    c.correction.method =
        root.at("method").oneOf({"one-colour", "four-colour", "spectral-samples"});
    const auto rows = root.at("matrix").elements();
    if (rows.size() != 3) {
        root.at("matrix").fail("expected a 3×3 matrix");
    }
    for (std::size_t r = 0; r < 3; ++r) {
        const auto cols = rows[r].elements();
        if (cols.size() != 3) {
            rows[r].fail("expected 3 numbers");
        }
        for (std::size_t k = 0; k < 3; ++k) {
            c.correction.matrix[r][k] = cols[k].number(-100, 100);
        }
    }
    const auto meter = root.at("colorimeter");
    meter.allowOnly({"model", "serial"});
    c.colorimeter_model = meter.string("model");
    c.colorimeter_serial = meter.string("serial");
    const auto ref = root.at("reference");
    ref.allowOnly({"model", "serial"});
    c.reference_model = ref.string("model");
    c.reference_serial = ref.string("serial");
    c.screen = root.string("screen");
    c.date_utc = root.string("date_utc");
    c.correction.max_residual_duv = root.numberOr("max_residual_duv", 0.0);
    if (auto res = root.find("residual_duv")) {
        const auto v = res->elements();
        for (std::size_t i = 0; i < v.size() && i < 4; ++i) {
            c.correction.residual_duv[i] = v[i].number();
        }
    }
    return c;
}

CorrectionFile loadCorrection(const std::filesystem::path& file) {
    return parseCorrection(readTextFile(file), file.string());
}

std::string correctionToJson(const CorrectionFile& c) {
    nlohmann::ordered_json j;
    j["schema"] = "cinemeasure-correction";
    j["version"] = 1;
    j["id"] = c.id;
    j["method"] = c.correction.method;
    j["matrix"] = nlohmann::json::array();
    for (const auto& row : c.correction.matrix) {
        j["matrix"].push_back({row[0], row[1], row[2]});
    }
    j["colorimeter"] = {{"model", c.colorimeter_model}, {"serial", c.colorimeter_serial}};
    j["reference"] = {{"model", c.reference_model}, {"serial", c.reference_serial}};
    j["screen"] = c.screen;
    j["date_utc"] = c.date_utc;
    j["residual_duv"] = {c.correction.residual_duv[0], c.correction.residual_duv[1],
                         c.correction.residual_duv[2], c.correction.residual_duv[3]};
    j["max_residual_duv"] = c.correction.max_residual_duv;
    return j.dump(2) + "\n";
}

void applyCorrection(procedure::Reading& r, const CorrectionFile& c) {
    const colorimetry::XYZ raw = r.uncorrected_xyz_cdm2 ? *r.uncorrected_xyz_cdm2 : r.xyz_cdm2;
    r.uncorrected_xyz_cdm2 = raw;
    r.xyz_cdm2 = correction::apply(c.correction, raw);
    r.correction_id = c.id;
}

CorrectedInstrument::CorrectedInstrument(drivers::SpotInstrument& inner, CorrectionFile correction)
    : inner_(inner), correction_(std::move(correction)) {}

procedure::Reading CorrectedInstrument::measure() {
    procedure::Reading r = inner_.measure();
    applyCorrection(r, correction_);
    return r;
}

}  // namespace cm::app

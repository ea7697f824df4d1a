// SPDX-License-Identifier: Apache-2.0
// `cinemeasure correction fit`: a colorimeter correction from readings of R, G, B, W by the
// colorimeter and by a spectroradiometer on the same screen, written with its provenance.
#include "app/cli/commands.h"
#include "app/common/correction_file.h"
#include "app/common/data_paths.h"

#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

namespace cm::cli {

namespace {

/// "stimulus,X,Y,Z" CSV with rows red, green, blue, white (cd/m²).
correction::FourColourSet readRgbw(const std::string& file) {
    std::istringstream in(app::readTextFile(file));
    std::string line;
    int n = 0;
    std::map<std::string, colorimetry::XYZ> rows;
    while (std::getline(in, line)) {
        if (++n == 1 || line.empty()) {
            continue;
        }
        char name[32];
        colorimetry::XYZ v;
        if (std::sscanf(line.c_str(), "%31[^,],%lf,%lf,%lf", name, &v.X, &v.Y, &v.Z) != 4) {
            throw errors::InputError(file + ":" + std::to_string(n) +
                                     ": expected 'stimulus,X,Y,Z'");
        }
        rows[name] = v;
    }
    for (const char* need : {"red", "green", "blue", "white"}) {
        if (!rows.count(need)) {
            throw errors::InputError(file + ": missing the '" + std::string(need) + "' row");
        }
    }
    return {rows["red"], rows["green"], rows["blue"], rows["white"]};
}

}  // namespace

void registerCorrectionCommands(CLI::App& app) {
    auto* group = app.add_subcommand("correction", "Colorimeter correction matrices");
    group->require_subcommand(1);
    auto o = std::make_shared<std::map<std::string, std::string>>();
    auto* fit = group->add_subcommand(
        "fit", "Fit a one-colour or four-colour correction and write it as JSON");
    for (const char* k : {"meter", "reference", "out", "id", "screen", "meter-model",
                          "meter-serial", "reference-model", "reference-serial"}) {
        (*o)[k] = "";
    }
    (*o)["method"] = "four-colour";
    fit->add_option("--meter", (*o)["meter"],
                    "Colorimeter readings CSV: stimulus,X,Y,Z (red, green, blue, white)")
        ->required();
    fit->add_option("--reference", (*o)["reference"], "Spectroradiometer readings CSV, same layout")
        ->required();
    fit->add_option("--method", (*o)["method"], "four-colour (default) or one-colour")
        ->check(CLI::IsMember({"four-colour", "one-colour"}));
    fit->add_option("--out", (*o)["out"], "Correction file to write")->required();
    fit->add_option("--id", (*o)["id"], "Correction id (default: the output file's name)");
    fit->add_option("--screen", (*o)["screen"], "Screen the readings were taken on")->required();
    fit->add_option("--meter-model", (*o)["meter-model"], "Colorimeter model")->required();
    fit->add_option("--meter-serial", (*o)["meter-serial"], "Colorimeter serial")->required();
    fit->add_option("--reference-model", (*o)["reference-model"], "Spectroradiometer model")
        ->required();
    fit->add_option("--reference-serial", (*o)["reference-serial"], "Spectroradiometer serial")
        ->required();
    fit->callback([o] {
        auto& a = *o;
        const auto meter = readRgbw(a["meter"]);
        const auto ref = readRgbw(a["reference"]);
        app::CorrectionFile c;
        c.correction = a["method"] == "one-colour"
                           ? correction::fitOneColour(meter.white, ref.white)
                           : correction::fitFourColour(meter, ref);
        c.id = a["id"].empty() ? std::filesystem::path(a["out"]).stem().string() : a["id"];
        c.colorimeter_model = a["meter-model"];
        c.colorimeter_serial = a["meter-serial"];
        c.reference_model = a["reference-model"];
        c.reference_serial = a["reference-serial"];
        c.screen = a["screen"];
        c.date_utc = drivers::utcNowIso8601();
        app::writeFileAtomically(a["out"], app::correctionToJson(c));
        std::printf("%s: %s correction, largest residual Δu'v' %.6f\n", a["out"].c_str(),
                    c.correction.method.c_str(), c.correction.max_residual_duv);
    });
}

}  // namespace cm::cli

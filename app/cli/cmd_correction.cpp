// SPDX-License-Identifier: Apache-2.0
// `cinemeasure correction fit`: a colorimeter correction from readings of R, G, B, W by the
// colorimeter and by a spectroradiometer on the same screen, written with its provenance.
#include "app/cli/commands.h"
#include "app/common/cie_data.h"
#include "app/common/correction_file.h"
#include "app/common/data_paths.h"
#include "app/common/present/chart_data.h"
#include "app/common/profile_catalog.h"
#include "app/common/report/report_json.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"
#include "libmeasure/correction/spectral_samples.h"
#include "libmeasure/util/json_view.h"

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

correction::SpectralSampleSet readCcss(const std::string& file) {
    return correction::parseCcss(app::readTextFile(file), file);  // a bad file is input
}

/// The reference XYZ of red, green, blue and white from a CCSS file's spectra (CIE 1931 2°).
correction::FourColourSet rgbwFromCcss(const std::string& file) {
    const auto set = readCcss(file);
    std::map<std::string, colorimetry::XYZ> rows;
    for (std::size_t i = 0; i < set.samples.size(); ++i) {
        rows[set.ids[i]] = colorimetry::absoluteXYZ(set.samples[i], app::cieData().cie1931_2);
    }
    for (const char* need : {"red", "green", "blue", "white"}) {
        if (!rows.count(need)) {
            throw errors::InputError(file + ": no spectrum with SAMPLE_ID '" + std::string(need) +
                                     "'");
        }
    }
    return {rows["red"], rows["green"], rows["blue"], rows["white"]};
}

/// White, red, green and blue spectra of a report (the first reading of each full-field step).
correction::SpectralSampleSet spectraFromReport(const std::string& file) {
    const nlohmann::json doc = util::parseJson(app::readTextFile(file), file);
    report::CertificationReport r;
    r.readings = app::readingsFromReportJson(doc, file);
    r.profile = app::findProfile(util::JsonView(doc, file).at("profile").string("id"));
    correction::SpectralSampleSet set;
    for (const auto& s : app::present::displaySpectra(r)) {
        std::vector<double> wl(s.radiance.size());
        for (std::size_t i = 0; i < wl.size(); ++i) {
            wl[i] = s.start_nm + s.step_nm * static_cast<double>(i);
        }
        set.ids.push_back(s.stimulus);
        set.samples.emplace_back(wl, s.radiance, true);
    }
    if (set.samples.empty()) {
        throw errors::InputError(file +
                                 ": no spectra (was it measured with a "
                                 "spectroradiometer?)");
    }
    const auto instruments = doc.value("instruments", nlohmann::json::array());
    if (!instruments.empty()) {
        set.reference =
            instruments[0].value("model", "") + " " + instruments[0].value("serial", "");
    }
    return set;
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
    fit->add_option("--reference", (*o)["reference"],
                    "Spectroradiometer readings CSV, same layout (or --reference-ccss)");
    (*o)["reference-ccss"] = "";
    fit->add_option("--reference-ccss", (*o)["reference-ccss"],
                    "Spectroradiometer spectra of the same screen as a CCSS file (SAMPLE_ID red, "
                    "green, blue, white), integrated with the CIE 1931 2° table");
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
        if (a["reference"].empty() == a["reference-ccss"].empty()) {
            throw errors::InputError("give one of --reference and --reference-ccss");
        }
        const auto ref =
            a["reference"].empty() ? rgbwFromCcss(a["reference-ccss"]) : readRgbw(a["reference"]);
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
    {
        auto from = std::make_shared<std::string>();
        auto out = std::make_shared<std::string>();
        auto display = std::make_shared<std::string>();
        auto technology = std::make_shared<std::string>("Unknown");
        auto* c = group->add_subcommand(
            "ccss",
            "Write the white and primary spectra of a spectroradiometer's report as a CCSS "
            "spectral sample set (ArgyllCMS format, docs/ccss.md)");
        c->add_option("--from-report", *from, "report.json measured with a spectroradiometer")
            ->required();
        c->add_option("--out", *out, "CCSS file to write")->required();
        c->add_option("--display", *display, "Display name (default: the report's site)");
        c->add_option("--technology", *technology,
                      "Display technology, e.g. \"Laser projector\" (default Unknown)");
        c->callback([=] {
            correction::SpectralSampleSet set = spectraFromReport(*from);
            set.display = display->empty() ? *from : *display;
            set.technology = *technology;
            set.created = drivers::utcNowIso8601();
            app::writeFileAtomically(*out, correction::writeCcss(set));
            std::printf("%s: %zu spectra (", out->c_str(), set.samples.size());
            for (std::size_t i = 0; i < set.ids.size(); ++i) {
                std::printf("%s%s", i ? ", " : "", set.ids[i].c_str());
            }
            std::printf(")\n");
        });
    }
    {
        auto o2 = std::make_shared<std::map<std::string, std::string>>();
        auto* c = group->add_subcommand(
            "fit-spectral",
            "Correction from a CCSS spectral sample set and the colorimeter's channel "
            "sensitivities (least squares over the samples, as ArgyllCMS does for CCSS)");
        for (const char* k :
             {"ccss", "sensitivities", "out", "id", "screen", "meter-model", "meter-serial"}) {
            (*o2)[k] = "";
        }
        c->add_option("--ccss", (*o2)["ccss"], "Spectral sample set (CCSS)")->required();
        c->add_option("--sensitivities", (*o2)["sensitivities"],
                      "Colorimeter channel sensitivities CSV: wavelength_nm,r,g,b (regular step)")
            ->required();
        c->add_option("--out", (*o2)["out"], "Correction file to write")->required();
        c->add_option("--id", (*o2)["id"], "Correction id (default: the output file's name)");
        c->add_option("--screen", (*o2)["screen"], "Screen (default: the CCSS DISPLAY)");
        c->add_option("--meter-model", (*o2)["meter-model"], "Colorimeter model")->required();
        c->add_option("--meter-serial", (*o2)["meter-serial"], "Colorimeter serial")->required();
        c->callback([o2] {
            auto& a = *o2;
            const auto set = readCcss(a["ccss"]);
            app::CorrectionFile f;
            const auto sens = colorimetry::parseObserverCsv(app::readTextFile(a["sensitivities"]),
                                                            a["sensitivities"], "colorimeter");
            f.correction =
                correction::fitSpectralSamples(set.samples, sens, app::cieData().cie1931_2);
            f.id = a["id"].empty() ? std::filesystem::path(a["out"]).stem().string() : a["id"];
            f.colorimeter_model = a["meter-model"];
            f.colorimeter_serial = a["meter-serial"];
            const auto split = set.reference.rfind(' ');
            f.reference_model =
                split == std::string::npos ? set.reference : set.reference.substr(0, split);
            f.reference_serial = split == std::string::npos ? "" : set.reference.substr(split + 1);
            f.screen = a["screen"].empty() ? set.display : a["screen"];
            f.date_utc = drivers::utcNowIso8601();
            app::writeFileAtomically(a["out"], app::correctionToJson(f));
            std::printf(
                "%s: spectral-samples correction from %zu spectra, largest residual "
                "Δu'v' %.6f\n",
                a["out"].c_str(), set.samples.size(), f.correction.max_residual_duv);
        });
    }
}

}  // namespace cm::cli

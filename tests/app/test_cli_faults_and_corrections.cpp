// SPDX-License-Identifier: Apache-2.0
// Faults through the real driver path lose no reading and the run resumes; colorimeter corrections
// are applied to every reading with the raw reading kept.
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {
using cm::test::readJson;
std::string sessionIdIn(const std::string& output) {
    const auto at = output.find("cinemeasure resume ");
    REQUIRE(at != std::string::npos);
    return output.substr(at + 19, 20);
}
}  // namespace

TEST_CASE(
    "each family: unplug mid-procedure keeps the readings, resume finishes with identical ones",
    "[cli][faults][resume]") {
    for (const char* family : {"pr6xx", "cs2000", "k10a", "specbos"}) {
        INFO(family);
        const fs::path base = cm::test::freshDir(std::string("unplug-") + family);
        // The K10-A (5° field, uncorrected colorimeter) is not fit for ST 431-1 (≤ 2°): it runs
        // only as a rehearsal, and then states no overall verdict.
        const bool unfit = std::string(family) == "k10a";
        const std::string common =
            std::string("--profile st431-1-review --simulate ") +
            cm::test::virtualTheatre("projector-reference.json") + " --instrument " + family +
            " --time-scale 0.001 --seed 3 --quiet" + (unfit ? " --allow-unfit" : "");
        REQUIRE(cli("certify " + common + " --out " + (base / "ref").string()).exit_code == 0);
        // The unplug hits the 4th measurement (the K10-A averages 2 N5 per reading at white).
        const auto killed = cli("certify " + common + " --fault unplug --fault-at 4 --out " +
                                (base / "cut").string());
        CHECK(killed.exit_code == 3);
        CHECK_THAT(killed.output, Catch::Contains("disconnected"));
        CHECK_THAT(killed.output, Catch::Contains("readings so far are kept"));
        CHECK_FALSE(fs::exists(base / "cut" / "report.json"));
        const auto resumed = cli("resume " + sessionIdIn(killed.output) + " --quiet");
        INFO(resumed.output);
        REQUIRE(resumed.exit_code == 0);
        const auto a = readJson(base / "ref" / "report.json");
        const auto b = readJson(base / "cut" / "report.json");
        REQUIRE(a["readings"].size() == b["readings"].size());
        for (std::size_t i = 0; i < a["readings"].size(); ++i) {
            CHECK(a["readings"][i]["Y"] == b["readings"][i]["Y"]);
        }
        CHECK(a["overall_verdict"] == (unfit ? "NOT EVALUATED" : "PASS"));
        CHECK(b["overall_verdict"] == a["overall_verdict"]);
        fs::remove_all(base);
    }
}

TEST_CASE("correction fit, then a K10-A certification with the correction applied and raw kept",
          "[cli][correction]") {
    const fs::path base = cm::test::freshDir("correction");
    fs::create_directories(base);
    const std::string data = std::string(CINEMEASURE_SOURCE_DIR) + "/tests/data/correction/";
    const fs::path file = base / "k10a.json";
    const auto fit = cli("correction fit --meter " + data + "k10a_rgbw.csv --reference " + data +
                         "pr670_rgbw.csv" + " --out " + file.string() +
                         " --screen test --meter-model K-10-A --meter-serial K1" +
                         " --reference-model PR-670 --reference-serial P1");
    INFO(fit.output);
    REQUIRE(fit.exit_code == 0);
    const auto c = readJson(file);
    CHECK(c["matrix"][0][0].get<double>() == Approx(1.04).margin(2e-5));  // the worked example's D
    CHECK(c["colorimeter"]["serial"] == "K1");
    const auto run =
        cli("certify --profile st431-1-theatre --simulate " +
            cm::test::virtualTheatre("projector-reference.json") +
            " --instrument k10a --time-scale 0.001 --quiet --allow-unfit --correction " +
            file.string() + " --out " + (base / "out").string());
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    const auto rep = readJson(base / "out" / "report.json");
    for (const auto& r : rep["readings"]) {
        CHECK(r["correction"] == "k10a");
        REQUIRE(r["uncorrected"].is_object());
        const double X = r["uncorrected"]["X"], Y = r["uncorrected"]["Y"];
        // Corrected Y = row 2 of D applied to the raw reading: 0.01 X + 0.97 Y + 0 Z.
        CHECK(r["Y"].get<double>() == Approx(0.01 * X + 0.97 * Y).epsilon(1e-5));
    }
    const auto bad = cli("certify --profile st431-1-theatre --simulate " +
                         cm::test::virtualTheatre("projector-reference.json") + " --correction " +
                         data + "k10a_rgbw.csv --out " + (base / "bad").string());
    CHECK(bad.exit_code == 2);
    fs::remove_all(base);
}

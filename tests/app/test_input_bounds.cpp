// SPDX-License-Identifier: Apache-2.0
// Bounded inputs (#20 cases 2, 3, 13): hostile or careless profiles, spectra and options are
// refused with a clear message before any work, and what is accepted cannot make a loop run away.
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {

nlohmann::json shippedProfile(const std::string& id) {
    return cm::test::readJson(std::string(CINEMEASURE_CALIBRATION_DIR) + "/profiles/" + id +
                              ".json");
}

fs::path writeJson(const fs::path& dir, const std::string& name, const nlohmann::json& j) {
    fs::create_directories(dir);
    const fs::path f = dir / name;
    std::ofstream(f) << j.dump(2);
    return f;
}

void writeText(const fs::path& f, const std::string& text) {
    fs::create_directories(f.parent_path());
    std::ofstream(f) << text;
}

nlohmann::json& figure(nlohmann::json& profile, const std::string& id) {
    for (auto& f : profile["figures"]) {
        if (f["id"] == id) {
            return f;
        }
    }
    FAIL("no figure " << id);
    return profile;
}

std::string certify(const fs::path& profile, const fs::path& out) {
    return "certify --profile " + profile.string() + " --simulate " +
           cm::test::virtualTheatre("projector-reference.json") + " --out " + out.string() +
           " --quiet";
}

}  // namespace

TEST_CASE("profile tolerances outside the physical range are refused at load (case 3)",
          "[bounds][profile]") {
    const fs::path dir = cm::test::freshDir("bounds-profile");
    struct Case {
        const char* figure;
        nlohmann::json tolerance;
        const char* expect;
    };
    const Case cases[] = {
        // A white tolerance of ±1000 in xy: 216 MB and seconds of grid lines in the PDF before.
        {"white_x", {{"target", 0.314}, {"plus_minus", 1000}, {"source", "t"}}, "[0, 1]"},
        {"white_x", {{"target", 0.314}, {"plus_minus", 2147483648.0}, {"source", "t"}}, "[0, 1]"},
        // A target of -1e308: the chart's grid loop never advanced.
        {"white_y", {{"target", -1e308}, {"plus_minus", 0.006}, {"source", "t"}}, "[0, 1]"},
        {"white_y", {{"min", 1.5}, {"source", "t"}}, "[0, 1]"},
        {"centre_luminance", {{"target", -48.0}, {"plus_minus", 10.2}, {"source", "t"}}, "[0, "},
        // Case 13: a tolerance without a source.
        {"centre_luminance", {{"target", 48.0}, {"plus_minus", 10.2}, {"source", ""}}, "source"},
    };
    for (const Case& c : cases) {
        nlohmann::json p = shippedProfile("st431-1-theatre");
        figure(p, c.figure)["tolerance"] = c.tolerance;
        const fs::path f = writeJson(dir, "p.json", p);
        const auto r = cli(certify(f, dir / "out"));
        INFO(c.figure << " " << c.tolerance.dump() << "\n" << r.output);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains(c.expect));
        CHECK_FALSE(fs::exists(dir / "out" / "report.pdf"));
    }
    // Case 13: an empty profile id.
    nlohmann::json p = shippedProfile("st431-1-theatre");
    p["id"] = "";
    const auto r = cli(certify(writeJson(dir, "p.json", p), dir / "out"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("$.id"));
    fs::remove_all(dir);
}

TEST_CASE("the widest valid white tolerance still draws a bounded chart", "[bounds][pdf]") {
    const fs::path dir = cm::test::freshDir("bounds-wide");
    nlohmann::json p = shippedProfile("st431-1-theatre");
    figure(p, "white_x")["tolerance"] = {{"target", 0.5}, {"plus_minus", 1.0}, {"source", "t"}};
    figure(p, "white_y")["tolerance"] = {{"target", 0.5}, {"plus_minus", 1.0}, {"source", "t"}};
    const auto r = cli(certify(writeJson(dir, "p.json", p), dir / "out"));
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(fs::file_size(dir / "out" / "report.pdf") < 2'000'000);
    fs::remove_all(dir);
}

TEST_CASE("a 120 000-character operator note is shortened in the PDF, not measured per character",
          "[bounds][pdf]") {
    // Before: the shortening loop measured the whole text once per dropped character (114 s for
    // 100 000 characters); now a binary search. This would run past the test timeout before.
    const fs::path dir = cm::test::freshDir("bounds-note");
    const std::string note(120'000, 'n');
    const auto r = cli("certify --profile st431-1-review --simulate " +
                       cm::test::virtualTheatre("projector-reference.json") + " --out " +
                       (dir / "out").string() + " --quiet --note " + note);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(dir / "out" / "report.pdf"));
    fs::remove_all(dir);
}

TEST_CASE("CGATS files: no data rows, and header counts that disagree (cases 2, 13)",
          "[bounds][spectrum]") {
    const fs::path dir = cm::test::freshDir("bounds-cgats");
    const std::string head =
        "CGATS.17\nSPECTRAL_BANDS \"3\"\nSPECTRAL_START_NM \"380\"\nSPECTRAL_END_NM \"390\"\n"
        "SPECTRAL_NORM \"1\"\n";
    const std::string format = "BEGIN_DATA_FORMAT\nSPEC_380 SPEC_385 SPEC_390\nEND_DATA_FORMAT\n";
    struct Case {
        std::string text;
        const char* expect;
    };
    const Case cases[] = {
        {head + format + "BEGIN_DATA\nEND_DATA\n", "no data rows"},  // SIGSEGV before
        {head + "NUMBER_OF_FIELDS 4\n" + format + "BEGIN_DATA\n1 2 3\nEND_DATA\n",
         "NUMBER_OF_FIELDS is 4 but the file has 3 fields"},
        {head + format + "NUMBER_OF_SETS 2\nBEGIN_DATA\n1 2 3\nEND_DATA\n",
         "NUMBER_OF_SETS is 2 but the file has 1 data rows"},
    };
    for (const Case& c : cases) {
        writeText(dir / "s.sp", c.text);
        const auto r = cli("calc spectrum " + (dir / "s.sp").string());
        INFO(c.text << "\n" << r.output);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains(c.expect));
    }
    fs::remove_all(dir);
}

TEST_CASE("a spectrum that stops at 520 nm says what is extrapolated (case 13)",
          "[bounds][spectrum]") {
    const fs::path dir = cm::test::freshDir("bounds-csv");
    std::string csv = "nm,value\n";
    for (int nm = 380; nm <= 520; nm += 5) {
        csv += std::to_string(nm) + ",0.01\n";
    }
    writeText(dir / "s.csv", csv);
    const auto r = cli("calc --json spectrum " + (dir / "s.csv").string());
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("520–780 nm held at the 520 nm value"));
    fs::remove_all(dir);
}

TEST_CASE("calc exits 2 naming undefined results instead of printing null (case 13)",
          "[bounds][calc]") {
    const auto r = cli("calc convert --from XYZ --to xyY --value 0,0,0");
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("undefined: x, y"));
    CHECK_THAT(r.output, !Catch::Contains("null"));
}

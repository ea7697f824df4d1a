// SPDX-License-Identifier: Apache-2.0
// `cinemeasure calc` end to end: JSON keys scripts rely on, published values, clear errors.
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {
cm::test::Run calc(const std::string& args) {
    return cm::test::cli("calc " + args);
}
}  // namespace

TEST_CASE("calc cct --json: D65 6504 K with the documented keys", "[cli][calc]") {
    const cm::test::Run r = calc("cct --xy 0.31271,0.32902 --json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.output);
    CHECK(j.at("cct_K").get<double>() == Approx(6504).margin(1));
    CHECK(j.at("duv").get<double>() == Approx(0.0032).margin(2e-4));
    CHECK(j.at("method") == "ohno2013");
}

TEST_CASE("calc de2000 --json: Sharma pair 17 is 27.1492", "[cli][calc]") {
    const cm::test::Run r = calc("de2000 --lab1 50,2.5,0 --lab2 73,25,-18 --json");
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.output).at("dE00").get<double>() == Approx(27.1492).margin(1e-4));
}

TEST_CASE("calc spectrum --json: CIE illuminant A file gives A's chromaticity and 2856 K",
          "[cli][calc]") {
    const cm::test::Run r = calc(std::string("spectrum ") + CINEMEASURE_CALIBRATION_DIR +
                                 "/cie/illuminant_A.csv --json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.output);
    for (const char* k : {"X", "Y", "Z", "x", "y", "u_prime", "v_prime", "cct_K", "duv"}) {
        CHECK(j.contains(k));
    }
    CHECK(j.at("x").get<double>() == Approx(0.44757).margin(1e-4));  // CIE 15:2004 Table T.3
    CHECK(j.at("cct_K").get<double>() == Approx(2856).margin(1));
}

TEST_CASE("calc convert xyY → uv gives the DCI white u'v' (0.19077, 0.47980)", "[cli][calc]") {
    const cm::test::Run r = calc("convert --from xyY --to uv --value 0.314,0.351,48 --json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.output);
    CHECK(j.at("u_prime").get<double>() == Approx(0.19077).margin(5e-6));
    CHECK(j.at("v_prime").get<double>() == Approx(0.47980).margin(5e-6));
}

TEST_CASE("calc errors: out-of-range CCT, bad numbers, malformed spectrum file",
          "[cli][calc][edge]") {
    cm::test::Run r = calc("cct --xy 0.2,0.7");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("too far from the Planckian locus"));
    r = calc("de2000 --lab1 50,x,0 --lab2 1,2,3");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("'x' is not a number"));
    const auto bad = std::filesystem::temp_directory_path() / "cinemeasure-bad-spectrum.csv";
    std::ofstream(bad) << "nm,value\n400,1\n405,oops\n";
    r = calc("spectrum " + bad.string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(bad.string() + ":3: expected a number"));
    std::filesystem::remove(bad);
}

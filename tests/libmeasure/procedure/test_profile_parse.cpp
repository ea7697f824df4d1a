// SPDX-License-Identifier: Apache-2.0
// Profile validation: malformed documents fail at load with file, JSON path and expected form.
#include "libmeasure/procedure/profile.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace cm;

namespace {

nlohmann::json minimal() {
    return nlohmann::json::parse(R"({
      "schema": "cinemeasure-profile", "version": 1, "id": "t", "title": "T",
      "standard": {"name": "SMPTE ST 431-1", "edition": "2006"},
      "room_class": "theatre", "dynamic_range": "SDR", "stereo": "2D", "display_type": "projector",
      "instrument": {"max_acceptance_angle_deg": 2, "source": "§4.4"},
      "geometry": {"layout": "st431-5", "inset_fraction_of_width": 0.05, "source": "§4.2"},
      "steps": [{"id": "white", "stimulus": "white", "points": ["C", "L"]}],
      "figures": [{"id": "c", "label": "Centre", "metric": "luminance", "step": "white",
                   "point": "C", "unit": "cd/m2",
                   "tolerance": {"target": 48, "plus_minus": 10.2, "source": "Table 1"}}]
    })");
}

procedure::Profile parse(const nlohmann::json& j) {
    return procedure::parseProfile(util::JsonView(j, "test.json"));
}

std::string errorOf(const nlohmann::json& j) {
    try {
        parse(j);
    } catch (const util::DataError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a minimal valid profile parses with its tolerance bounds", "[procedure]") {
    const auto p = parse(minimal());
    REQUIRE(p.figures.size() == 1);
    CHECK(*p.figures[0].tolerance.lower == Approx(37.8));
    CHECK(*p.figures[0].tolerance.upper == Approx(58.2));
    CHECK(p.steps[0].repeats == 1);
}

TEST_CASE("a figure recorded where its source sets no limit has no bound, not a made-up one",
          "[procedure]") {
    // The DY/T 8 draft sets no black-level limit, DCI HDR none for theatre corners: such a figure
    // is informative with no bound ("no limit"), never "≥ 0", which reads as a limit.
    auto j = minimal();
    j["figures"][0]["tolerance"] = {{"source", "no limit in the draft"}, {"informative", true}};
    const auto p = parse(j);
    const auto& t = p.figures[0].tolerance;
    CHECK_FALSE(t.lower);
    CHECK_FALSE(t.upper);
    CHECK(t.describe() == "no limit");
    CHECK(evaluation::evaluate(t, 12.0) == evaluation::Verdict::NotEvaluated);
    // A deciding figure needs a limit.
    j["figures"][0]["tolerance"]["informative"] = false;
    CHECK_THAT(errorOf(j), Catch::Contains("a figure without a limit must be informative"));
    // No shipped profile invents a "≥ 0" bound any more.
    for (const auto& entry : std::filesystem::directory_iterator(CINEMEASURE_CALIBRATION_DIR
                                                                 "/profiles")) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        std::ifstream in(entry.path());
        const auto doc = nlohmann::json::parse(in);
        for (const auto& f : doc["figures"]) {
            const auto& tol = f["tolerance"];
            INFO(entry.path().filename().string() << ": " << f["id"]);
            CHECK_FALSE((tol.contains("min") && tol["min"] == 0 && !tol.contains("max") &&
                         !tol.contains("target")));
        }
    }
}

TEST_CASE("profile errors name file, JSON path and expected form", "[procedure][edge]") {
    auto j = minimal();
    j["figures"][0]["metric"] = "luminence";
    CHECK_THAT(errorOf(j),
               Catch::Contains("test.json: $.figures[0].metric: unknown metric 'luminence'"));

    j = minimal();
    j["steps"][0]["repeats"] = 0;
    CHECK_THAT(errorOf(j), Catch::Contains("$.steps[0].repeats: expected an integer in [1, 100]"));

    j = minimal();
    j["figures"][0]["tolerance"] = {{"min", 90}, {"max", 75}, {"source", "x"}};
    CHECK_THAT(errorOf(j), Catch::Contains("inconsistent tolerance: min is greater than max"));

    j = minimal();
    j["figures"][0]["tolerance"] = {
        {"target", 48}, {"plus_minus", 1}, {"min", 40}, {"source", "x"}};
    CHECK_THAT(errorOf(j), Catch::Contains("not both"));

    j = minimal();
    j["geometry"]["inset_fraction"] = 0.05;
    CHECK_THAT(errorOf(j), Catch::Contains("$.geometry.inset_fraction: unknown field"));

    j = minimal();
    j["figures"][0]["point"] = "TL";
    CHECK_THAT(errorOf(j), Catch::Contains("does not read point 'TL'"));

    j = minimal();
    j["figures"][0]["unit"] = "fL";
    CHECK_THAT(errorOf(j), Catch::Contains("is in 'cd/m2', not 'fL'"));

    j = minimal();
    j["figures"][0]["metric"] = "sequential_contrast";
    j["figures"][0]["unit"] = "ratio";
    CHECK_THAT(errorOf(j), Catch::Contains("needs a reference_step"));

    j = minimal();
    j["room_class"] = "cinema";
    CHECK_THAT(errorOf(j), Catch::Contains("expected one of {nominal, review_room, theatre}"));

    j = minimal();
    j["figures"][0]["tolerance"].erase("source");
    CHECK_THAT(errorOf(j), Catch::Contains("missing required field 'source'"));
}

TEST_CASE("JSON syntax errors report the line", "[procedure][edge]") {
    try {
        util::parseJson("{\n  \"a\": 1,\n  \"b\": ,\n}", "bad.json");
        FAIL("no error");
    } catch (const util::DataError& e) {
        CHECK_THAT(e.what(), Catch::Contains("bad.json: line 3"));
    }
}

TEST_CASE("figure fields a metric does not take, or lacks, are errors at load",
          "[procedure][edge]") {
    auto j = minimal();
    j["figures"][0]["points"] = {"C", "L"};
    CHECK_THAT(errorOf(j),
               Catch::Contains("$.figures[0].points: metric 'luminance' takes no points"));

    j = minimal();
    j["figures"][0] = {{"id", "n"},
                       {"label", "N"},
                       {"metric", "non_uniformity"},
                       {"step", "white"},
                       {"unit", "%"},
                       {"points", {"C", "X"}},
                       {"tolerance", {{"max", 4}, {"source", "x"}}}};
    CHECK_THAT(errorOf(j),
               Catch::Contains("$.figures[0].points[1]: step 'white' does not read point 'X'"));

    // A gamma fit needs code values on every ramp step.
    j = minimal();
    j["steps"].push_back({{"id", "g1"}, {"stimulus", "code"}, {"points", {"C"}}});
    j["steps"].push_back(
        {{"id", "g2"}, {"stimulus", "code"}, {"code_xyz", {1, 2, 3}}, {"points", {"C"}}});
    j["figures"][0] = {{"id", "g"},
                       {"label", "G"},
                       {"metric", "gamma_fit"},
                       {"point", "C"},
                       {"steps", {"g1", "g2"}},
                       {"unit", "exponent"},
                       {"tolerance", {{"target", 2.6}, {"plus_minus", 0.13}, {"source", "x"}}}};
    CHECK_THAT(errorOf(j), Catch::Contains("$.figures[0].steps[0]: step 'g1' needs code_xyz"));

    // PQ targets are absolute: a black step there is a mistake in the profile.
    j["steps"][1]["code_xyz"] = {1, 2, 3};
    j["figures"][0]["metric"] = "eotf_error_worst";
    j["figures"][0]["unit"] = "%";
    j["figures"][0]["transfer"] = "pq";
    j["figures"][0]["black_step"] = "white";
    CHECK_THAT(errorOf(j), Catch::Contains("$.figures[0].black_step: PQ targets are absolute"));
    j["figures"][0]["transfer"] = "gamma-2.4";
    CHECK_THAT(errorOf(j), Catch::Contains("$.figures[0].transfer"));
}

TEST_CASE("a step's seat must be declared by the profile", "[procedure][edge]") {
    auto j = minimal();
    j["steps"][0]["seat"] = "balcony";
    CHECK_THAT(errorOf(j), Catch::Contains("$.steps[0].seat: seat 'balcony' is neither"));
    j["geometry"]["extra_seats"] = {"balcony"};
    CHECK(parse(j).steps[0].seat == "balcony");
    j["steps"][0]["seat"] = "normal";
    CHECK(parse(j).seatOf(parse(j).steps[0]) == "normal");
}

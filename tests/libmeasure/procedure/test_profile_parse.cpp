// Profile validation: malformed documents fail at load with file, JSON path and expected form.
#include "libmeasure/procedure/profile.h"

#include <catch2/catch.hpp>

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

// SPDX-License-Identifier: Apache-2.0
// Virtual theatre config validation: every shipped example loads, bad configs name the field.
#include "drivers/virtual/theatre_config.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace cm;

namespace {
nlohmann::json shipped(const std::string& name) {
    std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) + "/virtual/" + name);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return util::parseJson(ss.str(), name);
}
std::string errorOf(const nlohmann::json& j) {
    try {
        drivers::virt::parseTheatreConfig(util::JsonView(j, "cfg.json"));
    } catch (const util::DataError& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST_CASE("the four shipped virtual theatres load", "[virtual]") {
    for (const char* name : {"projector-reference.json", "projector-dim-corners.json",
                             "led-reference.json", "led-defective.json"}) {
        INFO(name);
        const auto doc = shipped(name);
        const auto c = drivers::virt::parseTheatreConfig(util::JsonView(doc, name));
        CHECK(c.stimuli.count("white") == 1);
        CHECK(c.screen.width_m > 0);
        CHECK((c.screen_type == "led") == c.led.has_value());
    }
}

TEST_CASE("bad theatre configs name file, field and expectation", "[virtual][edge]") {
    auto j = shipped("projector-reference.json");
    j["screen"]["widht_m"] = 12;
    CHECK_THAT(errorOf(j), Catch::Contains("cfg.json: $.screen.widht_m: unknown field"));

    j = shipped("projector-reference.json");
    j["stimuli"]["white"]["centre_cdm2"] = "48";
    CHECK_THAT(errorOf(j),
               Catch::Contains("$.stimuli.white.centre_cdm2: expected a number, found string"));

    j = shipped("projector-reference.json");
    j["stimuli"].erase("black");
    CHECK_THAT(errorOf(j), Catch::Contains("missing required stimulus 'black'"));

    j = shipped("projector-reference.json");
    j["screen"]["type"] = "plasma";
    CHECK_THAT(errorOf(j), Catch::Contains("expected one of {projector, led}"));

    j = shipped("led-reference.json");
    j["led"]["module_px"] = {128};
    CHECK_THAT(errorOf(j), Catch::Contains("$.led.module_px: expected [width, height]"));

    j = shipped("projector-reference.json");
    j["stimuli"]["white"]["x"] = 0.8;
    j["stimuli"]["white"]["y"] = 0.5;
    CHECK_THAT(errorOf(j), Catch::Contains("x + y must not exceed 1"));
}

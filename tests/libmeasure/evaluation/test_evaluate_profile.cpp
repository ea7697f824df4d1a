// SPDX-License-Identifier: Apache-2.0
// A hand-worked ST 431-1 theatre evaluation with values on both sides of each limit.
#include "libmeasure/evaluation/evaluate_profile.h"
#include "libmeasure/procedure/profile.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace cm;

namespace {

procedure::Profile theatreProfile() {
    std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) + "/profiles/st431-1-theatre.json");
    std::stringstream ss;
    ss << in.rdbuf();
    const auto doc = util::parseJson(ss.str(), "st431-1-theatre.json");
    return procedure::parseProfile(util::JsonView(doc, "st431-1-theatre.json"));
}

procedure::RecordedReading at(const std::string& point, double x, double y, double Y) {
    procedure::RecordedReading r;
    r.step_id = "white";
    r.point_id = point;
    r.reading.xyz_cdm2 = colorimetry::fromxyY({x, y}, Y);
    return r;
}

const evaluation::FigureResult& fig(const evaluation::Evaluation& ev, const std::string& id) {
    for (const auto& f : ev.figures) {
        if (f.spec.id == id) {
            return f;
        }
    }
    FAIL("no figure " << id);
    throw;
}

}  // namespace

TEST_CASE("ST 431-1 theatre, hand-worked: centre 40 cd/m², sides 74.5/75/90/90.5 %",
          "[evaluation]") {
    // Centre 40.0 (limit 37.8 … 58.2: pass). Left 29.8 → 74.5 % (fail, < 75). Right 30.0 → 75.0 %
    // (pass, on the bound). Top 35.99 → 89.975 % (pass, just inside). Bottom 36.2 → 90.5 % (fail).
    // White x 0.3199 (limit 0.308 … 0.320: pass, just inside), y 0.3425 (limit 0.345 … 0.357:
    // fail).
    const auto profile = theatreProfile();
    const std::vector<procedure::RecordedReading> readings = {
        at("C", 0.3199, 0.3425, 40.0), at("L", 0.314, 0.351, 29.8), at("R", 0.314, 0.351, 30.0),
        at("T", 0.314, 0.351, 35.99), at("B", 0.314, 0.351, 36.2)};
    const auto ev = evaluation::evaluateProfile(profile, readings);
    CHECK(fig(ev, "centre_luminance").value == Approx(40.0));
    CHECK(fig(ev, "centre_luminance").verdict == evaluation::Verdict::Pass);
    CHECK(fig(ev, "side_L_percent").value == Approx(74.5));
    CHECK(fig(ev, "side_L_percent").verdict == evaluation::Verdict::Fail);
    CHECK(fig(ev, "side_R_percent").value == Approx(75.0));
    CHECK(fig(ev, "side_R_percent").verdict == evaluation::Verdict::Pass);
    CHECK(fig(ev, "side_T_percent").value == Approx(89.975));
    CHECK(fig(ev, "side_T_percent").verdict == evaluation::Verdict::Pass);
    CHECK(fig(ev, "side_B_percent").value == Approx(90.5));
    CHECK(fig(ev, "side_B_percent").verdict == evaluation::Verdict::Fail);
    CHECK(fig(ev, "white_x").value == Approx(0.3199).margin(1e-12));
    CHECK(fig(ev, "white_x").verdict == evaluation::Verdict::Pass);
    CHECK(fig(ev, "white_y").value == Approx(0.3425).margin(1e-12));
    CHECK(fig(ev, "white_y").verdict == evaluation::Verdict::Fail);
    CHECK(ev.overall == evaluation::Verdict::Fail);
}

TEST_CASE("repeats are averaged - a missing point leaves its figures not evaluated",
          "[evaluation]") {
    const auto profile = theatreProfile();
    // Centre read twice: 47 and 49 → 48.0. No bottom reading.
    const std::vector<procedure::RecordedReading> readings = {
        at("C", 0.314, 0.351, 47.0), at("C", 0.314, 0.351, 49.0), at("L", 0.314, 0.351, 40.8),
        at("R", 0.314, 0.351, 40.8), at("T", 0.314, 0.351, 40.8)};
    const auto ev = evaluation::evaluateProfile(profile, readings);
    CHECK(fig(ev, "centre_luminance").value == Approx(48.0));
    CHECK(fig(ev, "side_L_percent").value == Approx(85.0));
    CHECK(fig(ev, "side_B_percent").verdict == evaluation::Verdict::NotEvaluated);
    CHECK(ev.overall == evaluation::Verdict::NotEvaluated);
}

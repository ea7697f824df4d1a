// SPDX-License-Identifier: Apache-2.0
// The virtual theatre's light model against values worked by hand from its documented formulas.
#include "drivers/virtual/virtual_spot_meter.h"
#include "drivers/virtual/virtual_theatre.h"

#include <catch2/catch.hpp>

using namespace cm;
using drivers::virt::TheatreConfig;
using drivers::virt::VirtualTheatre;

namespace {

TheatreConfig simple() {
    TheatreConfig c;
    c.screen_type = "projector";
    c.screen = {12.0, 5.0};
    c.reference_seat = {"reference", 0.0, 14.0, -2.4};
    drivers::virt::StimulusField white{48.0, {0.314, 0.351}, {81.5, 74.0, 83.3, 0.0, 0.0}};
    drivers::virt::StimulusField black{0.02, {0.314, 0.351}, {}};
    c.stimuli = {{"white", white}, {"black", black}};
    c.checkerboard_flare_pct = 0.5;
    c.glasses = {0.34, 0.33, 0.4, 0.5};
    return c;
}

}  // namespace

TEST_CASE("field shape is exact at centre, edges and corners", "[virtual]") {
    VirtualTheatre t(simple());
    const geometry::Seat seat{"s", 0, 14, 0};
    CHECK(t.radiance("white", "none", {0, 0}, seat).Y == Approx(48.0));
    CHECK(t.radiance("white", "none", {-6.0, 0}, seat).Y == Approx(48.0 * 0.815));
    CHECK(t.radiance("white", "none", {0, 2.5}, seat).Y == Approx(48.0 * 0.740));
    CHECK(t.radiance("white", "none", {6.0, -2.5}, seat).Y == Approx(48.0 * 0.833));
    // ST 431-1 side point on this screen (u = −0.9): 1 − 0.185·0.81 = 0.85015 of centre.
    CHECK(t.radiance("white", "none", {-5.4, 0}, seat).Y == Approx(48.0 * 0.85015));
    // Corner point (u = 0.9, v = 0.76): 1 − 0.14985 − 0.150176 + 0.278·0.467856 = 0.830038.
    CHECK(t.radiance("white", "none", {5.4, 1.9}, seat).Y == Approx(48.0 * 0.830038).epsilon(1e-5));
}

TEST_CASE("grey levels follow the configured gamma between black and white", "[virtual]") {
    VirtualTheatre t(simple());
    const geometry::Seat seat{"s", 0, 14, 0};
    // 0.02 + (48 − 0.02) · 0.5^2.6 = 0.02 + 47.98 · 0.164938 = 7.93375
    CHECK(t.radiance("grey:0.5", "none", {0, 0}, seat).Y == Approx(7.93375).epsilon(1e-5));
    CHECK_THROWS_WITH(t.radiance("grey:1.5", "none", {0, 0}, seat), Catch::Contains("grey level"));
    CHECK_THROWS_WITH(t.radiance("magenta", "none", {0, 0}, seat),
                      Catch::Contains("no stimulus 'magenta'"));
}

TEST_CASE("4×4 checkerboard: top-left patch white, neighbours black plus flare", "[virtual]") {
    VirtualTheatre t(simple());
    const geometry::Seat seat{"s", 0, 14, 0};
    // Patch centres are at u, v = ±0.25, ±0.75. Top-left (u −0.75, v 0.75) is white.
    const double uW = -0.75 * 6.0, vW = 0.75 * 2.5;
    CHECK(t.radiance("checkerboard", "none", {uW, vW}, seat).Y ==
          Approx(t.radiance("white", "none", {uW, vW}, seat).Y));
    // Next patch right is black: 0.02 + 0.5 % of 48 = 0.26 cd/m².
    CHECK(t.radiance("checkerboard", "none", {-0.25 * 6.0, 0.0}, seat).Y == Approx(0.26));
    CHECK(t.radiance("checkerboard_inverse", "none", {uW, vW}, seat).Y == Approx(0.26));
}

TEST_CASE("3D: lens transmission and leakage of the other eye's image", "[virtual]") {
    VirtualTheatre t(simple());
    const geometry::Seat seat{"s", 0, 14, 0};
    // Left lens, left image white, right black: 0.34 · (48 + 0.004 · 0.02) = 16.32003
    CHECK(t.radiance("3d_left_white", "left", {0, 0}, seat).Y == Approx(16.32003).epsilon(1e-6));
    // Right lens, same stimulus: 0.33 · (0.02 + 0.005 · 48) = 0.0858
    CHECK(t.radiance("3d_left_white", "right", {0, 0}, seat).Y == Approx(0.0858).epsilon(1e-6));
}

TEST_CASE("virtual spot meter: seeded noise, identity and range errors", "[virtual]") {
    auto cfg = simple();
    cfg.noise = {0.3, 0.0005, 0.0003, 42};
    auto theatre = std::make_shared<VirtualTheatre>(cfg);
    drivers::virt::VirtualMeterOptions o;
    o.seed = 42;
    drivers::virt::VirtualSpotMeter a(theatre, o);
    drivers::virt::VirtualSpotMeter b(theatre, o);
    const auto ra = a.measure();
    CHECK(ra.xyz_cdm2.Y == b.measure().xyz_cdm2.Y);  // same seed, same reading
    CHECK(ra.xyz_cdm2.Y == Approx(48.0).epsilon(0.02));
    CHECK(ra.instrument.serial == "VSM-42");
    o.max_luminance_cdm2 = 10.0;
    drivers::virt::VirtualSpotMeter small(theatre, o);
    try {
        small.measure();
        FAIL("no over-range error");
    } catch (const drivers::InstrumentError& e) {
        CHECK(e.kind() == drivers::ErrorKind::OverRange);
    }
    CHECK(drivers::virt::VirtualSpotMeter::integrationTime_s(0.01) == Approx(30.0));
    CHECK(drivers::virt::VirtualSpotMeter::integrationTime_s(48.0) == Approx(2.0 / 48.0));
}

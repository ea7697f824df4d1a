// SPDX-License-Identifier: Apache-2.0
// ST 431-1 §4.2 point positions worked by hand for known screens.
#include "libmeasure/geometry/point_layout.h"
#include "libmeasure/geometry/screen.h"

#include <catch2/catch.hpp>

#include <map>

using namespace cm::geometry;

namespace {
std::map<std::string, ScreenPoint> byId(const std::vector<MeasurementPoint>& pts) {
    std::map<std::string, ScreenPoint> m;
    for (const auto& p : pts) {
        m[p.id] = p.position;
    }
    return m;
}
constexpr double kMm = 1e-3;
}  // namespace

TEST_CASE("st431-9 on a 12 m × 5 m screen: inset 5 % of width = 0.60 m on both axes",
          "[geometry]") {
    // Hand-worked: half width 6.0 − 0.6 = 5.4 m; half height 2.5 − 0.6 = 1.9 m (width, not height).
    const auto m = byId(pointLayout("st431-9", {12.0, 5.0}, 0.05));
    REQUIRE(m.size() == 9);
    CHECK(m.at("C").x_m == Approx(0.0).margin(kMm));
    CHECK(m.at("L").x_m == Approx(-5.4).margin(kMm));
    CHECK(m.at("L").y_m == Approx(0.0).margin(kMm));
    CHECK(m.at("R").x_m == Approx(5.4).margin(kMm));
    CHECK(m.at("T").y_m == Approx(1.9).margin(kMm));
    CHECK(m.at("B").y_m == Approx(-1.9).margin(kMm));
    CHECK(m.at("TL").x_m == Approx(-5.4).margin(kMm));
    CHECK(m.at("TL").y_m == Approx(1.9).margin(kMm));
    CHECK(m.at("BR").x_m == Approx(5.4).margin(kMm));
    CHECK(m.at("BR").y_m == Approx(-1.9).margin(kMm));
}

TEST_CASE("st431-5 on a 2.39:1 scope screen 14.34 m × 6.00 m at 6 % inset", "[geometry]") {
    // Inset 0.06 × 14.34 = 0.8604 m: sides at ±(7.17 − 0.8604) = ±6.3096, top at 3.0 − 0.8604
    // = 2.1396.
    const auto m = byId(pointLayout("st431-5", {14.34, 6.00}, 0.06));
    REQUIRE(m.size() == 5);
    CHECK_FALSE(m.count("TL"));
    CHECK(m.at("R").x_m == Approx(6.3096).margin(kMm));
    CHECK(m.at("T").y_m == Approx(2.1396).margin(kMm));
}

TEST_CASE("grid-3x3 matches st431-9 positions - grid ids are row/column", "[geometry]") {
    const auto g = pointLayout("grid-3x3", {12.0, 5.0}, 0.05);
    REQUIRE(g.size() == 9);
    CHECK(g.front().id == "r1c1");
    CHECK(g.front().position.x_m == Approx(-5.4).margin(kMm));
    CHECK(g.front().position.y_m == Approx(1.9).margin(kMm));
    CHECK(g.back().position.y_m == Approx(-1.9).margin(kMm));
}

TEST_CASE("bad layouts and screens are rejected with a reason", "[geometry][edge]") {
    CHECK_THROWS_WITH(pointLayout("st431-7", {12, 5}, 0.05),
                      Catch::Contains("unknown point layout"));
    CHECK_THROWS_WITH(pointLayout("grid-4x3", {12, 5}, 0.05),
                      Catch::Contains("unknown point layout"));
    CHECK_THROWS_WITH(pointLayout("st431-9", {10, 1}, 0.05), Catch::Contains("leaves no room"));
    CHECK_THROWS(pointLayout("st431-9", {0, 5}, 0.05));
    CHECK_THROWS(pointLayout("st431-9", {-12, 5}, 0.05));
    CHECK_THROWS(pointLayout("st431-9", {12, 5}, -0.01));
}

TEST_CASE("line of sight from a seat 14 m back, 2.4 m below centre, to the left side point",
          "[geometry]") {
    // dx = 0 − (−5.4) = 5.4, dy = −2.4 − 0 = −2.4, dz = 14: distance √(29.16 + 5.76 + 196)
    // = 15.1961.
    const LineOfSight los = lineOfSight({"ref", 0.0, 14.0, -2.4}, {-5.4, 0.0});
    CHECK(los.distance_m == Approx(15.1961).margin(1e-4));
    CHECK(los.off_normal_deg == Approx(22.8843).margin(1e-3));       // acos(14 / 15.1961)
    CHECK(los.horizontal_deg == Approx(21.0923).margin(1e-3));       // atan(5.4 / 14)
    CHECK(spotRadius_m(14.0, 1.0) == Approx(0.12217).margin(1e-5));  // 14 · tan(0.5°)
}

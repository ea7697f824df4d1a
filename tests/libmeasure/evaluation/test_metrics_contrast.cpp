// SPDX-License-Identifier: Apache-2.0
// RP 431-2 contrast metrics on hand-worked readings.
#include "libmeasure/evaluation/metrics_contrast.h"
#include "libmeasure/geometry/point_layout.h"
#include "libmeasure/procedure/profile.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace cm;

namespace {
procedure::RecordedReading at(const std::string& step, const std::string& point, double Y) {
    procedure::RecordedReading r;
    r.step_id = step;
    r.point_id = point;
    r.reading.xyz_cdm2 = colorimetry::fromxyY({0.314, 0.351}, Y);
    return r;
}
}  // namespace

TEST_CASE("sequential contrast: 48.0 / 0.024 cd/m² = 2000:1 (RP 431-2's reference projector)",
          "[contrast]") {
    procedure::FigureSpec f;
    f.step = "white";
    f.reference_step = "black";
    f.point = "C";
    CHECK(evaluation::metricSequentialContrast(
              f, {at("white", "C", 48.0), at("black", "C", 0.024)}) == Approx(2000.0));
    CHECK(std::isnan(evaluation::metricSequentialContrast(f, {at("white", "C", 48.0)})));
    CHECK(std::isnan(
        evaluation::metricSequentialContrast(f, {at("white", "C", 48.0), at("black", "C", 0.0)})));
}

TEST_CASE("checkerboard contrast: white patches 44 and 46, black 0.28 and 0.32 → 45 / 0.30 = 150:1",
          "[contrast]") {
    procedure::FigureSpec f;
    f.step = "cb";
    f.point = "K11";
    std::vector<procedure::RecordedReading> rs;
    for (int r = 1; r <= 4; ++r) {
        for (int c = 1; c <= 4; ++c) {
            const bool white = (r + c) % 2 == 0;  // K11 (top left) is white
            const bool alt = c <= 2;
            rs.push_back(at("cb", "K" + std::to_string(r) + std::to_string(c),
                            white ? (alt ? 44.0 : 46.0) : (alt ? 0.28 : 0.32)));
        }
    }
    CHECK(evaluation::metricCheckerboardContrast(f, rs) == Approx(150.0));
    rs.pop_back();  // one patch missing → not evaluated
    CHECK(std::isnan(evaluation::metricCheckerboardContrast(f, rs)));
}

TEST_CASE("checker-4x4 layout: patch centres at ±1/4 and ±3/4 of the half-screen", "[geometry]") {
    // 12 m × 5 m: K11 at (−0.75 · 6, +0.75 · 2.5) = (−4.5, 1.875); K44 at (4.5, −1.875).
    const auto pts = geometry::pointLayout("centre+checker-4x4", {12.0, 5.0}, 0.05);
    REQUIRE(pts.size() == 17);
    CHECK(pts[0].id == "C");
    CHECK(pts[1].id == "K11");
    CHECK(pts[1].position.x_m == Approx(-4.5));
    CHECK(pts[1].position.y_m == Approx(1.875));
    CHECK(pts[16].id == "K44");
    CHECK(pts[16].position.x_m == Approx(4.5));
    CHECK(pts[16].position.y_m == Approx(-1.875));
    CHECK_THROWS(geometry::pointLayout("centre+nonsense", {12.0, 5.0}, 0.05));
}

// SPDX-License-Identifier: Apache-2.0
// XYZ ↔ xy ↔ u'v' against published values (SMPTE RP 431-2 Table C.1, CIE 15:2018).
#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/colorimetry/units.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace cm::colorimetry;

namespace {
constexpr double kTableTol = 5e-6;  // published u'v' are given to 5 decimals
}

TEST_CASE("u'v' of the DCI-P3 red primary matches RP 431-2 Table C.1", "[colorimetry]") {
    const ChromaticityUV uv = toUV(ChromaticityXY{0.680, 0.320});
    CHECK(uv.u_prime == Approx(0.49635).margin(kTableTol));
    CHECK(uv.v_prime == Approx(0.52555).margin(kTableTol));
}

TEST_CASE("u'v' of the DCI white (0.314, 0.351) is (0.19077, 0.47980), not the Table C.2 erratum",
          "[colorimetry]") {
    const ChromaticityUV uv = toUV(ChromaticityXY{0.314, 0.351});
    CHECK(uv.u_prime == Approx(0.19077).margin(kTableTol));
    CHECK(uv.v_prime == Approx(0.47980).margin(kTableTol));
    CHECK(std::abs(uv.u_prime - 0.2001) > 0.005);  // RP 431-2 Table C.2 misprint
}

TEST_CASE("XYZ of D65 white (CIE 15:2018 Table T.3) gives x 0.31272, y 0.32903", "[colorimetry]") {
    const XYZ d65{95.047, 100.0, 108.883};
    const ChromaticityXY xy = toXY(d65);
    CHECK(xy.x == Approx(0.31272).margin(2e-5));
    CHECK(xy.y == Approx(0.32903).margin(2e-5));
}

TEST_CASE("xyY → XYZ → xy round trip and u'v' → xy inverse", "[colorimetry]") {
    const ChromaticityXY xy{0.2650, 0.6900};
    const XYZ xyz = fromxyY(xy, 34.64);
    CHECK(xyz.Y == 34.64);
    const ChromaticityXY back = toXY(xyz);
    CHECK(back.x == Approx(xy.x).margin(1e-12));
    CHECK(back.y == Approx(xy.y).margin(1e-12));
    const ChromaticityXY fromUv = toXY(toUV(xy));
    CHECK(fromUv.x == Approx(xy.x).margin(1e-12));
    CHECK(fromUv.y == Approx(xy.y).margin(1e-12));
}

TEST_CASE("chromaticity of zero, negative and NaN light is undefined, not a number",
          "[colorimetry][edge]") {
    CHECK(std::isnan(toXY(XYZ{0, 0, 0}).x));
    CHECK(std::isnan(toXY(XYZ{-1, -1, -1}).y));
    CHECK(std::isnan(toUV(XYZ{0, 0, 0}).u_prime));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(std::isnan(toXY(XYZ{nan, 1, 1}).x));
    CHECK(std::isnan(fromxyY(ChromaticityXY{0.3, 0.0}, 10).X));
}

TEST_CASE("Δu'v' of ±0.006 in x at DCI white is about 0.0041", "[colorimetry]") {
    const double d =
        deltaUV(toUV(ChromaticityXY{0.314, 0.351}), toUV(ChromaticityXY{0.320, 0.351}));
    CHECK(d == Approx(0.0041).margin(1e-4));
}

TEST_CASE("48 cd/m² is 14.01 fL - 14 fL is 47.97 cd/m²", "[colorimetry][units]") {
    CHECK(cdm2ToFootLambert(48.0) == Approx(14.0093).margin(1e-4));
    CHECK(footLambertToCdm2(14.0) == Approx(47.9676).margin(1e-4));
    CHECK(footLambertToCdm2(1.0) == kCandelaPerSquareMetrePerFootLambert);
}

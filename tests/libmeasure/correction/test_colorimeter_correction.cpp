// SPDX-License-Identifier: Apache-2.0
// Four-colour and one-colour corrections on a worked example: a colorimeter whose response is the
// reference's distorted by a known matrix D must be corrected by exactly D.
#include "libmeasure/correction/colorimeter_correction.h"

#include <catch2/catch.hpp>

using namespace cm;
using namespace cm::correction;

namespace {
// Reference (spectroradiometer): the RP 431-2 Table A.4 patches, XYZ = xyY → XYZ worked out:
// red (0.68, 0.32) 10.06 → X = 0.68·10.06/0.32 = 21.3775, Z = 0; green (0.265, 0.69) 34.64;
// blue (0.15, 0.06) 3.31; white = their sum.
const FourColourSet kReference{{21.377500, 10.060000, 0.0},
                               {13.303768, 34.640000, 2.259130},
                               {8.275000, 3.310000, 43.581667},
                               {42.956268, 48.010000, 45.840797}};
// Colorimeter = D⁻¹ · reference with D = [[1.04, 0.02, −0.01], [0.01, 0.97, 0], [−0.02,
// 0.03, 1.08]] (D⁻¹ applied offline, values written out to 6 decimals).
const FourColourSet kColorimeter{{20.360792, 10.161229, 0.094795},
                                 {12.120498, 35.586387, 1.327730},
                                 {8.281349, 3.326996, 40.414337},
                                 {40.762639, 49.074612, 41.836863}};
constexpr double kRoundingTol = 2e-5;  // inputs rounded to 6 decimals
}  // namespace

TEST_CASE("four-colour correction recovers the known distortion matrix", "[correction]") {
    const CorrectionMatrix c = fitFourColour(kColorimeter, kReference);
    const double D[3][3] = {{1.04, 0.02, -0.01}, {0.01, 0.97, 0.00}, {-0.02, 0.03, 1.08}};
    for (int r = 0; r < 3; ++r) {
        for (int k = 0; k < 3; ++k) {
            INFO(r << "," << k);
            CHECK(c.matrix[r][k] == Approx(D[r][k]).margin(kRoundingTol));
        }
    }
    CHECK(c.max_residual_duv < 1e-5);
    const auto w = apply(c, kColorimeter.white);
    CHECK(w.Y == Approx(48.01).margin(1e-4));
}

TEST_CASE("one-colour correction scales X, Y, Z to the reference white", "[correction]") {
    const CorrectionMatrix c = fitOneColour(kColorimeter.white, kReference.white);
    // 42.956268/40.762639 = 1.053814, 48.01/49.074612 = 0.978306, 45.840797/41.836863 = 1.095703
    CHECK(c.matrix[0][0] == Approx(1.053814).margin(1e-6));
    CHECK(c.matrix[1][1] == Approx(0.978306).margin(1e-6));
    CHECK(c.matrix[2][2] == Approx(1.095703).margin(1e-6));
    CHECK(c.matrix[0][1] == 0.0);
    // The white is exact; a primary is not (that is what the four-colour method adds).
    CHECK(colorimetry::deltaUV(colorimetry::toUV(apply(c, kColorimeter.white)),
                               colorimetry::toUV(kReference.white)) < 1e-9);
    const auto red = apply(c, kColorimeter.red);
    CHECK(colorimetry::deltaUV(colorimetry::toUV(red), colorimetry::toUV(kReference.red)) > 1e-3);
}

TEST_CASE("degenerate inputs are refused", "[correction][edge]") {
    CHECK_THROWS(fitOneColour({0, 1, 1}, {1, 1, 1}));
    FourColourSet bad = kColorimeter;
    bad.blue = bad.green;  // collinear primaries
    CHECK_THROWS(fitFourColour(bad, kReference));
    bad = kColorimeter;
    bad.red = {0, 0, 0};
    CHECK_THROWS(fitFourColour(bad, kReference));
}

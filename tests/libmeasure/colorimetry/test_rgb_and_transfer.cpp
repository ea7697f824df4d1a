// SPDX-License-Identifier: Apache-2.0
// NPM matrices against SMPTE EG 432-1 / ITU-R values; DCI X'Y'Z' and PQ against RP 431-2 and
// the DCI HDR addendum tables.
#include "libmeasure/colorimetry/rgb_colourspace.h"
#include "libmeasure/colorimetry/transfer_functions.h"

#include <catch2/catch.hpp>

using namespace cm::colorimetry;

TEST_CASE("DCI-P3 NPM matches SMPTE EG 432-1:2010 to 1e-6", "[colorimetry][rgb]") {
    const Matrix3 m = normalisedPrimaryMatrix(dciP3());
    const double published[3][3] = {{0.4451698156, 0.2771344092, 0.1722826698},
                                    {0.2094916779, 0.7215952542, 0.0689130679},
                                    {0.0000000000, 0.0470605601, 0.9073553944}};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            INFO(r << "," << c);
            CHECK(m[r][c] == Approx(published[r][c]).margin(1e-6));
        }
    }
}

TEST_CASE("Rec.709 and Rec.2020 luminance rows match the ITU luma coefficients",
          "[colorimetry][rgb]") {
    // BT.709-6 item 3.2: 0.2126, 0.7152, 0.0722. BT.2020-2 Table 4: 0.2627, 0.6780, 0.0593.
    const Matrix3 m709 = normalisedPrimaryMatrix(rec709());
    CHECK(m709[1][0] == Approx(0.2126).margin(5e-5));
    CHECK(m709[1][1] == Approx(0.7152).margin(5e-5));
    CHECK(m709[1][2] == Approx(0.0722).margin(5e-5));
    const Matrix3 m2020 = normalisedPrimaryMatrix(rec2020());
    CHECK(m2020[1][0] == Approx(0.2627).margin(5e-5));
    CHECK(m2020[1][1] == Approx(0.6780).margin(5e-5));
    CHECK(m2020[1][2] == Approx(0.0593).margin(5e-5));
    // White maps to the white point with Y = 1.
    const XYZ w = apply(normalisedPrimaryMatrix(p3D65()), {1, 1, 1});
    CHECK(toXY(w).x == Approx(0.3127).margin(1e-12));
    CHECK(w.Y == Approx(1.0).margin(1e-12));
    RgbColourspace bad = rec709();
    bad.blue = bad.green;
    CHECK_THROWS(normalisedPrimaryMatrix(bad));
}

TEST_CASE("DCI X'Y'Z' decode matches RP 431-2 Table A.4 colour patches", "[colorimetry][dci]") {
    struct Patch {
        CodeValues12 code;
        double x, y, Y;
    };
    // RP 431-2:2011 Table A.4 (x, y to 4 decimals, Y to 2).
    const Patch patches[] = {{{3794, 3960, 3890}, 0.3140, 0.3510, 48.00},
                             {{2901, 2171, 100}, 0.6799, 0.3200, 10.06},
                             {{2417, 3493, 1222}, 0.2649, 0.6901, 34.64},
                             {{2014, 1416, 3816}, 0.1500, 0.0600, 3.31},
                             {{3883, 3960, 4092}, 0.3127, 0.3290, 48.00}};
    for (const auto& p : patches) {
        const XYZ v = dciDecode(p.code);
        const ChromaticityXY xy = toXY(v);
        CHECK(xy.x == Approx(p.x).margin(1e-4));
        CHECK(xy.y == Approx(p.y).margin(1e-4));
        CHECK(v.Y == Approx(p.Y).margin(0.005));
        CHECK(dciEncode(v) == p.code);  // round trip to the same 12-bit codes
    }
    CHECK_THROWS(dciDecode({4096, 0, 0}));
}

TEST_CASE("gamma 2.6 grey targets plus 0.024 cd/m² black give RP 431-2 Table A.2",
          "[colorimetry][dci]") {
    // Table A.2 luminances include the 0.024 cd/m² screen black of a 2000:1 projector.
    const int codes[] = {396, 792, 1188, 1584, 1980, 2376, 2772, 3168, 3564, 3960};
    const double table[] = {0.14, 0.75, 2.12, 4.45, 7.94, 12.74, 19.01, 26.89, 36.52, 48.02};
    for (int i = 0; i < 10; ++i) {
        INFO("step " << i + 1);
        CHECK(gammaTarget_cdm2(codes[i]) + 0.024 == Approx(table[i]).margin(0.006));
    }
}

TEST_CASE("PQ decode matches the DCI HDR addendum grey steps - ST 2084 end points",
          "[colorimetry][pq]") {
    // DCI HDR D-Cinema Addendum Tables 7/8 (Y channel codes).
    CHECK(pqTarget_cdm2(2546) == Approx(299.6).margin(0.05));
    CHECK(pqTarget_cdm2(481) == Approx(0.500).margin(0.0005));
    CHECK(pqTarget_cdm2(62) == Approx(0.0050).margin(0.0001));
    CHECK(pqEotf(1.0) == Approx(10000.0));
    CHECK(pqEotf(0.0) == 0.0);
    for (double L : {0.005, 0.1, 48.0, 299.6, 1000.0, 10000.0}) {
        CHECK(pqEotf(pqInverseEotf(L)) == Approx(L).epsilon(1e-9));
    }
    CHECK_THROWS(pqEotf(1.5));
    CHECK_THROWS(pqInverseEotf(-1.0));
}

// SPDX-License-Identifier: Apache-2.0
// Spectrum → XYZ: CIE-published illuminant chromaticities (CIE 15:2004 Tables T.3, T.8) from the
// CIE spectra, both observers, to 1e-4; absolute photometry against the definition of Km.
#include "cie_tables.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <catch2/catch.hpp>

using namespace cm;
using namespace cm::colorimetry;

namespace {
Spectrum flatSpectrum(double value) {
    std::vector<double> wl;
    for (double w = 360; w <= 830; w += 1) {
        wl.push_back(w);
    }
    return Spectrum(wl, std::vector<double>(wl.size(), value));
}
constexpr double kTableTol = 1e-4;  // the requirement; the CIE tables give 4–5 decimals

struct Published {
    const char* name;
    double x2, y2;    // CIE 1931 2°
    double x10, y10;  // CIE 1964 10°
};
// CIE 15:2004 Table T.3 (A, C, D65) and Table T.8.2 (FL2, FL7, FL11; given to 4 decimals).
constexpr Published kIlluminants[] = {
    {"A", 0.44757, 0.40745, 0.45117, 0.40594},   {"C", 0.31006, 0.31616, 0.31039, 0.31905},
    {"D65", 0.31271, 0.32902, 0.31382, 0.33100}, {"F2", 0.3721, 0.3751, 0.3793, 0.3672},
    {"F7", 0.3129, 0.3292, 0.3157, 0.3296},      {"F11", 0.3805, 0.3769, 0.3854, 0.3711},
};
}  // namespace

TEST_CASE("illuminant chromaticities from CIE spectra match CIE 15 tables, both observers",
          "[colorimetry][spectrum]") {
    for (const auto& p : kIlluminants) {
        INFO(p.name);
        const Spectrum s = test::illuminant(p.name);
        const ChromaticityXY xy2 = toXY(illuminantXYZ(s, test::cie1931()));
        CHECK(xy2.x == Approx(p.x2).margin(kTableTol));
        CHECK(xy2.y == Approx(p.y2).margin(kTableTol));
        const ChromaticityXY xy10 = toXY(illuminantXYZ(s, test::cie1964()));
        CHECK(xy10.x == Approx(p.x10).margin(kTableTol));
        CHECK(xy10.y == Approx(p.y10).margin(kTableTol));
    }
}

TEST_CASE("absolute XYZ: 1 W·sr⁻¹·m⁻² at 555 nm is 683.002 cd/m² (definition of Km)",
          "[colorimetry][spectrum]") {
    // A 1 nm wide band carrying 1 W·sr⁻¹·m⁻²·nm⁻¹ at 555 nm, where ȳ = 1.
    const Spectrum line({553, 554, 555, 556, 557}, {0, 0, 1, 0, 0});
    CHECK(absoluteXYZ(line, test::cie1931()).Y == Approx(683.002).margin(1e-9));
    // Equal-energy radiance of 0.001 over 360–830 nm: Y = 683.002 · 0.001 · Σȳ, Σȳ = 106.856895
    // (the CIE 1931 1 nm table's sum, CIE 015:2018 Table 1 note).
    const Spectrum flat = flatSpectrum(0.001);
    CHECK(absoluteXYZ(flat, test::cie1931()).Y == Approx(683.002 * 0.106856895).epsilon(1e-6));
    const ChromaticityXY e = toXY(absoluteXYZ(flat, test::cie1931()));
    CHECK(e.x == Approx(1.0 / 3.0).margin(2e-4));  // illuminant E sits at (1/3, 1/3)
    CHECK(e.y == Approx(1.0 / 3.0).margin(2e-4));
}

TEST_CASE("relative XYZ: the perfect diffuser under D65 is the D65 white, Y = 100",
          "[colorimetry][spectrum]") {
    const Spectrum d65 = test::illuminant("D65");
    const Spectrum one = flatSpectrum(1.0);
    const XYZ w = relativeXYZ(one, d65, test::cie1931());
    CHECK(w.Y == Approx(100.0));
    // CIE 15:2004 Table T.3: 95.04, 100, 108.88, summed over 380–780 nm; our sum also covers
    // 360–380 nm where D65 and z̄ are small but not zero, hence the 0.02 margin.
    CHECK(w.X == Approx(95.04).margin(0.02));
    CHECK(w.Z == Approx(108.88).margin(0.02));
    const Spectrum half = flatSpectrum(0.5);
    CHECK(relativeXYZ(half, d65, test::cie1931()).Y == Approx(50.0));
}

TEST_CASE("bad spectra are refused with a reason", "[colorimetry][spectrum][edge]") {
    CHECK_THROWS_WITH(Spectrum({400, 410, 420}, {1, -0.5, 1}), Catch::Contains("negative value"));
    CHECK_THROWS_WITH(Spectrum({400, 500}, {1, std::nan("")}), Catch::Contains("non-finite"));
    CHECK_THROWS_WITH(Spectrum({400, 450}, {1, 1}), Catch::Contains("gap of 50 nm"));
    CHECK_THROWS_WITH(Spectrum({400, 400}, {1, 1}), Catch::Contains("strictly increase"));
    CHECK_THROWS_WITH(Spectrum({400}, {1}), Catch::Contains("at least two"));
    CHECK_NOTHROW(Spectrum({400, 410}, {1, -1e-12}));  // dark-noise dip within tolerance
}

TEST_CASE("spectrum interpolation is linear inside and holds the nearest value outside",
          "[colorimetry][spectrum]") {
    const Spectrum s({400, 410, 420}, {1.0, 3.0, 2.0});
    CHECK(s.at(405) == Approx(2.0));
    CHECK(s.at(417.5) == Approx(2.25));
    CHECK(s.at(300) == 1.0);
    CHECK(s.at(900) == 2.0);
    CHECK(s.regularStep_nm() == 10.0);
}

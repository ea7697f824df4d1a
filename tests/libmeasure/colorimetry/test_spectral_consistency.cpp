// SPDX-License-Identifier: Apache-2.0
// Instrument XYZ against its spectrum (hand-worked), the CIE 2015 observers' published
// construction, and observer metamerism between spectra that match for the 1931 observer.
#include "libmeasure/colorimetry/rgb_colourspace.h"
#include "libmeasure/colorimetry/spectral_consistency.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include "tests/libmeasure/colorimetry/cie_tables.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace cm;
using namespace cm::colorimetry;

namespace {

const Observer& cie2015_2() {
    static const auto o =
        parseObserverCsv(test::readCie("cie2015_2deg_xyz_1nm.csv"), "2015_2", "CIE 2015 2°");
    return o;
}
const Observer& cie2015_10() {
    static const auto o =
        parseObserverCsv(test::readCie("cie2015_10deg_xyz_1nm.csv"), "2015_10", "CIE 2015 10°");
    return o;
}

/// 1 W·sr⁻¹·m⁻²·nm⁻¹ at 555 nm only, on a 1 nm grid 380–780 nm.
Spectrum line555() {
    std::vector<double> wl, v;
    for (int nm = 380; nm <= 780; ++nm) {
        wl.push_back(nm);
        v.push_back(nm == 555 ? 1.0 : 0.0);
    }
    return Spectrum(wl, v);
}

}  // namespace

TEST_CASE("instrument XYZ against its spectrum: ΔY % and Δu'v' worked by hand",
          "[colorimetry][spectrum]") {
    // CIE 1931 at 555 nm: x̄ 0.5120501, ȳ 1.0, z̄ 0.005749999 (CIE 015 table). With Km 683.002
    // lm/W and Δλ 1 nm: X 349.7312, Y 683.002, Z 3.92726 cd/m².
    const auto c = compareWithSpectrum({360.0, 690.0, 3.9}, line555(), test::cie1931());
    CHECK(c.from_spectrum.X == Approx(349.7312).epsilon(1e-6));
    CHECK(c.from_spectrum.Y == Approx(683.002).epsilon(1e-9));
    CHECK(c.from_spectrum.Z == Approx(3.92726).epsilon(1e-5));
    // ΔY = 100 (683.002 − 690) / 690 = −1.01420 %.
    CHECK(c.delta_Y_pct == Approx(-1.01420).epsilon(1e-5));
    // u'v' = (4X, 9Y) / (X + 15Y + 3Z): spectrum (0.131893, 0.579550), instrument
    // (1440 / 10721.7, 6210 / 10721.7) = (0.134307, 0.579199); Δu'v' = 0.002440.
    CHECK(c.delta_uv == Approx(0.002440).margin(2e-6));
    // The same chromaticity at another luminance: Δu'v' 0, ΔY as the ratio says.
    const auto same =
        compareWithSpectrum({349.7312 * 2, 683.002 * 2, 3.92726 * 2}, line555(), test::cie1931());
    CHECK(same.delta_uv < 1e-6);
    CHECK(same.delta_Y_pct == Approx(-50.0));
    // A zero instrument Y has no relative difference.
    CHECK(std::isnan(compareWithSpectrum({0, 0, 0}, line555(), test::cie1931()).delta_Y_pct));
}

TEST_CASE("CIE 2015 observers: equal-energy white at x = y = 1/3 and ȳ peaking at 1 (CIE 170-2)",
          "[colorimetry][observer]") {
    for (const Observer* o : {&cie2015_2(), &cie2015_10()}) {
        INFO(o->name);
        CHECK(o->start_nm == 390.0);
        CHECK(o->end_nm() == 830.0);
        // CIE 170-2:2015 scales x̄_F, ȳ_F, z̄_F so that the equal-energy stimulus has X = Y = Z.
        const double sx = std::accumulate(o->xbar.begin(), o->xbar.end(), 0.0);
        const double sy = std::accumulate(o->ybar.begin(), o->ybar.end(), 0.0);
        const double sz = std::accumulate(o->zbar.begin(), o->zbar.end(), 0.0);
        CHECK(sx / sy == Approx(1.0).epsilon(1e-6));
        CHECK(sz / sy == Approx(1.0).epsilon(1e-6));
        // ȳ_F is V_F(λ), normalised to 1 at its maximum (556 nm in the CVRL 1 nm tables).
        const auto peak = std::max_element(o->ybar.begin(), o->ybar.end());
        CHECK(*peak == Approx(1.0).epsilon(1e-4));
        CHECK(o->start_nm + static_cast<double>(peak - o->ybar.begin()) == 556.0);
    }
}

TEST_CASE("observer metamerism: spectra matching for the 1931 observer differ for the others",
          "[colorimetry][observer]") {
    // Illuminant D65 (CIE 015 table) and a three-line laser white made to match it for the
    // CIE 1931 observer: 465, 532 and 639 nm lines of 2 nm FWHM, powers solved on the 1931 CMFs.
    const Spectrum d65 = test::illuminant("D65");
    std::vector<double> wl;
    std::array<std::vector<double>, 3> lines;
    const double centres[3] = {639, 532, 465};
    for (int nm = 380; nm <= 780; ++nm) {
        wl.push_back(nm);
        for (int k = 0; k < 3; ++k) {
            const double d = (nm - centres[k]) / (2.0 / 2.35482);
            lines[static_cast<std::size_t>(k)].push_back(std::exp(-0.5 * d * d));
        }
    }
    const XYZ target = absoluteXYZ(d65, test::cie1931());
    Matrix3 m{};
    for (int k = 0; k < 3; ++k) {
        const XYZ c =
            absoluteXYZ(Spectrum(wl, lines[static_cast<std::size_t>(k)]), test::cie1931());
        m[0][static_cast<std::size_t>(k)] = c.X;
        m[1][static_cast<std::size_t>(k)] = c.Y;
        m[2][static_cast<std::size_t>(k)] = c.Z;
    }
    const XYZ w = colorimetry::apply(colorimetry::inverse(m), target);
    std::vector<double> laser(wl.size());
    for (std::size_t i = 0; i < wl.size(); ++i) {
        laser[i] = w.X * lines[0][i] + w.Y * lines[1][i] + w.Z * lines[2][i];
    }
    const Spectrum laserWhite(wl, laser);
    CHECK(deltaUVBetween(d65, laserWhite, test::cie1931()) < 1e-9);
    // D65 under the 1964 10° observer sits at the published (0.31382, 0.33100) (CIE 015:2004
    // Table T.3); the laser white does not.
    const auto d65_10 = toXY(absoluteXYZ(d65, test::cie1964()));
    CHECK(d65_10.x == Approx(0.31382).margin(1e-4));  // the tables give 4–5 decimals
    CHECK(d65_10.y == Approx(0.33100).margin(1e-4));
    // Narrow-band laser primaries are the textbook case of large observer metamerism: the two
    // whites are several just-noticeable differences (≈ 0.004 u'v') apart for 10° and 2015.
    CHECK(deltaUVBetween(d65, laserWhite, test::cie1964()) > 0.004);
    CHECK(deltaUVBetween(d65, laserWhite, cie2015_2()) > 0.004);
    CHECK(deltaUVBetween(d65, laserWhite, cie2015_10()) > 0.004);
}

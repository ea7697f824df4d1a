// SPDX-License-Identifier: Apache-2.0
// Spectroradiometer spectra: the PR-6xx, CS-2000 and specbos reply parsers against the manuals'
// examples, each driver reading the spectrum from its simulator, and that spectrum integrating
// (CIE 1931 table) to the instrument's own XYZ.
#include "drivers/cs2000/protocol.h"
#include "drivers/families.h"
#include "drivers/pr6xx/protocol.h"
#include "drivers/specbos/protocol.h"
#include "drivers/virtual/spectral_model.h"
#include "libmeasure/colorimetry/spectral_consistency.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include "libmeasure/procedure/reading_spectrum.h"
#include "tests/drivers/white_theatre.h"
#include "tests/libmeasure/colorimetry/cie_tables.h"

#include <catch2/catch.hpp>

#include <map>

using namespace cm;
using namespace cm::drivers;

namespace {
constexpr double kFast = 0.001;
// Rounding of the transmitted values: XYZ to 4 significant digits (PR-6xx d.ddde+ee), spectral
// values to 5; the two integrals then agree to well inside 0.1 % and 0.0005 in u'v'.
constexpr double kTransmissionDeltaYPct = 0.1;
constexpr double kTransmissionDeltaUV = 0.0005;
}  // namespace

TEST_CASE("pr6xx spectral replies: D120 grid (manual example), D5 header and lines",
          "[pr6xx][protocol][spectrum]") {
    // PR-655/670 manual, D120 example: 201 points from 380 to 780 nm in 2 nm steps.
    const auto g =
        pr6xx::parseHardwareConfig(pr6xx::parseReply("00000,201,0.00,380,780,2,256,7,247"));
    CHECK(g.points == 201);
    CHECK(g.start_nm == 380.0);
    CHECK(g.end_nm == 780.0);
    CHECK(g.step_nm == 2.0);
    CHECK(pr6xx::formatHardwareConfig(g) == "00000,201,0.00,380,780,2,256,7,247");
    // 200 points cannot fill 380–780 nm at 2 nm.
    CHECK_THROWS_AS(pr6xx::parseHardwareConfig(pr6xx::parseReply("00000,200,0.00,380,780,2")),
                    InstrumentError);
    CHECK_THROWS_AS(pr6xx::parseHardwareConfig(pr6xx::parseReply("-2000")), InstrumentError);
    const auto h = pr6xx::parseSpectralHeader(pr6xx::parseReply("00000,0,532,1.250e-01,3.348e+17"));
    CHECK(h.peak_nm == 532.0);
    CHECK(h.radiance_W_sr_m2 == Approx(0.125));
    const auto [wl, v] = pr6xx::parseSpectralLine("380,1.2340e-04");
    CHECK(wl == 380.0);
    CHECK(v == Approx(1.234e-4));
    CHECK_THROWS_AS(pr6xx::parseSpectralLine("380"), InstrumentError);
    CHECK_THROWS_AS(pr6xx::parseSpectralLine("380,abc"), InstrumentError);
    CHECK_THROWS_AS(pr6xx::parseSpectralLine("380,1,2"), InstrumentError);
    try {
        pr6xx::parseSpectralHeader(pr6xx::parseReply("-0008"));
        FAIL("no error");
    } catch (const InstrumentError& e) {
        CHECK(e.kind() == ErrorKind::TooDark);
    }
    // Formatting: header with peak, Σ L Δλ and photon radiance; one "wl,value" line per point.
    // Two points at 500 and 502 nm, 1 and 3 W·sr⁻¹·m⁻²·nm⁻¹: Σ L Δλ = (1 + 3) · 2 = 8;
    // photons: (1·500e-9 + 3·502e-9) · 2 / (h c) = 4.012e-6 / 1.98645e-25 = 2.0197e19.
    const auto lines = pr6xx::formatSpectralReply({500, 502, 2, 2}, {1.0, 3.0});
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "00000,0,502,8.000e+00,2.020e+19");
    CHECK(lines[1] == "500,1.0000e+00");
    CHECK(lines[2] == "502,3.0000e+00");
}

TEST_CASE("cs2000 spectral blocks: MEDR,1 in four blocks of 100, 100, 100 and 101 values",
          "[cs2000][protocol][spectrum]") {
    CHECK(cs2000::spectralBlockCommand(1) == "MEDR,1,0,01");
    CHECK(cs2000::spectralBlockCommand(4) == "MEDR,1,0,04");
    CHECK(cs2000::spectralBlockStart_nm(2) == 480.0);
    CHECK(cs2000::spectralBlockStart_nm(4) == 680.0);
    CHECK(cs2000::spectralBlockSize(3) == 100);
    CHECK(cs2000::spectralBlockSize(4) == 101);
    std::vector<double> all(401);
    for (std::size_t i = 0; i < all.size(); ++i) {
        all[i] = 1e-3 * static_cast<double>(i);
    }
    const std::string b4 = cs2000::formatSpectralBlock(all, 4);
    CHECK(b4.rfind("OK00,3.0000e-01,3.0100e-01,", 0) == 0);  // 680 nm is sample 300
    const auto v = cs2000::parseSpectralBlock(cs2000::parseReply(b4), 4);
    REQUIRE(v.size() == 101);
    CHECK(v.back() == Approx(0.4));
    CHECK_THROWS_AS(cs2000::parseSpectralBlock(cs2000::parseReply(b4), 1), InstrumentError);
    CHECK_THROWS_AS(cs2000::parseSpectralBlock(cs2000::parseReply("ER20"), 1), InstrumentError);
}

TEST_CASE("specbos *fetch:sprad: two header lines, one value per line, an empty line last",
          "[specbos][protocol][spectrum]") {
    const auto lines = specbos::formatSprad({0.5, 2.5e-7});
    REQUIRE(lines.size() == 5);
    CHECK(lines[2] == "5.00000e-01");
    CHECK(lines[3] == "2.50000e-07");
    CHECK(lines[4].empty());
    CHECK(specbos::parseSpectralValue("2.50000e-07") == Approx(2.5e-7));
    CHECK_THROWS_AS(specbos::parseSpectralValue("Error"), InstrumentError);
    CHECK(specbos::parseLabelled("Predefined start wave: 380", specbos::kWavBegLabel) == 380.0);
}

TEST_CASE("spectroradiometer families read a spectrum that integrates to their own XYZ",
          "[instruments][spectrum]") {
    auto t = test::whiteTheatre();
    const std::map<std::string, std::array<double, 3>> grid = {
        {"pr6xx", {380, 2, 201}}, {"cs2000", {380, 1, 401}}, {"specbos", {350, 1, 651}}};
    auto observer = std::make_shared<colorimetry::Observer>(test::cie1931());
    for (const auto& [family, g] : grid) {
        INFO(family);
        const Family& f = *findFamily(family);
        virt::SimulatorCommon c;
        c.time_scale = kFast;
        c.observer = observer;
        auto sim = f.makeSimulator(t, c);
        sim->start();
        auto dev = openInstrument(f, sim->devicePath(), kFast);
        CHECK(dev->capabilities().spectral);
        const auto r = dev->measure();
        CHECK(r.spectrum_start_nm == g[0]);
        CHECK(r.spectrum_step_nm == g[1]);
        REQUIRE(r.spectral_radiance.size() == static_cast<std::size_t>(g[2]));
        const auto s = procedure::spectralRadiance(r);
        REQUIRE(s);
        const auto check = colorimetry::compareWithSpectrum(r.xyz_cdm2, *s, test::cie1931());
        CHECK(std::abs(check.delta_Y_pct) < kTransmissionDeltaYPct);
        CHECK(check.delta_uv < kTransmissionDeltaUV);
        // The reference projector's white is about 48 cd/m² (14 fL): the spectrum carries it.
        CHECK(check.from_spectrum.Y == Approx(r.xyz_cdm2.Y).epsilon(0.001));
        CHECK(r.xyz_cdm2.Y > 40.0);
    }
    // A colorimeter gives no spectrum.
    const Family& k10 = *findFamily("k10a");
    virt::SimulatorCommon c;
    c.time_scale = kFast;
    auto sim = k10.makeSimulator(t, c);
    sim->start();
    auto dev = openInstrument(k10, sim->devicePath(), kFast);
    const auto r = dev->measure();
    CHECK(r.spectral_radiance.empty());
    CHECK_FALSE(procedure::spectralRadiance(r));
}

TEST_CASE("simulated spectra: each primary set peaks where its primaries are and mixes to XYZ",
          "[virtual][spectrum]") {
    const auto& cie = test::cie1931();
    // DCI white (x 0.314, y 0.351) at 48 cd/m².
    const colorimetry::XYZ white = colorimetry::fromxyY({0.314, 0.351}, 48.0);
    for (const std::string& set : virt::primarySetIds()) {
        INFO(set);
        const auto s = virt::synthesiseSpectrum(set, 5.0, cie, white, {380, 780, 1});
        const auto xyz = colorimetry::absoluteXYZ(s, cie);
        CHECK(xyz.Y == Approx(48.0).epsilon(1e-9));
        CHECK(colorimetry::toXY(xyz).x == Approx(0.314).epsilon(1e-9));
        CHECK(colorimetry::toXY(xyz).y == Approx(0.351).epsilon(1e-9));
    }
    // Laser lines at 465, 532 and 639 nm: the spectrum's three largest local maxima.
    const auto laser = virt::synthesiseSpectrum("laser-rgb", 2.0, cie, white, {380, 780, 1});
    const auto& v = laser.values();
    std::vector<int> peaks;
    for (std::size_t i = 1; i + 1 < v.size(); ++i) {
        if (v[i] > v[i - 1] && v[i] >= v[i + 1] && v[i] > 1e-6) {
            peaks.push_back(380 + static_cast<int>(i));
        }
    }
    CHECK(peaks == std::vector<int>{465, 532, 639});
    // A colour outside the set's gamut (a spectral 500 nm cyan) is clipped to the gamut edge
    // (no negative power).
    const auto cyan =
        virt::synthesiseSpectrum("xenon", 5.0, cie, {0.0082, 0.3230, 0.2720}, {380, 780, 1});
    for (double x : cyan.values()) {
        CHECK(x >= 0.0);
    }
    // The simulator's own CMFs (Wyman, Sloan & Shirley 2013 fit) are within a few percent of
    // the CIE table for a broad white: D65 integrates to Y within 1 % and xy within 0.005.
    const auto d65 = test::illuminant("D65");
    const auto a = colorimetry::illuminantXYZ(d65, cie);
    const auto b = colorimetry::illuminantXYZ(d65, virt::wyman2013Observer());
    CHECK(colorimetry::deltaXY(colorimetry::toXY(a), colorimetry::toXY(b)) < 0.005);
}

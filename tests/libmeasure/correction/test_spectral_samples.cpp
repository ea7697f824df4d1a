// SPDX-License-Identifier: Apache-2.0
// Spectral-sample (CCSS) correction and the four-colour method fed from spectra, on a colorimeter
// whose channels are a known mix A of the CIE 1931 CMFs: the correction must be A⁻¹ (worked by
// hand below). The CCSS text against the layout ArgyllCMS writes.
#include "libmeasure/colorimetry/spectrum_to_xyz.h"
#include "libmeasure/correction/spectral_samples.h"

#include "tests/libmeasure/colorimetry/cie_tables.h"

#include <catch2/catch.hpp>

using namespace cm;
using namespace cm::correction;

namespace {

// A = [[1, 0.2, 0], [0, 1, 0], [0, 0.1, 0.5]]: red channel leaks 20 % of ȳ, blue channel half
// as sensitive with 10 % ȳ. By row operations A⁻¹ = [[1, −0.2, 0], [0, 1, 0], [0, −0.2, 2]].
constexpr double kA[3][3] = {{1, 0.2, 0}, {0, 1, 0}, {0, 0.1, 0.5}};
constexpr double kAinv[3][3] = {{1, -0.2, 0}, {0, 1, 0}, {0, -0.2, 2}};
constexpr double kExact = 1e-9;

colorimetry::Observer mixedMeter() {
    const auto& c = test::cie1931();
    colorimetry::Observer m = c;
    m.name = "test colorimeter";
    for (std::size_t i = 0; i < c.xbar.size(); ++i) {
        const double v[3] = {c.xbar[i], c.ybar[i], c.zbar[i]};
        m.xbar[i] = kA[0][0] * v[0] + kA[0][1] * v[1] + kA[0][2] * v[2];
        m.ybar[i] = kA[1][0] * v[0] + kA[1][1] * v[1] + kA[1][2] * v[2];
        m.zbar[i] = kA[2][0] * v[0] + kA[2][1] * v[1] + kA[2][2] * v[2];
    }
    return m;
}

void checkIsAinv(const CorrectionMatrix& c) {
    for (int r = 0; r < 3; ++r) {
        for (int k = 0; k < 3; ++k) {
            INFO(r << "," << k);
            CHECK(c.matrix[r][k] == Approx(kAinv[r][k]).margin(kExact));
        }
    }
}

}  // namespace

TEST_CASE("spectral-sample correction: channels A·CMF are corrected by A⁻¹",
          "[correction][spectrum]") {
    const auto meter = mixedMeter();
    // CIE illuminants as display spectra (published tables): three and four samples.
    const std::vector<colorimetry::Spectrum> three = {
        test::illuminant("D65"), test::illuminant("A"), test::illuminant("F11")};
    CorrectionMatrix c = fitSpectralSamples(three, meter, test::cie1931());
    CHECK(c.method == "spectral-samples");
    checkIsAinv(c);
    CHECK(c.max_residual_duv < 1e-9);
    auto four = three;
    four.push_back(test::illuminant("F2"));
    checkIsAinv(fitSpectralSamples(four, meter, test::cie1931()));
    // Fewer than three spectra, or three of one colour, cannot fix a 3×3 matrix.
    CHECK_THROWS_AS(fitSpectralSamples({three[0], three[1]}, meter, test::cie1931()),
                    std::invalid_argument);
    const auto d65 = test::illuminant("D65");
    CHECK_THROWS_AS(fitSpectralSamples({d65, d65.scaled(2), d65.scaled(3)}, meter, test::cie1931()),
                    std::invalid_argument);
}

TEST_CASE("four-colour correction from a spectroradiometer's spectra", "[correction][spectrum]") {
    // The colorimeter reads A·XYZ of each stimulus (its channels are A·CMF).
    const auto meter = mixedMeter();
    const auto r = test::illuminant("F11"), g = test::illuminant("F2"), b = test::illuminant("D65"),
               w = test::illuminant("A");
    const FourColourSet seen{colorimetry::absoluteXYZ(r, meter), colorimetry::absoluteXYZ(g, meter),
                             colorimetry::absoluteXYZ(b, meter),
                             colorimetry::absoluteXYZ(w, meter)};
    // Four-colour is exact for primaries' chromaticities and the white; with a linear meter the
    // matrix is A⁻¹ whatever the four stimuli are.
    const CorrectionMatrix c = fitFourColourFromSpectra(seen, r, g, b, w, test::cie1931());
    CHECK(c.method == "four-colour");
    for (int i = 0; i < 3; ++i) {
        for (int k = 0; k < 3; ++k) {
            CHECK(c.matrix[i][k] == Approx(kAinv[i][k]).margin(1e-7));
        }
    }
}

TEST_CASE("CCSS text: ArgyllCMS layout written, read back, and an Argyll-written set read",
          "[correction][ccss]") {
    SpectralSampleSet set;
    set.display = "Screen 3";
    set.technology = "Laser projector";
    set.reference = "PR-670 67012345";
    set.created = "2026-12-03T07:30:00Z";
    set.ids = {"white", "red"};
    set.samples = {colorimetry::Spectrum({400, 410, 420}, {0.001, 0.002, 0.003}),
                   colorimetry::Spectrum({400, 410, 420}, {0.0005, 0, 2.5e-7})};
    const std::string t = writeCcss(set);
    CHECK(t.rfind("CCSS   \n\n", 0) == 0);
    for (const char* line :
         {"\nDISPLAY \"Screen 3\"\n", "\nTECHNOLOGY \"Laser projector\"\n",
          "\nDISPLAY_TYPE_REFRESH \"NO\"\n", "\nREFERENCE \"PR-670 67012345\"\n",
          "\nSPECTRAL_BANDS \"3\"\n", "\nSPECTRAL_START_NM \"400.000000\"\n",
          "\nSPECTRAL_END_NM \"420.000000\"\n", "\nSPECTRAL_NORM \"1.000000\"\n",
          "\nNUMBER_OF_FIELDS 4\nBEGIN_DATA_FORMAT\nSAMPLE_ID SPEC_400 SPEC_410 SPEC_420\n"
          "END_DATA_FORMAT\n",
          "\nNUMBER_OF_SETS 2\nBEGIN_DATA\n",
          // mW·sr⁻¹·m⁻²·nm⁻¹: 0.001 W → 1
          "\nwhite 1 2 3\n", "\nred 0.5 0 0.00025\n", "\nEND_DATA\n"}) {
        CHECK_THAT(t, Catch::Contains(line));
    }
    const auto back = parseCcss(t, "written");
    CHECK(back.display == "Screen 3");
    CHECK(back.reference == "PR-670 67012345");
    REQUIRE(back.samples.size() == 2);
    CHECK(back.ids == std::vector<std::string>{"white", "red"});
    CHECK(back.samples[1].values()[2] == Approx(2.5e-7));
    CHECK(back.samples[0].wavelengths() == std::vector<double>{400, 410, 420});
    // As ArgyllCMS's ccxxmake writes them: numbered samples, no KEYWORD lines, a norm of 2.
    const std::string argyll =
        "CCSS   \n\nDESCRIPTOR \"Test LED spectral set\"\nORIGINATOR \"Argyll ccxxmake\"\n"
        "TECHNOLOGY \"LCD WLED\"\nDISPLAY \"TestMonitor\"\nSPECTRAL_BANDS \"3\"\n"
        "SPECTRAL_START_NM \"400.000000\"\nSPECTRAL_END_NM \"420.000000\"\n"
        "SPECTRAL_NORM \"2.000000\"\n\nNUMBER_OF_FIELDS 4\nBEGIN_DATA_FORMAT\n"
        "SAMPLE_ID SPEC_400 SPEC_410 SPEC_420\nEND_DATA_FORMAT\n\nNUMBER_OF_SETS 1\n"
        "BEGIN_DATA\n1 2.0 4.0 6.0\nEND_DATA\n";
    const auto a = parseCcss(argyll, "argyll");
    CHECK(a.technology == "LCD WLED");
    REQUIRE(a.samples.size() == 1);
    CHECK(a.ids[0] == "1");
    CHECK(a.samples[0].values()[2] == Approx(6.0 / 2.0 / 1000.0));
    // Not CCSS, a missing band, a short row.
    CHECK_THROWS_AS(parseCcss("CGATS.17\n", "x"), colorimetry::SpectrumError);
    std::string missing = argyll;
    missing.replace(missing.find("SPEC_420\nEND"), 8, "SPEC_430");
    CHECK_THROWS_AS(parseCcss(missing, "x"), colorimetry::SpectrumError);
    std::string shortRow = argyll;
    shortRow.replace(shortRow.find("1 2.0 4.0 6.0"), 13, "1 2.0 4.0");
    CHECK_THROWS_AS(parseCcss(shortRow, "x"), colorimetry::SpectrumError);
    // Spectra on different grids cannot share a CCSS file.
    set.samples[1] = colorimetry::Spectrum({400, 405, 410}, {1, 1, 1});
    CHECK_THROWS_AS(writeCcss(set), std::invalid_argument);
}

// SPDX-License-Identifier: Apache-2.0
// Spectrum file parsers: CSV and ArgyllCMS CGATS .sp; malformed files name file and line.
#include "libmeasure/colorimetry/spectrum.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace cm::colorimetry;

namespace {
std::string readData(const std::string& name) {
    std::ifstream in(std::string(CINEMEASURE_TEST_DATA_DIR) + "/" + name);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("CGATS .sp as written by ArgyllCMS loads with SPECTRAL_NORM applied",
          "[colorimetry][files]") {
    const Spectrum s = parseCgatsSpectrum(readData("argyll_example.sp"), "argyll_example.sp");
    CHECK(s.first_nm() == 380.0);
    CHECK(s.last_nm() == 780.0);
    CHECK(s.values().size() == 41);
    CHECK(s.at(380) == Approx(0.01));  // 1.0 / SPECTRAL_NORM 100
    CHECK(s.at(560) == Approx(0.50));
}

TEST_CASE("CSV spectra load - malformed lines are reported with file and line",
          "[colorimetry][files][edge]") {
    const Spectrum ok = parseSpectrumCsv("nm,value\n400,0.1\n405,0.2\n410,0.3\n", "ok.csv");
    CHECK(ok.at(405) == Approx(0.2));
    CHECK_THROWS_WITH(parseSpectrumCsv("nm,value\n400,0.1\n405,abc\n", "bad.csv"),
                      Catch::Contains("bad.csv:3: expected a number"));
    CHECK_THROWS_WITH(parseSpectrumCsv("nm,value\n400,0.1\n405,-0.2\n", "neg.csv"),
                      Catch::Contains("neg.csv:3: negative value"));
    CHECK_THROWS_WITH(parseSpectrumCsv("nm,value\n400,0.1\n399,0.2\n", "order.csv"),
                      Catch::Contains("order.csv:3: wavelengths must strictly increase"));
    CHECK_THROWS_WITH(parseSpectrumCsv("nm,value\n400,0.1\n500,0.2\n", "gap.csv"),
                      Catch::Contains("gap.csv: wavelength gap of 100 nm"));
    CHECK_THROWS_WITH(parseSpectrumCsv("400,0.1\n405,0.2\n", "nohdr.csv"),
                      Catch::Contains("nohdr.csv:1"));
    CHECK_THROWS_WITH(parseSpectrumCsv("nm,value\n400,nan\n405,1\n", "nan.csv"),
                      Catch::Contains("nan.csv:2"));
    CHECK_THROWS_WITH(parseCgatsSpectrum("hello\n", "x.sp"),
                      Catch::Contains("x.sp:1: not a CGATS file"));
    CHECK_THROWS_WITH(parseCgatsSpectrum("CGATS.17\nSPECTRAL_BANDS 3\n", "y.sp"),
                      Catch::Contains("y.sp: missing BEGIN_DATA"));
}

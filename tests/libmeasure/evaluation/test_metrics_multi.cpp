// SPDX-License-Identifier: Apache-2.0
// Uniformity, EOTF, 3D and off-axis metrics on readings worked out by hand (numbers written out).
#include "libmeasure/evaluation/metrics_angular.h"
#include "libmeasure/evaluation/metrics_eotf.h"
#include "libmeasure/evaluation/metrics_stereo.h"
#include "libmeasure/evaluation/metrics_uniformity.h"
#include "libmeasure/procedure/profile.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace cm;

namespace {
procedure::RecordedReading at(const std::string& step, const std::string& point, double Y,
                              colorimetry::ChromaticityXY xy = {0.314, 0.351}) {
    procedure::RecordedReading r;
    r.step_id = step;
    r.point_id = point;
    r.reading.xyz_cdm2 = colorimetry::fromxyY(xy, Y);
    return r;
}

procedure::FigureSpec overPoints(std::vector<std::string> points) {
    procedure::FigureSpec f;
    f.step = "white";
    f.points = std::move(points);
    f.point = f.points.front();
    f.reference_point = "C";
    return f;
}

// Five points: C 50, L 44, R 46, T 45, B 40 cd/m².
std::vector<procedure::RecordedReading> fivePoints() {
    return {at("white", "C", 50.0, {0.314, 0.351}), at("white", "L", 44.0, {0.320, 0.349}),
            at("white", "R", 46.0, {0.305, 0.352}), at("white", "T", 45.0, {0.316, 0.352}),
            at("white", "B", 40.0, {0.312, 0.350})};
}
}  // namespace

TEST_CASE("sampled non-uniformity: Lmin 40, Lmax 50 → 100·(1 − 40/50) = 20 %", "[uniformity]") {
    const auto f = overPoints({"C", "L", "R", "T", "B"});
    CHECK(evaluation::metricNonUniformity(f, fivePoints()) == Approx(20.0));
    CHECK(evaluation::metricLuminanceMeanOverPoints(f, fivePoints()) == Approx(45.0));
    CHECK(evaluation::metricLuminanceMinOverPoints(f, fivePoints()) == Approx(40.0));
    CHECK(evaluation::metricLuminanceMaxOverPoints(f, fivePoints()) == Approx(50.0));
    auto missing = fivePoints();
    missing.pop_back();
    CHECK(std::isnan(evaluation::metricNonUniformity(f, missing)));
}

TEST_CASE("worst point against centre: 40/50 = 80 %, 46/50 = 92 % of the sides", "[uniformity]") {
    const auto f = overPoints({"L", "R", "T", "B"});
    CHECK(evaluation::metricLuminancePercentOfReferenceMin(f, fivePoints()) == Approx(80.0));
    CHECK(evaluation::metricLuminancePercentOfReferenceMax(f, fivePoints()) == Approx(92.0));
}

TEST_CASE("worst chromaticity difference keeps its sign: Δx −0.009 (R), Δy −0.002 (L)",
          "[uniformity]") {
    const auto f = overPoints({"L", "R", "T", "B"});
    CHECK(evaluation::metricChromaticityDeltaXWorst(f, fivePoints()) ==
          Approx(-0.009).margin(1e-12));
    CHECK(evaluation::metricChromaticityDeltaYWorst(f, fivePoints()) ==
          Approx(-0.002).margin(1e-12));
}

TEST_CASE("largest pairwise Δu'v' of three points is hypot(0.005, 0.005) = 0.0070711",
          "[uniformity]") {
    // u'v' (0.1900, 0.4800), (0.1930, 0.4840), (0.1880, 0.4790): pair distances 0.005,
    // hypot(0.002, 0.001) = 0.0022361 and hypot(0.005, 0.005) = 0.0070711.
    const auto xyOf = [](double u, double v) {
        return colorimetry::toXY(colorimetry::ChromaticityUV{u, v});
    };
    const std::vector<procedure::RecordedReading> rs{at("white", "C", 48.0, xyOf(0.1900, 0.4800)),
                                                     at("white", "L", 40.0, xyOf(0.1930, 0.4840)),
                                                     at("white", "R", 41.0, xyOf(0.1880, 0.4790))};
    const auto f = overPoints({"C", "L", "R"});
    CHECK(evaluation::metricChromaticityMaxPairDeltaUV(f, rs) == Approx(0.0070711).epsilon(1e-4));
}

TEST_CASE("gamma fit of RP 431-2 Table A.2 (black 0.024 cd/m² subtracted) is 2.6", "[eotf]") {
    // Table A.2: Y' codes 396 … 3960 and output luminance incl. 0.024 cd/m² screen black.
    const std::vector<int> codes{396, 792, 1188, 1584, 1980, 2376, 2772, 3168, 3564, 3960};
    const std::vector<double> L{0.14, 0.75, 2.12, 4.45, 7.94, 12.74, 19.01, 26.89, 36.52, 48.02};
    procedure::FigureSpec f;
    f.point = "C";
    f.black_step = "black";
    std::vector<procedure::RecordedReading> rs{at("black", "C", 0.024)};
    for (std::size_t i = 0; i < codes.size(); ++i) {
        f.steps.push_back("g" + std::to_string(i + 1));
        f.step_codes_y.push_back(codes[i]);
        rs.push_back(at(f.steps.back(), "C", L[i]));
    }
    // The table is rounded to 0.01 cd/m², so the published power law is recovered to ±0.01.
    CHECK(evaluation::metricGammaFit(f, rs) == Approx(2.6).margin(0.01));
}

TEST_CASE(
    "gamma fit: codes 1000, 2000, 4000 at 1, 4, 16 cd/m² give exactly 2, and the 5 % floor "
    "drops a level at 0.5 cd/m²",
    "[eotf]") {
    procedure::FigureSpec f;
    f.point = "C";
    f.steps = {"a", "b", "c", "d"};
    f.step_codes_y = {100, 1000, 2000, 4000};
    // 0.5 < 5 % of 16 = 0.8: excluded; were it used, the slope would drop to about 1.4.
    const std::vector<procedure::RecordedReading> rs{at("a", "C", 0.5), at("b", "C", 1.0),
                                                     at("c", "C", 4.0), at("d", "C", 16.0)};
    CHECK(evaluation::metricGammaFit(f, rs) == Approx(2.0).epsilon(1e-12));
    f.fit_min_fraction_of_peak = 0.0;
    CHECK(evaluation::metricGammaFit(f, rs) < 1.6);
}

TEST_CASE("EOTF error, gamma 2.6 above black: CTP §7.5.11 nominal 7.917 and 47.999 cd/m²",
          "[eotf]") {
    // Black 0.024. Y' 1980 reads 8.341 → 8.317 above black: (8.317 − 7.917)/7.917 = +5.05 %.
    // Y' 3960 reads 47.520 → 47.496: (47.496 − 47.999)/47.999 = −1.05 %. Worst: +5.05 %.
    procedure::FigureSpec f;
    f.point = "C";
    f.steps = {"s5", "s10"};
    f.step_codes_y = {1980, 3960};
    f.black_step = "black";
    f.transfer = "dci-gamma-2.6";
    const std::vector<procedure::RecordedReading> rs{at("black", "C", 0.024), at("s5", "C", 8.341),
                                                     at("s10", "C", 47.520)};
    CHECK(evaluation::metricEotfErrorWorst(f, rs) == Approx(5.05).margin(0.01));
}

TEST_CASE("EOTF error, PQ: DCI HDR Table 7 first and last white steps (0.50 and 299.6 cd/m²)",
          "[eotf]") {
    // Y' 481 → 0.50 cd/m², Y' 2546 → 299.6 cd/m². Readings 0.52 (+4 %) and 290.6 (−3.0 %).
    procedure::FigureSpec f;
    f.point = "C";
    f.steps = {"w1", "w10"};
    f.step_codes_y = {481, 2546};
    f.transfer = "pq";
    const std::vector<procedure::RecordedReading> rs{at("w1", "C", 0.52), at("w10", "C", 290.6)};
    CHECK(evaluation::metricEotfErrorWorst(f, rs) == Approx(4.0).margin(0.2));
    CHECK_THROWS_AS(evaluation::eotfTarget_cdm2("gamma-2.4", 100), std::invalid_argument);
}

TEST_CASE(
    "3D left/right difference: 50.0 and 47.6 → 4.918 % by the mean rule, 5.042 % by the min "
    "rule",
    "[stereo]") {
    procedure::FigureSpec f;
    f.step = "left";
    f.reference_step = "right";
    f.point = "C";
    const std::vector<procedure::RecordedReading> rs{at("left", "C", 50.0), at("right", "C", 47.6)};
    CHECK(evaluation::metricStereoLuminanceDifferenceMean(f, rs) == Approx(4.918).margin(5e-4));
    CHECK(evaluation::metricStereoLuminanceDifferenceMin(f, rs) == Approx(5.042).margin(5e-4));
}

TEST_CASE(
    "extinction ratio: signal 48, leak 0.30, black 0.02 → 160:1 raw, 171.43:1 with black "
    "subtracted",
    "[stereo]") {
    procedure::FigureSpec f;
    f.step = "signal";
    f.reference_step = "leak";
    f.point = "C";
    const std::vector<procedure::RecordedReading> rs{at("signal", "C", 48.0), at("leak", "C", 0.30),
                                                     at("black", "C", 0.02)};
    CHECK(evaluation::metricStereoExtinctionRatio(f, rs) == Approx(160.0));
    CHECK(evaluation::metricStereoCrosstalkPercent(f, rs) == Approx(0.625));
    f.black_step = "black";
    // (48 − 0.02) / (0.30 − 0.02) = 47.98 / 0.28 = 171.357
    CHECK(evaluation::metricStereoExtinctionRatio(f, rs) == Approx(171.357).margin(1e-3));
    CHECK(evaluation::metricStereoCrosstalkPercent(f, rs) == Approx(0.58358).margin(1e-5));
    // A leak no brighter than black leaves the ratio undefined, not infinite.
    const std::vector<procedure::RecordedReading> noLeak{
        at("signal", "C", 48.0), at("leak", "C", 0.02), at("black", "C", 0.02)};
    CHECK(std::isnan(evaluation::metricStereoExtinctionRatio(f, noLeak)));
}

TEST_CASE("off-axis: 240 against 300 cd/m² is −20 %, u'v' shift hypot(0.006, 0.008) = 0.010",
          "[angular]") {
    procedure::FigureSpec f;
    f.step = "h60";
    f.reference_step = "normal";
    f.point = "C";
    const std::vector<procedure::RecordedReading> rs{
        at("normal", "C", 300.0, colorimetry::toXY(colorimetry::ChromaticityUV{0.1978, 0.4683})),
        at("h60", "C", 240.0, colorimetry::toXY(colorimetry::ChromaticityUV{0.2038, 0.4763}))};
    CHECK(evaluation::metricLuminanceChangePercent(f, rs) == Approx(-20.0));
    CHECK(evaluation::metricChromaticityDeltaUVBetweenSteps(f, rs) == Approx(0.010).epsilon(1e-6));
}

TEST_CASE("seat spread: 48, 45, 46.5 and 44 cd/m² → 100·(1 − 44/48) = 8.333 %", "[angular]") {
    procedure::FigureSpec f;
    f.point = "C";
    f.steps = {"centre", "front", "back", "left"};
    const std::vector<procedure::RecordedReading> rs{at("centre", "C", 48.0),
                                                     at("front", "C", 45.0), at("back", "C", 46.5),
                                                     at("left", "C", 44.0)};
    CHECK(evaluation::metricLuminanceSpreadOverSteps(f, rs) == Approx(8.3333).margin(1e-4));
    // (48 + 45 + 46.5 + 44) / 4 = 45.875
    CHECK(evaluation::metricLuminanceMeanOverSteps(f, rs) == Approx(45.875));
}

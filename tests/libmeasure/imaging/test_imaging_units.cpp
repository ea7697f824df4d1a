// SPDX-License-Identifier: Apache-2.0
// Hand-worked examples for each step of the imaging chain, plus edge cases (NaN, saturation, bad
// shapes).
#include "libmeasure/imaging/camera_matrix.h"
#include "libmeasure/imaging/hdr_merge.h"
#include "libmeasure/imaging/linearise.h"
#include "libmeasure/imaging/linearity.h"
#include "libmeasure/imaging/module_uniformity.h"
#include "libmeasure/imaging/pixel_defects.h"
#include "libmeasure/imaging/point_readout.h"
#include "libmeasure/imaging/rectify.h"
#include "libmeasure/imaging/screen_quad.h"
#include "libmeasure/imaging/seams.h"
#include "libmeasure/imaging/wall_evaluation.h"

#include <catch2/catch.hpp>
#include <opencv2/core/utility.hpp>

#include <cmath>

using namespace cm;
using namespace cm::imaging;

namespace {
constexpr double kExact = 1e-9;
constexpr double kFloat = 1e-4;  // relative, float arithmetic

RawFrame frameOf(int w, int h, cv::Vec3w value, double black, double exposure) {
    RawFrame f;
    f.rgb = cv::Mat(h, w, CV_16UC3, cv::Scalar(value[0], value[1], value[2]));
    f.black_level_dn = black;
    f.exposure_s = exposure;
    return f;
}
}  // namespace

TEST_CASE("linearise: black level, exposure, radial vignetting, saturation by hand") {
    RawFrame f = frameOf(3, 3, {1100, 2100, 600}, 100.0, 0.5);
    f.rgb.at<cv::Vec3w>(0, 0) = {65000, 1100, 1100};  // red saturated (≥ 0.98 × 65535 = 64224.3)
    Linearisation lin = Linearisation::forFrame(f);
    cv::Mat out = linearise(f, lin);
    // (1100 − 100) / 0.5 = 2000 DN/s, (2100 − 100) / 0.5 = 4000, (600 − 100)/0.5 = 1000.
    CHECK(out.at<cv::Vec3f>(1, 1)[0] == Approx(2000.0));
    CHECK(out.at<cv::Vec3f>(1, 1)[1] == Approx(4000.0));
    CHECK(out.at<cv::Vec3f>(1, 1)[2] == Approx(1000.0));
    CHECK(std::isinf(out.at<cv::Vec3f>(0, 0)[0]));
    CHECK(out.at<cv::Vec3f>(0, 0)[1] == Approx(2000.0));
    CHECK(saturationMask(f).at<std::uint8_t>(0, 0) == 255);
    CHECK(saturationMask(f).at<std::uint8_t>(1, 1) == 0);
    // 3×3 image: corner pixel (2, 2) is at r² = (1² + 1²) / (0.25·(9 + 9)) = 2 / 4.5.
    lin.vignetting = {-0.5, 0.0, 0.0};
    out = linearise(f, lin);
    const double r2 = 2.0 / 4.5;
    CHECK(out.at<cv::Vec3f>(2, 2)[0] == Approx(2000.0 / (1.0 - 0.5 * r2)));
    CHECK(out.at<cv::Vec3f>(1, 1)[0] == Approx(2000.0));  // centre: V = 1
    lin.vignetting = {-2.0, 0.0, 0.0};                    // V ≤ 0 inside the image
    CHECK_THROWS_AS(linearise(f, lin), std::invalid_argument);
    lin = Linearisation::forFrame(f);
    lin.exposure_s = 0.0;
    CHECK_THROWS_AS(linearise(f, lin), std::invalid_argument);
}

TEST_CASE("linearise: a dark frame replaces the black level") {
    RawFrame f = frameOf(2, 2, {1000, 1000, 1000}, 100.0, 1.0);
    Linearisation lin = Linearisation::forFrame(f);
    lin.dark_dn = cv::Mat(2, 2, CV_16UC3, cv::Scalar(150, 200, 250));
    const cv::Mat out = linearise(f, lin);
    CHECK(out.at<cv::Vec3f>(0, 1)[0] == Approx(850.0));
    CHECK(out.at<cv::Vec3f>(0, 1)[2] == Approx(750.0));
    lin.dark_dn = cv::Mat(3, 2, CV_16UC3, cv::Scalar(0, 0, 0));
    CHECK_THROWS_AS(linearise(f, lin), std::invalid_argument);
}

TEST_CASE("fitRadialVignetting recovers a known lens fall-off from a noiseless flat field") {
    const RadialVignetting truth{-0.3, 0.08, 0.0};
    cv::Mat flat(200, 300, CV_32FC3);
    for (int y = 0; y < flat.rows; ++y) {
        for (int x = 0; x < flat.cols; ++x) {
            const float v = static_cast<float>(
                1000.0 * truth.relativeIllumination(normalisedRadius2(x, y, 300, 200)));
            flat.at<cv::Vec3f>(y, x) = {v, v, v};
        }
    }
    const RadialVignetting fit = fitRadialVignetting(flat);
    CHECK(fit.k1 == Approx(-0.3).margin(2e-3));
    CHECK(fit.k2 == Approx(0.08).margin(5e-3));
    CHECK(fit.relativeIllumination(1.0) == Approx(truth.relativeIllumination(1.0)).epsilon(1e-4));
    const cv::Mat gain = flatFieldGain(flat);
    CHECK(gain.at<cv::Vec3f>(100, 150)[1] == Approx(1.0).epsilon(1e-3));
    CHECK(gain.at<cv::Vec3f>(100, 5)[1] < 0.95f);
}

TEST_CASE("checkLinearity: hand-worked least-squares line and residual") {
    // t = 1..4 s, signal 100, 200, 300, 410: slope (4·3040 − 10·1010)/(4·30 − 100) = 103 DN/s,
    // intercept (1010 − 103·10)/4 = −5 DN; fitted 98, 201, 304, 407; worst residual 2/98 = 2.0408
    // %.
    const LinearityResult r = checkLinearity({{1, 100}, {2, 200}, {3, 300}, {4, 410}});
    CHECK(r.slope_dn_per_s == Approx(103.0));
    CHECK(r.intercept_dn == Approx(-5.0));
    CHECK(r.max_residual_pct == Approx(100.0 * 2.0 / 98.0));
    CHECK(r.r_squared < 1.0);
    const LinearityResult exact = checkLinearity({{0.5, 50}, {1, 100}, {2, 200}});
    CHECK(exact.max_residual_pct == Approx(0.0).margin(kExact));
    CHECK(exact.r_squared == Approx(1.0));
    CHECK_THROWS_AS(checkLinearity({{1, 1}, {1, 1}, {2, 2}}), std::invalid_argument);
    CHECK_THROWS_AS(checkLinearity({{1, 1}, {2, NAN}, {3, 3}}), std::invalid_argument);
    CHECK_THROWS_AS(checkLinearity({{1, 1}, {-2, 2}, {3, 3}}), std::invalid_argument);
    RawFrame f = frameOf(4, 4, {300, 700, 65535}, 100, 1);
    CHECK(patchSignal(f, {0, 0, 4, 4}, 1) == Approx(600.0));
    CHECK(std::isnan(patchSignal(f, {0, 0, 4, 4}, 2)));
    CHECK_THROWS_AS(patchSignal(f, {2, 2, 4, 4}, 0), std::invalid_argument);
}

TEST_CASE("mergeBracket: weights by signal, skips saturated and near-black samples") {
    Linearisation lin;
    HdrMergeOptions opt;  // saturation 0.95 × 65535 = 62258, near black 32 DN
    // Pixel A: 1 s → 1000 DN, 4 s → 4000 DN: both 1000 DN/s.
    // Pixel B: 1 s → 20000, 4 s → 65535 (clipped): 20000 DN/s from the short one only.
    // Pixel C: 1 s → 10 (near black, skipped), 4 s → 44: 11 DN/s.
    std::vector<RawFrame> b = {frameOf(3, 1, {0, 0, 0}, 0, 1.0), frameOf(3, 1, {0, 0, 0}, 0, 4.0)};
    b[0].rgb.at<cv::Vec3w>(0, 0) = {1000, 1000, 1000};
    b[1].rgb.at<cv::Vec3w>(0, 0) = {4000, 4000, 4000};
    b[0].rgb.at<cv::Vec3w>(0, 1) = {20000, 20000, 20000};
    b[1].rgb.at<cv::Vec3w>(0, 1) = {65535, 65535, 65535};
    b[0].rgb.at<cv::Vec3w>(0, 2) = {10, 10, 10};
    b[1].rgb.at<cv::Vec3w>(0, 2) = {44, 44, 44};
    const cv::Mat m = mergeBracket(b, lin, opt);
    CHECK(m.at<cv::Vec3f>(0, 0)[1] == Approx(1000.0));
    CHECK(m.at<cv::Vec3f>(0, 1)[1] == Approx(20000.0));
    CHECK(m.at<cv::Vec3f>(0, 2)[1] == Approx(11.0));
    // Both clipped: NaN.
    b[0].rgb.at<cv::Vec3w>(0, 1) = {65535, 65535, 65535};
    CHECK(std::isnan(mergeBracket(b, lin, opt).at<cv::Vec3f>(0, 1)[0]));
    // Weighted mean when both disagree: 1 s → 1000 (w 1000), 4 s → 4400 (1100/s, w 4400):
    // (1000·1000 + 4400·1100) / 5400 = 1081.48 DN/s.
    b[1].rgb.at<cv::Vec3w>(0, 0) = {4400, 4400, 4400};
    CHECK(mergeBracket(b, lin, opt).at<cv::Vec3f>(0, 0)[0] ==
          Approx((1000.0 * 1000 + 4400.0 * 1100) / 5400.0));
    CHECK_THROWS_AS(mergeBracket({}, lin, opt), std::invalid_argument);
    b.push_back(frameOf(2, 1, {0, 0, 0}, 0, 1.0));
    CHECK_THROWS_AS(mergeBracket(b, lin, opt), std::invalid_argument);
}

TEST_CASE("fitCameraMatrix: three exact patches recover a known matrix") {
    const colorimetry::Matrix3 M = {{{0.5, 0.3, 0.1}, {0.2, 0.7, 0.1}, {0.0, 0.1, 0.9}}};
    auto apply = [&](CameraRgb c) {
        return colorimetry::XYZ{M[0][0] * c.r + M[0][1] * c.g + M[0][2] * c.b,
                                M[1][0] * c.r + M[1][1] * c.g + M[1][2] * c.b,
                                M[2][0] * c.r + M[2][1] * c.g + M[2][2] * c.b};
    };
    std::vector<CameraRgb> rgb = {{10, 1, 1}, {1, 10, 1}, {1, 1, 10}};
    std::vector<colorimetry::XYZ> xyz;
    for (auto c : rgb) {
        xyz.push_back(apply(c));
    }
    MatrixFit fit = fitCameraMatrix(rgb, xyz);
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            CHECK(fit.matrix[r][c] == Approx(M[r][c]).margin(1e-12));
        }
    }
    CHECK(fit.rms_delta_Y_pct == Approx(0.0).margin(1e-9));
    // An extra inconsistent patch leaves a residual: Y of the white patch read 1 % high.
    rgb.push_back({5, 5, 5});
    xyz.push_back(apply({5, 5, 5}));
    xyz.back().Y *= 1.01;
    fit = fitCameraMatrix(rgb, xyz);
    CHECK(fit.rms_delta_Y_pct > 0.1);
    CHECK(fit.residuals.size() == 4);
    // Only greys: rank 1.
    CHECK_THROWS_AS(
        fitCameraMatrix({{1, 1, 1}, {2, 2, 2}, {3, 3, 3}}, {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}}),
        std::invalid_argument);
    CHECK_THROWS_AS(fitCameraMatrix({{1, 0, 0}, {0, 1, 0}}, {{1, 1, 1}, {2, 2, 2}}),
                    std::invalid_argument);
    CHECK_THROWS_AS(
        fitCameraMatrix({{NAN, 0, 0}, {0, 1, 0}, {0, 0, 1}}, {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}}),
        std::invalid_argument);
}

TEST_CASE("applyMatrix, luminanceMap and chromaticityMap by hand") {
    cv::Mat img(1, 2, CV_32FC3);
    img.at<cv::Vec3f>(0, 0) = {1, 2, 3};
    img.at<cv::Vec3f>(0, 1) = {0, 0, 0};
    applyMatrix(img, {{{1, 0, 0}, {0, 2, 0}, {1, 1, 1}}});
    CHECK(img.at<cv::Vec3f>(0, 0) == cv::Vec3f(1, 4, 6));
    CHECK(luminanceMap(img).at<float>(0, 0) == 4.0f);
    const cv::Mat xy = chromaticityMap(img);
    CHECK(xy.at<cv::Vec2f>(0, 0)[0] == Approx(1.0 / 11));
    CHECK(xy.at<cv::Vec2f>(0, 0)[1] == Approx(4.0 / 11));
    CHECK(std::isnan(xy.at<cv::Vec2f>(0, 1)[0]));  // X+Y+Z = 0: undefined
}

TEST_CASE("gridToCamera maps a known quad and rectify samples cell centres") {
    // Axis-aligned quad: grid 100 × 50 onto x 10..110, y 20..70 (1 px per cell).
    const ScreenQuad q = {cv::Point2d(10, 20), cv::Point2d(110, 20), cv::Point2d(110, 70),
                          cv::Point2d(10, 70)};
    const cv::Matx33d h = gridToCamera(q, {100, 50});
    const cv::Point2d c0 = applyHomography(h, {0.5, 0.5});
    CHECK(c0.x == Approx(10.5).epsilon(1e-6));
    CHECK(c0.y == Approx(20.5).epsilon(1e-6));
    // Trapezoid: the grid centre goes to where the diagonals meet. (0,0)–(100,60) is (100t, 60t),
    // (120,0)–(20,60) is (120 − 100t, 60t); they meet at t = 0.6: (60, 36).
    const ScreenQuad t = {cv::Point2d(0, 0), cv::Point2d(120, 0), cv::Point2d(100, 60),
                          cv::Point2d(20, 60)};
    const cv::Point2d m = applyHomography(gridToCamera(t, {10, 10}), {5, 5});
    CHECK(m.x == Approx(60.0).epsilon(1e-6));
    CHECK(m.y == Approx(36.0).epsilon(1e-6));
    // rectify: a float ramp sampled at cell centres.
    cv::Mat ramp(100, 140, CV_32FC3);
    for (int y = 0; y < ramp.rows; ++y) {
        for (int x = 0; x < ramp.cols; ++x) {
            ramp.at<cv::Vec3f>(y, x) = {float(x), float(y), 1.0f};
        }
    }
    const cv::Mat g = rectify(ramp, h, {100, 50});
    CHECK(g.at<cv::Vec3f>(0, 0)[0] == Approx(10.5).epsilon(kFloat));
    CHECK(g.at<cv::Vec3f>(49, 99)[1] == Approx(69.5).epsilon(kFloat));
}

TEST_CASE("rectifyRawToXyz equals linearise + rectify + matrix") {
    RawFrame f;
    f.rgb.create(60, 80, CV_16UC3);
    for (int y = 0; y < 60; ++y) {
        for (int x = 0; x < 80; ++x) {
            f.rgb.at<cv::Vec3w>(y, x) = cv::Vec3w(static_cast<std::uint16_t>(1000 + 100 * x),
                                                  static_cast<std::uint16_t>(2000 + 50 * y),
                                                  static_cast<std::uint16_t>(3000 + 20 * (x + y)));
        }
    }
    f.black_level_dn = 100;
    f.exposure_s = 0.25;
    Linearisation lin = Linearisation::forFrame(f);
    lin.vignetting = {-0.2, 0.0, 0.0};
    const colorimetry::Matrix3 M = {{{0.5, 0.3, 0.1}, {0.2, 0.7, 0.1}, {0.0, 0.1, 0.9}}};
    const ScreenQuad q = {cv::Point2d(5.2, 4.1), cv::Point2d(70.3, 6.0), cv::Point2d(72.0, 52.5),
                          cv::Point2d(3.9, 50.0)};
    const cv::Matx33d h = gridToCamera(q, {20, 12});
    cv::Mat a = rectify(linearise(f, lin), h, {20, 12});
    applyMatrix(a, M);
    const cv::Mat b = rectifyRawToXyz(f, lin, M, h, {20, 12});
    for (int j = 0; j < 12; ++j) {
        for (int i = 0; i < 20; ++i) {
            // The fused path evaluates vignetting at the sample point, not per neighbour; on a
            // smooth frame that differs by a second-order term only (≪ 0.1 %).
            CHECK(b.at<cv::Vec3f>(j, i)[1] == Approx(a.at<cv::Vec3f>(j, i)[1]).epsilon(1e-3));
        }
    }
}

TEST_CASE("moduleUniformity: two modules at 10 and 12 cd/m² against limits") {
    LedWallLayout L{2, 1, 4, 4, 1, 1, 2.5};
    cv::Mat xyz(4, 8, CV_32FC3);
    // Same chromaticity (X = Y = Z): x = y = 1/3.
    xyz(cv::Rect(0, 0, 4, 4)).setTo(cv::Scalar(10, 10, 10));
    xyz(cv::Rect(4, 0, 4, 4)).setTo(cv::Scalar(12, 12, 12));
    xyz.at<cv::Vec3f>(0, 0) = {NAN, NAN, NAN};  // left out
    UniformityResult r = moduleUniformity(xyz, L, {0.9, 1.1, 0.01, 0.01});
    CHECK(r.wall_mean_cdm2 == Approx(11.0));
    CHECK(r.modules[0].ratio_to_wall == Approx(10.0 / 11.0));
    CHECK(r.modules[1].ratio_to_wall == Approx(12.0 / 11.0));
    CHECK(r.modules[0].pixels_used == 15);
    CHECK(r.modules_failing == 0);
    CHECK(r.cabinets.size() == 2);
    r = moduleUniformity(xyz, L, {0.95, 1.05, 0.01, 0.01});
    CHECK(r.modules_failing == 2);
    cv::Mat ex = cv::Mat::zeros(4, 8, CV_8UC1);
    ex(cv::Rect(4, 0, 4, 4)).setTo(255);
    r = moduleUniformity(xyz, L, {0.9, 1.1, 0.01, 0.01}, ex);
    CHECK(std::isnan(r.modules[1].mean_cdm2));
    CHECK_FALSE(r.modules[1].pass);
    CHECK_THROWS_AS(moduleUniformity(cv::Mat(4, 7, CV_32FC3), L, {}), std::invalid_argument);
}

TEST_CASE("measureSeams and detectPixelDefects on a hand-made luminance grid") {
    LedWallLayout L{2, 2, 16, 12, 1, 1, 2.5};
    cv::Mat y(24, 32, CV_32FC1, cv::Scalar(10.0));
    y(cv::Rect(16, 0, 16, 24)).setTo(11.0);  // right modules 10 % brighter: no seam by itself
    y(cv::Rect(15, 0, 1, 12)).setTo(10.5);   // left line of the top border segment +5 %
    y(cv::Rect(16, 0, 1, 12)).setTo(11.55);  // right line +5 %
    y.at<float>(3, 15) = 0.0f;               // a dead pixel on the seam line: medians ignore it
    y.at<float>(20, 5) = 0.0f;               // dead
    y.at<float>(18, 25) = 50.0f;             // stuck
    const auto seams = measureSeams(y, L, {2.0, 1, 3});
    REQUIRE(seams.size() == 4);  // vertical border 1 × 2 segments, horizontal border 1 × 2
    CHECK(seams[0].orientation == SeamOrientation::Vertical);
    CHECK(seams[0].contrast_pct == Approx(5.0).epsilon(1e-4));
    CHECK(seams[0].detected);
    CHECK(seams[1].contrast_pct == Approx(0.0).margin(1e-6));
    CHECK_FALSE(seams[1].detected);
    const auto defects = detectPixelDefects(y, L, {0.5, 2.0, 1.0});
    REQUIRE(defects.size() == 3);
    CHECK(defects[0].x_px == 15);
    CHECK(defects[0].y_px == 3);
    CHECK(defects[1].kind == DefectKind::Stuck);
    CHECK(defects[1].module.col == 1);
    CHECK(defects[1].module.row == 1);
    CHECK(defects[1].x_in_module == 9);
    CHECK(defects[1].y_in_module == 6);
    CHECK(defects[1].ratio == Approx(50.0 / 11.0));
    CHECK(defects[2].kind == DefectKind::Dead);
    CHECK(defectMask(defects, y.size()).at<std::uint8_t>(20, 5) == 255);
    CHECK_THROWS_AS(measureSeams(y, LedWallLayout{2, 2, 6, 6, 1, 1, 2.5}, {2.0, 1, 3}),
                    std::invalid_argument);
    CHECK_THROWS_AS(detectPixelDefects(y, L, {1.5, 2.0, 1.0}), std::invalid_argument);
}

TEST_CASE("readPoints averages a disc of the map at ST 431-1 points") {
    const geometry::ScreenSize s{10.0, 5.0};
    cv::Mat xyz(50, 100, CV_32FC3, cv::Scalar(1, 2, 3));
    // 0.1 m per cell. The centre point (0, 0) is at grid (50, 25); make a 2 × 2 cell block there.
    xyz(cv::Rect(49, 24, 2, 2)).setTo(cv::Scalar(5, 6, 7));
    const auto pts = geometry::pointLayout("st431-5", s, 0.05);
    const auto r = readPoints(xyz, s, pts, 0.1);
    REQUIRE(r.size() == 5);
    CHECK(r[0].point.id == "C");
    CHECK(r[0].samples == 4);  // cell centres at distance √2·0.05 m ≤ 0.1 m
    CHECK(r[0].xyz.Y == Approx(6.0));
    CHECK(r[1].xyz.Y == Approx(2.0));
    CHECK_THROWS_AS(readPoints(xyz, {0, 5}, pts, 0.1), std::invalid_argument);
}

TEST_CASE(
    "adjacentPixelRule: worst LED, findings in row order and U the same with 1 and 2 threads") {
    // A flat wall at 100 cd/m² with small noise; LED (37, 21) at 60 % (−40 % from its
    // neighbours' median 100) and LED (5, 44) at 90 % (−10 %), a NaN LED whose neighbours still
    // count their other neighbours; ±4 % limit (DCI direct view §6.6.1.2).
    const LedWallLayout L{4, 3, 24, 18, 1, 1, 2.5};
    cv::Mat y(L.gridSize(), CV_32FC1);
    cv::RNG rng(14);
    rng.fill(y, cv::RNG::UNIFORM, 99.9, 100.1);
    y.at<float>(21, 37) = 60.0f;
    y.at<float>(44, 5) = 90.0f;
    y.at<float>(30, 60) = std::nanf("");
    const int saved = cv::getNumThreads();
    double worst1 = 0, sigma1 = 0, worst2 = 0, sigma2 = 0;
    cv::setNumThreads(1);
    const auto one = adjacentPixelRule(y, L, 4.0, worst1, sigma1);
    cv::setNumThreads(2);
    const auto two = adjacentPixelRule(y, L, 4.0, worst2, sigma2);
    cv::setNumThreads(saved);
    CHECK(worst1 == Approx(-40.0).margin(0.3));
    // The dimmed LEDs and, for the 60 % one, none of its neighbours (median of 8 unchanged).
    REQUIRE(one.size() == 2);
    CHECK(one[0].x_px == 37);
    CHECK(one[0].y_px == 21);
    CHECK(one[1].x_px == 5);
    CHECK(one[1].y_px == 44);
    CHECK(one[1].deviation_pct == Approx(-10.0).margin(0.3));
    CHECK(sigma1 < 0.2);  // the noise: ±0.1 %
    CHECK(worst1 == worst2);
    CHECK(sigma1 == sigma2);
    REQUIRE(two.size() == one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
        CHECK(two[i].x_px == one[i].x_px);
        CHECK(two[i].y_px == one[i].y_px);
        CHECK(two[i].deviation_pct == one[i].deviation_pct);
    }
}

// SPDX-License-Identifier: Apache-2.0
// The imaging chain against the camera renderer's truth: corners, module means, seams and defects
// recovered within stated bounds under perspective, vignetting and noise.
#include "drivers/virtual/camera_renderer.h"
#include "libmeasure/imaging/camera_matrix.h"
#include "libmeasure/imaging/lattice_registration.h"
#include "libmeasure/imaging/lens_calibration.h"
#include "libmeasure/imaging/linearise.h"
#include "libmeasure/imaging/pixel_defects.h"
#include "libmeasure/imaging/rectify.h"
#include "libmeasure/imaging/screen_quad.h"
#include "libmeasure/imaging/seams.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <set>

using namespace cm;
using namespace cm::imaging;

namespace {

// Stated recovery bounds (the test fails if the chain gets worse than this).
constexpr double kCornerErrorPx = 0.25;      // each corner, camera pixels
constexpr double kModuleMeanErrorPct = 1.0;  // every module's mean luminance
constexpr double kModuleXyError = 0.002;     // every module's x and y
constexpr double kSeamRecall = 0.95;
constexpr double kSeamPrecision = 0.95;
constexpr double kDefectRecall = 0.95;
constexpr double kDefectPrecision = 0.95;
// Analysis parameters used here (a user passes their own).
constexpr SeamOptions kSeams{3.0, 1, 3};
constexpr DefectOptions kDefects{0.5, 2.0, 1.0};

drivers::virt::VirtualTheatre testWall() {
    std::ifstream in(std::string(CINEMEASURE_TEST_DATA_DIR) + "/imaging/led-test-wall.json");
    REQUIRE(in);
    const auto doc = nlohmann::json::parse(in);
    return drivers::virt::VirtualTheatre(
        drivers::virt::parseTheatreConfig(util::JsonView(doc, "led-test-wall.json")));
}

struct Recovery {
    double corner_error_px = 0;
    double worst_module_error_pct = 0;
    double worst_module_xy_error = 0;
    double seam_recall = 0, seam_precision = 0;
    double defect_recall = 0, defect_precision = 0;
    std::string found_defects;  ///< for the failure message
};

Recovery recover(const drivers::virt::VirtualTheatre& theatre,
                 const drivers::virt::CameraSetup& cam, const std::string& stimulus) {
    // Lens calibration from a flat field, as a user would do it.
    const RawFrame flat = drivers::virt::renderFlatField(cam, 8.0, {0.3127, 0.3290});
    const RadialVignetting vig =
        fitRadialVignetting(linearise(flat, Linearisation::forFrame(flat)));

    const auto rendered = drivers::virt::renderCameraFrame(theatre, stimulus, cam);
    const auto& truth = rendered.truth;
    const LedWallLayout& L = *truth.layout;
    cv::Mat green;
    cv::extractChannel(rendered.frame.rgb, green, 1);
    const ScreenQuad quad = findScreenQuad(green);
    Recovery r;
    for (int k = 0; k < 4; ++k) {
        r.corner_error_px = std::max(r.corner_error_px, cv::norm(quad[k] - truth.corners[k]));
    }
    Linearisation lin = Linearisation::forFrame(rendered.frame);
    lin.vignetting = vig;
    const cv::Mat xyz = rectifyRawToXyz(rendered.frame, lin, truth.rgb_to_xyz,
                                        gridToCamera(quad, L.gridSize()), L.gridSize());
    const cv::Mat Y = luminanceMap(xyz);
    const auto defects = detectPixelDefects(Y, L, kDefects);
    const UniformityResult u =
        moduleUniformity(xyz, L, {0.9, 1.1, 0.015, 0.015}, defectMask(defects, L.gridSize()));
    for (std::size_t i = 0; i < u.modules.size(); ++i) {
        const RegionStats& got = u.modules[i];
        const RegionStats& want = truth.modules.modules[i];
        r.worst_module_error_pct = std::max(r.worst_module_error_pct,
                                            100.0 * std::abs(got.mean_cdm2 / want.mean_cdm2 - 1.0));
        r.worst_module_xy_error = std::max({r.worst_module_xy_error, std::abs(got.xy.x - want.xy.x),
                                            std::abs(got.xy.y - want.xy.y)});
    }
    // Seams: a segment is a true seam when the renderer put one there.
    std::set<std::tuple<bool, int, int>> trueSeams;
    for (const auto& s : truth.seams) {
        trueSeams.insert({s.vertical, s.border, s.segment});
    }
    int tp = 0, found = 0;
    for (const SeamMeasurement& m : measureSeams(Y, L, kSeams)) {
        if (m.detected) {
            ++found;
            tp += trueSeams.count({m.orientation == SeamOrientation::Vertical, m.border, m.segment})
                      ? 1
                      : 0;
        }
    }
    r.seam_recall = trueSeams.empty() ? 1.0 : double(tp) / double(trueSeams.size());
    r.seam_precision = found == 0 ? 1.0 : double(tp) / found;
    // Defects: position and kind must match (level 0 → dead, level 1 → stuck).
    std::set<std::tuple<int, int, bool>> trueDefects;
    for (const auto& d : truth.defects) {
        trueDefects.insert({d.x_px, d.y_px, d.level > 0.5});
    }
    tp = 0;
    for (const PixelDefect& d : defects) {
        r.found_defects += " (" + std::to_string(d.x_px) + "," + std::to_string(d.y_px) +
                           " r=" + std::to_string(d.ratio) + ")";
        tp += trueDefects.count({d.x_px, d.y_px, d.kind == DefectKind::Stuck}) ? 1 : 0;
    }
    r.defect_recall = double(tp) / double(trueDefects.size());
    r.defect_precision = defects.empty() ? 1.0 : double(tp) / double(defects.size());
    return r;
}

void checkBounds(const Recovery& r) {
    INFO("corner error " << r.corner_error_px << " px, module error " << r.worst_module_error_pct
                         << " %, xy " << r.worst_module_xy_error << ", seams R/P " << r.seam_recall
                         << "/" << r.seam_precision << ", defects R/P " << r.defect_recall << "/"
                         << r.defect_precision << ", found" << r.found_defects);
    CHECK(r.corner_error_px <= kCornerErrorPx);
    CHECK(r.worst_module_error_pct <= kModuleMeanErrorPct);
    CHECK(r.worst_module_xy_error <= kModuleXyError);
    CHECK(r.seam_recall >= kSeamRecall);
    CHECK(r.seam_precision >= kSeamPrecision);
    CHECK(r.defect_recall >= kDefectRecall);
    CHECK(r.defect_precision >= kDefectPrecision);
}

}  // namespace

TEST_CASE("recovery from the reference seat: mid-grey with noise and vignetting") {
    const auto theatre = testWall();
    drivers::virt::CameraSetup cam;
    cam.width_px = 480;
    cam.height_px = 320;
    cam.exposure_s = 0.5;  // grey:0.5 ≈ 7.9 cd/m² → ≈ 32 000 DN
    cam.seed = 3;
    checkBounds(recover(theatre, cam, "grey:0.5"));
}

TEST_CASE("recovery under strong perspective from a side seat") {
    const auto theatre = testWall();
    drivers::virt::CameraSetup cam;
    cam.width_px = 560;
    cam.height_px = 360;
    cam.exposure_s = 0.5;
    cam.seat = *theatre.config().findSeat("side");
    cam.seed = 4;
    checkBounds(recover(theatre, cam, "grey:0.5"));
}

TEST_CASE("renderer truth: defects, seams and module gains are where the config puts them") {
    const auto theatre = testWall();
    drivers::virt::CameraSetup cam;
    cam.width_px = 240;
    cam.height_px = 160;
    cam.noise = false;
    const auto r = drivers::virt::renderCameraFrame(theatre, "white", cam);
    REQUIRE(r.truth.layout);
    CHECK(r.truth.grid == cv::Size(128, 72));
    CHECK(r.truth.defects.size() == 6);
    // Seams: full-height vertical border 3 (6 segments), horizontal border 2 over columns 1..4,
    // vertical border 6 over rows 0..2 → 6 + 4 + 3 segments.
    CHECK(r.truth.seams.size() == 13);
    // The dead pixel emits nothing but ambient; its neighbour full light.
    CHECK(r.truth.emitted_xyz.at<cv::Vec3f>(5, 5)[1] == Approx(0.0004).epsilon(1e-3));
    CHECK(r.truth.emitted_xyz.at<cv::Vec3f>(5, 6)[1] > 40.0f);
    // Seam line at x = 47/48 is 8 % brighter than x = 45 in the same module row (smooth field).
    const float line = r.truth.emitted_xyz.at<cv::Vec3f>(30, 47)[1];
    const float inner = r.truth.emitted_xyz.at<cv::Vec3f>(30, 45)[1];
    CHECK(line / inner == Approx(1.08).epsilon(2e-3));
    // Raw frame: black level in the dark room around the screen, signal inside.
    CHECK(r.frame.rgb.at<cv::Vec3w>(2, 2)[1] == 512);
    CHECK(r.frame.rgb.at<cv::Vec3w>(80, 120)[1] > 20000);
    CHECK_THROWS_AS(drivers::virt::renderCameraFrame(theatre, "no-such", cam),
                    std::invalid_argument);
    cam.supersample = 17;
    CHECK_THROWS_AS(drivers::virt::renderCameraFrame(theatre, "white", cam), std::invalid_argument);
}

TEST_CASE(
    "renderer pixel structure: emitters with dark gaps carry the same light as full squares") {
    const auto theatre = testWall();
    drivers::virt::CameraSetup cam;
    cam.width_px = 480;
    cam.height_px = 320;
    cam.exposure_s = 0.02;
    cam.noise = false;
    cam.vignetting = {};
    cam.supersample = 8;
    auto flux = [&](const drivers::virt::CameraSetup& c) {
        const auto r = drivers::virt::renderCameraFrame(theatre, "white", c);
        cv::Mat g;
        cv::extractChannel(r.frame.rgb, g, 1);
        return cv::sum(g)[0] - c.black_level_dn * static_cast<double>(g.total());
    };
    const double full = flux(cam);
    cam.emitter_fill = 0.5;
    const auto r = drivers::virt::renderCameraFrame(theatre, "white", cam);
    CHECK(flux(cam) == Approx(full).epsilon(0.005));
    // Gaps are dark: along an LED row the camera sees emitters and gaps, not a plateau.
    cv::Mat g;
    cv::extractChannel(r.frame.rgb, g, 1);
    double lo = 1e9, hi = 0;
    for (int x = 200; x < 280; ++x) {
        const double v = g.at<std::uint16_t>(160, x);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    CHECK(lo < 0.5 * hi);
    // Off-centre aim and lens distortion move the corners as the truth says.
    cam.aim_offset_m = {0.1, 0.05};
    cam.lens.k1 = -0.05;
    const auto d = drivers::virt::renderCameraFrame(theatre, "white", cam);
    const cv::Point2d tl = d.truth.lens.distort(applyHomography(d.truth.grid_to_camera, {0, 0}));
    CHECK(cv::norm(tl - d.truth.corners[0]) < 1e-9);
    // Aimed right of centre: the screen moves left in the frame.
    CHECK(d.truth.corners[0].x < r.truth.corners[0].x - 5.0);
}

TEST_CASE("registerWall: LED centres to 0.1 px from corners ±3 px off (emitters, off-centre aim)") {
    const auto theatre = testWall();
    drivers::virt::CameraSetup cam;
    cam.width_px = 480;
    cam.height_px = 320;
    cam.exposure_s = 0.03;
    cam.emitter_fill = 0.5;
    cam.supersample = 6;
    cam.aim_offset_m = {0.03, -0.015};
    cam.seed = 8;
    const auto r = drivers::virt::renderCameraFrame(theatre, "grey:0.5", cam);
    const cv::Size grid = r.truth.grid;
    auto truthAt = [&](double gx, double gy) {
        return r.truth.lens.distort(applyHomography(r.truth.grid_to_camera, {gx, gy}));
    };
    const double d[4][2] = {{1, -1}, {-1, -0.5}, {0.5, 1}, {-1, 1}};
    for (double px : {0.0, 1.5, 3.0, -3.0}) {
        ScreenQuad q = r.truth.corners;
        for (std::size_t k = 0; k < 4; ++k) {
            q[k].x += px * d[k][0];
            q[k].y += px * d[k][1];
        }
        const WallRegistration reg = registerWall(r.frame, q, grid);
        double worst = 0;
        for (int j = 0; j < grid.height; ++j) {
            for (int i = 0; i < grid.width; ++i) {
                worst = std::max(worst, cv::norm(reg.mapping.toCamera(i + 0.5, j + 0.5) -
                                                 truthAt(i + 0.5, j + 0.5)));
            }
        }
        INFO("corners off " << px << " px: worst LED centre error " << worst << " px, lattice "
                            << reg.lattice_used << " (" << reg.lattice_leds << " LEDs, rms "
                            << reg.lattice_rms_px << " px, contrast " << reg.median_contrast
                            << ")");
        CHECK(reg.lattice_used);
        CHECK(worst < 0.1);
    }
}

TEST_CASE("lens calibration: checkerboards with known distortion, then a distorted wall") {
    const auto theatre = testWall();
    drivers::virt::CameraSetup cam;
    cam.width_px = 480;
    cam.height_px = 320;
    cam.exposure_s = 0.03;
    cam.emitter_fill = 0.5;
    cam.supersample = 4;
    // Strong barrel distortion for this focal length (≈ 1350 px): ≈ 25 px in the frame corners.
    cam.lens.k1 = -2.0;
    cam.lens.k2 = 0.0;
    cam.seed = 12;
    // The wall first, for the camera's focal length (the lens is the same for both).
    const auto wall = drivers::virt::renderCameraFrame(theatre, "grey:0.5", cam);
    std::vector<RawFrame> boards;
    cam.supersample = 3;
    const double tilts[6][2] = {{0, 0}, {25, 0}, {-25, 0}, {0, 30}, {0, -30}, {20, 20}};
    for (const auto& t : tilts) {
        boards.push_back(
            drivers::virt::renderCheckerboard(cam, {10, 7}, t[0], t[1], wall.truth.lens.fx));
    }
    const LensFit fit = fitLensFromCheckerboards(boards, {9, 6});
    INFO("rms " << fit.rms_reprojection_px << " px, k1 " << fit.lens.k1 << ", k2 " << fit.lens.k2);
    CHECK(fit.views_used == 6);
    CHECK(fit.rms_reprojection_px < 0.2);
    // The fitted lens moves points as the true one does, where the boards reached.
    double worst = 0;
    for (int y = 40; y <= 280; y += 40) {
        for (int x = 40; x <= 440; x += 40) {
            const cv::Point2d p(x, y);
            worst = std::max(worst, cv::norm(fit.lens.undistort(p) - wall.truth.lens.undistort(p)));
        }
    }
    CHECK(worst < 0.3);
    // The wall registered through the fitted lens: every LED centre within 0.1 px.
    const WallRegistration reg =
        registerWall(wall.frame, wall.truth.corners, wall.truth.grid, fit.lens);
    double led = 0;
    for (int j = 0; j < wall.truth.grid.height; ++j) {
        for (int i = 0; i < wall.truth.grid.width; ++i) {
            const cv::Point2d want = wall.truth.lens.distort(
                applyHomography(wall.truth.grid_to_camera, {i + 0.5, j + 0.5}));
            led = std::max(led, cv::norm(reg.mapping.toCamera(i + 0.5, j + 0.5) - want));
        }
    }
    INFO("worst LED centre " << led << " px");
    CHECK(led < 0.1);
}

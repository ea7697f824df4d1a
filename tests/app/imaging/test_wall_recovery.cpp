// SPDX-License-Identifier: Apache-2.0
// The LED wall analysis against the renderer's truth on walls with real pixel structure
// (emitters with dark gaps), an off-centre camera and corners given up to ±3 camera px off:
// area-average module means, every defect at its LED, seam lines at their depth, nothing false.
#include "app/common/certification.h"
#include "app/common/imaging/camera_calibration_file.h"
#include "app/common/imaging/image_files.h"
#include "app/common/imaging/wall_analysis.h"
#include "app/common/present/wall_text.h"
#include "drivers/virtual/camera_renderer.h"
#include "libmeasure/util/json_view.h"
#include "tests/app/cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

using namespace cm;

namespace {

// Stated recovery bounds (issue: module means within 1 %, seam depth within 2 points).
constexpr double kModuleMeanErrorPct = 1.0;
constexpr double kSeamDepthErrorPts = 2.0;
// grey:0.5 at 0.03 s: emitters ≈ 7 600 DN, the stuck LEDs (full white, 6×) just below clipping.

nlohmann::json wallConfig() {
    std::ifstream in(std::string(CINEMEASURE_TEST_DATA_DIR) + "/imaging/led-test-wall.json");
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

drivers::virt::VirtualTheatre theatreOf(const nlohmann::json& doc) {
    return drivers::virt::VirtualTheatre(
        drivers::virt::parseTheatreConfig(util::JsonView(doc, "led-test-wall.json")));
}

/// A camera that resolves the LEDs (≈ 3.4 px per LED) with emitters covering half the cell side,
/// aimed off the screen centre.
drivers::virt::CameraSetup structuredCamera(double exposure_s) {
    drivers::virt::CameraSetup cam;
    cam.width_px = 480;
    cam.height_px = 320;
    cam.exposure_s = exposure_s;
    cam.emitter_fill = 0.5;
    cam.supersample = 6;
    cam.aim_offset_m = {0.03, -0.015};
    cam.seed = 5;
    return cam;
}

app::WallLimits limitsFor(const std::string& id) {
    return app::loadWallLimits(std::string(CINEMEASURE_CALIBRATION_DIR) + "/led-walls/" + id +
                               ".json");
}

/// The limits with their draft (provisional) values deciding, as `--provisional binding`.
app::WallLimits bindingLimitsFor(const std::string& id) {
    auto l = limitsFor(id);
    app::setWallProvisionalPolicy(l, "binding");
    return l;
}

imaging::CameraCalibration trueCalibration(const drivers::virt::RenderedFrame& r) {
    imaging::CameraCalibration cal;
    cal.rgb_to_xyz = r.truth.rgb_to_xyz;
    cal.vignetting = r.truth.vignetting;
    return cal;
}

/// Corners moved by up to ±`px` in x and y (a fixed pattern, different for each corner).
imaging::ScreenQuad perturbed(imaging::ScreenQuad q, double px) {
    const double d[4][2] = {{1, -1}, {-1, -0.5}, {0.5, 1}, {-1, 1}};
    for (int k = 0; k < 4; ++k) {
        q[static_cast<std::size_t>(k)].x += px * d[k][0];
        q[static_cast<std::size_t>(k)].y += px * d[k][1];
    }
    return q;
}

double worstModuleErrorPct(const app::WallAnalysis& a, const drivers::virt::RenderTruth& t) {
    double worst = 0.0;
    for (std::size_t i = 0; i < a.modules.size(); ++i) {
        const double want = t.area_modules.modules[i].mean_cdm2;
        const double got = a.modules[i].stats.mean_cdm2;
        worst = std::max(worst, std::isfinite(got) ? 100.0 * std::abs(got / want - 1.0) : 1e9);
    }
    return worst;
}

}  // namespace

TEST_CASE("wall recovery: module means are the area average a spot meter reads") {
    const auto theatre = theatreOf(wallConfig());
    const auto r = drivers::virt::renderCameraFrame(theatre, "grey:0.5", structuredCamera(0.03));
    const app::WallFrame f{r.frame, "grey.dng", "grey:0.5", 1.0};
    const auto a = app::analyzeWall(f, nullptr, trueCalibration(r), *r.truth.layout,
                                    limitsFor("dyt8-2023-draft"), &r.truth.corners);
    const double wallErr = 100.0 * (a.wall_mean_cdm2 / r.truth.area_modules.wall_mean_cdm2 - 1.0);
    INFO("wall mean " << a.wall_mean_cdm2 << " vs area truth "
                      << r.truth.area_modules.wall_mean_cdm2 << " (" << wallErr << " %)");
    CHECK(std::abs(wallErr) <= kModuleMeanErrorPct);
    CHECK(worstModuleErrorPct(a, r.truth) <= kModuleMeanErrorPct);
}

TEST_CASE("wall recovery: corners ±1..3 px off change nothing, every defect at its LED") {
    const auto theatre = theatreOf(wallConfig());
    const auto r = drivers::virt::renderCameraFrame(theatre, "grey:0.5", structuredCamera(0.03));
    const app::WallFrame f{r.frame, "grey.dng", "grey:0.5", 1.0};
    std::set<std::tuple<int, int, bool>> truth;
    for (const auto& d : r.truth.defects) {
        truth.insert({d.x_px, d.y_px, d.level > 0.5});
    }
    for (double px : {1.0, 2.0, 3.0, -3.0}) {
        const imaging::ScreenQuad q = perturbed(r.truth.corners, px);
        const auto a = app::analyzeWall(f, nullptr, trueCalibration(r), *r.truth.layout,
                                        limitsFor("dyt8-2023-draft"), &q);
        std::set<std::tuple<int, int, bool>> found;
        std::string list;
        for (const auto& d : a.defects) {
            found.insert({d.x_px, d.y_px, d.kind == imaging::DefectKind::Stuck});
            list += " (" + std::to_string(d.x_px) + "," + std::to_string(d.y_px) + " " +
                    std::to_string(d.ratio) + ")";
        }
        INFO("found" << list);
        INFO("corners off by " << px << " px: " << a.defects.size() << " defects, "
                               << a.modules_failing << " modules failing");
        CHECK(found == truth);
        CHECK(worstModuleErrorPct(a, r.truth) <= kModuleMeanErrorPct);
        CHECK(a.modules_failing == 0);
        // Seam lines: every rendered seam segment at its depth, no other segment beyond 3 %.
        std::map<std::tuple<bool, int, int>, double> seams;
        for (const auto& s : r.truth.seams) {
            seams[{s.vertical, s.border, s.segment}] = s.gain_pct;
        }
        for (const auto& s : a.seam_lines) {
            const auto it = seams.find(
                {s.orientation == imaging::SeamOrientation::Vertical, s.border, s.segment});
            if (it != seams.end()) {
                CHECK(s.depth_pct == Approx(it->second).margin(kSeamDepthErrorPts));
            } else {
                CHECK_FALSE(s.beyond);
            }
        }
    }
}

TEST_CASE("wall recovery: a seam line at 0.80 of its neighbours reads −20 %") {
    auto doc = wallConfig();
    doc["led"]["seams"] = nlohmann::json::array();
    doc["led"]["dead_pixels"] = nlohmann::json::array();
    // One LED column (the first of module column 3) at 0.80 over module row 1 (y 12..23).
    for (int y = 12; y < 24; ++y) {
        doc["led"]["dead_pixels"].push_back({{"x_px", 48}, {"y_px", y}, {"level", 0.8}});
    }
    const auto theatre = theatreOf(doc);
    const auto r = drivers::virt::renderCameraFrame(theatre, "white", structuredCamera(0.025));
    const app::WallFrame f{r.frame, "white.dng", "white", 1.0};
    const auto a = app::analyzeWall(f, nullptr, trueCalibration(r), *r.truth.layout,
                                    bindingLimitsFor("dci-dvd-1.2"), &r.truth.corners);
    const imaging::SeamLine* worst = nullptr;
    for (const auto& s : a.seam_lines) {
        if (!worst || std::abs(s.depth_pct) > std::abs(worst->depth_pct)) {
            worst = &s;
        }
    }
    REQUIRE(worst);
    INFO("worst seam line " << worst->line_px << ": " << worst->depth_pct << " %");
    CHECK(std::abs(worst->depth_pct - (-20.0)) <= kSeamDepthErrorPts);
    CHECK(worst->orientation == imaging::SeamOrientation::Vertical);
    CHECK(worst->line_px == 48);
    CHECK(worst->segment == 1);
    // Only that segment is beyond the DCI ±2 %: the rest of the borders are clean.
    int beyond = 0;
    for (const auto& s : a.seam_lines) {
        beyond += s.beyond ? 1 : 0;
    }
    CHECK(beyond == 1);
    CHECK_FALSE(a.pass);
}

TEST_CASE("wall recovery: LEDs at 60 % and 90 % break the ±4 % adjacent-pixel rule") {
    auto doc = wallConfig();
    doc["led"]["seams"] = nlohmann::json::array();
    doc["led"]["dead_pixels"] = {{{"x_px", 20}, {"y_px", 20}, {"level", 0.6}},
                                 {{"x_px", 90}, {"y_px", 40}, {"level", 0.9}}};
    const auto theatre = theatreOf(doc);
    const auto r = drivers::virt::renderCameraFrame(theatre, "white", structuredCamera(0.025));
    const app::WallFrame f{r.frame, "white.dng", "white", 1.0};
    const auto a = app::analyzeWall(f, nullptr, trueCalibration(r), *r.truth.layout,
                                    bindingLimitsFor("dci-dvd-1.2"), &r.truth.corners);
    std::map<std::pair<int, int>, double> flagged;
    for (const auto& d : a.adjacent) {
        flagged[{d.x_px, d.y_px}] = d.deviation_pct;
    }
    INFO(flagged.size() << " LEDs beyond ±4 %");
    CHECK(flagged.size() == 2);
    CHECK(flagged[{20, 20}] == Approx(-40.0).margin(2.0));
    CHECK(flagged[{90, 40}] == Approx(-10.0).margin(2.0));
    // Neither is dead (below 0.5 ×): a separate figure with its own rule.
    CHECK(a.dead == 0);
    CHECK_FALSE(a.pass);
    // The evaluation names what failed by id; the words are app/common's.
    CHECK(std::find(a.failed.begin(), a.failed.end(), "adjacent_pixels") != a.failed.end());
    CHECK(app::present::wallVerdictText(a).find("Adjacent-pixel difference") != std::string::npos);
}

TEST_CASE("a monochrome 16-bit linear TIFF from an imaging photometer is read") {
    const auto dir = test::freshDir("mono-tiff");
    std::filesystem::create_directories(dir);
    cv::Mat mono(20, 30, CV_16UC1, cv::Scalar(1234));
    app::imaging_io::writeTiff16(dir / "mono.tif", mono);
    imaging::RawFrame f;
    REQUIRE_NOTHROW(f = app::imaging_io::readTiff16(dir / "mono.tif"));
    CHECK(f.rgb.type() == CV_16UC1);
    // No exposure in a third-party file: refused until the flags give it.
    CHECK_FALSE(f.exposure_known);
    try {
        app::imaging_io::applyImageMetadata(f, dir / "mono.tif", {}, {});
        FAIL("no exposure accepted");
    } catch (const app::imaging_io::ImageFileError& e) {
        CHECK(std::string(e.what()).find("--exposure") != std::string::npos);
    }
    app::imaging_io::ImageMetadata flags;
    flags.exposure_s = 0.25;
    flags.black_level_dn = 100;
    flags.white_level_dn = 4095;
    app::imaging_io::applyImageMetadata(f, dir / "mono.tif", {}, flags);
    CHECK(f.exposure_s == 0.25);
    CHECK(f.white_level_dn == 4095);
}

TEST_CASE("analyze and the wall job's analysis give the same figures on the same image") {
    const auto dir = test::freshDir("analyze-vs-wall");
    std::filesystem::create_directories(dir);
    const std::string wall = std::string(CINEMEASURE_TEST_DATA_DIR) + "/imaging/led-test-wall.json";
    auto r = test::cli("render --virtual " + wall + " --out " + (dir / "w.dng").string() +
                       " --stimulus grey:0.5 --exposure 0.5 --width 480 --height 320 --seed 5");
    REQUIRE(r.exit_code == 0);
    r = test::cli("analyze --image " + (dir / "w.dng").string() + " --layout " + wall +
                  " --limits dyt8-2023-draft --provisional binding --out " +
                  (dir / "out").string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto j = test::readJson(dir / "out" / "analysis.json");
    const app::WallFrame f{app::imaging_io::readImage(dir / "w.dng"), "w.dng", "grey:0.5", 1.0};
    const auto cal = app::loadCameraCalibration(std::string(CINEMEASURE_CALIBRATION_DIR) +
                                                "/cameras/virtual-camera.json");
    const auto cfg = app::loadTheatreConfig(wall);
    const auto a = app::analyzeWall(f, nullptr, cal, drivers::virt::ledLayoutOf(cfg),
                                    bindingLimitsFor("dyt8-2023-draft"));
    CHECK(j["defects"].size() == a.defects.size());
    CHECK(j["verdict"] == a.verdict);
    REQUIRE(j["modules"].size() == a.modules.size());
    for (std::size_t i = 0; i < a.modules.size(); ++i) {
        CHECK(j["modules"][i]["mean_cdm2"].get<double>() ==
              Approx(a.modules[i].stats.mean_cdm2).epsilon(1e-6));
    }
    // Six defective LEDs on the wall and the draft's "no defects", binding: both must fail.
    CHECK(j["verdict"] == "fail");
}

TEST_CASE("a monochrome photometer TIFF: luminance scale, exposure from flags, one command") {
    const auto theatre = theatreOf(wallConfig());
    const auto r = drivers::virt::renderCameraFrame(theatre, "grey:0.5", structuredCamera(0.03));
    // The imaging photometer sees luminance: DN/s = Y / S, S cd/m² per DN/s.
    constexpr double kScale = 1.0 / 8000.0;
    const double black = r.frame.black_level_dn;
    cv::Mat mono(r.frame.rgb.size(), CV_16UC1);
    for (int y = 0; y < mono.rows; ++y) {
        for (int x = 0; x < mono.cols; ++x) {
            const cv::Vec3w p = r.frame.rgb.at<cv::Vec3w>(y, x);
            double Y = 0;
            for (int c = 0; c < 3; ++c) {
                Y += r.truth.rgb_to_xyz[1][static_cast<std::size_t>(c)] * (p[c] - black);
            }
            mono.at<std::uint16_t>(y, x) =
                static_cast<std::uint16_t>(std::clamp(std::lround(black + Y / kScale), 0L, 65535L));
        }
    }
    imaging::CameraCalibration cal;
    cal.camera = "test photometer";
    cal.source = "test";
    cal.cdm2_per_dn_s = kScale;
    cal.vignetting = r.truth.vignetting;
    imaging::RawFrame f;
    f.rgb = mono;
    f.exposure_s = 0.03;
    f.black_level_dn = black;
    const auto a = app::analyzeWall({f, "mono.tif", "grey:0.5", 1.0}, nullptr, cal, *r.truth.layout,
                                    limitsFor("dyt8-2023-draft"));
    CHECK(worstModuleErrorPct(a, r.truth) <= kModuleMeanErrorPct);
    CHECK(a.defects.size() == 6);
    for (const auto& fig : a.figures) {
        if (fig.id == "module_chromaticity") {
            CHECK_FALSE(fig.measured);
        }
    }
    // The same through the CLI: refused without exposure, analysed with --exposure.
    const auto dir = test::freshDir("mono-wall");
    std::filesystem::create_directories(dir);
    app::imaging_io::writeTiff16(dir / "mono.tif", mono);
    app::saveCameraCalibration(dir / "photometer.json", cal);
    const std::string wall = std::string(CINEMEASURE_TEST_DATA_DIR) + "/imaging/led-test-wall.json";
    const std::string base = "wall --image " + (dir / "mono.tif").string() + " --layout " + wall +
                             " --camera-calibration " + (dir / "photometer.json").string() +
                             " --black-level 512 --out " + (dir / "out").string();
    auto run = test::cli(base);
    CHECK(run.exit_code == 2);
    CHECK(run.output.find("--exposure") != std::string::npos);
    run = test::cli(base + " --exposure 0.03");
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    const auto j = test::readJson(dir / "out" / "analysis.json");
    CHECK(j["defects"].size() == 6);
    CHECK(j["wall"]["mean_cdm2"].get<double>() ==
          Approx(r.truth.area_modules.wall_mean_cdm2).epsilon(0.01));
}

TEST_CASE("camera calibrate: lens from checkerboards and a flat-field map, then a wall with it") {
    const auto dir = test::freshDir("camera-calibrate");
    std::filesystem::create_directories(dir);
    const auto theatre = theatreOf(wallConfig());
    auto cam = structuredCamera(0.03);
    cam.lens.k1 = -2.0;  // ≈ 25 px of barrel distortion in the corners at this focal length
    cam.vignetting_aspect = 1.3;  // elliptical fall-off: the radial model cannot follow it
    cam.supersample = 3;
    const auto wall = drivers::virt::renderCameraFrame(theatre, "grey:0.5", cam);
    const double tilts[6][2] = {{0, 0}, {25, 0}, {-25, 0}, {0, 30}, {0, -30}, {20, 20}};
    std::string args = "camera calibrate --board 9x6 --base " +
                       std::string(CINEMEASURE_CALIBRATION_DIR) +
                       "/cameras/virtual-camera.json --out " + (dir / "cal.json").string();
    auto desc = [](const imaging::RawFrame& f) {
        return nlohmann::json({{"exposure_s", f.exposure_s},
                               {"black_level_dn", f.black_level_dn},
                               {"white_level_dn", f.white_level_dn}})
            .dump();
    };
    for (int k = 0; k < 6; ++k) {
        const auto b = drivers::virt::renderCheckerboard(cam, {10, 7}, tilts[k][0], tilts[k][1],
                                                         wall.truth.lens.fx);
        const auto file = dir / ("board" + std::to_string(k) + ".tif");
        app::imaging_io::writeTiff16(file, b.rgb, desc(b));
        args += " --checkerboard " + file.string();
    }
    const auto flat = drivers::virt::renderFlatField(cam, 8.0, {0.3127, 0.3290});
    app::imaging_io::writeTiff16(dir / "flat.tif", flat.rgb, desc(flat));
    args += " --flat " + (dir / "flat.tif").string();
    auto run = test::cli(args);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    const auto cal = app::loadCameraCalibration(dir / "cal.json");
    CHECK(cal.lens.k1 == Approx(-2.0).margin(0.3));
    REQUIRE_FALSE(cal.flat_gain.empty());
    CHECK(cal.lens_source.find("cv::calibrateCamera") != std::string::npos);
    CHECK_FALSE(cal.flat_source.empty());
    // The flat-field map follows the elliptical fall-off to well under 1 %.
    double worst = 0;
    for (int y = 20; y < 300; y += 40) {
        for (int x = 20; x < 460; x += 40) {
            worst = std::max(worst, std::abs(cal.flat_gain.at<cv::Vec3f>(y, x)[1] /
                                                 drivers::virt::relativeIllumination(cam, x, y) -
                                             1.0));
        }
    }
    CHECK(worst < 0.01);
    // The wall through that calibration: modules at their area-average truth, defects exact.
    imaging::CameraCalibration c = cal;
    c.rgb_to_xyz = wall.truth.rgb_to_xyz;
    const auto a =
        app::analyzeWall({wall.frame, "w.dng", "grey:0.5", 1.0}, nullptr, c, *wall.truth.layout,
                         limitsFor("dyt8-2023-draft"), &wall.truth.corners);
    CHECK(worstModuleErrorPct(a, wall.truth) <= kModuleMeanErrorPct);
    CHECK(a.defects.size() == 6);
}

namespace {

/// Two 8 × 8 modules side by side, D65 white at 100 cd/m²; `x_shift` moves module 1's X, `dead`
/// darkens one LED of module 0 to 10 %.
imaging::WallCells twoModuleCells(const imaging::LedWallLayout& L, float x_shift, bool dead) {
    const cv::Size g = L.gridSize();
    imaging::WallCells c;
    c.area_xyz = cv::Mat(g, CV_32FC3);
    c.area_Y = cv::Mat(g, CV_32FC1, cv::Scalar(100.0));
    c.area_px = cv::Mat(g, CV_32FC1, cv::Scalar(1.0));
    for (int y = 0; y < g.height; ++y) {
        for (int x = 0; x < g.width; ++x) {
            const float X = 95.047f + (x >= L.module_w_px ? x_shift : 0.0f);
            c.area_xyz.at<cv::Vec3f>(y, x) = {X, 100.0f, 108.883f};
        }
    }
    if (dead) {
        c.area_Y.at<float>(3, 3) = 10.0f;
        c.area_xyz.at<cv::Vec3f>(3, 3) *= 0.1f;
    }
    c.emitter_Y = c.area_Y.clone();
    return c;
}

imaging::LedWallLayout twoModules() {
    imaging::LedWallLayout L;
    L.modules_across = 2;
    L.modules_down = 1;
    L.module_w_px = L.module_h_px = 8;
    L.pixel_pitch_mm = 2.5;
    return L;
}

/// The evaluation lists what failed by figure id.
bool named(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("wall verdict: a confirmed limit decides by default, draft limits only when binding",
          "[wall][provisional]") {
    const auto L = twoModules();
    // DCI DVD §6.7.1.1 inter-module Δu'v' ≤ 0.001 is confirmed (provisional: false in the file):
    // module 1's X + 2 (Δu'v' ≈ 0.004) fails the wall under the default informative policy.
    const auto dci = limitsFor("dci-dvd-1.2");
    REQUIRE_FALSE(dci.chromaticity_provisional);
    REQUIRE_FALSE(dci.provisional_binding);
    auto e = imaging::evaluateWall(twoModuleCells(L, 2.0f, false), nullptr, L, dci, 0.02);
    CHECK(e.verdict == "fail");
    CHECK(e.judged);
    CHECK(named(e.failed, "module_chromaticity"));
    CHECK(app::present::wallVerdictText(e).rfind("FAIL (Module chromaticity", 0) == 0);

    // A dead LED breaks the DCI adjacent-pixel rule, a draft reading (provisional): informative
    // by default, so the confirmed chromaticity limit alone judges the wall and it passes.
    e = imaging::evaluateWall(twoModuleCells(L, 0.0f, true), nullptr, L, dci, 0.02);
    CHECK(e.verdict == "pass");
    CHECK(e.failed.empty());
    CHECK(named(e.informative_failed, "adjacent_pixels"));
    CHECK(app::present::wallInformativeText(e).find("would fail: ") != std::string::npos);
    CHECK(app::present::wallInformativeText(e).find("Adjacent-pixel") != std::string::npos);

    // DY/T 8 draft values only: not judged (never PASS) by default; binding makes them decide.
    auto dyt8 = limitsFor("dyt8-2023-draft");
    e = imaging::evaluateWall(twoModuleCells(L, 0.0f, true), nullptr, L, dyt8, 0.02);
    CHECK(e.verdict == "not judged");
    CHECK_FALSE(e.pass);
    CHECK(e.failed.empty());
    CHECK(named(e.informative_failed, "dead_pixels"));
    CHECK(app::present::wallVerdictText(e).rfind("NOT JUDGED", 0) == 0);
    CHECK(app::present::wallBindingWarning(e).empty());
    app::setWallProvisionalPolicy(dyt8, "binding");
    e = imaging::evaluateWall(twoModuleCells(L, 0.0f, true), nullptr, L, dyt8, 0.02);
    CHECK(e.verdict == "fail");
    CHECK(e.provisional_binding);
    CHECK(named(e.failed, "dead_pixels"));
    CHECK(app::present::wallBindingWarning(e).find("WARNING") == 0);
    e = imaging::evaluateWall(twoModuleCells(L, 0.0f, false), nullptr, L, dyt8, 0.02);
    CHECK(e.verdict == "pass");
}

TEST_CASE("wall limits flagged binding_allowed false refuse --provisional binding",
          "[wall][provisional]") {
    const auto dir = test::freshDir("wall-limits-nobind");
    std::filesystem::create_directories(dir);
    auto doc = nlohmann::json::parse(std::ifstream(std::string(CINEMEASURE_CALIBRATION_DIR) +
                                                   "/led-walls/dyt8-2023-draft.json"));
    doc["binding_allowed"] = false;
    std::ofstream(dir / "nobind.json") << doc.dump(2);
    auto l = app::loadWallLimits(dir / "nobind.json");
    CHECK_FALSE(l.binding_allowed);
    CHECK_THROWS_WITH(app::setWallProvisionalPolicy(l, "binding"),
                      Catch::Contains("informative only") && Catch::Contains("refused"));
    CHECK_NOTHROW(app::setWallProvisionalPolicy(l, "informative"));
    CHECK_THROWS_WITH(app::setWallProvisionalPolicy(l, "maybe"), Catch::Contains("--provisional"));
    // A set that never says is bindable (as profiles).
    CHECK(limitsFor("dyt8-2023-draft").binding_allowed);
}

namespace {

/// The verdict column (last) of modules.csv, one entry per module row.
std::vector<std::string> csvVerdicts(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::vector<std::string> out;
    std::string line;
    std::getline(in, line);
    CHECK(line.substr(line.rfind(',') + 1) == "verdict");
    while (std::getline(in, line)) {
        out.push_back(line.substr(line.rfind(',') + 1));
    }
    return out;
}

std::vector<std::string> writtenVerdicts(const imaging::WallEvaluation& e,
                                         const imaging::WallCells& c,
                                         const imaging::LedWallLayout& L,
                                         const app::WallLimits& lim, const std::string& name) {
    app::WallAnalysis a;
    static_cast<imaging::WallEvaluation&>(a) = e;
    a.layout = L;
    a.luminance = c.area_Y;
    const auto dir = test::freshDir(name);
    std::filesystem::create_directories(dir);
    app::writeWallResults(dir, a, lim, nlohmann::ordered_json::object());
    // The JSON says the same as the CSV.
    const auto j = nlohmann::json::parse(std::ifstream(dir / "analysis.json"));
    std::vector<std::string> fromJson;
    for (const auto& m : j["modules"]) {
        fromJson.push_back(m["verdict"].get<std::string>());
    }
    const auto fromCsv = csvVerdicts(dir / "modules.csv");
    CHECK(fromJson == fromCsv);
    return fromCsv;
}

}  // namespace

TEST_CASE("module marks: a draft limit shows info, not pass or fail, unless binding",
          "[wall][provisional]") {
    const auto L = twoModules();
    // Module 1 at 80 % of module 0: wall mean 90, ratios 1.11 and 0.89, both outside DY/T 8's
    // draft 90–110 % (provisional: true).
    imaging::WallCells c = twoModuleCells(L, 0.0f, false);
    for (int y = 0; y < L.module_h_px; ++y) {
        for (int x = L.module_w_px; x < 2 * L.module_w_px; ++x) {
            c.area_Y.at<float>(y, x) = 80.0f;
            c.area_xyz.at<cv::Vec3f>(y, x) *= 0.8f;
        }
    }
    c.emitter_Y = c.area_Y.clone();
    auto dyt8 = limitsFor("dyt8-2023-draft");
    REQUIRE(dyt8.luminance_provisional);
    auto e = imaging::evaluateWall(c, nullptr, L, dyt8, 0.02);
    REQUIRE(e.modules.size() == 2);
    for (const auto& m : e.modules) {
        CHECK_FALSE(m.luminance_pass);  // outside the draft limit: reported
        CHECK(m.luminance_verdict == "info");
        CHECK(m.verdict == "info");  // but it does not mark the module
    }
    CHECK(writtenVerdicts(e, c, L, dyt8, "marks-informative") ==
          std::vector<std::string>{"info", "info"});
    app::setWallProvisionalPolicy(dyt8, "binding");
    e = imaging::evaluateWall(c, nullptr, L, dyt8, 0.02);
    CHECK(e.modules[0].verdict == "fail");
    CHECK(e.modules[1].verdict == "fail");
    CHECK(writtenVerdicts(e, c, L, dyt8, "marks-binding") ==
          std::vector<std::string>{"fail", "fail"});

    // DCI: luminance step (draft) informative, Δu'v' ≤ 0.001 confirmed and deciding. Equal
    // chromaticity: the confirmed rule passes, the draft one says info → the module reads info.
    const auto dci = limitsFor("dci-dvd-1.2");
    e = imaging::evaluateWall(c, nullptr, L, dci, 0.02);
    CHECK(e.modules[0].chromaticity_verdict == "pass");
    CHECK(e.modules[0].luminance_verdict == "info");
    CHECK(e.modules[0].verdict == "info");
    // Module 1's X + 2 (Δu'v' ≈ 0.004) fails the confirmed rule: fail whatever the draft says.
    e = imaging::evaluateWall(twoModuleCells(L, 2.0f, false), nullptr, L, dci, 0.02);
    CHECK(e.modules[1].chromaticity_verdict == "fail");
    CHECK(e.modules[1].verdict == "fail");
    // Equal modules under confirmed rules only would read pass: binding makes the draft decide.
    auto dciBinding = dci;
    app::setWallProvisionalPolicy(dciBinding, "binding");
    e = imaging::evaluateWall(twoModuleCells(L, 0.0f, false), nullptr, L, dciBinding, 0.02);
    CHECK(e.modules[0].verdict == "pass");
    CHECK(e.modules[1].verdict == "pass");
}

TEST_CASE("wall chromaticity figures carry U (k = 2) from the camera matrix fit",
          "[wall][uncertainty]") {
    // Hand-worked: three patches with Δxy residuals 0.001, 0.002, 0.002 → u = √((1 + 4 + 4)/3)
    // × 10⁻³ = 1.732051 × 10⁻³ (Euclidean in xy). Without residuals, max 0.003 → 0.003/√3.
    imaging::CameraCalibration cal;
    for (double d : {0.001, 0.002, 0.002}) {
        imaging::PatchResidual r;
        r.delta_xy = d;
        cal.residuals.push_back(r);
    }
    const double u = imaging::chromaticityUncertaintyXY(cal);
    CHECK(u == Approx(1.732051e-3).epsilon(1e-6));
    imaging::CameraCalibration maxOnly;
    maxOnly.max_delta_xy = 0.003;
    CHECK(imaging::chromaticityUncertaintyXY(maxOnly) == Approx(1.732051e-3).epsilon(1e-6));
    CHECK(imaging::chromaticityUncertaintyXY(imaging::CameraCalibration{}) == 0.0);

    const auto L = twoModules();
    // Wall of D65 white: x = 0.312727, y = 0.329023. U(wall xy) = 2u = 3.464102 × 10⁻³;
    // U(Δx, Δy to the wall) = 2·√2·u = 4.898979 × 10⁻³ (DY/T 8 draft rule).
    const auto dyt8 = limitsFor("dyt8-2023-draft");
    auto e = imaging::evaluateWall(twoModuleCells(L, 0.0f, false), nullptr, L, dyt8, 0.02, u);
    CHECK(e.wall_xy_u_k2 == Approx(3.464102e-3).epsilon(1e-5));
    auto figure = [](const imaging::WallEvaluation& ev, const std::string& id) {
        for (const auto& f : ev.figures) {
            if (f.id == id) {
                return f;
            }
        }
        FAIL("no figure " << id);
        return imaging::WallFigure{};
    };
    CHECK(figure(e, "module_chromaticity").u_k2 == Approx(4.898979e-3).epsilon(1e-5));
    // Adjacent Δu'v' (DCI rule): D = −2x + 12y + 3 = 6.322824; ∂u'/∂x = (4D + 8x)/D² = 0.695208,
    // ∂u'/∂y = −48x/D² = −0.375477, ∂v'/∂x = 18y/D² = 0.148141, ∂v'/∂y = (9D − 108y)/D² =
    // 0.534566; ‖J‖_F/√2 = 0.682643 → U = 4.898979 × 10⁻³ × 0.682643 = 3.344256 × 10⁻³.
    const auto dci = limitsFor("dci-dvd-1.2");
    e = imaging::evaluateWall(twoModuleCells(L, 0.0f, false), nullptr, L, dci, 0.02, u);
    CHECK(figure(e, "module_chromaticity").u_k2 == Approx(3.344256e-3).epsilon(1e-5));
    // A monochrome camera measures no chromaticity: no U either.
    imaging::WallCells mono = twoModuleCells(L, 0.0f, false);
    mono.area_xyz.release();
    e = imaging::evaluateWall(mono, nullptr, L, dci, 0.02, u);
    CHECK(std::isnan(e.wall_xy_u_k2));
    CHECK_FALSE(figure(e, "module_chromaticity").measured);
}

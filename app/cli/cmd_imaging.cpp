// SPDX-License-Identifier: Apache-2.0
// `cinemeasure render` (a camera frame of a virtual theatre, with its truth) and `cinemeasure
// analyze` (luminance map, module uniformity, seams and pixel defects from a camera image).
#include "app/cli/commands.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/imaging/camera_calibration_file.h"
#include "app/common/imaging/image_files.h"
#include "app/common/imaging/wall_setup.h"
#include "app/common/present/figure_text.h"
#include "app/common/present/text_table.h"
#include "drivers/virtual/camera_renderer.h"
#include "libmeasure/imaging/camera_matrix.h"
#include "libmeasure/imaging/pixel_defects.h"
#include "libmeasure/imaging/point_readout.h"
#include "libmeasure/imaging/rectify.h"
#include "libmeasure/imaging/screen_quad.h"
#include "libmeasure/imaging/seams.h"
#include "libmeasure/util/json_view.h"

#include <nlohmann/json.hpp>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace cm::cli {

namespace {

nlohmann::json num(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

std::string ext(const std::filesystem::path& p) {
    std::string e = p.extension().string();
    for (char& c : e) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return e;
}

struct RenderArgs {
    std::string config, out, stimulus = "white", seat, truth, calibration_out;
    int width = 1200, height = 800, supersample = 2;
    double exposure_s = 0.1, emitter_fill = 1.0;
    std::uint64_t seed = 1;
};

void runRender(const RenderArgs& a) {
    drivers::virt::TheatreConfig cfg;
    cfg = app::loadTheatreConfig(a.config);
    drivers::virt::VirtualTheatre theatre(cfg);
    drivers::virt::CameraSetup cam;
    cam.width_px = a.width;
    cam.height_px = a.height;
    cam.exposure_s = a.exposure_s;
    cam.seed = a.seed;
    cam.supersample = a.supersample;
    cam.emitter_fill = a.emitter_fill;
    if (!a.seat.empty()) {
        const geometry::Seat* s = cfg.findSeat(a.seat);
        if (!s) {
            throw errors::InputError(cfg.source + ": no seat '" + a.seat + "'");
        }
        cam.seat = *s;
    }
    drivers::virt::RenderedFrame r;
    r = drivers::virt::renderCameraFrame(theatre, a.stimulus, cam);
    const std::filesystem::path out = a.out;
    if (ext(out) == ".dng") {
        app::imaging_io::writeDng(out, r.frame, colorimetry::inverse(r.truth.rgb_to_xyz));
    } else if (ext(out) == ".tif" || ext(out) == ".tiff") {
        const nlohmann::json d = {{"exposure_s", r.frame.exposure_s},
                                  {"black_level_dn", r.frame.black_level_dn},
                                  {"white_level_dn", r.frame.white_level_dn},
                                  {"iso", r.frame.iso}};
        app::imaging_io::writeTiff16(out, r.frame.rgb, d.dump());
    } else {
        throw errors::InputError(out.string() + ": --out must end in .dng, .tif or .tiff");
    }
    if (!a.truth.empty()) {
        nlohmann::ordered_json t;
        t["image"] = out.string();
        t["stimulus"] = a.stimulus;
        t["corners_px"] = nlohmann::json::array();
        for (const auto& c : r.truth.corners) {
            t["corners_px"].push_back({c.x, c.y});
        }
        t["grid"] = {r.truth.grid.width, r.truth.grid.height};
        t["vignetting"] = {r.truth.vignetting.k1, r.truth.vignetting.k2, r.truth.vignetting.k3};
        t["defects"] = nlohmann::json::array();
        for (const auto& d : r.truth.defects) {
            t["defects"].push_back({{"x_px", d.x_px}, {"y_px", d.y_px}, {"level", d.level}});
        }
        t["seams"] = nlohmann::json::array();
        for (const auto& s : r.truth.seams) {
            t["seams"].push_back({{"orientation", s.vertical ? "vertical" : "horizontal"},
                                  {"border", s.border},
                                  {"segment", s.segment},
                                  {"gain_pct", s.gain_pct}});
        }
        t["modules"] = nlohmann::json::array();
        for (const auto& m : r.truth.modules.modules) {
            t["modules"].push_back({{"col", m.index.col},
                                    {"row", m.index.row},
                                    {"mean_cdm2", num(m.mean_cdm2)},
                                    {"x", num(m.xy.x)},
                                    {"y", num(m.xy.y)}});
        }
        // What a spot meter covering exactly each module reads (defects included): the figure the
        // wall analysis's module means are checked against.
        t["area_modules"] = nlohmann::json::array();
        for (const auto& m : r.truth.area_modules.modules) {
            t["area_modules"].push_back({{"col", m.index.col},
                                         {"row", m.index.row},
                                         {"mean_cdm2", num(m.mean_cdm2)},
                                         {"x", num(m.xy.x)},
                                         {"y", num(m.xy.y)}});
        }
        app::writeFileAtomically(a.truth, t.dump(2) + "\n");
    }
    if (!a.calibration_out.empty()) {
        const auto cal = app::calibrateVirtualCamera(theatre, cam);
        app::saveCameraCalibration(a.calibration_out, cal);
    }
    std::printf("rendered %s (%d × %d px, %s, exposure %g s) of %s\n", out.string().c_str(),
                a.width, a.height, a.stimulus.c_str(), a.exposure_s, cfg.name.c_str());
}

imaging::ScreenQuad parseCorners(const std::string& s) {
    const auto v = parseCornerNumbers(s);
    return {cv::Point2d(v[0], v[1]), cv::Point2d(v[2], v[3]), cv::Point2d(v[4], v[5]),
            cv::Point2d(v[6], v[7])};
}

}  // namespace

std::array<double, 8> parseCornerNumbers(const std::string& s) {
    try {
        return app::parseCornerList(s);
    } catch (const std::invalid_argument& e) {
        throw errors::InputError(e.what());
    }
}

void runAnalyze(const AnalyzeArgs& a) {
    if (!a.layout.empty()) {
        // An LED wall: the same analysis as `wall --image`, one path for both.
        analyzeWallImages({a.image}, a.meta, a.layout, a.limits, a.provisional, a.calibration,
                          a.corners, a.out);
        return;
    }
    // A projection screen: luminance map and the ST 431-1 points.
    // Inputs first: nothing is written unless every input is good.
    imaging::RawFrame frame;
    frame = app::imaging_io::readImage(a.image);
    app::imaging_io::ImageMetadata sidecar, flags;
    if (!a.meta.sidecar.empty()) {
        sidecar = app::imaging_io::readImageSidecar(a.meta.sidecar);
    }
    flags.exposure_s = a.meta.exposure_s;
    flags.black_level_dn = a.meta.black_level_dn;
    flags.white_level_dn = a.meta.white_level_dn;
    app::imaging_io::applyImageMetadata(frame, a.image, sidecar, flags);
    if (frame.rgb.channels() != 3) {
        throw errors::InputError(a.image +
                                 ": a projection-screen analysis needs an RGB image "
                                 "(monochrome images are analysed with --layout)");
    }
    const std::filesystem::path calFile = a.calibration.empty()
                                              ? app::dataDir() / "cameras" / "virtual-camera.json"
                                              : std::filesystem::path(a.calibration);
    imaging::CameraCalibration cal;
    cal = app::loadCameraCalibration(calFile);
    geometry::ScreenSize screen{1.0, 1.0};
    imaging::ScreenQuad quad;
    if (!a.corners.empty()) {
        quad = parseCorners(a.corners);
    } else {
        cv::Mat green;
        cv::extractChannel(frame.rgb, green, 1);
        try {
            quad = imaging::findScreenQuad(green);
        } catch (const std::runtime_error& e) {
            throw errors::InputError(a.image + ": " + e.what() + "; pass --corners");
        }
    }
    // A grid of 512 cells across, the height from the quad's aspect.
    cv::Size grid;
    {
        const double w = 0.5 * (cv::norm(quad[1] - quad[0]) + cv::norm(quad[2] - quad[3]));
        const double h = 0.5 * (cv::norm(quad[3] - quad[0]) + cv::norm(quad[2] - quad[1]));
        grid = {512, std::max(1, static_cast<int>(std::lround(512 * h / w)))};
        screen = {1.0, h / w};
    }
    imaging::Linearisation lin = imaging::Linearisation::forFrame(frame);
    lin.vignetting = cal.vignetting;
    const cv::Mat xyz = imaging::rectifyRawToXyz(frame, lin, cal.rgb_to_xyz,
                                                 imaging::gridToCamera(quad, grid), grid);
    const cv::Mat Y = imaging::luminanceMap(xyz);

    const std::filesystem::path out = a.out;
    app::ensureWritableDirectory(out);
    nlohmann::ordered_json j;
    j["schema"] = "cinemeasure-image-analysis";
    j["version"] = 1;
    j["image"] = a.image;
    j["camera_calibration"] = calFile.string();
    j["exposure_s"] = frame.exposure_s;
    j["corners_px"] = nlohmann::json::array();
    for (const auto& c : quad) {
        j["corners_px"].push_back({c.x, c.y});
    }
    j["grid"] = {grid.width, grid.height};
    // Luminance map as a 16-bit TIFF with the scale recorded here.
    double maxY = 0.0;
    int saturated = 0;
    for (int y = 0; y < Y.rows; ++y) {
        for (int x = 0; x < Y.cols; ++x) {
            const float v = Y.at<float>(y, x);
            if (std::isfinite(v)) {
                maxY = std::max(maxY, double(v));
            } else if (std::isinf(v)) {
                ++saturated;
            }
        }
    }
    const double scale = maxY > 0 ? maxY / 65000.0 : 1.0;  // cd/m² per DN
    cv::Mat y16(Y.size(), CV_16UC1);
    for (int y = 0; y < Y.rows; ++y) {
        for (int x = 0; x < Y.cols; ++x) {
            const float v = Y.at<float>(y, x);
            y16.at<std::uint16_t>(y, x) = static_cast<std::uint16_t>(
                std::isinf(v)      ? 65535
                : std::isfinite(v) ? std::clamp(std::lround(v / scale), 0L, 65000L)
                                   : 0);
        }
    }
    j["luminance_map"] = {{"tiff", "luminance.tif"},
                          {"png", "luminance.png"},
                          {"cdm2_per_dn", scale},
                          {"saturated_dn", 65535},
                          {"saturated_cells", saturated}};
    app::imaging_io::writeTiff16(
        out / "luminance.tif", y16,
        nlohmann::json({{"cdm2_per_dn", scale}, {"quantity", "luminance"}}).dump());
    const double lo = 0, hi = maxY;
    app::imaging_io::writeFalseColourPng(out / "luminance.png", Y, lo, hi > lo ? hi : lo + 1);
    const auto points = geometry::pointLayout("st431-9", screen, 0.05);
    j["points"] = nlohmann::json::array();
    const auto read = imaging::readPoints(xyz, screen, points, 0.01 * screen.width_m);
    // The same on the terminal: luminance, share of the centre's (ST 431-1 uniformity), xy.
    double centre = std::nan("");
    for (const auto& r : read) {
        if (r.point.id == "C") {
            centre = r.xyz.Y;
        }
    }
    std::vector<std::vector<std::string>> rows{
        {"point", "L (cd/m²)", "% of centre", "x (CIE 1931)", "y (CIE 1931)"}};
    using app::present::formatFixed;
    for (const auto& r : read) {
        const auto xy = colorimetry::toXY(r.xyz);
        j["points"].push_back({{"id", r.point.id},
                               {"luminance_cdm2", num(r.xyz.Y)},
                               {"x", num(xy.x)},
                               {"y", num(xy.y)}});
        rows.push_back({r.point.id, formatFixed(r.xyz.Y, 2),
                        formatFixed(100.0 * r.xyz.Y / centre, 1), formatFixed(xy.x, 4),
                        formatFixed(xy.y, 4)});
    }
    std::fputs(app::present::renderTable(rows).c_str(), stdout);
    app::writeFileAtomically(out / "analysis.json", j.dump(2) + "\n");
    std::printf("wrote %s\n", (out / "analysis.json").string().c_str());
}

void registerImagingCommands(CLI::App& app) {
    auto ra = std::make_shared<RenderArgs>();
    CLI::App* render =
        app.add_subcommand("render", "Render a camera frame (DNG or TIFF) of a virtual theatre");
    render->add_option("--virtual", ra->config, "Virtual theatre config")
        ->required()
        ->check(CLI::ExistingFile);
    render->add_option("--out", ra->out, "Output image (.dng, .tif)")->required();
    render->add_option("--stimulus", ra->stimulus, "What the screen shows (white, grey:0.5, …)");
    render->add_option("--seat", ra->seat, "Camera position: a seat id of the config");
    render->add_option("--width", ra->width, "Image width, px")->check(CLI::Range(16, 20000));
    render->add_option("--height", ra->height, "Image height, px")->check(CLI::Range(16, 20000));
    render->add_option("--exposure", ra->exposure_s, "Exposure time, s")
        ->check(CLI::PositiveNumber);
    render->add_option("--supersample", ra->supersample, "Samples per pixel side (1..16)")
        ->check(CLI::Range(1, 16));
    render
        ->add_option("--emitter-fill", ra->emitter_fill,
                     "LED emitter side as a fraction of the LED pitch (1: uniform squares)")
        ->check(CLI::Range(0.05, 1.0));
    render->add_option("--seed", ra->seed, "Noise seed");
    render->add_option("--truth", ra->truth, "Also write what was rendered (JSON)");
    render->add_option(
        "--calibration-out", ra->calibration_out,
        "Also calibrate the virtual camera in this theatre and write the calibration JSON");
    render->callback([ra] { runRender(*ra); });

    auto aa = std::make_shared<AnalyzeArgs>();
    CLI::App* analyze = app.add_subcommand(
        "analyze",
        "Luminance map and ST 431-1 points of a screen; with --layout the LED wall analysis "
        "(as wall --image)");
    analyze->add_option("--image", aa->image, "DNG, camera raw or 16-bit TIFF")->required();
    analyze->add_option("--camera-calibration", aa->calibration,
                        "Camera calibration JSON (default: the virtual camera's, "
                        "calibration/cameras/virtual-camera.json)");
    analyze->add_option("--layout", aa->layout,
                        "LED wall description (a config with screen and led sections)");
    analyze->add_option("--corners", aa->corners,
                        "Screen corners x,y ×4 (TL, TR, BR, BL), camera pixels");
    analyze->add_option("--out", aa->out, "Output directory")->required();
    analyze->add_option("--limits", aa->limits,
                        "With --layout: dyt8-2023-draft (default), dci-dvd-1.2, or a limits JSON");
    analyze
        ->add_option("--provisional", aa->provisional,
                     "With --layout: draft limits informative (default; reported, not deciding) "
                     "or binding (they decide, with a warning)")
        ->check(CLI::IsMember({"informative", "binding"}));
    addImageMetadataOptions(analyze, aa->meta);
    analyze->callback([aa] { runAnalyze(*aa); });
}

}  // namespace cm::cli

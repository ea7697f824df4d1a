// SPDX-License-Identifier: Apache-2.0
// Camera calibration files and the virtual camera's calibration procedure.
#include "app/common/imaging/camera_calibration_file.h"

#include "app/common/data_paths.h"
#include "app/common/imaging/image_files.h"
#include "libmeasure/imaging/linearise.h"
#include "libmeasure/imaging/rectify.h"
#include "libmeasure/imaging/screen_quad.h"
#include "libmeasure/util/json_view.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace cm::app {

imaging::CameraCalibration loadCameraCalibration(const std::filesystem::path& file) {
    // util::parseJson reports position and expected form, never the file's content.
    const nlohmann::json doc = util::parseJson(readTextFile(file), file.string());
    const util::JsonView root(doc, file.string());
    root.allowOnly({"schema", "version", "camera", "source", "units", "rgb_to_xyz",
                    "luminance_scale", "luminance_u_rel_k2", "vignetting", "flat_field", "lens",
                    "fit"});
    if (root.string("schema") != "cinemeasure-camera-calibration") {
        root.at("schema").fail("expected \"cinemeasure-camera-calibration\"");
    }
    root.at("version").integer(1, 1);
    imaging::CameraCalibration c;
    c.camera = root.string("camera");
    c.source = root.string("source");
    // A monochrome camera (imaging photometer) has a luminance scale instead of a matrix.
    if (auto ls = root.find("luminance_scale")) {
        ls->allowOnly({"cdm2_per_dn_s", "source"});
        c.cdm2_per_dn_s = ls->at("cdm2_per_dn_s").number(1e-15, 1e6);
    }
    c.luminance_u_rel_k2 =
        root.find("luminance_u_rel_k2") ? root.at("luminance_u_rel_k2").number(0.0, 1.0) : 0.0;
    if (auto l = root.find("lens")) {
        l->allowOnly({"model", "fx", "fy", "cx", "cy", "k1", "k2", "p1", "p2", "k3", "source",
                      "rms_reprojection_px"});
        if (l->stringOr("model", "opencv-brown-conrady") != "opencv-brown-conrady") {
            l->at("model").fail("expected \"opencv-brown-conrady\"");
        }
        c.lens.fx = l->at("fx").number(1.0, 1e7);
        c.lens.fy = l->at("fy").number(1.0, 1e7);
        c.lens.cx = l->at("cx").number(-1e6, 1e6);
        c.lens.cy = l->at("cy").number(-1e6, 1e6);
        c.lens.k1 = l->numberOr("k1", 0.0);
        c.lens.k2 = l->numberOr("k2", 0.0);
        c.lens.p1 = l->numberOr("p1", 0.0);
        c.lens.p2 = l->numberOr("p2", 0.0);
        c.lens.k3 = l->numberOr("k3", 0.0);
        c.lens_source = l->stringOr("source", "");
    }
    if (auto ff = root.find("flat_field")) {
        ff->allowOnly({"tiff", "gain_per_dn", "source"});
        const double perDn = ff->at("gain_per_dn").number(1e-9, 1.0);
        const std::filesystem::path tif = file.parent_path() / ff->string("tiff");
        cv::Mat plane;
        try {
            plane = imaging_io::readTiff16Plane(tif);
        } catch (const std::exception& e) {
            ff->at("tiff").fail(e.what());
        }
        plane.convertTo(c.flat_gain, plane.channels() == 3 ? CV_32FC3 : CV_32FC1, perDn);
        c.flat_source = ff->string("source");
    }
    if (!root.find("rgb_to_xyz") && !(c.cdm2_per_dn_s > 0)) {
        root.fail("needs rgb_to_xyz (colour camera) or luminance_scale (monochrome)");
    }
    if (root.find("rgb_to_xyz")) {
        const auto rows = root.at("rgb_to_xyz").elements();
        if (rows.size() != 3) {
            root.at("rgb_to_xyz").fail("expected 3 rows of 3 numbers");
        }
        for (int r = 0; r < 3; ++r) {
            const auto cols = rows[static_cast<std::size_t>(r)].elements();
            if (cols.size() != 3) {
                rows[static_cast<std::size_t>(r)].fail("expected 3 numbers");
            }
            for (int k = 0; k < 3; ++k) {
                c.rgb_to_xyz[r][k] = cols[static_cast<std::size_t>(k)].number(-1e6, 1e6);
            }
        }
    }
    if (auto v = root.find("vignetting")) {
        v->allowOnly({"model", "k1", "k2", "k3"});
        if (v->stringOr("model", "radial-r2") != "radial-r2") {
            v->at("model").fail("expected \"radial-r2\"");
        }
        c.vignetting = {v->numberOr("k1", 0.0), v->numberOr("k2", 0.0), v->numberOr("k3", 0.0)};
        if (!c.vignetting.valid()) {
            v->fail("relative illumination must stay positive over the image");
        }
    }
    if (auto f = root.find("fit")) {
        f->allowOnly({"rms_delta_Y_pct", "max_delta_xy", "patches"});
        c.rms_delta_Y_pct = f->numberOr("rms_delta_Y_pct", 0.0);
        c.max_delta_xy = f->numberOr("max_delta_xy", 0.0);
        if (auto p = f->find("patches")) {
            for (const auto& e : p->elements()) {
                e.allowOnly({"name", "delta_X", "delta_Y", "delta_Z", "delta_Y_pct", "delta_xy"});
                imaging::PatchResidual pr;
                pr.delta = {e.numberOr("delta_X", 0), e.numberOr("delta_Y", 0),
                            e.numberOr("delta_Z", 0)};
                pr.delta_Y_pct = e.numberOr("delta_Y_pct", 0);
                pr.delta_xy = e.numberOr("delta_xy", 0);
                c.residuals.push_back(pr);
            }
        }
    }
    return c;
}

std::string cameraCalibrationJson(const imaging::CameraCalibration& c) {
    nlohmann::ordered_json j;
    j["schema"] = "cinemeasure-camera-calibration";
    j["version"] = 1;
    j["camera"] = c.camera;
    j["source"] = c.source;
    j["units"] =
        "XYZ (cd/m2) = rgb_to_xyz x camera RGB (DN per second, black level and vignetting removed)";
    if (c.cdm2_per_dn_s > 0) {
        j["luminance_scale"] = {{"cdm2_per_dn_s", c.cdm2_per_dn_s},
                                {"source", "luminance (cd/m2) per DN/s of a monochrome camera"}};
    }
    bool matrix = false;
    for (const auto& row : c.rgb_to_xyz) {
        for (double v : row) {
            matrix = matrix || v != 0.0;
        }
    }
    if (matrix) {
        j["rgb_to_xyz"] = nlohmann::json::array();
        for (const auto& row : c.rgb_to_xyz) {
            j["rgb_to_xyz"].push_back({row[0], row[1], row[2]});
        }
    }
    if (c.luminance_u_rel_k2 > 0) {
        j["luminance_u_rel_k2"] = c.luminance_u_rel_k2;
    }
    if (c.lens.fx > 0) {
        j["lens"] = {{"model", "opencv-brown-conrady"},
                     {"fx", c.lens.fx},
                     {"fy", c.lens.fy},
                     {"cx", c.lens.cx},
                     {"cy", c.lens.cy},
                     {"k1", c.lens.k1},
                     {"k2", c.lens.k2},
                     {"p1", c.lens.p1},
                     {"p2", c.lens.p2},
                     {"k3", c.lens.k3},
                     {"source", c.lens_source}};
    }
    j["vignetting"] = {{"model", "radial-r2"},
                       {"k1", c.vignetting.k1},
                       {"k2", c.vignetting.k2},
                       {"k3", c.vignetting.k3}};
    nlohmann::ordered_json fit;
    fit["rms_delta_Y_pct"] = c.rms_delta_Y_pct;
    fit["max_delta_xy"] = c.max_delta_xy;
    fit["patches"] = nlohmann::json::array();
    for (const auto& r : c.residuals) {
        fit["patches"].push_back({{"delta_X", r.delta.X},
                                  {"delta_Y", r.delta.Y},
                                  {"delta_Z", r.delta.Z},
                                  {"delta_Y_pct", r.delta_Y_pct},
                                  {"delta_xy", r.delta_xy}});
    }
    j["fit"] = fit;
    return j.dump(2) + "\n";
}

void saveCameraCalibration(const std::filesystem::path& file, const imaging::CameraCalibration& c) {
    std::string text = cameraCalibrationJson(c);
    if (!c.flat_gain.empty()) {
        // The 2-D flat field beside the JSON: 16 bit, gain 1 = 32768 DN (room for +100 %).
        constexpr double kGainPerDn = 1.0 / 32768.0;
        const std::string name = file.stem().string() + "-flat.tif";
        cv::Mat q;
        c.flat_gain.convertTo(q, c.flat_gain.channels() == 3 ? CV_16UC3 : CV_16UC1,
                              1.0 / kGainPerDn);
        imaging_io::writeTiff16(
            file.parent_path() / name, q,
            nlohmann::json({{"quantity", "relative illumination"}, {"gain_per_dn", kGainPerDn}})
                .dump());
        auto j = nlohmann::ordered_json::parse(text);
        j["flat_field"] = {{"tiff", name}, {"gain_per_dn", kGainPerDn}, {"source", c.flat_source}};
        text = j.dump(2) + "\n";
    }
    writeFileAtomically(file, text);
}

imaging::CameraCalibration calibrateVirtualCamera(const drivers::virt::VirtualTheatre& theatre,
                                                  const drivers::virt::CameraSetup& cam) {
    const auto& cfg = theatre.config();
    const geometry::Seat seat = cam.seat.value_or(cfg.reference_seat);
    // 1. Lens: a flat field at half the sensor's range.
    const double flatL =
        0.5 * (cam.white_level_dn - cam.black_level_dn) / (cam.dn_per_cdm2_s * cam.exposure_s);
    const imaging::RawFrame flat = drivers::virt::renderFlatField(cam, flatL, {0.3127, 0.3290});
    imaging::CameraCalibration c;
    c.vignetting = imaging::fitRadialVignetting(
        imaging::linearise(flat, imaging::Linearisation::forFrame(flat)));
    // 2. Patches: every configured stimulus, spot at the screen centre.
    const double spotRadius_m =
        geometry::spotRadius_m(geometry::lineOfSight(seat, {0, 0}).distance_m, 2.0);
    std::vector<imaging::CameraRgb> rgb;
    std::vector<colorimetry::XYZ> xyz;
    std::string names;
    for (const auto& [name, field] : cfg.stimuli) {
        if (name == "black") {
            continue;  // too dark to constrain the fit at one exposure
        }
        drivers::virt::CameraSetup shot = cam;
        shot.exposure_s = cam.exposure_s * std::min(1.0, 48.0 / std::max(field.centre_cdm2, 1e-3));
        const auto frame = drivers::virt::renderCameraFrame(theatre, name, shot);
        imaging::Linearisation lin = imaging::Linearisation::forFrame(frame.frame);
        lin.vignetting = c.vignetting;
        const cv::Mat lin_rgb = imaging::linearise(frame.frame, lin);
        // The spot's image: the screen centre through the frame's own perspective, radius from the
        // local scale (grid cells per metre → pixels).
        const cv::Point2d centre =
            imaging::applyHomography(frame.truth.grid_to_camera,
                                     {frame.truth.grid.width / 2.0, frame.truth.grid.height / 2.0});
        const cv::Point2d right = imaging::applyHomography(
            frame.truth.grid_to_camera,
            {frame.truth.grid.width / 2.0 +
                 spotRadius_m / cfg.screen.width_m * frame.truth.grid.width,
             frame.truth.grid.height / 2.0});
        const double rpx = std::max(1.5, cv::norm(right - centre));
        double sum[3] = {0, 0, 0};
        int n = 0;
        for (int y = static_cast<int>(centre.y - rpx); y <= static_cast<int>(centre.y + rpx); ++y) {
            for (int x = static_cast<int>(centre.x - rpx); x <= static_cast<int>(centre.x + rpx);
                 ++x) {
                if (std::hypot(x - centre.x, y - centre.y) > rpx) {
                    continue;
                }
                const cv::Vec3f v = lin_rgb.at<cv::Vec3f>(y, x);
                for (int k = 0; k < 3; ++k) {
                    sum[k] += v[k];
                }
                ++n;
            }
        }
        rgb.push_back({sum[0] / n, sum[1] / n, sum[2] / n});
        xyz.push_back(theatre.spotMean({name, "none"}, {seat, {0, 0}}, 2.0));
        names += (names.empty() ? "" : ", ") + name;
    }
    const imaging::MatrixFit fit = imaging::fitCameraMatrix(rgb, xyz);
    c.rgb_to_xyz = fit.matrix;
    c.residuals = fit.residuals;
    c.rms_delta_Y_pct = fit.rms_delta_Y_pct;
    c.max_delta_xy = fit.max_delta_xy;
    c.camera = "cinemeasure virtual camera";
    c.source =
        "fitted in the virtual theatre '" + cfg.name + "' (" + cfg.source + ") from seat '" +
        seat.id + "': flat field for the lens, then patches " + names +
        " full screen, camera mean over the 2-degree centre spot against the virtual spot meter";
    return c;
}

}  // namespace cm::app

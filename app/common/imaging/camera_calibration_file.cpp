// Camera calibration files and the virtual camera's calibration procedure.
#include "app/common/imaging/camera_calibration_file.h"

#include "app/common/data_paths.h"
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
    root.allowOnly(
        {"schema", "version", "camera", "source", "units", "rgb_to_xyz", "vignetting", "fit"});
    if (root.string("schema") != "cinemeasure-camera-calibration") {
        root.at("schema").fail("expected \"cinemeasure-camera-calibration\"");
    }
    root.at("version").integer(1, 1);
    imaging::CameraCalibration c;
    c.camera = root.string("camera");
    c.source = root.string("source");
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
    j["rgb_to_xyz"] = nlohmann::json::array();
    for (const auto& row : c.rgb_to_xyz) {
        j["rgb_to_xyz"].push_back({row[0], row[1], row[2]});
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
    writeFileAtomically(file, cameraCalibrationJson(c));
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

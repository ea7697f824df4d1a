// SPDX-License-Identifier: Apache-2.0
// `cinemeasure camera calibrate`: a camera calibration from captures — lens distortion from
// checkerboards (cv::calibrateCamera), a 2-D flat field from a uniform source, and the
// luminance scale (monochrome) or RGB→XYZ matrix (colour) against spot-meter readings.
#include "app/cli/commands.h"
#include "app/common/imaging/camera_calibration_file.h"
#include "app/common/imaging/image_files.h"
#include "libmeasure/imaging/camera_matrix.h"
#include "libmeasure/imaging/lens_calibration.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

namespace cm::cli {

namespace {

struct CalibrateArgs {
    std::vector<std::string> checkerboards, flats, patches;
    std::string board = "9x6", base, camera, out;
    ImageMetadataArgs meta;
};

imaging::RawFrame readWithMetadata(const std::string& file, const ImageMetadataArgs& m) {
    imaging::RawFrame f = app::imaging_io::readImage(file);
    app::imaging_io::ImageMetadata sidecar, flags;
    if (!m.sidecar.empty()) {
        sidecar = app::imaging_io::readImageSidecar(m.sidecar);
    }
    flags.exposure_s = m.exposure_s;
    flags.black_level_dn = m.black_level_dn;
    flags.white_level_dn = m.white_level_dn;
    app::imaging_io::applyImageMetadata(f, file, sidecar, flags);
    return f;
}

/// Mean linear signal (DN/s, lens fall-off removed) over the central 10 % × 10 % of the frame,
/// where the spot meter aimed; throws when a sample there is saturated.
std::vector<double> centreSignal(const imaging::RawFrame& f, const imaging::CameraCalibration& c,
                                 const std::string& file) {
    imaging::Linearisation lin = imaging::Linearisation::forFrame(f);
    lin.vignetting = c.vignetting;
    if (!c.flat_gain.empty() && c.flat_gain.size() == f.rgb.size()) {
        lin.flat_gain = c.flat_gain.channels() == f.rgb.channels()
                            ? c.flat_gain
                            : cv::Mat();  // a mismatched map falls back to the radial model
    }
    const cv::Size s = f.rgb.size();
    const cv::Rect centre(s.width * 45 / 100, s.height * 45 / 100, std::max(1, s.width / 10),
                          std::max(1, s.height / 10));
    imaging::RawFrame crop = f;
    crop.rgb = f.rgb(centre).clone();
    imaging::Linearisation l2 = lin;
    if (!lin.flat_gain.empty()) {
        l2.flat_gain = lin.flat_gain(centre).clone();
    }
    // The radial model is centred on the full frame: evaluate it there, not on the crop.
    if (l2.flat_gain.empty()) {
        cv::Mat g(centre.size(), CV_MAKETYPE(CV_32F, f.rgb.channels()));
        for (int y = 0; y < g.rows; ++y) {
            for (int x = 0; x < g.cols; ++x) {
                const float v = static_cast<float>(c.vignetting.relativeIllumination(
                    imaging::normalisedRadius2(x + centre.x, y + centre.y, s.width, s.height)));
                for (int k = 0; k < g.channels(); ++k) {
                    g.ptr<float>(y)[x * g.channels() + k] = v;
                }
            }
        }
        l2.flat_gain = g;
    }
    if (crop.rgb.channels() == 1) {
        // linearise() handles 3 channels; a monochrome crop is small, so do it here.
        double sum = 0;
        for (int y = 0; y < crop.rgb.rows; ++y) {
            for (int x = 0; x < crop.rgb.cols; ++x) {
                const double raw = crop.rgb.at<std::uint16_t>(y, x);
                if (raw >= l2.saturation_fraction * l2.white_level_dn) {
                    throw errors::InputError(file + ": saturated at the spot; retake shorter");
                }
                sum += (raw - l2.black_level_dn) / l2.exposure_s / l2.flat_gain.at<float>(y, x);
            }
        }
        return {sum / static_cast<double>(crop.rgb.total())};
    }
    const cv::Mat lin3 = imaging::linearise(crop, l2);
    const cv::Scalar m = cv::mean(lin3);
    if (!std::isfinite(m[0] + m[1] + m[2])) {
        throw errors::InputError(file + ": saturated at the spot; retake shorter");
    }
    return {m[0], m[1], m[2]};
}

void runCalibrate(const CalibrateArgs& a) {
    imaging::CameraCalibration c;
    if (!a.base.empty()) {
        c = app::loadCameraCalibration(a.base);
    }
    if (!a.camera.empty()) {
        c.camera = a.camera;
    }
    std::vector<std::string> steps;
    if (!a.checkerboards.empty()) {
        int w = 0, h = 0;
        char x = 0;
        std::istringstream in(a.board);
        if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || w < 3 || h < 3) {
            throw errors::InputError(
                "--board: inner corners as COLSxROWS, e.g. 9x6 (at least 3x3)");
        }
        std::vector<imaging::RawFrame> frames;
        for (const auto& f : a.checkerboards) {
            frames.push_back(app::imaging_io::readImage(f));
        }
        const imaging::LensFit fit = imaging::fitLensFromCheckerboards(frames, {w, h});
        c.lens = fit.lens;
        char line[200];
        std::snprintf(line, sizeof line,
                      "cv::calibrateCamera on %d of %zu checkerboard captures (%dx%d inner "
                      "corners), rms reprojection %.3f px",
                      fit.views_used, frames.size(), w, h, fit.rms_reprojection_px);
        c.lens_source = line;
        steps.push_back(line);
    }
    if (!a.flats.empty()) {
        std::vector<imaging::RawFrame> frames;
        for (const auto& f : a.flats) {
            frames.push_back(readWithMetadata(f, a.meta));
        }
        c.flat_gain = imaging::flatFieldMap(frames);
        c.flat_source = "mean of " + std::to_string(frames.size()) +
                        " captures of a uniform source, normalised to the central 10 %";
        steps.push_back(c.flat_source);
    }
    if (!a.patches.empty()) {
        std::vector<imaging::CameraRgb> rgb;
        std::vector<colorimetry::XYZ> xyz;
        double sdy = 0, sdd = 0;
        bool mono = false;
        for (const auto& p : a.patches) {
            const auto eq = p.find('=');
            if (eq == std::string::npos) {
                throw errors::InputError("--patch: FILE=Y or FILE=X,Y,Z (cd/m²)");
            }
            std::vector<double> v;
            std::stringstream ss(p.substr(eq + 1));
            for (std::string tok; std::getline(ss, tok, ',');) {
                v.push_back(std::stod(tok));
            }
            const std::string file = p.substr(0, eq);
            const auto sig = centreSignal(readWithMetadata(file, a.meta), c, file);
            if (sig.size() == 1) {
                if (v.size() != 1 && v.size() != 3) {
                    throw errors::InputError("--patch " + p + ": give Y or X,Y,Z");
                }
                const double Y = v.size() == 1 ? v[0] : v[1];
                sdy += sig[0] * Y;
                sdd += sig[0] * sig[0];
                mono = true;
            } else {
                if (v.size() != 3) {
                    throw errors::InputError("--patch " + p + ": a colour camera needs X,Y,Z");
                }
                rgb.push_back({sig[0], sig[1], sig[2]});
                xyz.push_back({v[0], v[1], v[2]});
            }
        }
        if (mono && !rgb.empty()) {
            throw errors::InputError("--patch: monochrome and colour images mixed");
        }
        if (mono) {
            c.cdm2_per_dn_s = sdy / sdd;  // least squares through the origin
            char line[160];
            std::snprintf(line, sizeof line,
                          "luminance scale %.6g cd/m² per DN/s from %zu spot-meter patches",
                          c.cdm2_per_dn_s, a.patches.size());
            steps.push_back(line);
        } else {
            const imaging::MatrixFit fit = imaging::fitCameraMatrix(rgb, xyz);
            c.rgb_to_xyz = fit.matrix;
            c.residuals = fit.residuals;
            c.rms_delta_Y_pct = fit.rms_delta_Y_pct;
            c.max_delta_xy = fit.max_delta_xy;
            char line[160];
            std::snprintf(line, sizeof line,
                          "RGB→XYZ matrix from %zu spot-meter patches (rms ΔY %.2f %%)", rgb.size(),
                          fit.rms_delta_Y_pct);
            steps.push_back(line);
        }
    }
    if (steps.empty()) {
        throw errors::InputError("give --checkerboard, --flat and/or --patch captures");
    }
    if (c.cdm2_per_dn_s <= 0) {
        bool matrix = false;
        for (const auto& row : c.rgb_to_xyz) {
            for (double v : row) {
                matrix = matrix || v != 0.0;
            }
        }
        if (!matrix) {
            throw errors::InputError(
                "no luminance scale or matrix: give --patch captures or --base");
        }
    }
    std::string src;
    for (const auto& s : steps) {
        src += (src.empty() ? "" : "; ") + s;
    }
    c.source = c.source.empty() ? src : c.source + "; then " + src;
    app::saveCameraCalibration(a.out, c);
    for (const auto& s : steps) {
        std::printf("%s\n", s.c_str());
    }
    std::printf("wrote %s\n", a.out.c_str());
}

}  // namespace

void registerCameraCalibrateCommand(CLI::App* camera) {
    auto a = std::make_shared<CalibrateArgs>();
    auto* cmd = camera->add_subcommand(
        "calibrate",
        "Camera calibration from captures: lens (checkerboards), flat field, luminance scale or "
        "RGB→XYZ matrix against a spot meter");
    cmd->add_option("--checkerboard", a->checkerboards,
                    "Captures of a flat checkerboard in different poses (at least 3)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--board", a->board, "Inner corners of the checkerboard, COLSxROWS (9x6)");
    cmd->add_option("--flat", a->flats, "Captures of a uniform source filling the view")
        ->check(CLI::ExistingFile);
    cmd->add_option("--patch", a->patches,
                    "FILE=Y (monochrome) or FILE=X,Y,Z (colour): a full-screen patch and the spot "
                    "meter's reading of its centre, cd/m²");
    cmd->add_option("--base", a->base, "Start from this calibration (keep what is not refitted)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--camera", a->camera, "Camera make and model, for the record");
    cmd->add_option("--out", a->out, "Calibration JSON to write")->required();
    addImageMetadataOptions(cmd, a->meta);
    cmd->callback([a] { runCalibrate(*a); });
}

}  // namespace cm::cli

// SPDX-License-Identifier: Apache-2.0
// The LED wall job through a real camera (libgphoto2): per pattern, show it, set the exposure,
// capture, download with the no-lost-files rule, check the exposure (retake shorter or longer),
// then analyse the accepted frames per module.
#pragma once

#include "app/common/imaging/wall_analysis.h"
#include "drivers/camera/camera_types.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace cm::app {

/// A pattern the wall shows for one capture and what it is for.
struct WallPattern {
    enum class Role { Uniformity, Defects };
    Role role = Role::Uniformity;
    std::string stimulus;              ///< "white", "grey:0.5", …
    double initial_shutter_s = 0.125;  ///< first try; the exposure check may change it
};

struct WallCapture;

/// One step of a wall job for the user, typed so that each front end words it in its language
/// (English: app/common/present/wall_text.h wallProgressText; the GUI: app/gui/i18n.h).
struct WallProgress {
    enum class Kind {
        Camera,        ///< connected: camera_model on port
        Reconnecting,  ///< a download failed (error, the camera's words); fetching it again
        Captured,      ///< stimulus: file at exposure_s, iso, f_number: level
        Analysing,
    };
    Kind kind = Kind::Camera;
    std::string camera_model, port;
    std::string error;
    std::string stimulus, file;
    double exposure_s = 0.0, iso = 0.0, f_number = 0.0, level = 0.0;
};

struct WallJobOptions {
    std::string port;   ///< libgphoto2 port, e.g. ptpip:127.0.0.1:P:P
    std::string model;  ///< libgphoto2 model; empty: from the port
    double iso = 100.0;
    double f_number = 2.8;
    drivers::camera::ImageFormat format = drivers::camera::ImageFormat::Raw;
    std::vector<WallPattern> patterns;  ///< exactly one Uniformity, at most one Defects
    std::filesystem::path captures_dir;
    imaging::CameraCalibration calibration;
    /// The exposure at which the calibration holds (DN/s are scaled by (ISO/ISO_ref)·(N_ref/N)²).
    double calibration_iso = 100.0;
    double calibration_f_number = 2.8;
    imaging::LedWallLayout layout;
    WallLimits limits;
    /// Puts a pattern on the wall (the virtual theatre's pattern generator, or the operator).
    std::function<void(const std::string& stimulus)> show;
    /// Each step, for the user.
    std::function<void(const WallProgress& step)> progress;
    /// Each capture as soon as it is on disk and read (accepted or not), e.g. for a thumbnail.
    std::function<void(const WallCapture& capture, const imaging::RawFrame& frame)> captured;
    /// Exposure check: the 99.5th percentile of the green channel above black, as a fraction of
    /// the sensor range, must lie in [min_level, max_level] (the screen fills well over 0.5 % of
    /// the frame, so the percentile lies on it); otherwise the shutter is moved toward
    /// target_level and the frame retaken, at most max_tries captures per pattern.
    double min_level = 0.25, max_level = 0.90, target_level = 0.65;
    int max_tries = 3;
};

struct WallCapture {
    std::string stimulus;
    std::string role;  ///< "uniformity" or "defects"
    std::filesystem::path file;
    std::string camera_path;
    double exposure_s = 0.0, iso = 0.0, f_number = 0.0;
    double level = 0.0;  ///< exposure check figure (see WallJobOptions)
    bool accepted = false;
    std::string note;  ///< why it was rejected
};
/// One capture as captures.json and analysis.json list it; "file" is the file's name.
void to_json(nlohmann::ordered_json& j, const WallCapture& c);

struct WallJobResult {
    std::string camera_model;
    std::vector<WallCapture> captures;
    WallAnalysis analysis;
};

/// Runs the job. Camera faults throw drivers::camera::CameraError after one reconnect and
/// re-download of pending files (Disconnected, Timeout, Protocol); every file downloaded so far
/// stays in captures_dir, and captures_dir/captures.json lists them after each capture.
/// Throws std::runtime_error when the exposure cannot be brought into range or the screen is not
/// found.
WallJobResult runWallJob(const WallJobOptions& options);

/// "white@1/8" → stimulus white, shutter 0.125 s; the "@…" part is optional.
WallPattern parseWallPattern(const std::string& text, WallPattern::Role role,
                             double default_shutter_s);

}  // namespace cm::app

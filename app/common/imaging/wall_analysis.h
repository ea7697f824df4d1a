// SPDX-License-Identifier: Apache-2.0
// LED wall certification from camera frames: limits as data (calibration/led-walls/*.json, each
// value with its source clause and provisional flag), the per-module analysis (corners, fused
// rectification, module statistics, seams, pixel defects) and its files (CSV, JSON, TIFF, PNG).
#pragma once

#include "libmeasure/imaging/area_integration.h"
#include "libmeasure/imaging/camera_matrix.h"
#include "libmeasure/imaging/lattice_registration.h"
#include "libmeasure/imaging/led_layout.h"
#include "libmeasure/imaging/module_uniformity.h"
#include "libmeasure/imaging/pixel_defects.h"
#include "libmeasure/imaging/raw_frame.h"
#include "libmeasure/imaging/screen_quad.h"
#include "libmeasure/imaging/seams.h"
#include "libmeasure/imaging/wall_evaluation.h"
#include "libmeasure/imaging/wall_limits.h"

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cm::app {

/// Limits of a wall certification (the value type lives in libmeasure; the files are read here).
using WallLimits = imaging::WallLimits;
using ModuleVerdict = imaging::ModuleVerdict;

/// Reads and validates a limits file; util::DataError names file, JSON path and problem.
WallLimits loadWallLimits(const std::filesystem::path& file);
/// Applies `--provisional informative|binding` (default informative: draft limits are reported
/// but do not decide). Throws std::invalid_argument on another word, or on binding for a set
/// with binding_allowed false.
void setWallProvisionalPolicy(WallLimits& limits, const std::string& policy);
/// A limits id ("dyt8-2023-draft") in <data dir>/led-walls/, or a path to a file.
std::filesystem::path wallLimitsFile(const std::string& id_or_path);

/// One frame of the wall with what was on the screen and the exposure it was taken at.
struct WallFrame {
    imaging::RawFrame frame;
    std::string file;      ///< where it is on disk (for the record)
    std::string stimulus;  ///< what the wall showed
    /// Sensor sensitivity relative to the calibration's reference: (ISO/ISO_ref)·(N_ref/N)².
    double relative_sensitivity = 1.0;
};

/// The wall analysis: registration and per-LED values from the frames, then every figure from
/// imaging::evaluateWall (the one analysis path, shared by `analyze` and `wall`).
struct WallAnalysis : imaging::WallEvaluation {
    imaging::LedWallLayout layout;
    imaging::ScreenQuad corners{};  ///< registered wall corners, camera pixels
    cv::Mat luminance;              ///< CV_32FC1 cd/m², area average per LED (uniformity frame)
    bool lattice_used = false;      ///< LED lattice resolved and used for registration
    int lattice_leds = 0;
    double lattice_rms_px = 0.0;
    double corner_shift_px = 0.0;  ///< largest move of a corner from the given or found one
};

/// Registration and per-LED values of one frame at the reference sensitivity of the calibration:
/// the area average of each LED cell (what a spot meter reads) and of its emitter window (for
/// defects), XYZ from an RGB frame, luminance only from a monochrome one. The first stage of
/// analyzeWall; `quad` starts the registration. Throws std::invalid_argument when the
/// calibration does not fit the frame.
struct WallFrameCells {
    imaging::WallCells cells;
    imaging::WallRegistration registration;
};
WallFrameCells wallFrameCells(const WallFrame& frame, const imaging::CameraCalibration& calibration,
                              const imaging::ScreenQuad& quad, cv::Size grid,
                              imaging::CellParts parts = imaging::CellParts::Both);

/// Analyses the uniformity frame (modules, seams, adjacent-pixel rule) and the defect frame (dead
/// and stuck LEDs; the uniformity frame when none). Corners, when not given, are found on the
/// green (or only) channel; either way the registration refines them from the LED lattice. An RGB
/// frame needs the calibration's matrix, a monochrome one its cdm2_per_dn_s. Throws
/// std::runtime_error when the screen cannot be found, std::invalid_argument on a bad layout or
/// a calibration that does not fit the frame.
WallAnalysis analyzeWall(const WallFrame& uniformity, const WallFrame* defect_frame,
                         const imaging::CameraCalibration& calibration,
                         const imaging::LedWallLayout& layout, const WallLimits& limits,
                         const imaging::ScreenQuad* corners = nullptr);

/// modules.csv, analysis.json (with `meta` merged in), luminance.tif (16 bit, scale in the
/// description and the JSON) and luminance.png (false colour). Files are written atomically.
void writeWallResults(const std::filesystem::path& dir, const WallAnalysis& a,
                      const WallLimits& limits, const nlohmann::ordered_json& meta);

/// The analysis as JSON (also embedded in analysis.json).
nlohmann::ordered_json wallAnalysisJson(const WallAnalysis& a, const WallLimits& limits);

}  // namespace cm::app

// LED wall certification from camera frames: limits as data (calibration/led-walls/*.json, each
// value with its source clause and provisional flag), the per-module analysis (corners, fused
// rectification, module statistics, seams, pixel defects) and its files (CSV, JSON, TIFF, PNG).
#pragma once

#include "libmeasure/imaging/camera_matrix.h"
#include "libmeasure/imaging/led_layout.h"
#include "libmeasure/imaging/module_uniformity.h"
#include "libmeasure/imaging/pixel_defects.h"
#include "libmeasure/imaging/raw_frame.h"
#include "libmeasure/imaging/screen_quad.h"
#include "libmeasure/imaging/seams.h"

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cm::app {

/// One "cinemeasure-led-wall-limits" version 1 file.
struct WallLimits {
    std::string id, title, file;

    enum class LuminanceRule { RatioToWallMean, AdjacentModules };
    LuminanceRule luminance_rule = LuminanceRule::RatioToWallMean;
    double min_ratio = 0.0, max_ratio = 0.0;  ///< module mean / wall mean (RatioToWallMean)
    /// |L_a − L_b| / mean(L_a, L_b) of adjacent modules, % (AdjacentModules); the low-level
    /// limit applies when the pair's mean is at or below low_level_below_cdm2.
    double max_step_pct = 0.0, low_level_max_step_pct = 0.0, low_level_below_cdm2 = 0.0;
    std::string luminance_source;
    bool luminance_provisional = true;

    enum class ChromaticityRule { DxyToWall, DuvAdjacent };
    ChromaticityRule chromaticity_rule = ChromaticityRule::DxyToWall;
    double max_abs_dxy = 0.0;  ///< CIE 1931 x and y, module vs wall (DxyToWall)
    /// CIE 1976 Δu'v' of adjacent modules (DuvAdjacent); low-level limit at or below the level.
    double max_duv = 0.0, low_level_max_duv = 0.0, duv_low_level_below_cdm2 = 0.0;
    std::string chromaticity_source;
    bool chromaticity_provisional = true;

    double seam_threshold_pct = 3.0;
    bool seam_is_limit = false;  ///< false: seams are listed for information only
    std::string seam_source;
    bool seam_provisional = true;

    std::optional<int> max_pixel_defects;  ///< nullopt: listed for information only
    imaging::DefectOptions defect_options{0.5, 2.0, 1.0};
    std::string defect_source;
    bool defect_provisional = true;
};

/// Reads and validates a limits file; util::DataError names file, JSON path and problem.
WallLimits loadWallLimits(const std::filesystem::path& file);
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

struct ModuleVerdict {
    imaging::RegionStats stats;
    imaging::GridIndex cabinet;
    double worst_step_pct = 0.0;  ///< largest luminance step to a neighbour (AdjacentModules)
    double worst_duv = 0.0;       ///< largest Δu'v' to a neighbour (DuvAdjacent)
    int defects = 0;
    bool luminance_pass = true;
    bool chromaticity_pass = true;
    bool pass = true;
};

struct WallAnalysis {
    imaging::LedWallLayout layout;
    imaging::ScreenQuad corners{};
    cv::Mat luminance;  ///< CV_32FC1 cd/m², one sample per LED pixel (uniformity frame)
    double wall_mean_cdm2 = 0.0;
    colorimetry::ChromaticityXY wall_xy;
    std::vector<ModuleVerdict> modules;           ///< row-major
    std::vector<imaging::SeamMeasurement> seams;  ///< detected segments only
    std::vector<imaging::PixelDefect> defects;
    int saturated_cells = 0;
    int modules_failing = 0;
    bool seams_pass = true;
    bool defects_pass = true;
    bool pass = false;
};

/// Analyses the uniformity frame (modules, seams; corners found on its green channel) and the
/// defect frame (dead and stuck pixels; the uniformity frame when none). Throws
/// std::runtime_error when the screen cannot be found, std::invalid_argument on a bad layout.
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

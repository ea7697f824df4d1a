// SPDX-License-Identifier: Apache-2.0
// Dead and stuck LED pixels: each pixel's luminance against its module's median, positions
// reported in wall and module coordinates.
#pragma once

#include "libmeasure/imaging/led_layout.h"

#include <nlohmann/json_fwd.hpp>

#include <opencv2/core.hpp>

#include <vector>

namespace cm::imaging {

struct DefectOptions {
    double dead_below_ratio = 0.0;   ///< pixel / module median below this: dead (or dim)
    double stuck_above_ratio = 0.0;  ///< above this: stuck on (or bright)
    /// A bright pixel must also exceed the module median by this much, so noise on a black field
    /// (tiny medians) is not called stuck.
    double stuck_min_excess_cdm2 = 0.0;
};

enum class DefectKind { Dead, Stuck };

struct PixelDefect {
    int x_px = 0;  ///< wall coordinates, from the top-left LED pixel
    int y_px = 0;
    GridIndex module;  ///< which module
    int x_in_module = 0;
    int y_in_module = 0;
    DefectKind kind = DefectKind::Dead;
    double ratio = 0.0;  ///< luminance / module median
    double luminance_cdm2 = 0.0;
};
void to_json(nlohmann::ordered_json& j, const PixelDefect& d);

/// Scans a luminance grid (CV_32FC1, one sample per LED pixel). The module median is taken over
/// every third pixel in each direction (a defect cannot move it; it is 9× cheaper). Defects come
/// out in row-major order. NaN pixels are skipped; +∞ (saturated) counts as bright, so a stuck
/// pixel that clipped the sensor is still found (ratio +∞).
std::vector<PixelDefect> detectPixelDefects(const cv::Mat& luminance_grid,
                                            const LedWallLayout& layout,
                                            const DefectOptions& options);

/// CV_8UC1 mask of the grid, 255 on each defect (to exclude them from module statistics).
cv::Mat defectMask(const std::vector<PixelDefect>& defects, cv::Size grid);
/// The same into `mask`, reusing its memory when it fits.
void defectMask(const std::vector<PixelDefect>& defects, cv::Size grid, cv::Mat& mask);

}  // namespace cm::imaging

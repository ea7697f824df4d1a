// SPDX-License-Identifier: Apache-2.0
// Per-module and per-cabinet mean luminance and chromaticity of an LED wall, and uniformity
// against the wall mean. Draft DY/T 8-2023 (A.2 #3 and #7, [U]) puts module luminance at 90–110 %
// and module white at ±0.015 in x and y; here every limit is a parameter.
#pragma once

#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/imaging/led_layout.h"

#include <opencv2/core.hpp>

#include <vector>

namespace cm::imaging {

struct UniformityLimits {
    double min_ratio = 0.0;   ///< lowest allowed module mean / wall mean
    double max_ratio = 0.0;   ///< highest allowed
    double max_abs_dx = 0.0;  ///< |x_module − x_wall| allowed (CIE 1931 x)
    double max_abs_dy = 0.0;  ///< |y_module − y_wall| allowed
};

struct RegionStats {
    GridIndex index;                 ///< module or cabinet column/row
    double mean_cdm2 = 0.0;          ///< mean luminance of the usable pixels
    colorimetry::ChromaticityXY xy;  ///< chromaticity of the mean XYZ
    double ratio_to_wall = 0.0;      ///< mean_cdm2 / wall mean
    double dx = 0.0;                 ///< x − wall x
    double dy = 0.0;                 ///< y − wall y
    int pixels_used = 0;
    bool pass = false;
};

struct UniformityResult {
    double wall_mean_cdm2 = 0.0;  ///< mean of the module means (each module weighs the same)
    colorimetry::ChromaticityXY wall_xy;
    std::vector<RegionStats> modules;   ///< row-major, top-left first
    std::vector<RegionStats> cabinets;  ///< likewise
    int modules_failing = 0;
    int cabinets_failing = 0;
};

/// `xyz_grid` is CV_32FC3 XYZ (cd/m²) with one sample per LED pixel (layout.gridSize()). NaN
/// samples and those flagged non-zero in `exclude` (CV_8UC1, optional, e.g. defect pixels) are
/// left out. A module with no usable pixel gets NaN figures and fails. Throws
/// std::invalid_argument when the grid does not match the layout.
UniformityResult moduleUniformity(const cv::Mat& xyz_grid, const LedWallLayout& layout,
                                  const UniformityLimits& limits, const cv::Mat& exclude = {});

}  // namespace cm::imaging

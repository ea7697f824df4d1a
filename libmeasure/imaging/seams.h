// SPDX-License-Identifier: Apache-2.0
// Seam detection along LED module borders: the pixel lines either side of each border segment
// against the module interior just behind them (bright seams: gaps too narrow; dark: too wide).
#pragma once

#include "libmeasure/imaging/led_layout.h"

#include <opencv2/core.hpp>

#include <vector>

namespace cm::imaging {

struct SeamOptions {
    double threshold_pct = 0.0;  ///< |contrast| at or above this is a seam (% of the interior)
    int line_px = 1;             ///< pixel lines on each side of the border taken as the seam
    int reference_px = 3;        ///< interior lines behind them taken as the reference
};

enum class SeamOrientation { Vertical, Horizontal };

/// One border segment: the border between module columns border−1 and border (vertical) or
/// module rows border−1 and border (horizontal), over module row/column `segment`.
struct SeamMeasurement {
    SeamOrientation orientation = SeamOrientation::Vertical;
    int border = 0;
    int segment = 0;
    /// Mean over both sides of median(line) / median(reference) − 1, in %: > 0 bright, < 0 dark.
    double contrast_pct = 0.0;
    bool detected = false;
};

/// Every interior border segment of the wall, measured on a luminance grid (CV_32FC1, cd/m², one
/// sample per LED pixel). Medians make a dead pixel on a border line harmless. Needs modules at
/// least 2·(line_px + reference_px) pixels wide and high (throws std::invalid_argument).
std::vector<SeamMeasurement> measureSeams(const cv::Mat& luminance_grid,
                                          const LedWallLayout& layout, const SeamOptions& options);

}  // namespace cm::imaging

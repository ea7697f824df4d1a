// SPDX-License-Identifier: Apache-2.0
// Area-average signal of every LED cell of a wall in a raw camera frame: each cell's outline is
// mapped into the camera (wall_mapping.h) and the frame integrated over it with exact pixel-area
// weights at sub-pixel borders, so a module's mean is what a spot meter covering it reads. The
// centre window of each cell gives the per-LED emitter value for defect detection.
#pragma once

#include "libmeasure/imaging/linearise.h"
#include "libmeasure/imaging/raw_frame.h"
#include "libmeasure/imaging/wall_mapping.h"

#include <opencv2/core.hpp>

namespace cm::imaging {

struct CellSignals {
    /// Per LED cell, the area average of the linear signal (DN/s, offset, exposure and lens
    /// fall-off removed): CV_32FC3 for an RGB frame, CV_32FC1 for a monochrome one. +∞ where
    /// the cell touches a saturated camera pixel; NaN where it leaves the frame.
    cv::Mat mean;
    /// The same over the centred window of each cell (side `emitter_window` of the pitch): the
    /// LED's own light, little of its neighbours'.
    cv::Mat emitter;
    /// CV_32FC1 area of each cell in camera pixels (weights for module averages).
    cv::Mat area_px;
    int saturated_cells = 0;
};

/// The image is taken as constant over each camera pixel (what a sensor pixel measures), so the
/// integral over a polygon is exact: by Green's theorem, ∬ I dA = ∮ P dy with P the running sum of
/// each pixel row, evaluated piece by piece where an edge crosses pixel borders. Cell edges are
/// straight between mapped lattice points (cells are a few pixels; lens curvature over one cell is
/// far below a pixel). The frame is linearised band by band, never as a full float copy.
/// `frame.rgb` is CV_16UC3 or CV_16UC1; `lin.flat_gain`, when given, is CV_32FC3 or CV_32FC1 of
/// the frame's size (one plane serves all channels). Throws std::invalid_argument on a bad frame,
/// linearisation or window (0 < window ≤ 1).
CellSignals integrateCells(const RawFrame& frame, const Linearisation& lin,
                           const WallMapping& mapping, double emitter_window = 0.6);

}  // namespace cm::imaging

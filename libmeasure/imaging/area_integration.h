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

#include <vector>

namespace cm::imaging {

struct CellSignals {
    /// Per LED cell, the area average of the linear signal (DN/s, offset, exposure and lens
    /// fall-off removed): CV_32FC3 for an RGB frame, CV_32FC1 for a monochrome one. +∞ where
    /// the cell touches a saturated camera pixel; NaN where it leaves the frame.
    cv::Mat mean;
    /// The same over the centred window of each cell (width and height `emitter_window` of the
    /// cell's, axis-aligned about its centre): the LED's own light, little of its neighbours'.
    /// One channel when integrateCells was given an `emitter_mix`.
    cv::Mat emitter;
    /// CV_32FC1 area of each cell in camera pixels (weights for module averages).
    cv::Mat area_px;
    int saturated_cells = 0;
};

/// The image is taken as constant over each camera pixel (what a sensor pixel measures), so the
/// integral over a polygon is exact: by Green's theorem, ∬ I dA = ∮ P dy with P the running sum of
/// each pixel row, evaluated piece by piece where an edge crosses pixel borders. Each cell edge is
/// integrated once and used by both cells it separates; each camera row's running sums are
/// formed once, in integers, from the raw samples (no float copy of the frame). Cell edges are
/// straight between mapped lattice points (cells are a few pixels; lens curvature over one cell is
/// far below a pixel). Black level, exposure and the lens fall-off (radial model or the smoothed
/// flat-field map, which change by far less than 0.1 % across a cell) are applied per cell, the
/// fall-off at the cell's centre. `frame.rgb` is CV_16UC3 or CV_16UC1, at most 65535 px wide;
/// `lin.flat_gain`, when given, is CV_32FC3 or CV_32FC1 of the frame's size (one plane serves all
/// channels). Throws std::invalid_argument on a bad frame, linearisation or window (0 < window ≤
/// 1). `parts` says which values are wanted: the area averages (mean, area_px), the emitter windows
/// (emitter), or both; what is not wanted stays empty and costs nothing.
/// `emitter_mix`, when given for an RGB frame, mixes each emitter window's three linear channels
/// into one value, Σ mix[k] · channel k (the luminance row of the camera's RGB → XYZ matrix, say):
/// `emitter` is then CV_32FC1. Defect detection needs only the emitters' luminance, so the other
/// two channels are neither stored nor converted afterwards. Ignored for a monochrome frame.
enum class CellParts { Both, AreaOnly, EmitterOnly };
CellSignals integrateCells(const RawFrame& frame, const Linearisation& lin,
                           const WallMapping& mapping, double emitter_window = 0.6,
                           CellParts parts = CellParts::Both,
                           const cv::Vec3d* emitter_mix = nullptr);
/// The same into `out`, whose matrices are reused when they already have the grid's size and
/// type (cv::Mat::create): a caller integrating frame after frame then writes into memory it
/// owns instead of fresh pages from the system. A part not wanted is released.
void integrateCells(const RawFrame& frame, const Linearisation& lin, const WallMapping& mapping,
                    CellSignals& out, double emitter_window = 0.6,
                    CellParts parts = CellParts::Both, const cv::Vec3d* emitter_mix = nullptr);

/// The raw integral Σ raw · covered area (DN · px²) per channel of `raw` (CV_16UC1 or CV_16UC3)
/// over the polygon `corners` (camera pixels, either orientation), by the same edge walk that
/// integrateCells uses, in double precision, and its area (px²) as the last element. No black
/// level, exposure or fall-off applied. For tests against a brute-force pixel clipping and for
/// tools; throws std::invalid_argument when the polygon leaves the frame or the type is wrong.
std::vector<double> integratePolygonRaw(const cv::Mat& raw,
                                        const std::vector<cv::Point2d>& corners);

}  // namespace cm::imaging

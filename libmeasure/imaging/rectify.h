// SPDX-License-Identifier: Apache-2.0
// Rectification to a screen-aligned grid (one sample per LED pixel or per grid cell): the
// homography from screen_quad.h sampled bilinearly at each cell centre.
#pragma once

#include "libmeasure/colorimetry/rgb_colourspace.h"
#include "libmeasure/imaging/linearise.h"
#include "libmeasure/imaging/raw_frame.h"

#include <opencv2/core.hpp>

namespace cm::imaging {

/// CV_32FC3 frame (any linear quantity) → grid of `grid` cells; NaN outside the frame.
cv::Mat rectify(const cv::Mat& linear, const cv::Matx33d& grid_to_camera, cv::Size grid);

/// The fused chain for large frames: raw → linearise → rectify → XYZ (cd/m²) in one pass over the
/// grid, never holding a full-size float copy of the camera frame. Per cell: the four raw pixels
/// around the cell centre have their offset (black level or dark frame) removed and are
/// interpolated bilinearly; the result is divided by exposure and relative illumination (radial
/// model at the sample point, or the flat gain of each neighbour) and multiplied by the matrix.
/// Any saturated neighbour makes the cell +∞ (all three); cells outside the frame are NaN.
/// Returns CV_32FC3 XYZ.
cv::Mat rectifyRawToXyz(const RawFrame& frame, const Linearisation& lin,
                        const colorimetry::Matrix3& rgb_to_xyz, const cv::Matx33d& grid_to_camera,
                        cv::Size grid);
/// The same into `out`, reusing its memory when it already has the grid's size and type (first
/// touch of fresh pages costs more than the arithmetic for a stream of large frames).
void rectifyRawToXyz(const RawFrame& frame, const Linearisation& lin,
                     const colorimetry::Matrix3& rgb_to_xyz, const cv::Matx33d& grid_to_camera,
                     cv::Size grid, cv::Mat& out);

}  // namespace cm::imaging

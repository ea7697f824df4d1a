// SPDX-License-Identifier: Apache-2.0
// Finding the screen in a camera frame: the bright quadrilateral's corners, refined to sub-pixel
// precision by fitting a line to the 50 % crossings along each edge.
#pragma once

#include <opencv2/core.hpp>

#include <array>

namespace cm::imaging {

/// Corners of the screen's active area in camera pixel coordinates (pixel centres at integer
/// coordinates), in the order top-left, top-right, bottom-right, bottom-left as seen by the camera.
using ScreenQuad = std::array<cv::Point2d, 4>;

/// Finds the largest bright convex quadrilateral in a single-channel image (CV_16UC1 or
/// CV_32FC1, e.g. the raw green channel of a full-white capture). Throws std::runtime_error
/// "no screen quadrilateral found" when the bright region is not a clean four-sided shape (then
/// the user gives the corners).
ScreenQuad findScreenQuad(const cv::Mat& signal);

/// Projective map from screen-grid coordinates to camera pixels: grid edges (0,0)…(W,H) onto the
/// quad corners, so grid cell (i, j) has its centre at (i + 0.5, j + 0.5).
cv::Matx33d gridToCamera(const ScreenQuad& quad, cv::Size grid);

/// Where a point maps under a homography.
cv::Point2d applyHomography(const cv::Matx33d& h, cv::Point2d p);

}  // namespace cm::imaging

// SPDX-License-Identifier: Apache-2.0
// Where each LED of the wall lies in the camera frame: a homography from wall grid coordinates to
// ideal (undistorted) camera pixels, the lens distortion, and a smooth residual correction fitted
// from the LED lattice (see lattice_registration.h).
#pragma once

#include "libmeasure/imaging/lens_model.h"
#include "libmeasure/imaging/screen_quad.h"

#include <opencv2/core.hpp>

#include <array>

namespace cm::imaging {

/// Grid coordinates: LED (i, j) covers [i, i+1) × [j, j+1); the wall is grid.width × grid.height.
struct WallMapping {
    cv::Size grid;
    cv::Matx33d grid_to_ideal = cv::Matx33d::eye();  ///< grid → undistorted camera pixels
    LensModel lens;                                  ///< ideal → observed pixels
    /// Residual correction added in observed pixels: a cubic in s = 2·gx/W − 1, t = 2·gy/H − 1,
    /// terms 1, s, t, s², st, t², s³, s²t, st², t³. Zero unless fitted from the lattice; it takes
    /// up what the lens model leaves (an uncalibrated lens, a wall that is not quite flat).
    std::array<double, 10> dx{}, dy{};

    cv::Point2d toCamera(double gx, double gy) const;
    /// toCamera(i, gy) for i = 0 … n − 1 into out[0 … n): the same maths with the per-row parts
    /// (homography row, cubic terms in t) worked out once, for the lattice of millions of LEDs.
    void toCameraRow(double gy, int n, cv::Point2d* out) const;
    /// The four wall corners in observed camera pixels (TL, TR, BR, BL).
    ScreenQuad corners() const;
};

/// The mapping whose grid corners land on `quad` (observed pixels) through `lens`.
WallMapping mappingFromQuad(const ScreenQuad& quad, cv::Size grid, const LensModel& lens = {});

/// The ten cubic terms at (s, t), in the order of WallMapping::dx.
std::array<double, 10> cubicTerms(double s, double t);

}  // namespace cm::imaging

// SPDX-License-Identifier: Apache-2.0
// Lens distortion from checkerboard captures (Zhang's method as implemented by
// cv::calibrateCamera), and a 2-D flat field from captures of a uniform source.
#pragma once

#include "libmeasure/imaging/lens_model.h"
#include "libmeasure/imaging/linearise.h"
#include "libmeasure/imaging/raw_frame.h"

#include <opencv2/core.hpp>

#include <vector>

namespace cm::imaging {

struct LensFit {
    LensModel lens;
    double rms_reprojection_px = 0.0;  ///< cv::calibrateCamera's rms reprojection error
    int views_used = 0;                ///< frames in which the whole board was found
};

/// `frames`: raw captures of a flat checkerboard (green or only channel used) with
/// `inner_corners` (columns × rows of inner corners) in different poses. Fits fx, fy, cx, cy and
/// k1, k2, p1, p2 (k3 held at 0). Needs the board in at least 3 frames; throws std::runtime_error
/// naming how many were usable otherwise, std::invalid_argument on frames of different sizes.
LensFit fitLensFromCheckerboards(const std::vector<RawFrame>& frames, cv::Size inner_corners);

/// Relative illumination map (CV_32FC3 or CV_32FC1, 1 at the centre) from captures of a uniform
/// source filling the view: black removed, frames averaged, lightly smoothed, divided by the mean
/// over the central 10 % of the image. Throws std::invalid_argument on no frames, mixed sizes or
/// channel counts, or a source too dark to use.
cv::Mat flatFieldMap(const std::vector<RawFrame>& frames);

}  // namespace cm::imaging

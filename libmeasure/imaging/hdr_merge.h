// SPDX-License-Identifier: Apache-2.0
// Merge of an exposure bracket into one linear HDR frame (camera RGB, DN/s), for black levels.
#pragma once

#include "libmeasure/imaging/linearise.h"
#include "libmeasure/imaging/raw_frame.h"

#include <opencv2/core.hpp>

#include <vector>

namespace cm::imaging {

struct HdrMergeOptions {
    /// Samples at or above this fraction of the white level are ignored (clipped).
    double saturation_fraction = 0.95;
    /// Samples less than this many DN above the offset are ignored (read noise dominates),
    /// unless every exposure of that pixel is that dark (then the longest one is used).
    double near_black_dn = 32.0;
};

/// Weighted mean of (raw − offset)/(t · V) over the bracket. The weight of a sample is its signal
/// above offset (∝ exposure, which is the inverse-variance weight for a read-noise-limited
/// sensor), so long exposures dominate in the shadows and clipped samples never count. All frames
/// must have the same size and type CV_16UC3; `lin` supplies dark frame and vignetting (its
/// exposure is ignored: each frame's own is used). Returns CV_32FC3; NaN where every exposure is
/// saturated. Throws std::invalid_argument on an empty bracket or mismatched frames.
cv::Mat mergeBracket(const std::vector<RawFrame>& bracket, const Linearisation& lin,
                     const HdrMergeOptions& options = {});

}  // namespace cm::imaging

// SPDX-License-Identifier: Apache-2.0
// Sensor linearity check over an exposure series: DN above black against exposure time.
#pragma once

#include "libmeasure/imaging/raw_frame.h"

#include <opencv2/core.hpp>

#include <vector>

namespace cm::imaging {

/// One point of an exposure series: exposure time and the mean signal above black of one patch.
struct ExposureSample {
    double exposure_s = 0.0;
    double signal_dn = 0.0;  ///< mean DN above black level
};

struct LinearityResult {
    double slope_dn_per_s = 0.0;  ///< least-squares fit signal = slope·t + intercept
    double intercept_dn = 0.0;
    /// Largest |measured − fitted| over the series, % of the fitted value at that point.
    double max_residual_pct = 0.0;
    double r_squared = 0.0;
};

/// Least-squares line through the series. Needs ≥ 3 samples with distinct positive exposures and
/// finite signals (throws std::invalid_argument otherwise); saturated points must be left out by
/// the caller (see `patchSignal`).
LinearityResult checkLinearity(const std::vector<ExposureSample>& series);

/// Mean signal above black (DN) of one channel (0 R, 1 G, 2 B) over a rectangle; NaN if any
/// sample there is at or above saturation_fraction × white level.
double patchSignal(const RawFrame& frame, const cv::Rect& patch, int channel,
                   double saturation_fraction = 0.98);

}  // namespace cm::imaging

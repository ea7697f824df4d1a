// SPDX-License-Identifier: Apache-2.0
// A linear raw-like camera frame (16-bit camera RGB) with the exposure metadata the chain needs.
#pragma once

#include <opencv2/core.hpp>

#include <string>

namespace cm::imaging {

/// One demosaiced linear capture: camera RGB, no white balance, no gamma, black level included.
/// `rgb` is CV_16UC3 in R, G, B channel order (not OpenCV's BGR), digital numbers (DN), or
/// CV_16UC1 for a monochrome camera (an imaging photometer behind a V(λ) filter).
struct RawFrame {
    cv::Mat rgb;
    /// False when the file did not say how long the exposure was (exposure_s is then a
    /// placeholder and the frame must not be turned into cd/m² until it is given).
    bool exposure_known = true;
    double exposure_s = 1.0;        ///< shutter time, seconds
    double iso = 100.0;             ///< recorded, not used by the maths (the calibration fixes it)
    double black_level_dn = 0.0;    ///< sensor offset present in every sample, DN
    double white_level_dn = 65535;  ///< clip level, DN
    std::string make = "cinemeasure";
    std::string model = "virtual camera";
};

}  // namespace cm::imaging

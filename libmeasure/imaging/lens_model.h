// SPDX-License-Identifier: Apache-2.0
// Camera lens model: OpenCV's pinhole camera matrix with Brown–Conrady distortion (k1, k2, p1, p2,
// k3), the same model cv::calibrateCamera fits, so a calibration from checkerboards applies as is.
#pragma once

#include <opencv2/core.hpp>

namespace cm::imaging {

/// Pixel coordinates have pixel centres at integers. x' = (u − cx)/fx, y' = (v − cy)/fy are the
/// ideal (pinhole) normalised coordinates; the observed ones are
///   x'' = x'(1 + k1 r² + k2 r⁴ + k3 r⁶) + 2 p1 x'y' + p2 (r² + 2x'²), y'' likewise
///   (OpenCV calib3d documentation, "Camera Calibration and 3D Reconstruction").
/// A model with fx = 0 is "no lens model": distort and undistort are the identity.
struct LensModel {
    double fx = 0.0, fy = 0.0, cx = 0.0, cy = 0.0;  ///< pixels
    double k1 = 0.0, k2 = 0.0, p1 = 0.0, p2 = 0.0, k3 = 0.0;

    bool hasDistortion() const {
        return fx > 0.0 && fy > 0.0 &&
               (k1 != 0.0 || k2 != 0.0 || p1 != 0.0 || p2 != 0.0 || k3 != 0.0);
    }
    /// Ideal pinhole pixel → where the lens puts it on the sensor.
    cv::Point2d distort(cv::Point2d ideal_px) const;
    /// Observed pixel → ideal pinhole pixel (fixed-point iteration, converged to < 1e-6 px for
    /// the distortions of photographic lenses, |Δ| up to a few percent of the radius).
    cv::Point2d undistort(cv::Point2d observed_px) const;
    /// Throws std::invalid_argument unless focal lengths are positive (or all zero) and finite.
    void validate() const;
};

}  // namespace cm::imaging

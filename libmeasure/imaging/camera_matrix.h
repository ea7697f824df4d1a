// SPDX-License-Identifier: Apache-2.0
// Camera RGB → CIE 1931 XYZ by a 3×3 matrix fitted by least squares against spot-meter XYZ of
// the same patches; luminance (cd/m²) and chromaticity (xy) maps from an XYZ frame.
#pragma once

#include "libmeasure/colorimetry/rgb_colourspace.h"
#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/imaging/lens_model.h"
#include "libmeasure/imaging/linearise.h"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace cm::imaging {

/// Linear camera RGB of one patch, DN/s (after `linearise`).
struct CameraRgb {
    double r = 0.0;
    double g = 0.0;
    double b = 0.0;
};

/// Residual of one patch after the fit (fitted − measured).
struct PatchResidual {
    colorimetry::XYZ delta;    ///< cd/m² per component
    double delta_Y_pct = 0.0;  ///< ΔY % of the measured Y
    double delta_xy = 0.0;     ///< Euclidean distance in CIE 1931 xy
};

struct MatrixFit {
    colorimetry::Matrix3 matrix{};  ///< XYZ (cd/m²) = matrix · RGB (DN/s)
    std::vector<PatchResidual> residuals;
    double rms_delta_Y_pct = 0.0;
    double max_delta_xy = 0.0;
};

/// Least squares (Eigen, column-pivoted QR), each XYZ row solved independently. Needs ≥ 3 patches
/// whose RGB span three dimensions (throws std::invalid_argument naming the problem otherwise);
/// with exactly 3 the fit is exact and the residuals are zero.
MatrixFit fitCameraMatrix(const std::vector<CameraRgb>& rgb,
                          const std::vector<colorimetry::XYZ>& xyz);

/// What a camera needs to turn its raw frames into cd/m²: the fitted matrix, its lens model and
/// where both came from. Value type; JSON I/O lives in app/common/imaging.
struct CameraCalibration {
    std::string camera;                 ///< make and model it was fitted for
    std::string source;                 ///< how it was made (patches, meter, date)
    colorimetry::Matrix3 rgb_to_xyz{};  ///< camera RGB (DN/s) → XYZ (cd/m²)
    /// Monochrome camera (imaging photometer): luminance (cd/m²) per DN/s; 0 when not calibrated.
    double cdm2_per_dn_s = 0.0;
    /// Relative expanded uncertainty (k = 2) of the luminance scale, e.g. 0.03 for ±3 %; 0 when
    /// the calibration does not state it (then only the fit residual is known).
    double luminance_u_rel_k2 = 0.0;
    RadialVignetting vignetting;
    /// Flat field as a 2-D map: relative illumination per pixel (CV_32FC1 or CV_32FC3, 1 at the
    /// centre), used instead of the radial model when present; must match the frame size.
    cv::Mat flat_gain;
    std::string flat_source;  ///< how the map was made (captures of a uniform source, date)
    LensModel lens;           ///< distortion (and the camera matrix it is defined with)
    std::string lens_source;  ///< e.g. "cv::calibrateCamera on 12 checkerboard captures"
    std::vector<PatchResidual> residuals;  ///< from the fit, for the record
    double rms_delta_Y_pct = 0.0;
    double max_delta_xy = 0.0;
};

/// Standard uncertainty (k = 1) of one chromaticity measured with the calibration, as a
/// Euclidean distance in CIE 1931 xy: the rms of the fit's per-patch Δxy residuals when they are
/// recorded, else max_delta_xy / √3 (a rectangular distribution within the stated maximum),
/// else 0. Like the luminance scale's fallback (2 × the fit's rms), it covers how well the matrix
/// reproduces the meter, not the meter's own uncertainty: a lower bound.
double chromaticityUncertaintyXY(const CameraCalibration& calibration);

/// In place: CV_32FC3 camera RGB → XYZ (cd/m²). NaN stays NaN.
void applyMatrix(cv::Mat& rgb_to_xyz_in_place, const colorimetry::Matrix3& m);

/// CV_32FC1 luminance Y (cd/m²) of an XYZ frame.
cv::Mat luminanceMap(const cv::Mat& xyz);
/// The same into `y`, reusing its memory when it fits.
void luminanceMap(const cv::Mat& xyz, cv::Mat& y);

/// CV_32FC2 CIE 1931 (x, y) of an XYZ frame; NaN where X+Y+Z ≤ 0 or not finite.
cv::Mat chromaticityMap(const cv::Mat& xyz);

}  // namespace cm::imaging

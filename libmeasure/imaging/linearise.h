// SPDX-License-Identifier: Apache-2.0
// Linear raw → camera RGB in DN/s: black level or dark frame, flat field or radial vignetting,
// saturation mask. rectify.h has a fused raw→grid path for large frames with the same maths.
#pragma once

#include "libmeasure/imaging/raw_frame.h"

#include <opencv2/core.hpp>

#include <cmath>
#include <limits>

namespace cm::imaging {

/// Relative illumination of the lens: V(r) = 1 + k1·r² + k2·r⁴ + k3·r⁶, with r the distance from
/// the image centre over the half-diagonal (0 at the centre, 1 in the corners). V = 1 is no
/// vignetting. Domain: V must stay > 0 over r ∈ [0, 1] (checked by `valid()`).
struct RadialVignetting {
    double k1 = 0.0;
    double k2 = 0.0;
    double k3 = 0.0;
    double relativeIllumination(double r2) const { return 1.0 + r2 * (k1 + r2 * (k2 + r2 * k3)); }
    bool valid() const;
};

/// Everything that turns a raw sample into linear camera RGB per second of exposure.
struct Linearisation {
    double black_level_dn = 0.0;
    double white_level_dn = 65535.0;
    /// Samples at or above this fraction of the white level count as saturated (+∞ downstream).
    double saturation_fraction = 0.98;
    double exposure_s = 1.0;
    /// Optional dark frame (CV_16UC3 or CV_32FC3, DN, same size): subtracted instead of the black
    /// level, so hot pixels and fixed-pattern offset go with it.
    cv::Mat dark_dn;
    /// Optional per-pixel relative illumination (CV_32FC3, 1 at the centre) from a flat field;
    /// when empty the radial model is used.
    cv::Mat flat_gain;
    RadialVignetting vignetting;

    /// Fills the frame-dependent fields from the frame's metadata.
    static Linearisation forFrame(const RawFrame& f);
};

/// Linear value of one raw sample in DN/s, +∞ if saturated. `relIllum` is the relative
/// illumination at that pixel (flat gain or radial model).
inline float lineariseSample(double raw_dn, double offset_dn, double saturated_dn,
                             double inv_exposure_over_illum) {
    if (raw_dn >= saturated_dn) {
        return std::numeric_limits<float>::infinity();
    }
    return static_cast<float>((raw_dn - offset_dn) * inv_exposure_over_illum);
}

/// Whole frame → CV_32FC3 camera RGB in DN/s; a saturated sample becomes +∞ in its channel
/// (statistics take finite samples only; a matrix may turn it into NaN).
/// Throws std::invalid_argument on a wrong type, size mismatch or non-positive exposure.
cv::Mat linearise(const RawFrame& frame, const Linearisation& lin);

/// CV_8UC1 mask, 255 where any channel is at or above saturation_fraction × white level.
cv::Mat saturationMask(const RawFrame& frame, double saturation_fraction = 0.98);

/// Per-pixel relative illumination from a linearised flat-field frame (CV_32FC3): each channel
/// lightly smoothed and divided by its mean over the central 10 % of the image.
cv::Mat flatFieldGain(const cv::Mat& flat_linear);

/// Least-squares radial model from a linearised flat field (green channel, 64 radial bins).
RadialVignetting fitRadialVignetting(const cv::Mat& flat_linear);

/// r² (over the half-diagonal squared) of pixel (x, y) in an image of the given size; pixel
/// centres sit at integer coordinates.
inline double normalisedRadius2(double x, double y, int width, int height) {
    const double cx = 0.5 * (width - 1);
    const double cy = 0.5 * (height - 1);
    const double half_diag2 = 0.25 * (double(width) * width + double(height) * height);
    return ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / half_diag2;
}

}  // namespace cm::imaging

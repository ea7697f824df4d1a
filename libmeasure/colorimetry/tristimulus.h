// SPDX-License-Identifier: Apache-2.0
// Tristimulus values and chromaticity coordinates, each type naming its space.
#pragma once

#include <cmath>

namespace cm::colorimetry {

/// CIE 1931 XYZ tristimulus values. In absolute use Y is luminance in cd/m².
struct XYZ {
    double X = 0.0;
    double Y = 0.0;
    double Z = 0.0;
    friend bool operator==(const XYZ&, const XYZ&) = default;
};

/// CIE 1931 (x, y) chromaticity.
struct ChromaticityXY {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const ChromaticityXY&, const ChromaticityXY&) = default;
};

/// CIE 1976 UCS (u', v') chromaticity.
struct ChromaticityUV {
    double u_prime = 0.0;
    double v_prime = 0.0;
    friend bool operator==(const ChromaticityUV&, const ChromaticityUV&) = default;
};

/// (x, y) from XYZ. Domain: X+Y+Z > 0, else NaN coordinates (undefined chromaticity).
ChromaticityXY toXY(const XYZ& xyz);

/// (u', v') from XYZ (CIE 15:2018 eq. 8.10). X+15Y+3Z ≤ 0 gives NaN.
ChromaticityUV toUV(const XYZ& xyz);

/// (u', v') from (x, y): u' = 4x/(−2x+12y+3), v' = 9y/(−2x+12y+3).
ChromaticityUV toUV(const ChromaticityXY& xy);

/// (x, y) from (u', v'): x = 9u'/(6u'−16v'+12), y = 4v'/(6u'−16v'+12).
ChromaticityXY toXY(const ChromaticityUV& uv);

/// XYZ from luminance Y and (x, y). y = 0 gives NaN X and Z.
XYZ fromxyY(const ChromaticityXY& xy, double Y);

/// Euclidean distance in (x, y).
double deltaXY(const ChromaticityXY& a, const ChromaticityXY& b);

/// Δu'v' = sqrt(Δu'² + Δv'²).
double deltaUV(const ChromaticityUV& a, const ChromaticityUV& b);

}  // namespace cm::colorimetry

// SPDX-License-Identifier: Apache-2.0
// CIELAB and CIELUV (CIE 015:2018 §8.2, §8.3) and the colour differences built on them.
#pragma once

#include "libmeasure/colorimetry/tristimulus.h"

namespace cm::colorimetry {

struct Lab {
    double L = 0.0;
    double a = 0.0;
    double b = 0.0;
};

struct Luv {
    double L = 0.0;
    double u = 0.0;
    double v = 0.0;
};

/// CIELAB of XYZ against a reference white (same scale as XYZ). White with Y ≤ 0 gives NaN.
Lab toLab(const XYZ& xyz, const XYZ& white);
XYZ fromLab(const Lab& lab, const XYZ& white);
/// CIELUV against a reference white.
Luv toLuv(const XYZ& xyz, const XYZ& white);

/// ΔE*ab (CIE 1976): Euclidean distance in CIELAB.
double deltaE1976(const Lab& a, const Lab& b);

/// Weighting factors of CIEDE2000 (1 for the reference conditions).
struct Ciede2000Weights {
    double kL = 1.0;
    double kC = 1.0;
    double kH = 1.0;
};

/// ΔE00 (CIE 142-2001), implemented as annotated by Sharma, Wu & Dalal, Color Res. Appl. 30(1)
/// 2005: mean hue taken through the shorter arc, hue difference zero when either chroma is zero.
double deltaE2000(const Lab& a, const Lab& b, const Ciede2000Weights& weights = {});

}  // namespace cm::colorimetry

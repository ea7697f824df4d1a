// SPDX-License-Identifier: Apache-2.0
// Conversions between XYZ, CIE 1931 (x, y) and CIE 1976 (u', v'); formulas from CIE 15:2018 §7.3,
// §8.
#include "libmeasure/colorimetry/tristimulus.h"

#include <limits>

namespace cm::colorimetry {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

ChromaticityXY toXY(const XYZ& xyz) {
    const double sum = xyz.X + xyz.Y + xyz.Z;
    if (!(sum > 0.0) || !std::isfinite(sum)) {
        return {kNaN, kNaN};
    }
    return {xyz.X / sum, xyz.Y / sum};
}

ChromaticityUV toUV(const XYZ& xyz) {
    const double d = xyz.X + 15.0 * xyz.Y + 3.0 * xyz.Z;
    if (!(d > 0.0) || !std::isfinite(d)) {
        return {kNaN, kNaN};
    }
    return {4.0 * xyz.X / d, 9.0 * xyz.Y / d};
}

ChromaticityUV toUV(const ChromaticityXY& xy) {
    const double d = -2.0 * xy.x + 12.0 * xy.y + 3.0;
    if (!(d > 0.0)) {
        return {kNaN, kNaN};
    }
    return {4.0 * xy.x / d, 9.0 * xy.y / d};
}

ChromaticityXY toXY(const ChromaticityUV& uv) {
    const double d = 6.0 * uv.u_prime - 16.0 * uv.v_prime + 12.0;
    if (d == 0.0 || !std::isfinite(d)) {
        return {kNaN, kNaN};
    }
    return {9.0 * uv.u_prime / d, 4.0 * uv.v_prime / d};
}

XYZ fromxyY(const ChromaticityXY& xy, double Y) {
    if (xy.y == 0.0) {
        return {kNaN, Y, kNaN};
    }
    return {xy.x * Y / xy.y, Y, (1.0 - xy.x - xy.y) * Y / xy.y};
}

double deltaXY(const ChromaticityXY& a, const ChromaticityXY& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

double deltaUV(const ChromaticityUV& a, const ChromaticityUV& b) {
    return std::hypot(a.u_prime - b.u_prime, a.v_prime - b.v_prime);
}

}  // namespace cm::colorimetry

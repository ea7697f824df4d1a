// SPDX-License-Identifier: Apache-2.0
// CIELAB, CIELUV, ΔE*ab.
#include "libmeasure/colorimetry/cielab.h"

#include <cmath>
#include <limits>

namespace cm::colorimetry {

namespace {
constexpr double kEpsilon = 216.0 / 24389.0;  // (6/29)^3, CIE 015:2018 eq. 8.5
constexpr double kKappa = 24389.0 / 27.0;     // (29/3)^3
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double f(double t) {
    return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16.0) / 116.0;
}
double finv(double t) {
    const double t3 = t * t * t;
    return t3 > kEpsilon ? t3 : (116.0 * t - 16.0) / kKappa;
}
}  // namespace

Lab toLab(const XYZ& xyz, const XYZ& w) {
    if (!(w.X > 0 && w.Y > 0 && w.Z > 0)) {
        return {kNaN, kNaN, kNaN};
    }
    const double fx = f(xyz.X / w.X);
    const double fy = f(xyz.Y / w.Y);
    const double fz = f(xyz.Z / w.Z);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

XYZ fromLab(const Lab& lab, const XYZ& w) {
    const double fy = (lab.L + 16.0) / 116.0;
    const double fx = fy + lab.a / 500.0;
    const double fz = fy - lab.b / 200.0;
    return {w.X * finv(fx), w.Y * finv(fy), w.Z * finv(fz)};
}

Luv toLuv(const XYZ& xyz, const XYZ& w) {
    if (!(w.Y > 0)) {
        return {kNaN, kNaN, kNaN};
    }
    const double yr = xyz.Y / w.Y;
    const double L = yr > kEpsilon ? 116.0 * std::cbrt(yr) - 16.0 : kKappa * yr;
    const ChromaticityUV uv = toUV(xyz);
    const ChromaticityUV uvw = toUV(w);
    if (xyz.X + xyz.Y + xyz.Z <= 0.0) {
        return {L, 0.0, 0.0};
    }
    return {L, 13.0 * L * (uv.u_prime - uvw.u_prime), 13.0 * L * (uv.v_prime - uvw.v_prime)};
}

double deltaE1976(const Lab& a, const Lab& b) {
    return std::sqrt((a.L - b.L) * (a.L - b.L) + (a.a - b.a) * (a.a - b.a) +
                     (a.b - b.b) * (a.b - b.b));
}

}  // namespace cm::colorimetry

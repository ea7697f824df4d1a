// SPDX-License-Identifier: Apache-2.0
// Colourspace definitions (primaries and white as published) and RP 177 matrix derivation.
#include "libmeasure/colorimetry/rgb_colourspace.h"

#include <cmath>
#include <stdexcept>

namespace cm::colorimetry {

RgbColourspace dciP3() {
    return {"DCI-P3",       {0.680, 0.320}, {0.265, 0.690},
            {0.150, 0.060}, {0.314, 0.351}, "SMPTE RP 431-2:2011 Table C.1; EG 432-1:2010"};
}
RgbColourspace p3D65() {
    return {"P3-D65",       {0.680, 0.320},   {0.265, 0.690},
            {0.150, 0.060}, {0.3127, 0.3290}, "SMPTE EG 432-1:2010"};
}
RgbColourspace rec709() {
    return {"Rec.709",      {0.640, 0.330},   {0.300, 0.600},
            {0.150, 0.060}, {0.3127, 0.3290}, "ITU-R BT.709-6 Table 1"};
}
RgbColourspace rec2020() {
    return {"Rec.2020",     {0.708, 0.292},   {0.170, 0.797},
            {0.131, 0.046}, {0.3127, 0.3290}, "ITU-R BT.2020-2 Table 3"};
}
std::vector<RgbColourspace> knownColourspaces() {
    return {dciP3(), p3D65(), rec709(), rec2020()};
}

namespace {
double det(const Matrix3& m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
           m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
           m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}
}  // namespace

Matrix3 inverse(const Matrix3& m) {
    const double d = det(m);
    if (std::abs(d) < 1e-15) {
        throw std::invalid_argument("matrix is singular");
    }
    Matrix3 r;
    r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / d;
    r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / d;
    r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / d;
    r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / d;
    r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / d;
    r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / d;
    r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / d;
    r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / d;
    r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / d;
    return r;
}

XYZ apply(const Matrix3& m, const XYZ& v) {
    return {m[0][0] * v.X + m[0][1] * v.Y + m[0][2] * v.Z,
            m[1][0] * v.X + m[1][1] * v.Y + m[1][2] * v.Z,
            m[2][0] * v.X + m[2][1] * v.Y + m[2][2] * v.Z};
}

Matrix3 normalisedPrimaryMatrix(const RgbColourspace& cs) {
    const ChromaticityXY p[3] = {cs.red, cs.green, cs.blue};
    Matrix3 P;  // columns: (x, y, z) of each primary
    for (int i = 0; i < 3; ++i) {
        if (p[i].y <= 0.0) {
            throw std::invalid_argument(cs.name + ": primary with y ≤ 0");
        }
        P[0][i] = p[i].x;
        P[1][i] = p[i].y;
        P[2][i] = 1.0 - p[i].x - p[i].y;
    }
    if (cs.white.y <= 0.0) {
        throw std::invalid_argument(cs.name + ": white with y ≤ 0");
    }
    const XYZ W{cs.white.x / cs.white.y, 1.0, (1.0 - cs.white.x - cs.white.y) / cs.white.y};
    const XYZ C = apply(inverse(P), W);  // RP 177 eq. 3.3: scale so that RGB = 1 gives the white
    Matrix3 N;
    for (int r = 0; r < 3; ++r) {
        N[r][0] = P[r][0] * C.X;
        N[r][1] = P[r][1] * C.Y;
        N[r][2] = P[r][2] * C.Z;
    }
    return N;
}

}  // namespace cm::colorimetry

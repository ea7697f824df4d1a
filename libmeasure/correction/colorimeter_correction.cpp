// SPDX-License-Identifier: Apache-2.0
// One-colour and four-colour colorimeter corrections.
#include "libmeasure/correction/colorimeter_correction.h"

#include <algorithm>
#include <stdexcept>

namespace cm::correction {

using colorimetry::Matrix3;
using colorimetry::XYZ;

namespace {

Matrix3 multiply(const Matrix3& a, const Matrix3& b) {
    Matrix3 r{};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            for (int k = 0; k < 3; ++k) {
                r[i][j] += a[i][k] * b[k][j];
            }
        }
    }
    return r;
}

/// N·diag(k) with N the chromaticity columns (x, y, z) of R, G, B and k = N⁻¹·W (Ohno & Hardis eq.
/// 3–5).
Matrix3 rgbToXyz(const FourColourSet& s) {
    Matrix3 n{};
    const XYZ cols[3] = {s.red, s.green, s.blue};
    for (int c = 0; c < 3; ++c) {
        const double sum = cols[c].X + cols[c].Y + cols[c].Z;
        if (!(sum > 0.0)) {
            throw std::invalid_argument("four-colour correction: a primary has no light");
        }
        n[0][c] = cols[c].X / sum;
        n[1][c] = cols[c].Y / sum;
        n[2][c] = cols[c].Z / sum;
    }
    const XYZ k = colorimetry::apply(colorimetry::inverse(n), s.white);
    Matrix3 m = n;
    for (int r = 0; r < 3; ++r) {
        m[r][0] *= k.X;
        m[r][1] *= k.Y;
        m[r][2] *= k.Z;
    }
    return m;
}

void residuals(CorrectionMatrix& c, const FourColourSet& meter, const FourColourSet& ref) {
    const XYZ m[4] = {meter.red, meter.green, meter.blue, meter.white};
    const XYZ r[4] = {ref.red, ref.green, ref.blue, ref.white};
    c.max_residual_duv = 0.0;
    for (int i = 0; i < 4; ++i) {
        c.residual_duv[i] =
            colorimetry::deltaUV(colorimetry::toUV(apply(c, m[i])), colorimetry::toUV(r[i]));
        c.max_residual_duv = std::max(c.max_residual_duv, c.residual_duv[i]);
    }
}

}  // namespace

CorrectionMatrix fitOneColour(const XYZ& meter, const XYZ& ref) {
    if (!(meter.X > 0 && meter.Y > 0 && meter.Z > 0 && ref.X > 0 && ref.Y > 0 && ref.Z > 0)) {
        throw std::invalid_argument(
            "one-colour correction needs positive X, Y, Z from both instruments");
    }
    CorrectionMatrix c;
    c.method = "one-colour";
    c.matrix = {{{ref.X / meter.X, 0, 0}, {0, ref.Y / meter.Y, 0}, {0, 0, ref.Z / meter.Z}}};
    const FourColourSet m{meter, meter, meter, meter};
    const FourColourSet r{ref, ref, ref, ref};
    residuals(c, m, r);
    return c;
}

CorrectionMatrix fitFourColour(const FourColourSet& meter, const FourColourSet& ref) {
    CorrectionMatrix c;
    c.method = "four-colour";
    c.matrix = multiply(rgbToXyz(ref), colorimetry::inverse(rgbToXyz(meter)));
    residuals(c, meter, ref);
    return c;
}

XYZ apply(const CorrectionMatrix& c, const XYZ& v) {
    return colorimetry::apply(c.matrix, v);
}

}  // namespace cm::correction

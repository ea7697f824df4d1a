// SPDX-License-Identifier: Apache-2.0
// Planckian radiator chromaticity and the CIE 1960 UCS conversions.
#include "libmeasure/colorimetry/cct.h"

#include <cmath>

namespace cm::colorimetry {

ChromaticityUV1960 toUV1960(const ChromaticityXY& xy) {
    const ChromaticityUV uv = toUV(xy);
    return {uv.u_prime, uv.v_prime * 2.0 / 3.0};
}

ChromaticityXY fromUV1960(const ChromaticityUV1960& uv) {
    return toXY(ChromaticityUV{uv.u, uv.v * 1.5});
}

ChromaticityUV1960 planckianUV(double T, const Observer& o) {
    // Planck's law up to a constant factor (the chromaticity does not need c1).
    double X = 0.0;
    double Y = 0.0;
    double Z = 0.0;
    for (std::size_t i = 0; i < o.xbar.size(); ++i) {
        const double lm = (o.start_nm + o.step_nm * static_cast<double>(i)) * 1e-9;
        const double M = 1.0 / (std::pow(lm, 5) * std::expm1(kC2_mK / (lm * T)));
        X += M * o.xbar[i];
        Y += M * o.ybar[i];
        Z += M * o.zbar[i];
    }
    const double d = X + 15.0 * Y + 3.0 * Z;
    return {4.0 * X / d, 6.0 * Y / d};
}

}  // namespace cm::colorimetry

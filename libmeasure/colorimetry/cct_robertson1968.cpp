// SPDX-License-Identifier: Apache-2.0
// CCT by Robertson (1968), J. Opt. Soc. Am. 58(11):1528–1535, from the published isotemperature
// lines.
#include "libmeasure/colorimetry/cct.h"

#include <cmath>

namespace cm::colorimetry {

CctResult cctRobertson1968(const ChromaticityUV1960& uv, const std::vector<RobertsonLine>& lines,
                           const Observer& /*observer*/) {
    if (lines.size() < 2) {
        throw CctRangeError("Robertson (1968) needs its isotemperature line table");
    }
    if (!std::isfinite(uv.u) || !std::isfinite(uv.v)) {
        throw CctRangeError("CCT of an undefined chromaticity");
    }
    // Signed distance to each line; the chromaticity lies between the lines where it changes sign.
    double dPrev = 0.0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const RobertsonLine& L = lines[i];
        const double d = ((uv.v - L.v) - L.t * (uv.u - L.u)) / std::sqrt(1.0 + L.t * L.t);
        if (i > 0 && (d <= 0.0) != (dPrev <= 0.0) && dPrev != d) {
            const RobertsonLine& P = lines[i - 1];
            const double f = dPrev / (dPrev - d);
            const double mired = P.mired + f * (L.mired - P.mired);
            if (!(mired > 0.0)) {
                throw CctRangeError("Robertson (1968): chromaticity beyond the 0 MK⁻¹ line");
            }
            const double T = 1e6 / mired;
            // Robertson's locus point is interpolated between the two lines' points; Duv is the
            // distance to it along the isotemperature direction, positive above the locus.
            const double uT = P.u + f * (L.u - P.u);
            const double vT = P.v + f * (L.v - P.v);
            const double duv = std::copysign(std::hypot(uv.u - uT, uv.v - vT), uv.v - vT);
            return {T, duv, "robertson1968"};
        }
        dPrev = d;
    }
    throw CctRangeError("Robertson (1968): chromaticity outside the table's 1667 K … ∞ range");
}

}  // namespace cm::colorimetry

// SPDX-License-Identifier: Apache-2.0
// CCT approximation by McCamy (1992), Color Res. Appl. 17(2):142–144; display only.
#include "libmeasure/colorimetry/cct.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace cm::colorimetry {

CctResult cctMcCamy1992(const ChromaticityXY& xy) {
    if (!std::isfinite(xy.x) || !std::isfinite(xy.y) || xy.y == 0.1858) {
        throw CctRangeError("McCamy (1992): undefined for this chromaticity");
    }
    const double n = (xy.x - 0.3320) / (0.1858 - xy.y);
    const double T = 449.0 * n * n * n + 3525.0 * n * n + 6823.3 * n + 5520.33;
    if (!(T >= 2000.0 && T <= 12500.0)) {
        std::ostringstream os;
        os << "McCamy (1992) gives " << T << " K, outside its 2000–12 500 K range";
        throw CctRangeError(os.str());
    }
    return {T, std::numeric_limits<double>::quiet_NaN(), "mccamy1992"};
}

CctResult correlatedColourTemperature(const ChromaticityXY& xy, const std::string& method,
                                      const Observer& observer,
                                      const std::vector<RobertsonLine>& robertson_lines) {
    if (method == "ohno2013") {
        return cctOhno2013(toUV1960(xy), observer);
    }
    if (method == "robertson1968") {
        return cctRobertson1968(toUV1960(xy), robertson_lines, observer);
    }
    if (method == "mccamy1992") {
        return cctMcCamy1992(xy);
    }
    throw std::invalid_argument("unknown CCT method '" + method +
                                "' (known: ohno2013, robertson1968, mccamy1992)");
}

}  // namespace cm::colorimetry

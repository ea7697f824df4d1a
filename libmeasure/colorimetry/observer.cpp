// SPDX-License-Identifier: Apache-2.0
// CMF table parser.
#include "libmeasure/colorimetry/observer.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

namespace cm::colorimetry {

long Observer::indexOf(double wavelength_nm) const {
    const double k = (wavelength_nm - start_nm) / step_nm;
    const double r = std::round(k);
    if (std::abs(k - r) > 1e-6 || r < 0 || r >= static_cast<double>(xbar.size())) {
        return -1;
    }
    return static_cast<long>(r);
}

Observer parseObserverCsv(const std::string& text, const std::string& source, std::string name) {
    Observer o;
    o.name = std::move(name);
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    std::vector<double> wl;
    while (std::getline(in, line)) {
        ++lineNo;
        if (lineNo == 1 || line.empty() || line[0] == '#') {
            continue;
        }
        double v[4];
        const char* p = line.c_str();
        for (int k = 0; k < 4; ++k) {
            char* end = nullptr;
            v[k] = std::strtod(p, &end);
            if (end == p || !std::isfinite(v[k])) {
                throw SpectrumError(source + ":" + std::to_string(lineNo) +
                                    ": expected 4 numbers 'wavelength_nm,xbar,ybar,zbar'");
            }
            p = end;
            if (k < 3) {
                if (*p != ',') {
                    throw SpectrumError(source + ":" + std::to_string(lineNo) + ": expected ','");
                }
                ++p;
            }
        }
        wl.push_back(v[0]);
        o.xbar.push_back(v[1]);
        o.ybar.push_back(v[2]);
        o.zbar.push_back(v[3]);
    }
    if (wl.size() < 2) {
        throw SpectrumError(source + ": no colour-matching data");
    }
    o.start_nm = wl.front();
    o.step_nm = wl[1] - wl[0];
    for (std::size_t i = 1; i < wl.size(); ++i) {
        if (std::abs(wl[i] - wl[i - 1] - o.step_nm) > 1e-9) {
            throw SpectrumError(source + ": irregular wavelength step near " +
                                std::to_string(wl[i]) + " nm");
        }
    }
    return o;
}

}  // namespace cm::colorimetry

// SPDX-License-Identifier: Apache-2.0
// CIE D-series daylight generator.
#include "libmeasure/colorimetry/daylight.h"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace cm::colorimetry {

ChromaticityXY daylightChromaticity(double T) {
    if (!(T >= 4000.0 && T <= 25000.0)) {
        throw std::domain_error("CIE daylight is defined for 4000–25 000 K");
    }
    const double t = 1e3 / T;
    const double x = T <= 7000.0 ? -4.6070 * t * t * t + 2.9678 * t * t + 0.09911 * t + 0.244063
                                 : -2.0064 * t * t * t + 1.9018 * t * t + 0.24748 * t + 0.237040;
    const double y = -3.000 * x * x + 2.870 * x - 0.275;
    return {x, y};
}

Spectrum daylightSpectrum(double T, const DaylightBasis& b) {
    const ChromaticityXY xy = daylightChromaticity(T);
    const double M = 0.0241 + 0.2562 * xy.x - 0.7341 * xy.y;
    const double M1 = std::round((-1.3515 - 1.7703 * xy.x + 5.9114 * xy.y) / M * 1000.0) / 1000.0;
    const double M2 = std::round((0.0300 - 31.4424 * xy.x + 30.0717 * xy.y) / M * 1000.0) / 1000.0;
    std::vector<double> v(b.s0.values().size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        v[i] = b.s0.values()[i] + M1 * b.s1.values()[i] + M2 * b.s2.values()[i];
    }
    return Spectrum(b.s0.wavelengths(), v, true);
}

DaylightBasis parseDaylightBasisCsv(const std::string& text, const std::string& source) {
    std::istringstream in(text);
    std::string line;
    int n = 0;
    std::vector<double> wl, s0, s1, s2;
    while (std::getline(in, line)) {
        if (++n == 1 || line.empty()) {
            continue;
        }
        double w = 0, a = 0, b = 0, c = 0;
        if (std::sscanf(line.c_str(), "%lf,%lf,%lf,%lf", &w, &a, &b, &c) != 4) {
            throw SpectrumError(source + ":" + std::to_string(n) +
                                ": expected 'wavelength_nm,S0,S1,S2'");
        }
        wl.push_back(w);
        s0.push_back(a);
        s1.push_back(b);
        s2.push_back(c);
    }
    return {Spectrum(wl, s0, true), Spectrum(wl, s1, true), Spectrum(wl, s2, true)};
}

}  // namespace cm::colorimetry

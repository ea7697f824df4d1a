// SPDX-License-Identifier: Apache-2.0
// Colorimetry benchmark: spectrum → XYZ at 1 nm against a plain dot product over the same samples.
#include "app/bench/bench.h"
#include "app/common/cie_data.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <cmath>
#include <cstdio>

namespace cm::bench {
namespace {

const colorimetry::Spectrum& spectrum471() {
    static const colorimetry::Spectrum s = [] {
        std::vector<double> wl;
        std::vector<double> v;
        for (int w = 360; w <= 830; ++w) {
            wl.push_back(w);
            v.push_back(0.001 * (1.0 + 0.5 * std::sin(w / 37.0)));
        }
        return colorimetry::Spectrum(wl, v);
    }();
    return s;
}

const Registrar kSpectrumToXyz({
    "colorimetry",
    "spectrum→XYZ (471 samples, 1 nm, CIE 1931)",
    "3 plain dot products over the same 471 samples",
    [](std::size_t n) {
        const auto& obs = app::cieData().cie1931_2;
        const auto& s = spectrum471();
        for (std::size_t i = 0; i < n; ++i) {
            doNotOptimise(colorimetry::absoluteXYZ(s, obs).Y);
        }
    },
    [](std::size_t n) {
        const auto& obs = app::cieData().cie1931_2;
        const auto& v = spectrum471().values();
        for (std::size_t i = 0; i < n; ++i) {
            double x = 0, y = 0, z = 0;
            for (std::size_t k = 0; k < v.size(); ++k) {
                x += v[k] * obs.xbar[k];
                y += v[k] * obs.ybar[k];
                z += v[k] * obs.zbar[k];
            }
            doNotOptimise(x + y + z);
        }
    },
    [](double s) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "conversions/s=%.0f", 1.0 / s);
        return std::string(buf);
    },
});

}  // namespace
}  // namespace cm::bench

// SPDX-License-Identifier: Apache-2.0
// Tristimulus summation per CIE 015:2018 §7.
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <cmath>
#include <string>

namespace cm::colorimetry {

namespace {

/// Σ f(λ)·cmf(λ)·Δλ over the integration grid. `f(wl, sample)` gives the weight at a wavelength;
/// `sample` is the index into `range` when the grid point is one of its samples (no lookup
/// needed), else npos.
template <typename F>
XYZ sum(const Spectrum& range, const Observer& o, F f) {
    const double step = range.regularStep_nm();
    const double offset = (range.first_nm() - o.start_nm) / o.step_nm;
    const bool native = step > 0.0 &&
                        std::abs(std::round(step / o.step_nm) * o.step_nm - step) < 1e-9 &&
                        std::abs(offset - std::round(offset)) < 1e-9;
    XYZ acc;
    if (native) {
        const auto& wls = range.wavelengths();
        const long first = std::lround(offset);
        const long stride = std::lround(step / o.step_nm);
        for (std::size_t k = 0; k < wls.size(); ++k) {
            const long i = first + static_cast<long>(k) * stride;
            if (i < 0 || i >= static_cast<long>(o.xbar.size())) {
                continue;
            }
            const double w = f(wls[k], k) * step;
            acc.X += w * o.xbar[static_cast<std::size_t>(i)];
            acc.Y += w * o.ybar[static_cast<std::size_t>(i)];
            acc.Z += w * o.zbar[static_cast<std::size_t>(i)];
        }
        return acc;
    }
    for (std::size_t i = 0; i < o.xbar.size(); ++i) {
        const double wl = o.start_nm + o.step_nm * static_cast<double>(i);
        if (wl < range.first_nm() - 1e-9 || wl > range.last_nm() + 1e-9) {
            continue;
        }
        const double w = f(wl, std::string::npos) * o.step_nm;
        acc.X += w * o.xbar[i];
        acc.Y += w * o.ybar[i];
        acc.Z += w * o.zbar[i];
    }
    return acc;
}

}  // namespace

XYZ absoluteXYZ(const Spectrum& radiance, const Observer& observer) {
    const auto& v = radiance.values();
    const XYZ s = sum(radiance, observer, [&](double wl, std::size_t k) {
        return k != std::string::npos ? v[k] : radiance.at(wl);
    });
    return {kKm_lmPerW * s.X, kKm_lmPerW * s.Y, kKm_lmPerW * s.Z};
}

XYZ illuminantXYZ(const Spectrum& spd, const Observer& observer) {
    const XYZ s = sum(spd, observer, [&](double wl, std::size_t) { return spd.at(wl); });
    if (!(s.Y > 0.0)) {
        throw SpectrumError("illuminant has no luminous power in the observer's range");
    }
    const double k = 100.0 / s.Y;
    return {k * s.X, 100.0, k * s.Z};
}

XYZ relativeXYZ(const Spectrum& factor, const Spectrum& illuminant, const Observer& observer) {
    const XYZ white =
        sum(illuminant, observer, [&](double wl, std::size_t) { return illuminant.at(wl); });
    if (!(white.Y > 0.0)) {
        throw SpectrumError("illuminant has no luminous power in the observer's range");
    }
    const XYZ s = sum(illuminant, observer,
                      [&](double wl, std::size_t) { return illuminant.at(wl) * factor.at(wl); });
    const double k = 100.0 / white.Y;
    return {k * s.X, k * s.Y, k * s.Z};
}

}  // namespace cm::colorimetry

// SPDX-License-Identifier: Apache-2.0
// The spectrum carried by a reading, as a Spectrum value.
#include "libmeasure/procedure/reading_spectrum.h"

namespace cm::procedure {

std::optional<colorimetry::Spectrum> spectralRadiance(const Reading& r) {
    if (r.spectral_radiance.size() < 2 || !(r.spectrum_step_nm > 0.0)) {
        return std::nullopt;
    }
    std::vector<double> wl(r.spectral_radiance.size());
    for (std::size_t i = 0; i < wl.size(); ++i) {
        wl[i] = r.spectrum_start_nm + r.spectrum_step_nm * static_cast<double>(i);
    }
    // Instrument dark noise may dip below zero: kept as measured.
    return colorimetry::Spectrum(std::move(wl), r.spectral_radiance, true);
}

void setSpectralRadiance(Reading& r, double start_nm, double step_nm, std::vector<double> values) {
    r.spectrum_start_nm = start_nm;
    r.spectrum_step_nm = step_nm;
    r.spectral_radiance = std::move(values);
}

}  // namespace cm::procedure

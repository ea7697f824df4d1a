// SPDX-License-Identifier: Apache-2.0
// Instrument XYZ against its spectrum; Δu'v' of two spectra under an observer.
#include "libmeasure/colorimetry/spectral_consistency.h"

#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <limits>

namespace cm::colorimetry {

SpectralConsistency compareWithSpectrum(const XYZ& instrument, const Spectrum& radiance,
                                        const Observer& observer) {
    SpectralConsistency c;
    c.instrument = instrument;
    c.from_spectrum = absoluteXYZ(radiance, observer);
    c.delta_Y_pct = instrument.Y > 0.0 ? 100.0 * (c.from_spectrum.Y - instrument.Y) / instrument.Y
                                       : std::numeric_limits<double>::quiet_NaN();
    c.delta_uv = deltaUV(toUV(c.from_spectrum), toUV(instrument));
    return c;
}

double deltaUVBetween(const Spectrum& a, const Spectrum& b, const Observer& observer) {
    return deltaUV(toUV(absoluteXYZ(a, observer)), toUV(absoluteXYZ(b, observer)));
}

}  // namespace cm::colorimetry

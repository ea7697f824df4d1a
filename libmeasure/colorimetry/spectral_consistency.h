// SPDX-License-Identifier: Apache-2.0
// A spectroradiometer's own XYZ against the XYZ recomputed from its spectrum with the CIE tables,
// and the chromaticity difference two spectra show under an observer (observer metamerism).
#pragma once

#include "libmeasure/colorimetry/observer.h"
#include "libmeasure/colorimetry/spectrum.h"
#include "libmeasure/colorimetry/tristimulus.h"

namespace cm::colorimetry {

/// How far the instrument's XYZ lies from its own spectrum integrated with our CMF table.
/// A few tenths of a percent are expected (instrument CMF implementation, rounding of the
/// transmitted values, sampling step); more points at a spectrum that was not the one measured,
/// a wrong unit, or an instrument set to another observer.
struct SpectralConsistency {
    XYZ instrument;     ///< as the instrument reported it
    XYZ from_spectrum;  ///< absoluteXYZ(spectrum, observer)
    /// 100 · (Y_spectrum − Y_instrument) / Y_instrument, %. NaN when Y_instrument ≤ 0.
    double delta_Y_pct = 0.0;
    /// Δu'v' between the two (CIE 1976 UCS); NaN when either has no chromaticity.
    double delta_uv = 0.0;
};

/// Domain: a spectral radiance in W·sr⁻¹·m⁻²·nm⁻¹ and the instrument's absolute XYZ in cd/m².
SpectralConsistency compareWithSpectrum(const XYZ& instrument, const Spectrum& radiance,
                                        const Observer& observer);

/// Δu'v' between two spectra under one observer. Two stimuli that match for the CIE 1931
/// observer (≈ 0) may not match for the CIE 1964 10° or the CIE 2006/2015 observers: that
/// difference is observer metamerism (CIE 015:2018 §9; CIE 080:1989 for its index).
double deltaUVBetween(const Spectrum& a, const Spectrum& b, const Observer& observer);

}  // namespace cm::colorimetry

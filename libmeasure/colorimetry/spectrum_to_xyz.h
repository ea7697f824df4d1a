// SPDX-License-Identifier: Apache-2.0
// Spectrum → tristimulus values by summation against the CMFs (CIE 015:2018 §7).
#pragma once

#include "libmeasure/colorimetry/observer.h"
#include "libmeasure/colorimetry/spectrum.h"
#include "libmeasure/colorimetry/tristimulus.h"

namespace cm::colorimetry {

/// Maximum luminous efficacy for photopic vision, lm/W (CIE 015:2018 §7.1, 683.002 lm/W for the
/// 1931 observer so that 540 THz gives exactly 683 lm/W).
inline constexpr double kKm_lmPerW = 683.002;

/// Absolute XYZ of a spectral radiance in W·sr⁻¹·m⁻²·nm⁻¹: X = Km Σ L(λ) x̄(λ) Δλ, so Y is
/// luminance in cd/m². The sum runs over the observer's grid within the spectrum's range
/// (outside it the source is taken as zero); the spectrum is interpolated linearly onto the grid,
/// or used as sampled when it is on a regular grid that is a multiple of the CMF step (e.g. 5 nm
/// data with 1 nm CMFs: CMFs are then taken at the data's own 5 nm points, as CIE 015 does).
XYZ absoluteXYZ(const Spectrum& radiance, const Observer& observer);

/// Relative XYZ of a light source's relative spectral power, normalised to Y = 100.
XYZ illuminantXYZ(const Spectrum& spd, const Observer& observer);

/// Relative XYZ of a reflectance or transmittance factor (0..1) under an illuminant, normalised so
/// that the perfect reflecting diffuser has Y = 100 (CIE 015:2018 eq. 7.1–7.3).
XYZ relativeXYZ(const Spectrum& factor, const Spectrum& illuminant, const Observer& observer);

}  // namespace cm::colorimetry

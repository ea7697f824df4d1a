// SPDX-License-Identifier: Apache-2.0
// CIE daylight illuminants (D-series) for any CCT, CIE 015:2018 §4.1.2.
#pragma once

#include "libmeasure/colorimetry/spectrum.h"
#include "libmeasure/colorimetry/tristimulus.h"

namespace cm::colorimetry {

/// The S0, S1, S2 basis functions (CIE 015:2018 Table 6), on a common wavelength grid.
struct DaylightBasis {
    Spectrum s0;
    Spectrum s1;
    Spectrum s2;
};

/// Chromaticity of the CIE daylight locus at a CCT (CIE 015:2018 eqs. 4.7–4.9), 4000–25 000 K.
/// Throws std::domain_error outside that range.
ChromaticityXY daylightChromaticity(double cct_K);

/// Relative SPD S(λ) = S0 + M1·S1 + M2·S2 (CIE 015:2018 eqs. 4.10–4.12), with M1 and M2 rounded
/// to three decimals as the CIE does for the tabulated D-illuminants.
Spectrum daylightSpectrum(double cct_K, const DaylightBasis& basis);

/// Parses the "wavelength_nm,S0,S1,S2" CSV.
DaylightBasis parseDaylightBasisCsv(const std::string& text, const std::string& source);

}  // namespace cm::colorimetry

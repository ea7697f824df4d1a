// SPDX-License-Identifier: Apache-2.0
// Cinema transfer functions: DCI X'Y'Z' gamma 2.6 (SMPTE ST 428-1, RP 431-2 §7.7) and
// SMPTE ST 2084 (PQ) for HDR; target luminances for grey-ramp EOTF checks.
#pragma once

#include "libmeasure/colorimetry/tristimulus.h"

#include <array>

namespace cm::colorimetry {

/// DCDM normalisation: code 4095 ↔ 52.37 cd/m² (SMPTE ST 428-1 §5.2; RP 431-2 §7.7 P = 52.37).
inline constexpr double kDciNormalisation_cdm2 = 52.37;
inline constexpr double kDciGamma = 2.6;

/// 12-bit DCI X'Y'Z' code values.
using CodeValues12 = std::array<int, 3>;

/// XYZ (cd/m²) of DCI code values: X = 52.37 · (X'/4095)^2.6. Codes outside 0..4095 throw.
XYZ dciDecode(const CodeValues12& code);
/// Nearest 12-bit code values of an XYZ in cd/m² (clipped to 0..4095).
CodeValues12 dciEncode(const XYZ& xyz_cdm2);

/// SMPTE ST 2084 EOTF: normalised signal E' ∈ [0, 1] → luminance cd/m² (0 … 10 000).
double pqEotf(double signal);
/// Inverse EOTF: luminance cd/m² ∈ [0, 10 000] → signal.
double pqInverseEotf(double luminance_cdm2);
/// HDR X''Y''Z'' (DCI HDR addendum §4, 12-bit PQ) → XYZ cd/m².
XYZ pqDecode12(const CodeValues12& code);

/// Target luminance of a grey code for gamma 2.6 SDR (Y channel, cd/m², no black added).
double gammaTarget_cdm2(int code_y12);
/// Target luminance of a grey code for PQ HDR (Y channel, cd/m²).
double pqTarget_cdm2(int code_y12);

}  // namespace cm::colorimetry

// SPDX-License-Identifier: Apache-2.0
// Colorimeter correction matrices fitted against a spectroradiometer on the same screen:
// one-colour (white-point) scaling and the NIST four-colour method (Ohno & Hardis, "Four-Color
// Matrix Method for Correction of Tristimulus Colorimeters", Proc. IS&T/SID CIC 5, 1997).
#pragma once

#include "libmeasure/colorimetry/rgb_colourspace.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <string>

namespace cm::correction {

/// Readings of the same four stimuli by both instruments, XYZ in cd/m².
struct FourColourSet {
    colorimetry::XYZ red;
    colorimetry::XYZ green;
    colorimetry::XYZ blue;
    colorimetry::XYZ white;
};

struct CorrectionMatrix {
    std::string method;             ///< "one-colour" or "four-colour"
    colorimetry::Matrix3 matrix{};  ///< corrected XYZ = matrix · measured XYZ
    /// Residual Δu'v' of each stimulus after correction (white last), and the largest.
    double residual_duv[4] = {0, 0, 0, 0};
    double max_residual_duv = 0.0;
};

/// One-colour: diagonal scaling that makes the colorimeter's white equal the reference white.
/// Throws std::invalid_argument if a white component is not positive.
CorrectionMatrix fitOneColour(const colorimetry::XYZ& colorimeter_white,
                              const colorimetry::XYZ& reference_white);

/// Four-colour: white exact, primaries' chromaticities exact (the method's construction):
/// N·diag(N⁻¹W) per instrument from the primaries' chromaticities and the white, then
/// R = M_ref · M_meter⁻¹. Throws std::invalid_argument for degenerate primaries.
CorrectionMatrix fitFourColour(const FourColourSet& colorimeter, const FourColourSet& reference);

colorimetry::XYZ apply(const CorrectionMatrix& c, const colorimetry::XYZ& measured);

}  // namespace cm::correction

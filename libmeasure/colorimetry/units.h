// SPDX-License-Identifier: Apache-2.0
// Photometric unit conversions used only at the user's edge (cd/m² is the internal unit).
#pragma once

namespace cm::colorimetry {

/// 1 fL = (1/π) cd/ft² = 3.4262591 cd/m² (ft = 0.3048 m exactly).
inline constexpr double kCandelaPerSquareMetrePerFootLambert = 3.4262591;

constexpr double footLambertToCdm2(double luminance_fL) {
    return luminance_fL * kCandelaPerSquareMetrePerFootLambert;
}

constexpr double cdm2ToFootLambert(double luminance_cdm2) {
    return luminance_cdm2 / kCandelaPerSquareMetrePerFootLambert;
}

}  // namespace cm::colorimetry

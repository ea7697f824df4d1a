// SPDX-License-Identifier: Apache-2.0
// RGB colourspaces by primaries and white, and their normalised primary matrices (SMPTE RP 177).
#pragma once

#include "libmeasure/colorimetry/tristimulus.h"

#include <array>
#include <string>
#include <vector>

namespace cm::colorimetry {

using Matrix3 = std::array<std::array<double, 3>, 3>;

struct RgbColourspace {
    std::string name;
    ChromaticityXY red;
    ChromaticityXY green;
    ChromaticityXY blue;
    ChromaticityXY white;
    std::string source;
};

/// DCI-P3 with the DCI white (0.314, 0.351): SMPTE RP 431-2:2011 Table C.1, EG 432-1:2010.
RgbColourspace dciP3();
/// P3 primaries with D65 white (0.3127, 0.3290): SMPTE EG 432-1:2010.
RgbColourspace p3D65();
/// ITU-R BT.709-6 Table 1 items 1.3–1.4.
RgbColourspace rec709();
/// ITU-R BT.2020-2 Table 3.
RgbColourspace rec2020();
std::vector<RgbColourspace> knownColourspaces();

/// Normalised primary matrix (RGB → XYZ, white at Y = 1) from primaries and white
/// (SMPTE RP 177-1993 §3.3). Throws std::invalid_argument for collinear primaries or y = 0.
Matrix3 normalisedPrimaryMatrix(const RgbColourspace& cs);

Matrix3 inverse(const Matrix3& m);
XYZ apply(const Matrix3& m, const XYZ& v);

}  // namespace cm::colorimetry

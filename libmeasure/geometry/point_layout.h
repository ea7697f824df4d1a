// SPDX-License-Identifier: Apache-2.0
// Named measurement-point layouts on the screen (SMPTE ST 431-1 §4.2 and grids).
#pragma once

#include "libmeasure/geometry/screen.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace cm::geometry {

/// A named point the meter is aimed at.
struct MeasurementPoint {
    std::string id;     ///< short id used in profiles and reports: C, L, R, T, B, TL, TR, BL, BR
    std::string label;  ///< human text, e.g. "top left corner"
    ScreenPoint position;
};
void to_json(nlohmann::json& j, const MeasurementPoint& p);

/// Names of the layouts `pointLayout` knows.
std::vector<std::string> knownLayouts();

/// Points of a layout on a screen of the given size.
///  - "centre": the centre only.
///  - "st431-5": centre and the four side midpoints (ST 431-1 §4.2, theatre).
///  - "st431-9": those and the four corners (ST 431-1 §4.2, review room).
///  - "idms-5", "idms-9": the same ids, 1/10 of width and of height in from the edges (ICDM
///    IDMS §8.1; DCI direct-view addendum §6.6.4). Ignores `inset_fraction_of_width`.
///  - "grid-NxM": N columns by M rows, outer points inset like st431 (N, M odd, 3..15).
///  - "checker-4x4": the 16 patch centres K11…K44 of the RP 431-2 §7.6 checkerboard (row 1 top).
///  - "a+b": the union of two layouts (e.g. "centre+checker-4x4").
/// Side and corner points are inset by `inset_fraction_of_width` of the screen WIDTH from each
/// adjacent edge, both horizontally and vertically (ST 431-1 §4.2: 5 % ± 1 % of width).
/// Throws std::invalid_argument for an unknown layout or a screen too small for the inset.
std::vector<MeasurementPoint> pointLayout(const std::string& layout, const ScreenSize& screen,
                                          double inset_fraction_of_width);

}  // namespace cm::geometry

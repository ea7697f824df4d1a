// SPDX-License-Identifier: Apache-2.0
// Page geometry and colours shared by the PDF reports (certification and LED wall), so both
// print alike.
#pragma once

namespace cm::app::pdf {

inline constexpr double kPageW = 595.0;  // A4 in points
inline constexpr double kPageH = 842.0;
inline constexpr double kMargin = 42.0;
inline constexpr double kLine = 13.0;

struct Rgb {
    double r, g, b;
};
inline constexpr Rgb kBlack{0, 0, 0};
inline constexpr Rgb kGrey{0.4, 0.4, 0.4};
inline constexpr Rgb kPass{0.05, 0.5, 0.15};
inline constexpr Rgb kFail{0.75, 0.05, 0.05};

}  // namespace cm::app::pdf

// SPDX-License-Identifier: Apache-2.0
// 8-bit sRGB previews of X'Y'Z' patterns, for orientation only (not for display on a screen
// under test).
#pragma once

#include "libmeasure/patterns/pattern.h"

#include <cstdint>
#include <vector>

namespace cm::patterns {

/// 8-bit sRGB image: row-major, samples interleaved R, G, B.
struct Rgb8Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> samples;

    std::array<std::uint8_t, 3> at(int x, int y) const {
        const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                        static_cast<std::size_t>(x)) *
                       3;
        return {samples[i], samples[i + 1], samples[i + 2]};
    }
};

/// Preview edge = image edge / kPreviewDownscale (rounded up).
inline constexpr int kPreviewDownscale = 4;
/// SDR: 48 cd/m² reference white (RP 431-2 §7.3) maps to sRGB 1.0.
inline constexpr double kSdrPreviewWhite_cdm2 = 48.0;
/// HDR: Reinhard curve Yd = Y / (Y + knee), scaled so the 299.6 cd/m² peak (DCI HDR addendum
/// Table 6, rounded) maps to 1.0.
inline constexpr double kHdrPreviewKnee_cdm2 = 100.0;
inline constexpr double kHdrPreviewPeak_cdm2 = 300.0;

/// Decodes the 12-bit codes (gamma 2.6 or PQ), maps luminance as above (HDR keeps each pixel's
/// chromaticity), adapts SDR from the DCI white (0.314, 0.351) to D65 with the Bradford
/// transform (HDR content is already D65), converts XYZ → linear sRGB (ITU-R BT.709 primaries,
/// D65), clips to [0, 1] and applies the sRGB encoding (IEC 61966-2-1). Each preview pixel is
/// the image pixel at the centre of its downscale × downscale block. Throws
/// std::invalid_argument for downscale < 1 or an empty image.
Rgb8Image renderPreview(const XyzImage16& image, Encoding encoding,
                        int downscale = kPreviewDownscale);

/// One pixel's preview colour (what renderPreview does per pixel).
std::array<std::uint8_t, 3> previewColour(const CodeValues12& code, Encoding encoding);

}  // namespace cm::patterns

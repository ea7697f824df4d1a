// SPDX-License-Identifier: Apache-2.0
// Test patterns for measurement steps: a step's stimulus and code values → 16-bit X'Y'Z' images.
#pragma once

#include "libmeasure/colorimetry/transfer_functions.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cm::patterns {

using colorimetry::CodeValues12;

// Default code values when a step gives none (SDR, DCI X'Y'Z' gamma 2.6 only).
/// Reference white 48 cd/m² at (0.3140, 0.3510): SMPTE RP 431-2:2011 §7.3 and Table A.4 White-2.
inline constexpr CodeValues12 kDciWhiteCode{3794, 3960, 3890};
inline constexpr CodeValues12 kBlackCode{0, 0, 0};
/// SMPTE RP 431-2:2011 Table A.4 Red-1, Green-1, Blue-1.
inline constexpr CodeValues12 kRed1Code{2901, 2171, 100};
inline constexpr CodeValues12 kGreen1Code{2417, 3493, 1222};
inline constexpr CodeValues12 kBlue1Code{2014, 1416, 3816};

/// 12-bit code values sit in the 16-bit container's most significant bits (value << 4): OpenDCP
/// reads a 16-bit RGB TIFF sample s as the 12-bit component s >> 4
/// (libopendcp/codecs/opendcp_decoder_tif.c), and DCP authoring tools treat 16-bit X'Y'Z' the
/// same way.
inline constexpr int kContainerShift = 4;
constexpr std::uint16_t toContainer16(int code12) {
    return static_cast<std::uint16_t>(code12 << kContainerShift);
}

/// How the code values are to be decoded (matters for previews; the codes themselves are
/// written as given).
enum class Encoding {
    DciGamma26,  ///< SDR: SMPTE ST 428-1, X = 52.37 · (X'/4095)^2.6 cd/m²
    Pq           ///< HDR: SMPTE ST 2084 X''Y''Z'' (DCI HDR addendum)
};

enum class Eye { Both, Left, Right };  ///< Both: a 2D image (one file)

enum class Layout {
    FullField,    ///< every pixel `first`
    Checkerboard  ///< 4 × 4 patches (RP 431-2 §7.6), top-left `first`, alternating with `second`
};

/// One image to write: what it shows and which eye it is for.
struct FrameSpec {
    Eye eye = Eye::Both;
    Layout layout = Layout::FullField;
    CodeValues12 first{};   ///< full-field code, or the top-left checkerboard patch
    CodeValues12 second{};  ///< the other checkerboard patches (unused for a full field)
    friend bool operator==(const FrameSpec&, const FrameSpec&) = default;
};

/// A stimulus resolved into its image(s): one frame for 2D, a left and a right frame for 3D.
struct PatternSpec {
    std::string stimulus;
    Encoding encoding = Encoding::DciGamma26;
    std::vector<FrameSpec> frames;
};

/// Resolves a stimulus of the profile vocabulary ("white", "black", "red", "green", "blue",
/// "code", "code:X,Y,Z", "grey:<f>", "checkerboard", "checkerboard_inverse", "3d_white",
/// "3d_left_white", "3d_right_white", "3d_black") with the step's code values.
/// - named colours and "code" show `code` when given; SDR defaults: white kDciWhiteCode, black 0,
///   red/green/blue RP 431-2 Table A.4; "code" needs `code`.
/// - "grey:<f>" (0 ≤ f ≤ 1) shows round(f × white code) per channel, the white code being `code`
///   when given, else kDciWhiteCode; SDR only (a fraction of a PQ code is not a luminance ratio).
/// - checkerboards and 3D stimuli use `code` (else kDciWhiteCode) as their white, 0 as black.
/// - PQ: every stimulus except black needs `code` (there is no SDR default to fall back on).
/// Throws std::invalid_argument naming the stimulus for unknown or malformed stimuli, missing
/// codes, or codes outside 0..4095.
PatternSpec resolvePattern(const std::string& stimulus, const std::optional<CodeValues12>& code,
                           Encoding encoding);

struct ImageSize {
    int width = 2048;
    int height = 1080;
    friend bool operator==(const ImageSize&, const ImageSize&) = default;
};
/// Smallest and largest edge accepted (a 4 × 4 checkerboard needs 4 pixels; 16384 bounds memory).
inline constexpr int kMinImageEdge = 4;
inline constexpr int kMaxImageEdge = 16384;
/// "2048x1080" → {2048, 1080}. Throws std::invalid_argument for other forms or edges outside
/// kMinImageEdge..kMaxImageEdge.
ImageSize parseImageSize(const std::string& text);

/// 16-bit X'Y'Z' image: row-major, samples interleaved X', Y', Z' (12-bit code << 4).
struct XyzImage16 {
    int width = 0;
    int height = 0;
    std::vector<std::uint16_t> samples;

    std::array<std::uint16_t, 3> at(int x, int y) const {
        const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                        static_cast<std::size_t>(x)) *
                       3;
        return {samples[i], samples[i + 1], samples[i + 2]};
    }
};

/// Start of checkerboard patch `index` (0..4) along an edge of `extent` pixels: floor(index ·
/// extent / 4), so patch i spans [edge(i), edge(i+1)) and edges fall on exact quarters when the
/// extent divides by 4.
int checkerboardEdge(int index, int extent);

/// Renders one frame at the given size.
XyzImage16 renderFrame(const FrameSpec& frame, ImageSize size);

}  // namespace cm::patterns

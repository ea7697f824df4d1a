// SPDX-License-Identifier: Apache-2.0
// X'Y'Z' → sRGB previews: decode, simple tone map, Bradford adaptation, sRGB encoding.
#include "libmeasure/patterns/preview.h"

#include "libmeasure/colorimetry/rgb_colourspace.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace cm::patterns {

namespace {

using colorimetry::Matrix3;
using colorimetry::XYZ;

/// Bradford cone response matrix (K. M. Lam 1985; the adaptation matrix of CIECAM97s, CIE
/// 131:1998).
constexpr Matrix3 kBradford{
    {{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}};

Matrix3 multiply(const Matrix3& a, const Matrix3& b) {
    Matrix3 m{};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            for (int k = 0; k < 3; ++k) {
                m[r][c] += a[r][k] * b[k][c];
            }
        }
    }
    return m;
}

/// Bradford von Kries adaptation from one white (xy) to another.
Matrix3 bradford(const colorimetry::ChromaticityXY& from, const colorimetry::ChromaticityXY& to) {
    const XYZ s = colorimetry::apply(kBradford, colorimetry::fromxyY(from, 1.0));
    const XYZ d = colorimetry::apply(kBradford, colorimetry::fromxyY(to, 1.0));
    const Matrix3 gain{{{d.X / s.X, 0, 0}, {0, d.Y / s.Y, 0}, {0, 0, d.Z / s.Z}}};
    return multiply(colorimetry::inverse(kBradford), multiply(gain, kBradford));
}

/// IEC 61966-2-1 sRGB encoding of a linear value in [0, 1].
double srgbEncode(double v) {
    v = std::clamp(v, 0.0, 1.0);
    return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}

std::uint8_t to8(double v) {
    return static_cast<std::uint8_t>(std::lround(srgbEncode(v) * 255.0));
}

struct Converters {
    Matrix3 sdr;  ///< XYZ (white Y = 1, DCI white) → linear sRGB
    Matrix3 hdr;  ///< XYZ (D65 content) → linear sRGB
};

const Converters& converters() {
    static const Converters c = [] {
        const Matrix3 toSrgb =
            colorimetry::inverse(colorimetry::normalisedPrimaryMatrix(colorimetry::rec709()));
        return Converters{
            multiply(toSrgb, bradford(colorimetry::dciP3().white, colorimetry::rec709().white)),
            toSrgb};
    }();
    return c;
}

}  // namespace

std::array<std::uint8_t, 3> previewColour(const CodeValues12& code, Encoding encoding) {
    XYZ v;
    const Matrix3* m = nullptr;
    if (encoding == Encoding::DciGamma26) {
        const XYZ abs = colorimetry::dciDecode(code);
        v = {abs.X / kSdrPreviewWhite_cdm2, abs.Y / kSdrPreviewWhite_cdm2,
             abs.Z / kSdrPreviewWhite_cdm2};
        m = &converters().sdr;
    } else {
        const XYZ abs = colorimetry::pqDecode12(code);
        const double y = std::max(abs.Y, 0.0);
        const double yd = y / (y + kHdrPreviewKnee_cdm2) *
                          (kHdrPreviewPeak_cdm2 + kHdrPreviewKnee_cdm2) / kHdrPreviewPeak_cdm2;
        const double k = y > 0.0 ? yd / y : 0.0;
        v = {abs.X * k, abs.Y * k, abs.Z * k};
        m = &converters().hdr;
    }
    const XYZ rgb = colorimetry::apply(*m, v);
    return {to8(rgb.X), to8(rgb.Y), to8(rgb.Z)};
}

Rgb8Image renderPreview(const XyzImage16& image, Encoding encoding, int downscale) {
    if (downscale < 1) {
        throw std::invalid_argument("preview downscale must be at least 1");
    }
    if (image.width < 1 || image.height < 1) {
        throw std::invalid_argument("preview of an empty image");
    }
    Rgb8Image out;
    out.width = (image.width + downscale - 1) / downscale;
    out.height = (image.height + downscale - 1) / downscale;
    out.samples.reserve(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) *
                        3);
    // Patterns hold a handful of distinct codes: decode each once.
    std::map<std::array<std::uint16_t, 3>, std::array<std::uint8_t, 3>> cache;
    for (int py = 0; py < out.height; ++py) {
        const int y = std::min(image.height - 1, py * downscale + downscale / 2);
        for (int px = 0; px < out.width; ++px) {
            const int x = std::min(image.width - 1, px * downscale + downscale / 2);
            const auto s = image.at(x, y);
            auto it = cache.find(s);
            if (it == cache.end()) {
                const CodeValues12 code{s[0] >> kContainerShift, s[1] >> kContainerShift,
                                        s[2] >> kContainerShift};
                it = cache.emplace(s, previewColour(code, encoding)).first;
            }
            out.samples.insert(out.samples.end(), it->second.begin(), it->second.end());
        }
    }
    return out;
}

}  // namespace cm::patterns

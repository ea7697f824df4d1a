// SPDX-License-Identifier: Apache-2.0
// Stimulus resolution and rendering of full fields and 4 × 4 checkerboards (RP 431-2 §7.6).
#include "libmeasure/patterns/pattern.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace cm::patterns {

namespace {

std::string codeText(const CodeValues12& c) {
    return std::to_string(c[0]) + "/" + std::to_string(c[1]) + "/" + std::to_string(c[2]);
}

void checkCodes(const std::string& stimulus, const CodeValues12& c) {
    for (int v : c) {
        if (v < 0 || v > 4095) {
            throw std::invalid_argument("stimulus '" + stimulus + "': code values " + codeText(c) +
                                        " outside 0..4095");
        }
    }
}

/// The step's code, or the SDR default; PQ has no defaults.
CodeValues12 codeOr(const std::string& stimulus, const std::optional<CodeValues12>& code,
                    const CodeValues12& sdrDefault, Encoding encoding) {
    if (code) {
        return *code;
    }
    if (encoding == Encoding::Pq) {
        throw std::invalid_argument("stimulus '" + stimulus +
                                    "': an HDR (PQ) step must give its code_xyz");
    }
    return sdrDefault;
}

/// "code:X,Y,Z" → codes (the virtual theatre's inline form).
CodeValues12 parseInlineCode(const std::string& stimulus) {
    CodeValues12 c{};
    int used = 0;
    if (std::sscanf(stimulus.c_str(), "code:%d,%d,%d%n", &c[0], &c[1], &c[2], &used) != 3 ||
        static_cast<std::size_t>(used) != stimulus.size()) {
        throw std::invalid_argument("stimulus '" + stimulus +
                                    "': expected code:<X'>,<Y'>,<Z'> with 12-bit values");
    }
    checkCodes(stimulus, c);
    return c;
}

double parseGreyFraction(const std::string& stimulus) {
    const std::string text = stimulus.substr(5);
    std::size_t used = 0;
    double f = 0.0;
    try {
        f = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (text.empty() || used != text.size() || !(f >= 0.0 && f <= 1.0)) {
        throw std::invalid_argument("stimulus '" + stimulus +
                                    "': expected grey:<fraction 0..1> of the white code");
    }
    return f;
}

FrameSpec field(Eye eye, const CodeValues12& c) {
    return {eye, Layout::FullField, c, {}};
}

}  // namespace

PatternSpec resolvePattern(const std::string& stimulus, const std::optional<CodeValues12>& code,
                           Encoding encoding) {
    if (code) {
        checkCodes(stimulus, *code);
    }
    PatternSpec p{stimulus, encoding, {}};
    auto white = [&] { return codeOr(stimulus, code, kDciWhiteCode, encoding); };
    if (stimulus == "white") {
        p.frames = {field(Eye::Both, white())};
    } else if (stimulus == "off") {
        // Display switched off for the ambient reading: the signal is irrelevant, code 0 keeps a
        // display that stays on dark.
        p.frames = {field(Eye::Both, kBlackCode)};
    } else if (stimulus == "black") {
        // Code 0 is black in both encodings, so PQ may rely on the default too.
        p.frames = {field(Eye::Both, code.value_or(kBlackCode))};
    } else if (stimulus == "red") {
        p.frames = {field(Eye::Both, codeOr(stimulus, code, kRed1Code, encoding))};
    } else if (stimulus == "green") {
        p.frames = {field(Eye::Both, codeOr(stimulus, code, kGreen1Code, encoding))};
    } else if (stimulus == "blue") {
        p.frames = {field(Eye::Both, codeOr(stimulus, code, kBlue1Code, encoding))};
    } else if (stimulus == "code") {
        if (!code) {
            throw std::invalid_argument("stimulus 'code': the step must give its code_xyz");
        }
        p.frames = {field(Eye::Both, *code)};
    } else if (stimulus.rfind("code:", 0) == 0) {
        const CodeValues12 inline_code = parseInlineCode(stimulus);
        if (code && *code != inline_code) {
            throw std::invalid_argument("stimulus '" + stimulus + "': conflicts with code_xyz " +
                                        codeText(*code));
        }
        p.frames = {field(Eye::Both, inline_code)};
    } else if (stimulus.rfind("grey:", 0) == 0) {
        const double f = parseGreyFraction(stimulus);
        if (encoding == Encoding::Pq) {
            throw std::invalid_argument("stimulus '" + stimulus +
                                        "': a fraction of a PQ code is not a luminance ratio; "
                                        "use stimulus 'code' with code_xyz");
        }
        const CodeValues12 w = white();
        CodeValues12 g{};
        for (std::size_t i = 0; i < 3; ++i) {
            g[i] = static_cast<int>(std::lround(f * w[i]));
        }
        p.frames = {field(Eye::Both, g)};
    } else if (stimulus == "checkerboard") {
        p.frames = {{Eye::Both, Layout::Checkerboard, white(), kBlackCode}};
    } else if (stimulus == "checkerboard_inverse") {
        p.frames = {{Eye::Both, Layout::Checkerboard, kBlackCode, white()}};
    } else if (stimulus == "3d_white") {
        p.frames = {field(Eye::Left, white()), field(Eye::Right, white())};
    } else if (stimulus == "3d_left_white") {
        p.frames = {field(Eye::Left, white()), field(Eye::Right, kBlackCode)};
    } else if (stimulus == "3d_right_white") {
        p.frames = {field(Eye::Left, kBlackCode), field(Eye::Right, white())};
    } else if (stimulus == "3d_black") {
        p.frames = {field(Eye::Left, kBlackCode), field(Eye::Right, kBlackCode)};
    } else {
        throw std::invalid_argument(
            "unknown stimulus '" + stimulus +
            "' (known: white, black, red, green, blue, code, code:X,Y,Z, grey:<f>, checkerboard, "
            "checkerboard_inverse, 3d_white, 3d_left_white, 3d_right_white, 3d_black)");
    }
    return p;
}

ImageSize parseImageSize(const std::string& text) {
    int w = 0;
    int h = 0;
    int used = 0;
    const bool ok = std::sscanf(text.c_str(), "%dx%d%n", &w, &h, &used) == 2 &&
                    static_cast<std::size_t>(used) == text.size() && text[0] >= '0' &&
                    text[0] <= '9';
    if (!ok) {
        throw std::invalid_argument("size '" + text + "': expected WIDTHxHEIGHT, e.g. 2048x1080");
    }
    if (w < kMinImageEdge || h < kMinImageEdge || w > kMaxImageEdge || h > kMaxImageEdge) {
        throw std::invalid_argument("size '" + text + "': each edge must be " +
                                    std::to_string(kMinImageEdge) + ".." +
                                    std::to_string(kMaxImageEdge) + " pixels");
    }
    return {w, h};
}

int checkerboardEdge(int index, int extent) {
    return static_cast<int>(static_cast<long long>(index) * extent / 4);
}

XyzImage16 renderFrame(const FrameSpec& frame, ImageSize size) {
    if (size.width < kMinImageEdge || size.height < kMinImageEdge || size.width > kMaxImageEdge ||
        size.height > kMaxImageEdge) {
        throw std::invalid_argument("image size out of range");
    }
    XyzImage16 img;
    img.width = size.width;
    img.height = size.height;
    img.samples.resize(static_cast<std::size_t>(size.width) *
                       static_cast<std::size_t>(size.height) * 3);
    const std::array<std::uint16_t, 3> a{toContainer16(frame.first[0]),
                                         toContainer16(frame.first[1]),
                                         toContainer16(frame.first[2])};
    const std::array<std::uint16_t, 3> b{toContainer16(frame.second[0]),
                                         toContainer16(frame.second[1]),
                                         toContainer16(frame.second[2])};
    // Patch column of each x, computed once (column i spans [edge(i), edge(i+1))).
    std::vector<int> column(static_cast<std::size_t>(size.width));
    for (int i = 0; i < 4; ++i) {
        for (int x = checkerboardEdge(i, size.width); x < checkerboardEdge(i + 1, size.width);
             ++x) {
            column[static_cast<std::size_t>(x)] = i;
        }
    }
    std::size_t k = 0;
    for (int row_patch = 0; row_patch < 4; ++row_patch) {
        for (int y = checkerboardEdge(row_patch, size.height);
             y < checkerboardEdge(row_patch + 1, size.height); ++y) {
            for (int x = 0; x < size.width; ++x) {
                const bool is_first = frame.layout == Layout::FullField ||
                                      (row_patch + column[static_cast<std::size_t>(x)]) % 2 == 0;
                const auto& v = is_first ? a : b;
                img.samples[k++] = v[0];
                img.samples[k++] = v[1];
                img.samples[k++] = v[2];
            }
        }
    }
    return img;
}

}  // namespace cm::patterns

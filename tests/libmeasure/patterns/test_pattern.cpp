// SPDX-License-Identifier: Apache-2.0
// Pattern generation: stimulus resolution against RP 431-2 codes, 16-bit container values,
// checkerboard geometry, sizes, previews, and the errors for bad stimuli.
#include "libmeasure/patterns/pattern.h"
#include "libmeasure/patterns/preview.h"

#include <catch2/catch.hpp>

using namespace cm::patterns;

namespace {
/// One sRGB 8-bit step: rounding of the decoded, adapted value.
constexpr int kPreviewToleranceCounts = 1;
}  // namespace

TEST_CASE("Named colours default to RP 431-2 codes in 16-bit containers", "[patterns]") {
    const auto white = resolvePattern("white", std::nullopt, Encoding::DciGamma26);
    REQUIRE(white.frames.size() == 1);
    CHECK(white.frames[0].eye == Eye::Both);
    CHECK(white.frames[0].first == CodeValues12{3794, 3960, 3890});
    // 3794 · 16 = 60704, 3960 · 16 = 63360, 3890 · 16 = 62240.
    const XyzImage16 img = renderFrame(white.frames[0], {8, 6});
    CHECK(img.at(0, 0) == std::array<std::uint16_t, 3>{60704, 63360, 62240});
    CHECK(img.at(7, 5) == std::array<std::uint16_t, 3>{60704, 63360, 62240});
    CHECK(img.samples.size() == 8u * 6u * 3u);

    const auto red = resolvePattern("red", std::nullopt, Encoding::DciGamma26);
    // Red-1 2901/2171/100 → 46416/34736/1600.
    CHECK(renderFrame(red.frames[0], {4, 4}).at(3, 3) ==
          std::array<std::uint16_t, 3>{46416, 34736, 1600});
    CHECK(resolvePattern("green", std::nullopt, Encoding::DciGamma26).frames[0].first ==
          CodeValues12{2417, 3493, 1222});
    CHECK(resolvePattern("blue", std::nullopt, Encoding::DciGamma26).frames[0].first ==
          CodeValues12{2014, 1416, 3816});
    const auto black = resolvePattern("black", std::nullopt, Encoding::DciGamma26);
    CHECK(renderFrame(black.frames[0], {4, 4}).at(2, 1) == std::array<std::uint16_t, 3>{0, 0, 0});
    // The step's codes win over the defaults (D65 White-1 of Table A.4).
    CHECK(resolvePattern("white", CodeValues12{3883, 3960, 4092}, Encoding::DciGamma26)
              .frames[0]
              .first == CodeValues12{3883, 3960, 4092});
    // Full scale: 4095 << 4 = 65520, the largest container value.
    CHECK(
        renderFrame(
            resolvePattern("code", CodeValues12{4095, 4095, 4095}, Encoding::DciGamma26).frames[0],
            {4, 4})
            .at(0, 0) == std::array<std::uint16_t, 3>{65520, 65520, 65520});
}

TEST_CASE("grey fractions and inline codes", "[patterns]") {
    // RP 431-2 Table A.2 steps 1 and 5: 10 % and 50 % of 3794/3960/3890, rounded per channel
    // (379.4 → 379, 1897 exactly, 1945 exactly).
    CHECK(resolvePattern("grey:0.1", std::nullopt, Encoding::DciGamma26).frames[0].first ==
          CodeValues12{379, 396, 389});
    CHECK(resolvePattern("grey:0.5", std::nullopt, Encoding::DciGamma26).frames[0].first ==
          CodeValues12{1897, 1980, 1945});
    CHECK(resolvePattern("grey:0", std::nullopt, Encoding::DciGamma26).frames[0].first ==
          CodeValues12{0, 0, 0});
    // A step code is the white the fraction applies to: 0.25 · 4000 = 1000.
    CHECK(resolvePattern("grey:0.25", CodeValues12{4000, 400, 40}, Encoding::DciGamma26)
              .frames[0]
              .first == CodeValues12{1000, 100, 10});
    CHECK(resolvePattern("code:1,2,3", std::nullopt, Encoding::DciGamma26).frames[0].first ==
          CodeValues12{1, 2, 3});
    CHECK_THROWS(resolvePattern("code:1,2,3", CodeValues12{1, 2, 4}, Encoding::DciGamma26));
}

TEST_CASE("4x4 checkerboard patches end at exact quarters, top-left white", "[patterns]") {
    const auto cb = resolvePattern("checkerboard", std::nullopt, Encoding::DciGamma26);
    REQUIRE(cb.frames.size() == 1);
    const XyzImage16 img = renderFrame(cb.frames[0], {2048, 1080});
    const std::array<std::uint16_t, 3> white{60704, 63360, 62240};
    const std::array<std::uint16_t, 3> black{0, 0, 0};
    // 2048 / 4 = 512, 1080 / 4 = 270.
    CHECK(img.at(0, 0) == white);
    CHECK(img.at(511, 269) == white);
    CHECK(img.at(512, 0) == black);
    CHECK(img.at(0, 270) == black);
    CHECK(img.at(512, 270) == white);
    CHECK(img.at(1023, 0) == black);
    CHECK(img.at(1024, 0) == white);
    CHECK(img.at(1536, 0) == black);
    CHECK(img.at(2047, 1079) == white);  // patch (3, 3): 3 + 3 even
    CHECK(img.at(2047, 810) == white);
    CHECK(img.at(2047, 809) == black);
    // Every patch alternates with its neighbours.
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 4; ++c) {
            INFO("patch row " << r << " column " << c);
            CHECK(img.at(c * 512 + 256, r * 270 + 135) == ((r + c) % 2 == 0 ? white : black));
        }
    }
    // 135 / 4 = 33.75: edges at floor(k · 135 / 4) = 33, 67, 101.
    CHECK(checkerboardEdge(1, 135) == 33);
    CHECK(checkerboardEdge(2, 135) == 67);
    CHECK(checkerboardEdge(3, 135) == 101);
    CHECK(checkerboardEdge(4, 135) == 135);
    const XyzImage16 small = renderFrame(cb.frames[0], {256, 135});
    CHECK(small.at(0, 32) == white);
    CHECK(small.at(0, 33) == black);
    CHECK(small.at(0, 101) == black);
    CHECK(small.at(0, 100) == white);

    const auto inv = resolvePattern("checkerboard_inverse", std::nullopt, Encoding::DciGamma26);
    const XyzImage16 iimg = renderFrame(inv.frames[0], {2048, 1080});
    CHECK(iimg.at(0, 0) == black);
    CHECK(iimg.at(512, 0) == white);
}

TEST_CASE("3D stimuli give a left and a right frame", "[patterns]") {
    const CodeValues12 w = kDciWhiteCode;
    const CodeValues12 k = kBlackCode;
    auto frames = [](const std::string& s) {
        return resolvePattern(s, std::nullopt, Encoding::DciGamma26).frames;
    };
    const std::vector<FrameSpec> lw = frames("3d_left_white");
    REQUIRE(lw.size() == 2);
    CHECK(lw[0] == FrameSpec{Eye::Left, Layout::FullField, w, {}});
    CHECK(lw[1] == FrameSpec{Eye::Right, Layout::FullField, k, {}});
    const std::vector<FrameSpec> rw = frames("3d_right_white");
    CHECK(rw[0].first == k);
    CHECK(rw[1].first == w);
    CHECK(frames("3d_white")[0].first == w);
    CHECK(frames("3d_white")[1].first == w);
    CHECK(frames("3d_black")[0].first == k);
    CHECK(frames("3d_black")[1].first == k);
}

TEST_CASE("PQ steps need their own codes", "[patterns]") {
    CHECK_THROWS_WITH(resolvePattern("white", std::nullopt, Encoding::Pq),
                      Catch::Contains("code_xyz"));
    CHECK_THROWS(resolvePattern("checkerboard", std::nullopt, Encoding::Pq));
    CHECK_THROWS(resolvePattern("grey:0.5", CodeValues12{2524, 2546, 2583}, Encoding::Pq));
    CHECK(resolvePattern("black", std::nullopt, Encoding::Pq).frames[0].first == kBlackCode);
    CHECK(resolvePattern("white", CodeValues12{2524, 2546, 2583}, Encoding::Pq).frames[0].first ==
          CodeValues12{2524, 2546, 2583});
}

TEST_CASE("Bad stimuli and sizes are refused with the offending text", "[patterns]") {
    const auto sdr = Encoding::DciGamma26;
    CHECK_THROWS_WITH(resolvePattern("purple", std::nullopt, sdr), Catch::Contains("'purple'"));
    CHECK_THROWS(resolvePattern("", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("code", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("code:1,2", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("code:1,2,4096", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("code:1,2,3x", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("grey:", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("grey:abc", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("grey:1.5", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("grey:-0.1", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("grey:nan", std::nullopt, sdr));
    CHECK_THROWS(resolvePattern("white", CodeValues12{-1, 0, 0}, sdr));
    CHECK_THROWS(resolvePattern("white", CodeValues12{0, 4096, 0}, sdr));

    CHECK(parseImageSize("2048x1080") == ImageSize{2048, 1080});
    CHECK(parseImageSize("4096x2160") == ImageSize{4096, 2160});
    CHECK(parseImageSize("256x135") == ImageSize{256, 135});
    for (const char* bad : {"", "2048", "x1080", "2048x", "2048x1080x", "2048 x 1080", "-4x4",
                            "3x100", "100x3", "16385x10", "2048X1080", "+4x4"}) {
        INFO(bad);
        CHECK_THROWS_AS(parseImageSize(bad), std::invalid_argument);
    }
    CHECK_THROWS(renderFrame(FrameSpec{}, {0, 10}));
}

TEST_CASE("Previews decode white, black, a primary and PQ levels", "[patterns]") {
    auto near = [](std::array<std::uint8_t, 3> got, int r, int g, int b, int tol) {
        return std::abs(got[0] - r) <= tol && std::abs(got[1] - g) <= tol &&
               std::abs(got[2] - b) <= tol;
    };
    // DCI white 48 cd/m², adapted to D65, is sRGB white.
    CHECK(near(previewColour(kDciWhiteCode, Encoding::DciGamma26), 255, 255, 255,
               kPreviewToleranceCounts));
    CHECK(near(previewColour(kBlackCode, Encoding::DciGamma26), 0, 0, 0, 0));
    const auto red = previewColour(kRed1Code, Encoding::DciGamma26);
    CHECK(red[0] > 200);
    CHECK(red[1] < 80);
    CHECK(red[2] < 80);
    // PQ 2524/2546/2583 = 299.6 cd/m² D65: 299.6 / 399.6 · 400 / 300 = 0.9997 → 255.
    CHECK(near(previewColour({2524, 2546, 2583}, Encoding::Pq), 255, 255, 255,
               kPreviewToleranceCounts + 1));
    // PQ 2060/2081/2116 ≈ 100.1 cd/m² D65: 100.1 / 200.1 · 4 / 3 = 0.667; sRGB
    // 1.055 · 0.667^(1/2.4) − 0.055 = 0.836 → 213.
    CHECK(near(previewColour({2060, 2081, 2116}, Encoding::Pq), 213, 213, 213, 2));

    const auto cb = resolvePattern("checkerboard", std::nullopt, Encoding::DciGamma26);
    const Rgb8Image p = renderPreview(renderFrame(cb.frames[0], {256, 135}), Encoding::DciGamma26);
    CHECK(p.width == 64);
    CHECK(p.height == 34);  // ceil(135 / 4)
    CHECK(p.at(0, 0)[1] > 250);
    CHECK(p.at(16, 0)[1] == 0);
    CHECK_THROWS(renderPreview(XyzImage16{}, Encoding::DciGamma26));
    CHECK_THROWS(renderPreview(renderFrame(cb.frames[0], {8, 8}), Encoding::DciGamma26, 0));
}

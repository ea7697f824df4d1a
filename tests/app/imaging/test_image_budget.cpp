// SPDX-License-Identifier: Apache-2.0
// Decompression bombs (#20 case 4): an image's size is checked against the pixel budget from its
// header, before anything is allocated; the budget is configurable.
#include "app/common/imaging/image_files.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;

namespace {

void put16(std::vector<unsigned char>& b, unsigned v) {
    b.push_back(static_cast<unsigned char>(v & 0xFF));
    b.push_back(static_cast<unsigned char>(v >> 8));
}
void put32(std::vector<unsigned char>& b, unsigned v) {
    put16(b, v & 0xFFFF);
    put16(b, v >> 16);
}

/// A ~130-byte little-endian TIFF whose header claims width × height 16-bit grey pixels.
fs::path tinyTiffClaiming(unsigned width, unsigned height, const std::string& name) {
    std::vector<unsigned char> b = {'I', 'I', 42, 0};
    put32(b, 8);
    const unsigned entries = 9;
    put16(b, entries);
    const unsigned dataOffset = 8 + 2 + entries * 12 + 4;
    auto entry = [&](unsigned tag, unsigned type, unsigned value) {
        put16(b, tag);
        put16(b, type);
        put32(b, 1);
        if (type == 3) {
            put16(b, value);
            put16(b, 0);
        } else {
            put32(b, value);
        }
    };
    entry(256, 4, width);       // ImageWidth
    entry(257, 4, height);      // ImageLength
    entry(258, 3, 16);          // BitsPerSample
    entry(259, 3, 1);           // Compression: none
    entry(262, 3, 1);           // Photometric: black is zero
    entry(273, 4, dataOffset);  // StripOffsets
    entry(277, 3, 1);           // SamplesPerPixel
    entry(278, 4, height);      // RowsPerStrip
    entry(279, 4, 16);          // StripByteCounts: the file holds 16 bytes of "pixels"
    put32(b, 0);                // no next IFD
    b.resize(b.size() + 16, 0);
    const fs::path f = fs::temp_directory_path() / name;
    std::ofstream(f, std::ios::binary)
        .write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
    return f;
}

}  // namespace

TEST_CASE("a tiny TIFF claiming 60000 x 60000 pixels is refused before allocation",
          "[imaging][files][budget]") {
    const fs::path bomb = tinyTiffClaiming(60000, 60000, "cinemeasure-bomb.tif");
    CHECK(fs::file_size(bomb) < 200);
    ::unsetenv("CINEMEASURE_MAX_IMAGE_PIXELS");
    // Before: a 21.6 GB allocation from the header, then "truncated at row 0" at best.
    CHECK_THROWS_WITH(cm::app::imaging_io::readTiff16Plane(bomb), Catch::Contains("pixel budget"));
    CHECK_THROWS_WITH(cm::app::imaging_io::readImage(bomb), Catch::Contains("pixel budget"));
    fs::remove(bomb);
}

TEST_CASE("the pixel budget is configurable", "[imaging][files][budget]") {
    const fs::path small = tinyTiffClaiming(4, 2, "cinemeasure-small.tif");
    ::setenv("CINEMEASURE_MAX_IMAGE_PIXELS", "7", 1);
    CHECK(cm::app::imaging_io::imagePixelBudget() == 7);
    CHECK_THROWS_WITH(cm::app::imaging_io::readTiff16Plane(small),
                      Catch::Contains("pixel budget of 7"));
    ::setenv("CINEMEASURE_MAX_IMAGE_PIXELS", "8", 1);
    const cv::Mat img = cm::app::imaging_io::readTiff16Plane(small);
    CHECK(img.cols == 4);
    CHECK(img.rows == 2);
    ::unsetenv("CINEMEASURE_MAX_IMAGE_PIXELS");
    CHECK(cm::app::imaging_io::imagePixelBudget() == cm::app::imaging_io::kDefaultImagePixelBudget);
    fs::remove(small);
}

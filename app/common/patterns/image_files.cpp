// SPDX-License-Identifier: Apache-2.0
// Pattern writers: libtiff, and libpng through storage/png_file; errors become one-line
// exceptions, never printed.
#include "app/common/patterns/image_files.h"

#include "app/common/storage/png_file.h"

#include "libmeasure/errors.h"

#include <tiffio.h>

#include <cstdarg>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace cm::app {

namespace {

/// Collects libtiff's last error instead of letting it print to stderr.
int collectTiffError(TIFF*, void* user, const char* module, const char* fmt, va_list ap) {
    char buf[512];
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    auto* out = static_cast<std::string*>(user);
    *out =
        (module != nullptr && *module != '\0' ? std::string(module) + ": " : std::string()) + buf;
    return 1;  // handled: skip the global (printing) handler
}

int ignoreTiffWarning(TIFF*, void*, const char*, const char*, va_list) {
    return 1;
}

}  // namespace

void writeXyzTiff(const std::filesystem::path& path, const patterns::XyzImage16& image,
                  const std::string& description) {
    std::string error;
    std::unique_ptr<TIFFOpenOptions, decltype(&TIFFOpenOptionsFree)> opts(TIFFOpenOptionsAlloc(),
                                                                          &TIFFOpenOptionsFree);
    TIFFOpenOptionsSetErrorHandlerExtR(opts.get(), &collectTiffError, &error);
    TIFFOpenOptionsSetWarningHandlerExtR(opts.get(), &ignoreTiffWarning, nullptr);
    auto fail = [&](const std::string& what) {
        std::error_code ec;
        std::filesystem::remove(path, ec);
        throw errors::StorageError(path.string() + ": " + what + (error.empty() ? "" : ": ") +
                                   error);
    };
    TIFF* raw = TIFFOpenExt(path.c_str(), "w", opts.get());
    if (raw == nullptr) {
        fail("cannot create TIFF");
    }
    std::unique_ptr<TIFF, decltype(&TIFFClose)> tif(raw, &TIFFClose);
    const auto w = static_cast<std::uint32_t>(image.width);
    const auto h = static_cast<std::uint32_t>(image.height);
    bool ok = TIFFSetField(raw, TIFFTAG_IMAGEWIDTH, w) == 1 &&
              TIFFSetField(raw, TIFFTAG_IMAGELENGTH, h) == 1 &&
              TIFFSetField(raw, TIFFTAG_SAMPLESPERPIXEL, 3) == 1 &&
              TIFFSetField(raw, TIFFTAG_BITSPERSAMPLE, 16) == 1 &&
              TIFFSetField(raw, TIFFTAG_SAMPLEFORMAT, SAMPLEFORMAT_UINT) == 1 &&
              // X'Y'Z' travel as the R, G, B samples: DCP tools read them so and skip their
              // RGB → XYZ conversion when told the input is already X'Y'Z'.
              TIFFSetField(raw, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB) == 1 &&
              TIFFSetField(raw, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG) == 1 &&
              TIFFSetField(raw, TIFFTAG_ORIENTATION, ORIENTATION_TOPLEFT) == 1 &&
              TIFFSetField(raw, TIFFTAG_COMPRESSION, COMPRESSION_LZW) == 1 &&
              TIFFSetField(raw, TIFFTAG_ROWSPERSTRIP, TIFFDefaultStripSize(raw, 0)) == 1 &&
              TIFFSetField(raw, TIFFTAG_SOFTWARE, "cinemeasure patterns") == 1 &&
              TIFFSetField(raw, TIFFTAG_IMAGEDESCRIPTION, description.c_str()) == 1;
    if (!ok) {
        fail("cannot set TIFF fields");
    }
    std::vector<std::uint16_t> row(static_cast<std::size_t>(image.width) * 3);
    for (std::uint32_t y = 0; y < h; ++y) {
        // libtiff may modify the buffer it is given (byte swapping, encoding), so pass a copy.
        const auto* src = image.samples.data() + static_cast<std::size_t>(y) * row.size();
        std::copy(src, src + row.size(), row.begin());
        if (TIFFWriteScanline(raw, row.data(), y, 0) != 1) {
            fail("cannot write row " + std::to_string(y));
        }
    }
    if (TIFFFlush(raw) != 1) {
        fail("cannot flush TIFF");
    }
    tif.reset();
    if (!error.empty()) {
        fail("TIFF write failed");
    }
}

void writeRgbPng(const std::filesystem::path& path, const patterns::Rgb8Image& image) {
    writePng8(path, image.width, image.height, PngPixels::Rgb, image.samples.data(),
              std::ptrdiff_t{3} * image.width);
}

}  // namespace cm::app

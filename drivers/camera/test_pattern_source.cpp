// SPDX-License-Identifier: Apache-2.0
// Exposure-dependent RGB test pattern encoded as TIFF in memory through libtiff's client I/O.
#include "drivers/camera/test_pattern_source.h"

#include <tiffio.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace cm::drivers::camera {

const char* toString(ImageFormat f) {
    switch (f) {
        case ImageFormat::Jpeg:
            return "JPEG";
        case ImageFormat::Tiff:
            return "TIFF";
        case ImageFormat::Raw:
            return "RAW";
    }
    return "?";
}

ImageFormat parseImageFormat(const std::string& s) {
    std::string u;
    for (const char c : s) {
        u.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    if (u == "JPEG" || u == "JPG") {
        return ImageFormat::Jpeg;
    }
    if (u == "TIFF" || u == "TIF") {
        return ImageFormat::Tiff;
    }
    if (u == "RAW" || u == "DNG") {
        return ImageFormat::Raw;
    }
    throw std::invalid_argument("unknown image format '" + s + "' (JPEG, TIFF or RAW)");
}

namespace {

/// In-memory file for TIFFClientOpen.
struct MemFile {
    std::vector<std::uint8_t> data;
    toff_t pos = 0;
};

tmsize_t memRead(thandle_t h, void* buf, tmsize_t size) {
    auto* m = static_cast<MemFile*>(h);
    const auto n = std::min<toff_t>(static_cast<toff_t>(size),
                                    m->pos < m->data.size() ? m->data.size() - m->pos : 0);
    std::memcpy(buf, m->data.data() + m->pos, n);
    m->pos += n;
    return static_cast<tmsize_t>(n);
}
tmsize_t memWrite(thandle_t h, void* buf, tmsize_t size) {
    auto* m = static_cast<MemFile*>(h);
    const auto n = static_cast<toff_t>(size);
    if (m->pos + n > m->data.size()) {
        m->data.resize(m->pos + n);
    }
    std::memcpy(m->data.data() + m->pos, buf, n);
    m->pos += n;
    return size;
}
toff_t memSeek(thandle_t h, toff_t off, int whence) {
    auto* m = static_cast<MemFile*>(h);
    const toff_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : m->data.size();
    m->pos = base + off;
    return m->pos;
}
int memClose(thandle_t) {
    return 0;
}
toff_t memSize(thandle_t h) {
    return static_cast<MemFile*>(h)->data.size();
}
int memMap(thandle_t, void**, toff_t*) {
    return 0;
}
void memUnmap(thandle_t, void*, toff_t) {}

}  // namespace

double relativeExposure(const CaptureSettings& s) {
    const double ref = (1.0 / 60.0) / (2.8 * 2.8);
    return (s.iso / 100.0) * s.exposure_s / (s.f_number * s.f_number) / ref;
}

CapturedFile testPatternTiff(const CaptureSettings& settings) {
    constexpr std::uint32_t kWidth = 64, kHeight = 48;
    const double h = relativeExposure(settings);
    MemFile mem;
    TIFF* tif = TIFFClientOpen("pattern.tif", "wl", &mem, memRead, memWrite, memSeek, memClose,
                               memSize, memMap, memUnmap);
    if (tif == nullptr) {
        throw std::runtime_error("libtiff could not open an in-memory TIFF");
    }
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, kWidth);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, kHeight);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, kHeight);
    TIFFSetField(tif, TIFFTAG_SOFTWARE, "cinemeasure PTP/IP simulator test pattern");
    std::vector<std::uint8_t> row(kWidth * 3);
    bool ok = true;
    for (std::uint32_t y = 0; y < kHeight && ok; ++y) {
        for (std::uint32_t x = 0; x < kWidth; ++x) {
            const double scene = (x + 0.5) / kWidth;  // ramp 0…1, mid-ramp 0.5
            const double v = std::clamp(255.0 * scene * h, 0.0, 255.0);
            const auto p = static_cast<std::uint8_t>(std::lround(v));
            row[3 * x] = p;
            row[3 * x + 1] = p;
            row[3 * x + 2] = static_cast<std::uint8_t>(y * 255 / (kHeight - 1));  // row marker
        }
        ok = TIFFWriteScanline(tif, row.data(), y, 0) == 1;
    }
    TIFFClose(tif);
    if (!ok) {
        throw std::runtime_error("libtiff failed writing the test pattern");
    }
    char name[32];
    std::snprintf(name, sizeof name, "IMG_%04d.TIF", settings.sequence % 10000);
    CapturedFile f;
    f.name = name;
    f.bytes = std::move(mem.data);
    f.format = ImageFormat::Tiff;
    f.width = kWidth;
    f.height = kHeight;
    f.bit_depth = 24;
    return f;
}

}  // namespace cm::drivers::camera

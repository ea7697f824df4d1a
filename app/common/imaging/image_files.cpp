// SPDX-License-Identifier: Apache-2.0
// TIFF and DNG through libtiff, raw through LibRaw, PNG through libpng (storage/png_file); every
// error names the file.
#include "app/common/imaging/image_files.h"

#include "app/common/storage/png_file.h"
#include "libmeasure/imaging/huge_pages.h"

#include <libraw/libraw.h>
#include <tiffio.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>

namespace cm::app::imaging_io {

namespace {

/// libtiff reports through global handlers; collect the last message so our error carries it.
thread_local std::string tiffMessage;

void onTiffError(const char* module, const char* fmt, va_list ap) {
    char buf[512];
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    tiffMessage = std::string(module ? module : "") + (module ? ": " : "") + buf;
}
void onTiffWarning(const char*, const char*, va_list) {}

struct TiffHandlers {
    TIFFErrorHandler oldError;
    TIFFErrorHandler oldWarning;
    TiffHandlers()
        : oldError(TIFFSetErrorHandler(onTiffError)),
          oldWarning(TIFFSetWarningHandler(onTiffWarning)) {
        tiffMessage.clear();
    }
    ~TiffHandlers() {
        TIFFSetErrorHandler(oldError);
        TIFFSetWarningHandler(oldWarning);
    }
};

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
    throw ImageFileError(file.string() + ": " + what +
                         (tiffMessage.empty() ? "" : " (" + tiffMessage + ")"));
}

[[noreturn]] void failWrite(const std::filesystem::path& file, const std::string& what) {
    throw ImageWriteError(file.string() + ": " + what +
                          (tiffMessage.empty() ? "" : " (" + tiffMessage + ")"));
}

struct TiffCloser {
    void operator()(TIFF* t) const { TIFFClose(t); }
};
using TiffPtr = std::unique_ptr<TIFF, TiffCloser>;

// EXIF exposure and ISO written into IFD 0, where DNG readers (LibRaw among them) look too.
constexpr ttag_t kExposureTimeTag = 33434;
constexpr ttag_t kIsoTag = 34855;
const TIFFFieldInfo kExifInIfd0[] = {
    {kExposureTimeTag, 1, 1, TIFF_RATIONAL, FIELD_CUSTOM, 1, 0, const_cast<char*>("ExposureTime")},
    {kIsoTag, 1, 1, TIFF_SHORT, FIELD_CUSTOM, 1, 0, const_cast<char*>("ISOSpeedRatings")},
};

void writeScanlines(TIFF* t, const cv::Mat& image, const std::filesystem::path& file) {
    for (int y = 0; y < image.rows; ++y) {
        if (TIFFWriteScanline(t, const_cast<std::uint8_t*>(image.ptr<std::uint8_t>(y)),
                              static_cast<std::uint32_t>(y), 0) < 0) {
            failWrite(file, "cannot write row " + std::to_string(y));
        }
    }
}

}  // namespace

void writeTiff16(const std::filesystem::path& file, const cv::Mat& image,
                 const std::string& description) {
    if (image.type() != CV_16UC3 && image.type() != CV_16UC1) {
        throw ImageFileError(file.string() +
                             ": only 16-bit RGB or grey images are written as TIFF");
    }
    TiffHandlers h;
    TiffPtr t(TIFFOpen(file.c_str(), "w"));
    if (!t) {
        failWrite(file, "cannot create the file");
    }
    const int spp = image.channels();
    TIFFSetField(t.get(), TIFFTAG_IMAGEWIDTH, static_cast<std::uint32_t>(image.cols));
    TIFFSetField(t.get(), TIFFTAG_IMAGELENGTH, static_cast<std::uint32_t>(image.rows));
    TIFFSetField(t.get(), TIFFTAG_BITSPERSAMPLE, 16);
    TIFFSetField(t.get(), TIFFTAG_SAMPLESPERPIXEL, spp);
    TIFFSetField(t.get(), TIFFTAG_PHOTOMETRIC, spp == 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK);
    TIFFSetField(t.get(), TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(t.get(), TIFFTAG_COMPRESSION, COMPRESSION_NONE);
    TIFFSetField(t.get(), TIFFTAG_ROWSPERSTRIP, TIFFDefaultStripSize(t.get(), 0));
    TIFFSetField(t.get(), TIFFTAG_SOFTWARE, "cinemeasure");
    if (!description.empty()) {
        TIFFSetField(t.get(), TIFFTAG_IMAGEDESCRIPTION, description.c_str());
    }
    writeScanlines(t.get(), image, file);
    if (!TIFFWriteDirectory(t.get())) {
        failWrite(file, "cannot finish the TIFF directory");
    }
}

std::uint64_t imagePixelBudget() {
    if (const char* e = std::getenv("CINEMEASURE_MAX_IMAGE_PIXELS"); e && *e) {
        const long long v = std::atoll(e);
        if (v > 0) {
            return static_cast<std::uint64_t>(v);
        }
    }
    return kDefaultImagePixelBudget;
}

namespace {

/// Refuses, from the header alone, an image larger than the budget: a 200-byte file can claim
/// 60000 × 60000 pixels, and allocating first would ask for 21.6 GB.
void checkPixelBudget(const std::filesystem::path& file, std::uint64_t w, std::uint64_t h) {
    const std::uint64_t budget = imagePixelBudget();
    if (w * h > budget) {
        throw ImageFileError(file.string() + ": " + std::to_string(w) + " × " + std::to_string(h) +
                             " pixels exceeds the pixel budget of " + std::to_string(budget) +
                             " (set CINEMEASURE_MAX_IMAGE_PIXELS to allow larger images)");
    }
}

/// ExposureTime from the EXIF directory, 0 when there is none; the current directory is restored
/// so the pixels are read from the image's own IFD.
double exifExposureTime(TIFF* t) {
    toff_t exifOffset = 0;
    if (!TIFFGetField(t, TIFFTAG_EXIFIFD, &exifOffset) || exifOffset == 0) {
        return 0.0;
    }
    const tdir_t dir = TIFFCurrentDirectory(t);
    double seconds = 0.0;
    if (TIFFReadEXIFDirectory(t, exifOffset)) {
        double v = 0.0;  // libtiff 4.x hands EXIF rationals out as double
        if (TIFFGetField(t, EXIFTAG_EXPOSURETIME, &v) && v > 0.0) {
            seconds = v;
        }
    }
    TIFFSetDirectory(t, dir);
    return seconds;
}

/// Pixels and description of a 16-bit TIFF; the EXIF ExposureTime (seconds) into *exposure when
/// the file has an EXIF directory with one.
cv::Mat readTiffPixels(const std::filesystem::path& file, std::string& description,
                       double* exposure) {
    if (!std::filesystem::is_regular_file(file)) {
        throw ImageFileError(file.string() + ": no such file");
    }
    TiffHandlers h;
    // "m": read(), not a memory map whose pages would all stay resident beside the image.
    TiffPtr t(TIFFOpen(file.c_str(), "rm"));
    if (!t) {
        fail(file, "not a readable TIFF file");
    }
    std::uint32_t w = 0, hgt = 0;
    std::uint16_t bps = 0, spp = 1, planar = PLANARCONFIG_CONTIG;
    TIFFGetField(t.get(), TIFFTAG_IMAGEWIDTH, &w);
    TIFFGetField(t.get(), TIFFTAG_IMAGELENGTH, &hgt);
    TIFFGetFieldDefaulted(t.get(), TIFFTAG_BITSPERSAMPLE, &bps);
    TIFFGetFieldDefaulted(t.get(), TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetFieldDefaulted(t.get(), TIFFTAG_PLANARCONFIG, &planar);
    if (bps != 16 || (spp != 3 && spp != 1) || planar != PLANARCONFIG_CONTIG || w == 0 ||
        hgt == 0 || w > 65535 || hgt > 65535) {
        fail(file, "expected a 16-bit RGB or grey TIFF (got " + std::to_string(bps) + " bits × " +
                       std::to_string(spp) + " samples)");
    }
    checkPixelBudget(file, w, hgt);
    char* desc = nullptr;
    if (TIFFGetField(t.get(), TIFFTAG_IMAGEDESCRIPTION, &desc) && desc) {
        description = desc;
    }
    if (exposure != nullptr) {
        *exposure = exifExposureTime(t.get());
    }
    cv::Mat img;
    imaging::createLarge(img, cv::Size(static_cast<int>(w), static_cast<int>(hgt)),
                         spp == 3 ? CV_16UC3 : CV_16UC1);
    if (static_cast<std::size_t>(TIFFScanlineSize(t.get())) != img.step[0]) {
        fail(file, "unexpected TIFF row size");
    }
    for (std::uint32_t y = 0; y < hgt; ++y) {
        if (TIFFReadScanline(t.get(), img.ptr<std::uint8_t>(static_cast<int>(y)), y, 0) < 0) {
            fail(file, "truncated or corrupt at row " + std::to_string(y));
        }
    }
    return img;
}

}  // namespace

imaging::RawFrame readTiff16(const std::filesystem::path& file) {
    std::string desc;
    double exifExposure = 0.0;
    imaging::RawFrame f;
    f.rgb = readTiffPixels(file, desc, &exifExposure);
    f.exposure_known = false;
    f.make.clear();
    f.model.clear();
    if (exifExposure > 0.0) {
        f.exposure_s = exifExposure;
        f.exposure_known = true;
    }
    const auto j = nlohmann::json::parse(desc, nullptr, false);
    if (j.is_object()) {
        auto num = [&](const char* k, double fallback) {
            return j.contains(k) && j[k].is_number() ? j[k].get<double>() : fallback;
        };
        if (j.contains("exposure_s") && j["exposure_s"].is_number()) {
            f.exposure_s = j["exposure_s"].get<double>();
            f.exposure_known = true;
        }
        f.black_level_dn = num("black_level_dn", 0.0);
        f.white_level_dn = num("white_level_dn", 65535.0);
        f.iso = num("iso", 100.0);
    }
    if (!(f.exposure_s > 0.0) || !(f.white_level_dn > f.black_level_dn)) {
        throw ImageFileError(file.string() +
                             ": exposure_s must be > 0 and white above black in its description");
    }
    return f;
}

cv::Mat readTiff16Plane(const std::filesystem::path& file) {
    std::string desc;
    return readTiffPixels(file, desc, nullptr);
}

void writeDng(const std::filesystem::path& file, const imaging::RawFrame& frame,
              const std::array<std::array<double, 3>, 3>& xyz_to_camera) {
    if (frame.rgb.type() != CV_16UC3 || frame.rgb.empty()) {
        throw ImageFileError(file.string() + ": a DNG needs a 16-bit RGB frame");
    }
    TiffHandlers h;
    TiffPtr t(TIFFOpen(file.c_str(), "w"));
    if (!t) {
        failWrite(file, "cannot create the file");
    }
    TIFFMergeFieldInfo(t.get(), kExifInIfd0, 2);
    const std::uint8_t version[4] = {1, 4, 0, 0};
    const std::uint8_t backward[4] = {1, 1, 0, 0};
    TIFFSetField(t.get(), TIFFTAG_SUBFILETYPE, 0);
    TIFFSetField(t.get(), TIFFTAG_IMAGEWIDTH, static_cast<std::uint32_t>(frame.rgb.cols));
    TIFFSetField(t.get(), TIFFTAG_IMAGELENGTH, static_cast<std::uint32_t>(frame.rgb.rows));
    TIFFSetField(t.get(), TIFFTAG_BITSPERSAMPLE, 16);
    TIFFSetField(t.get(), TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(t.get(), TIFFTAG_PHOTOMETRIC,
                 34892);  // LinearRaw (DNG 1.4 §"PhotometricInterpretation")
    TIFFSetField(t.get(), TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(t.get(), TIFFTAG_COMPRESSION, COMPRESSION_NONE);
    // One strip: LibRaw's uncompressed DNG loader reads from the first strip offset onwards.
    TIFFSetField(t.get(), TIFFTAG_ROWSPERSTRIP, static_cast<std::uint32_t>(frame.rgb.rows));
    TIFFSetField(t.get(), TIFFTAG_MAKE, frame.make.c_str());
    TIFFSetField(t.get(), TIFFTAG_MODEL, frame.model.c_str());
    TIFFSetField(t.get(), TIFFTAG_SOFTWARE, "cinemeasure");
    TIFFSetField(t.get(), TIFFTAG_DNGVERSION, version);
    TIFFSetField(t.get(), TIFFTAG_DNGBACKWARDVERSION, backward);
    const std::string unique = frame.make + " " + frame.model;
    TIFFSetField(t.get(), TIFFTAG_UNIQUECAMERAMODEL, unique.c_str());
    const float black[3] = {static_cast<float>(frame.black_level_dn),
                            static_cast<float>(frame.black_level_dn),
                            static_cast<float>(frame.black_level_dn)};
    TIFFSetField(t.get(), TIFFTAG_BLACKLEVEL, 3, black);
    const std::uint32_t white[3] = {static_cast<std::uint32_t>(frame.white_level_dn),
                                    static_cast<std::uint32_t>(frame.white_level_dn),
                                    static_cast<std::uint32_t>(frame.white_level_dn)};
    TIFFSetField(t.get(), TIFFTAG_WHITELEVEL, 3, white);
    float cm[9];
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            cm[r * 3 + c] = static_cast<float>(xyz_to_camera[r][c]);
        }
    }
    TIFFSetField(t.get(), TIFFTAG_COLORMATRIX1, 9, cm);
    TIFFSetField(t.get(), TIFFTAG_CALIBRATIONILLUMINANT1, 21);  // D65
    const float neutral[3] = {1.0f, 1.0f, 1.0f};
    TIFFSetField(t.get(), TIFFTAG_ASSHOTNEUTRAL, 3, neutral);
    TIFFSetField(t.get(), kExposureTimeTag, frame.exposure_s);
    TIFFSetField(t.get(), kIsoTag, static_cast<std::uint16_t>(std::clamp(frame.iso, 1.0, 65535.0)));
    // The one strip straight from the frame's buffer (uncompressed, native byte order: the raw
    // strip is the encoded one). Row by row, libtiff would first gather the whole strip in a
    // buffer of its own: a second copy of the frame (612 MB at 102 MP).
    if (frame.rgb.isContinuous() && !TIFFIsByteSwapped(t.get())) {
        const auto n = static_cast<tmsize_t>(frame.rgb.total() * frame.rgb.elemSize());
        if (TIFFWriteRawStrip(t.get(), 0, const_cast<std::uint8_t*>(frame.rgb.data), n) != n) {
            failWrite(file, "cannot write the image data");
        }
    } else {
        writeScanlines(t.get(), frame.rgb, file);
    }
    if (!TIFFWriteDirectory(t.get())) {
        failWrite(file, "cannot finish the DNG directory");
    }
}

std::vector<std::uint8_t> encodeDng(const imaging::RawFrame& frame,
                                    const std::array<std::array<double, 3>, 3>& xyz_to_camera) {
    // libtiff writes to files; a private temporary file is the simplest memory target.
    const auto tmp = std::filesystem::temp_directory_path() /
                     ("cinemeasure-dng-" + std::to_string(::getpid()) + "-" +
                      std::to_string(reinterpret_cast<std::uintptr_t>(&frame)) + ".dng");
    writeDng(tmp, frame, xyz_to_camera);
    // Sized from the file and read in one go (an istreambuf_iterator fill grows the vector by
    // doubling: up to twice the file in memory for a moment).
    std::error_code ec;
    const auto size = std::filesystem::file_size(tmp, ec);
    std::vector<std::uint8_t> bytes(ec ? 0 : static_cast<std::size_t>(size));
    std::ifstream in(tmp, std::ios::binary);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    in.close();
    std::filesystem::remove(tmp);
    return bytes;
}

namespace {

/// The pixels of a LinearRaw DNG whose first IFD holds the image itself (3 × 16-bit samples,
/// uncompressed, contiguous; the DNG writeDng makes, and what cameras with linear output may
/// write), read by libtiff straight into the frame's buffer: no LibRaw copy of the whole image
/// beside it. Black level (equal in every channel) and white level from the same IFD. Returns
/// false, reading nothing, for any other layout (LibRaw then decodes the file).
bool readLinearDngDirect(const std::filesystem::path& file, int width, int height,
                         imaging::RawFrame& f) {
    TiffHandlers h;
    // "m": no memory map. Mapped, every page of the strip read stays resident until the file is
    // closed, so the whole file (612 MB at 102 MP) would sit in memory beside the frame; read(),
    // through libtiff's chopped strips, needs only a small buffer.
    TiffPtr t(TIFFOpen(file.c_str(), "rm"));
    if (!t) {
        return false;
    }
    std::uint32_t w = 0, hgt = 0;
    std::uint16_t bps = 0, spp = 0, planar = 0, compression = 0, photometric = 0;
    std::uint32_t subfile = 0;
    if (!TIFFGetField(t.get(), TIFFTAG_IMAGEWIDTH, &w) ||
        !TIFFGetField(t.get(), TIFFTAG_IMAGELENGTH, &hgt) ||
        !TIFFGetField(t.get(), TIFFTAG_PHOTOMETRIC, &photometric)) {
        return false;
    }
    TIFFGetFieldDefaulted(t.get(), TIFFTAG_BITSPERSAMPLE, &bps);
    TIFFGetFieldDefaulted(t.get(), TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetFieldDefaulted(t.get(), TIFFTAG_PLANARCONFIG, &planar);
    TIFFGetFieldDefaulted(t.get(), TIFFTAG_COMPRESSION, &compression);
    TIFFGetFieldDefaulted(t.get(), TIFFTAG_SUBFILETYPE, &subfile);
    if (photometric != 34892 || bps != 16 || spp != 3 || planar != PLANARCONFIG_CONTIG ||
        compression != COMPRESSION_NONE || subfile != 0 || static_cast<int>(w) != width ||
        static_cast<int>(hgt) != height) {
        return false;
    }
    std::uint16_t nBlack = 0, nWhite = 0;
    float* black = nullptr;
    std::uint32_t* white = nullptr;
    double blackDn = 0.0, whiteDn = 65535.0;
    if (TIFFGetField(t.get(), TIFFTAG_BLACKLEVEL, &nBlack, &black) && nBlack > 0 && black) {
        for (int k = 1; k < nBlack; ++k) {
            if (black[k] != black[0]) {
                return false;  // per-channel or patterned black: LibRaw's business
            }
        }
        blackDn = black[0];
    }
    if (TIFFGetField(t.get(), TIFFTAG_WHITELEVEL, &nWhite, &white) && nWhite > 0 && white) {
        for (int k = 1; k < nWhite; ++k) {
            if (white[k] != white[0]) {
                return false;
            }
        }
        whiteDn = white[0] > 0 ? white[0] : 65535.0;
    }
    cv::Mat img;
    imaging::createLarge(img, cv::Size(width, height), CV_16UC3);
    if (static_cast<std::size_t>(TIFFScanlineSize(t.get())) != img.step[0]) {
        return false;
    }
    for (int y = 0; y < height; ++y) {
        if (TIFFReadScanline(t.get(), img.ptr<std::uint8_t>(y), static_cast<std::uint32_t>(y), 0) <
            0) {
            fail(file, "truncated or corrupt at row " + std::to_string(y));
        }
    }
    f.rgb = std::move(img);
    f.black_level_dn = blackDn;
    f.white_level_dn = whiteDn;
    return true;
}

}  // namespace

imaging::RawFrame readRaw(const std::filesystem::path& file) {
    if (!std::filesystem::is_regular_file(file)) {
        throw ImageFileError(file.string() + ": no such file");
    }
    auto raw = std::make_unique<LibRaw>();
    auto check = [&](int rc, const char* step) {
        if (rc != LIBRAW_SUCCESS) {
            throw ImageFileError(file.string() + ": " + step + ": " + libraw_strerror(rc));
        }
    };
    check(raw->open_file(file.c_str()), "not a readable raw/DNG file");
    checkPixelBudget(file, raw->imgdata.sizes.raw_width, raw->imgdata.sizes.raw_height);
    imaging::RawFrame f;
    f.exposure_known = raw->imgdata.other.shutter > 0;
    f.exposure_s = f.exposure_known ? raw->imgdata.other.shutter : 1.0;
    f.iso = raw->imgdata.other.iso_speed > 0 ? raw->imgdata.other.iso_speed : 100.0;
    f.make = raw->imgdata.idata.make;
    f.model = raw->imgdata.idata.model;
    // LibRaw has parsed the metadata; a plain linear DNG's pixels come straight from the file.
    if (raw->imgdata.idata.dng_version != 0 && raw->imgdata.idata.colors == 3 &&
        readLinearDngDirect(file, raw->imgdata.sizes.raw_width, raw->imgdata.sizes.raw_height, f)) {
        return f;
    }
    check(raw->unpack(), "cannot decode the raw data (truncated or corrupt?)");
    const auto& rd = raw->imgdata.rawdata;
    const int w = rd.sizes.raw_width;
    const int h = rd.sizes.raw_height;
    if (rd.color3_image || rd.color4_image) {
        // Linear (demosaiced) data as stored: copy exact DN and keep the file's black level.
        imaging::createLarge(f.rgb, cv::Size(w, h), CV_16UC3);
        for (int y = 0; y < h; ++y) {
            auto* o = f.rgb.ptr<cv::Vec3w>(y);
            for (int x = 0; x < w; ++x) {
                const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                                      static_cast<std::size_t>(x);
                for (int c = 0; c < 3; ++c) {
                    o[x][c] = rd.color3_image ? rd.color3_image[i][c] : rd.color4_image[i][c];
                }
            }
        }
        f.black_level_dn = raw->imgdata.color.black + raw->imgdata.color.cblack[0];
        f.white_level_dn = raw->imgdata.color.maximum > 0 ? raw->imgdata.color.maximum : 65535;
        return f;
    }
    auto& p = raw->imgdata.params;
    p.output_bps = 16;
    p.gamm[0] = 1.0;
    p.gamm[1] = 1.0;
    p.no_auto_bright = 1;
    p.use_camera_wb = 0;
    p.use_auto_wb = 0;
    p.user_mul[0] = p.user_mul[1] = p.user_mul[2] = p.user_mul[3] = 1.0f;
    p.output_color = 0;
    p.user_qual = 0;
    check(raw->dcraw_process(), "cannot demosaic");
    int err = 0;
    libraw_processed_image_t* img = raw->dcraw_make_mem_image(&err);
    if (!img || err != LIBRAW_SUCCESS || img->colors != 3 || img->bits != 16) {
        if (img) {
            LibRaw::dcraw_clear_mem(img);
        }
        throw ImageFileError(file.string() + ": LibRaw gave no 16-bit RGB image");
    }
    imaging::createLarge(f.rgb, cv::Size(img->width, img->height), CV_16UC3);
    cv::Mat(img->height, img->width, CV_16UC3, img->data).copyTo(f.rgb);
    LibRaw::dcraw_clear_mem(img);
    f.black_level_dn = 0.0;
    f.white_level_dn = 65535.0;
    return f;
}

imaging::RawFrame readImage(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".tif" || ext == ".tiff" ? readTiff16(file) : readRaw(file);
}

ImageMetadata readImageSidecar(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        throw ImageFileError(file.string() + ": the sidecar cannot be read");
    }
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object()) {
        throw ImageFileError(file.string() + ": the sidecar is not a JSON object");
    }
    ImageMetadata m;
    for (auto it = j.begin(); it != j.end(); ++it) {
        double* target = it.key() == "exposure_s"       ? &m.exposure_s
                         : it.key() == "black_level_dn" ? &m.black_level_dn
                         : it.key() == "white_level_dn" ? &m.white_level_dn
                         : it.key() == "iso"            ? &m.iso
                                                        : nullptr;
        if (target == nullptr || !it.value().is_number()) {
            throw ImageFileError(file.string() + ": sidecar member '" + it.key() +
                                 "' is not one of exposure_s, black_level_dn, white_level_dn, "
                                 "iso with a number");
        }
        *target = it.value().get<double>();
    }
    return m;
}

void applyImageMetadata(imaging::RawFrame& f, const std::filesystem::path& file,
                        const ImageMetadata& sidecar, const ImageMetadata& flags) {
    for (const ImageMetadata* m : {&sidecar, &flags}) {
        if (!std::isnan(m->exposure_s)) {
            f.exposure_s = m->exposure_s;
            f.exposure_known = true;
        }
        if (!std::isnan(m->black_level_dn)) {
            f.black_level_dn = m->black_level_dn;
        }
        if (!std::isnan(m->white_level_dn)) {
            f.white_level_dn = m->white_level_dn;
        }
        if (!std::isnan(m->iso)) {
            f.iso = m->iso;
        }
    }
    if (!f.exposure_known) {
        throw ImageFileError(file.string() +
                             ": the file does not say its exposure time; give --exposure SECONDS "
                             "(or a --sidecar JSON with exposure_s)");
    }
    if (!(f.exposure_s > 0.0) || !std::isfinite(f.exposure_s) || !(f.black_level_dn >= 0.0) ||
        !(f.white_level_dn > f.black_level_dn) || f.white_level_dn > 65535.0) {
        throw ImageFileError(file.string() +
                             ": exposure must be > 0 s and 0 ≤ black < white ≤ 65535 DN");
    }
}

void writeFalseColourPng(const std::filesystem::path& file, const cv::Mat& map, double lo,
                         double hi) {
    if (map.type() != CV_32FC1 || map.empty() || !(hi > lo)) {
        throw ImageFileError(file.string() +
                             ": need a float map and hi > lo for the false-colour image");
    }
    cv::Mat grey(map.size(), CV_8UC1);
    cv::Mat invalid(map.size(), CV_8UC1);
    for (int y = 0; y < map.rows; ++y) {
        const float* p = map.ptr<float>(y);
        auto* g = grey.ptr<std::uint8_t>(y);
        auto* n = invalid.ptr<std::uint8_t>(y);
        for (int x = 0; x < map.cols; ++x) {
            n[x] = std::isfinite(p[x]) ? 0 : 255;
            g[x] = static_cast<std::uint8_t>(std::clamp(
                std::isfinite(p[x]) ? (p[x] - lo) / (hi - lo) * 255.0 : 0.0, 0.0, 255.0));
        }
    }
    cv::Mat colour;
    cv::applyColorMap(grey, colour, cv::COLORMAP_TURBO);
    colour.setTo(cv::Scalar(0, 0, 0), invalid);
    // libpng, not cv::imwrite: opencv_imgcodecs drags GDAL, GDCM, HDF5 and poppler into every
    // process that links appcommon, 60-70 ms of library loading before main.
    try {
        writePng8(file, colour.cols, colour.rows, PngPixels::Bgr, colour.ptr<std::uint8_t>(0),
                  static_cast<std::ptrdiff_t>(colour.step[0]));
    } catch (const errors::StorageError& e) {
        throw ImageWriteError(e.what());
    }
}

}  // namespace cm::app::imaging_io

// SPDX-License-Identifier: Apache-2.0
// Image files for the imaging chain: 16-bit TIFF (libtiff), camera raw and DNG (LibRaw), a
// LinearRaw DNG writer (libtiff) that LibRaw reads back, and false-colour PNG maps (libpng).
#pragma once

#include "libmeasure/errors.h"
#include "libmeasure/imaging/raw_frame.h"

#include <opencv2/core.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace cm::app::imaging_io {

/// A file that cannot be read or written as an image; the message names the file.
class ImageFileError : public errors::InputError {
public:
    using errors::InputError::InputError;
};

/// An image that could not be written (no space, no permission): a storage failure, still an
/// ImageFileError for callers that handle both directions alike.
class ImageWriteError : public ImageFileError {
public:
    using ImageFileError::ImageFileError;
    errors::Kind errorKind() const noexcept override { return errors::Kind::Storage; }
};

/// Writes a CV_16UC3 (R, G, B) or CV_16UC1 image as an uncompressed 16-bit TIFF. `description`
/// goes into the ImageDescription tag (we store a JSON object with exposure and scale there).
void writeTiff16(const std::filesystem::path& file, const cv::Mat& image,
                 const std::string& description = {});

/// Reads a 16-bit linear TIFF: RGB (3 samples) or monochrome (1 sample) into `rgb`. Exposure from
/// the ImageDescription when it is cinemeasure's JSON (exposure_s / black_level_dn /
/// white_level_dn / iso), else from the EXIF ExposureTime; without either the frame comes back
/// with exposure_known = false (see applyImageMetadata). Black 0 and white 65535 unless stated.
imaging::RawFrame readTiff16(const std::filesystem::path& file);
cv::Mat readTiff16Plane(const std::filesystem::path& file);

/// A LinearRaw DNG (DNG 1.4, PhotometricInterpretation 34892, 3 samples × 16 bits, one
/// uncompressed strip) of the frame with BlackLevel, WhiteLevel, ExposureTime, ISO, Make, Model,
/// UniqueCameraModel, ColorMatrix1 (XYZ → camera, from `xyz_to_camera`) and AsShotNeutral 1,1,1.
/// Bytes in memory, so the PTP/IP camera simulator can serve them.
std::vector<std::uint8_t> encodeDng(const imaging::RawFrame& frame,
                                    const std::array<std::array<double, 3>, 3>& xyz_to_camera);
void writeDng(const std::filesystem::path& file, const imaging::RawFrame& frame,
              const std::array<std::array<double, 3>, 3>& xyz_to_camera);

/// Reads a DNG or camera raw with LibRaw, linear. A 3-channel LinearRaw DNG is taken from LibRaw's
/// unpacked data as stored (exact DN, black level from the file). A mosaic raw is demosaiced by
/// dcraw_process with output_bps 16, gamma {1, 1}, no_auto_bright, use_camera_wb 0, unit user_mul
/// (no white balance), output_color 0 (camera RGB), user_qual 0 (bilinear; measurement averages
/// over areas, so the demosaic's edge quality does not matter): its output is black-subtracted and
/// uniformly rescaled to 0…65535, so black is 0 and white 65535. Exposure and ISO from the file
/// (LibRaw 0.20 finds ISO only in an EXIF IFD, so our own DNGs read back as ISO 100).
imaging::RawFrame readRaw(const std::filesystem::path& file);

/// Largest image (pixels) the readers accept, checked from the header before any allocation:
/// $CINEMEASURE_MAX_IMAGE_PIXELS, else kDefaultImagePixelBudget (above the 100 MP sensors of
/// medium-format cameras; at 6 bytes a pixel, 1.5 GB).
constexpr std::uint64_t kDefaultImagePixelBudget = 250'000'000;
std::uint64_t imagePixelBudget();

/// readTiff16 for .tif/.tiff, readRaw for everything else.
imaging::RawFrame readImage(const std::filesystem::path& file);

/// Exposure metadata from outside the file: flags or a sidecar JSON. Unset values (NaN) leave
/// the file's own.
struct ImageMetadata {
    double exposure_s = std::numeric_limits<double>::quiet_NaN();
    double black_level_dn = std::numeric_limits<double>::quiet_NaN();
    double white_level_dn = std::numeric_limits<double>::quiet_NaN();
    double iso = std::numeric_limits<double>::quiet_NaN();
};

/// Reads a sidecar JSON object {"exposure_s": …, "black_level_dn": …, "white_level_dn": …,
/// "iso": …} (every member optional, nothing else allowed); util::DataError on a bad file.
ImageMetadata readImageSidecar(const std::filesystem::path& file);

/// Applies `overrides` (sidecar first, then flags over it) to a frame read from `file`. Throws
/// ImageFileError naming the file when the exposure is still unknown ("give --exposure") or the
/// values are out of range (exposure ≤ 0, white ≤ black, white above the 16-bit range).
void applyImageMetadata(imaging::RawFrame& frame, const std::filesystem::path& file,
                        const ImageMetadata& sidecar, const ImageMetadata& flags);

/// False-colour PNG (OpenCV's turbo map, written by libpng) of a CV_32FC1 map over [lo, hi]; NaN
/// pixels black.
void writeFalseColourPng(const std::filesystem::path& file, const cv::Mat& map, double lo,
                         double hi);

}  // namespace cm::app::imaging_io

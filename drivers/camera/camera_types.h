// SPDX-License-Identifier: Apache-2.0
// Value types shared by the camera driver, the PTP/IP simulator and frame sources.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cm::drivers::camera {

enum class ImageFormat { Jpeg, Tiff, Raw };

/// "JPEG", "TIFF", "RAW".
const char* toString(ImageFormat f);
/// Accepts JPEG/JPG, TIFF/TIF, RAW/DNG (any case); throws std::invalid_argument otherwise.
ImageFormat parseImageFormat(const std::string& s);

/// What the camera is set to when it exposes a frame.
struct CaptureSettings {
    int iso = 100;
    double exposure_s = 1.0 / 60.0;
    double f_number = 2.8;
    ImageFormat format = ImageFormat::Tiff;
    int sequence = 1;  ///< 1-based frame number since the camera was switched on
};

/// A file as the camera stores it.
struct CapturedFile {
    std::string name;  ///< e.g. "IMG_0001.TIF"
    std::vector<std::uint8_t> bytes;
    ImageFormat format = ImageFormat::Tiff;
    std::uint32_t width = 0, height = 0, bit_depth = 0;
};

/// Produces the frame a capture stores; the simulator calls it once per capture.
using FrameSource = std::function<CapturedFile(const CaptureSettings&)>;

}  // namespace cm::drivers::camera

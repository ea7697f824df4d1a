// SPDX-License-Identifier: Apache-2.0
// Value types shared by the camera driver, the PTP/IP simulator and frame sources.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
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

/// A file on the simulated card that lives on disk rather than in memory (a 102 MP LinearRaw DNG
/// is 612 MB): the frame source writes it, the simulator serves it piece by piece, and it is
/// removed when the last CapturedFile sharing it goes (deleted from the card and from the
/// simulator's statistics).
class SpoolFile {
public:
    /// A fresh, unused name in the temporary directory, ending in `extension` (".DNG").
    static std::filesystem::path freshPath(const std::string& extension);
    /// Takes over the file at `path` (it may still be being written).
    explicit SpoolFile(std::filesystem::path path) : path_(std::move(path)) {}
    ~SpoolFile();
    SpoolFile(const SpoolFile&) = delete;
    SpoolFile& operator=(const SpoolFile&) = delete;
    const std::filesystem::path& path() const { return path_; }
    /// Throws std::runtime_error when the file cannot be read.
    std::uint64_t size() const;
    std::vector<std::uint8_t> read(std::uint64_t offset, std::size_t count) const;

private:
    std::filesystem::path path_;
};

/// A file as the camera stores it.
struct CapturedFile {
    std::string name;                 ///< e.g. "IMG_0001.TIF"
    std::vector<std::uint8_t> bytes;  ///< the file in memory, or empty when `spool` holds it
    std::shared_ptr<const SpoolFile> spool;
    ImageFormat format = ImageFormat::Tiff;
    std::uint32_t width = 0, height = 0, bit_depth = 0;

    std::uint64_t size() const { return spool ? spool->size() : bytes.size(); }
    /// `count` bytes from `offset` (fewer at the end of the file).
    std::vector<std::uint8_t> read(std::uint64_t offset, std::size_t count) const;
    /// The whole file (for tests comparing a download against what the camera stored).
    std::vector<std::uint8_t> contents() const { return read(0, size()); }
};

/// Produces the frame a capture stores; the simulator calls it once per capture.
using FrameSource = std::function<CapturedFile(const CaptureSettings&)>;

}  // namespace cm::drivers::camera

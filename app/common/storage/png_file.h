// SPDX-License-Identifier: Apache-2.0
// One small PNG writer (libpng's simplified API) for every 8-bit image the app writes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace cm::app {

/// Sample layout of the pixels handed to writePng8.
enum class PngPixels { Rgb, Bgr };

/// Writes `width` × `height` pixels of three 8-bit samples (Bgr is OpenCV's order, stored as RGB)
/// whose rows start `row_stride` bytes apart. Throws
/// std::runtime_error naming the file and libpng's message; a failed file is removed.
void writePng8(const std::filesystem::path& path, int width, int height, PngPixels pixels,
               const std::uint8_t* data, std::ptrdiff_t row_stride);

}  // namespace cm::app

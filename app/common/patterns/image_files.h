// SPDX-License-Identifier: Apache-2.0
// Writers for pattern images: 16-bit X'Y'Z' TIFF (libtiff) and 8-bit sRGB PNG (libpng).
#pragma once

#include "libmeasure/patterns/pattern.h"
#include "libmeasure/patterns/preview.h"

#include <filesystem>
#include <string>

namespace cm::app {

/// Writes X', Y', Z' as TIFF samples 1..3 (photometric RGB, 16 bits, contiguous, LZW), the way
/// OpenDCP and DCP-o-matic read X'Y'Z' TIFFs; `description` goes into ImageDescription. Throws
/// std::runtime_error naming the file and libtiff's message; a failed file is removed.
void writeXyzTiff(const std::filesystem::path& path, const patterns::XyzImage16& image,
                  const std::string& description);

/// Writes an 8-bit RGB PNG. Throws std::runtime_error naming the file and libpng's message.
void writeRgbPng(const std::filesystem::path& path, const patterns::Rgb8Image& image);

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// libpng's simplified write API: no setjmp, the error text comes back in png_image::message.
#include "app/common/storage/png_file.h"

#include "libmeasure/errors.h"

#include <png.h>

#include <stdexcept>
#include <string>
#include <system_error>

namespace cm::app {

void writePng8(const std::filesystem::path& path, int width, int height, PngPixels pixels,
               const std::uint8_t* data, std::ptrdiff_t row_stride) {
    if (width <= 0 || height <= 0 || data == nullptr || row_stride < std::ptrdiff_t{3} * width) {
        throw std::invalid_argument(path.string() +
                                    ": cannot write PNG: empty image or bad row size");
    }
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    png.width = static_cast<png_uint_32>(width);
    png.height = static_cast<png_uint_32>(height);
    png.format = pixels == PngPixels::Bgr ? PNG_FORMAT_BGR : PNG_FORMAT_RGB;
    // libpng takes the stride in components (bytes here, 8-bit samples), signed for bottom-up.
    const int ok = png_image_write_to_file(&png, path.c_str(), 0, data,
                                           static_cast<png_int_32>(row_stride), nullptr);
    const std::string message = png.message;
    const bool failed = ok == 0 || PNG_IMAGE_FAILED(png);
    png_image_free(&png);
    if (failed) {
        std::error_code ec;
        std::filesystem::remove(path, ec);
        throw errors::StorageError(path.string() + ": cannot write PNG: " + message);
    }
}

}  // namespace cm::app

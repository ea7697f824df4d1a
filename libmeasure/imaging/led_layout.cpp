// SPDX-License-Identifier: Apache-2.0
// LED wall layout checks.
#include "libmeasure/imaging/led_layout.h"

#include <stdexcept>

namespace cm::imaging {

void LedWallLayout::validate() const {
    if (modules_across < 1 || modules_down < 1 || module_w_px < 2 || module_h_px < 2 ||
        cabinet_w_modules < 1 || cabinet_h_modules < 1 || !(pixel_pitch_mm > 0.0)) {
        throw std::invalid_argument(
            "LED layout: modules across/down ≥ 1, module pixels ≥ 2, cabinet modules ≥ 1 and a "
            "positive pixel pitch are required");
    }
    if (static_cast<long long>(widthPx()) * heightPx() > (1LL << 31)) {
        throw std::invalid_argument("LED layout: wall larger than 2^31 pixels");
    }
}

}  // namespace cm::imaging

// SPDX-License-Identifier: Apache-2.0
// LED wall structure: modules across/down, module pixels, cabinets of N×M modules, pixel pitch.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <opencv2/core.hpp>

namespace cm::imaging {

/// Position of one module (or cabinet) in the wall: column from the left, row from the top.
struct GridIndex {
    int col = 0;
    int row = 0;
};

/// The wall as the analysis sees it, in LED pixels (x to the right, y down from the top left).
struct LedWallLayout {
    int modules_across = 0;
    int modules_down = 0;
    int module_w_px = 0;
    int module_h_px = 0;
    int cabinet_w_modules = 1;  ///< a cabinet is cabinet_w × cabinet_h modules
    int cabinet_h_modules = 1;
    double pixel_pitch_mm = 0.0;

    int widthPx() const { return modules_across * module_w_px; }
    int heightPx() const { return modules_down * module_h_px; }
    cv::Size gridSize() const { return {widthPx(), heightPx()}; }
    /// Cabinets across/down; a partial cabinet at the right or bottom edge counts.
    int cabinetsAcross() const {
        return (modules_across + cabinet_w_modules - 1) / cabinet_w_modules;
    }
    int cabinetsDown() const { return (modules_down + cabinet_h_modules - 1) / cabinet_h_modules; }
    cv::Rect moduleRect(GridIndex m) const {
        return {m.col * module_w_px, m.row * module_h_px, module_w_px, module_h_px};
    }
    GridIndex moduleOf(int x_px, int y_px) const {
        return {x_px / module_w_px, y_px / module_h_px};
    }
    GridIndex cabinetOfModule(GridIndex m) const {
        return {m.col / cabinet_w_modules, m.row / cabinet_h_modules};
    }
    /// Throws std::invalid_argument unless every count is positive and the wall is ≥ 1 module.
    void validate() const;
};
void to_json(nlohmann::ordered_json& j, const LedWallLayout& l);

}  // namespace cm::imaging

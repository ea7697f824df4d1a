// SPDX-License-Identifier: Apache-2.0
// Seam contrast per module border segment, from medians of thin pixel bands.
#include "libmeasure/imaging/seams.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cm::imaging {

namespace {

/// Median of the finite samples in a rectangle of the grid; NaN if none.
double bandMedian(const cv::Mat& y, cv::Rect r, std::vector<float>& scratch) {
    scratch.clear();
    for (int j = r.y; j < r.y + r.height; ++j) {
        const float* p = y.ptr<float>(j);
        for (int i = r.x; i < r.x + r.width; ++i) {
            if (std::isfinite(p[i])) {
                scratch.push_back(p[i]);
            }
        }
    }
    if (scratch.empty()) {
        return std::nan("");
    }
    auto mid = scratch.begin() + static_cast<std::ptrdiff_t>(scratch.size() / 2);
    std::nth_element(scratch.begin(), mid, scratch.end());
    return *mid;
}

}  // namespace

std::vector<SeamMeasurement> measureSeams(const cv::Mat& lum, const LedWallLayout& layout,
                                          const SeamOptions& o) {
    layout.validate();
    if (lum.type() != CV_32FC1 || lum.size() != layout.gridSize()) {
        throw std::invalid_argument(
            "measureSeams: expected a float luminance grid of the wall's size");
    }
    const int need = 2 * (o.line_px + o.reference_px);
    if (o.line_px < 1 || o.reference_px < 1 || layout.module_w_px < need ||
        layout.module_h_px < need) {
        throw std::invalid_argument("measureSeams: modules too small for the seam bands");
    }
    std::vector<SeamMeasurement> out;
    std::vector<float> scratch;
    const int L = o.line_px;
    const int R = o.reference_px;
    // Vertical borders: bands are columns; leave one pixel at each segment end (corners mix).
    for (int b = 1; b < layout.modules_across; ++b) {
        const int x = b * layout.module_w_px;
        for (int s = 0; s < layout.modules_down; ++s) {
            const int y0 = s * layout.module_h_px + 1;
            const int hgt = layout.module_h_px - 2;
            const double lLine = bandMedian(lum, {x - L, y0, L, hgt}, scratch);
            const double lRef = bandMedian(lum, {x - L - R, y0, R, hgt}, scratch);
            const double rLine = bandMedian(lum, {x, y0, L, hgt}, scratch);
            const double rRef = bandMedian(lum, {x + L, y0, R, hgt}, scratch);
            SeamMeasurement m{SeamOrientation::Vertical, b, s,
                              100.0 * (0.5 * (lLine / lRef + rLine / rRef) - 1.0), false};
            m.detected = std::abs(m.contrast_pct) >= o.threshold_pct;
            out.push_back(m);
        }
    }
    for (int b = 1; b < layout.modules_down; ++b) {
        const int y = b * layout.module_h_px;
        for (int s = 0; s < layout.modules_across; ++s) {
            const int x0 = s * layout.module_w_px + 1;
            const int wid = layout.module_w_px - 2;
            const double tLine = bandMedian(lum, {x0, y - L, wid, L}, scratch);
            const double tRef = bandMedian(lum, {x0, y - L - R, wid, R}, scratch);
            const double bLine = bandMedian(lum, {x0, y, wid, L}, scratch);
            const double bRef = bandMedian(lum, {x0, y + L, wid, R}, scratch);
            SeamMeasurement m{SeamOrientation::Horizontal, b, s,
                              100.0 * (0.5 * (tLine / tRef + bLine / bRef) - 1.0), false};
            m.detected = std::abs(m.contrast_pct) >= o.threshold_pct;
            out.push_back(m);
        }
    }
    return out;
}

}  // namespace cm::imaging

// SPDX-License-Identifier: Apache-2.0
// Defect scan: one pass over each module against its subsampled median.
#include "libmeasure/imaging/pixel_defects.h"

#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>

namespace cm::imaging {

std::vector<PixelDefect> detectPixelDefects(const cv::Mat& lum, const LedWallLayout& layout,
                                            const DefectOptions& o) {
    layout.validate();
    if (lum.type() != CV_32FC1 || lum.size() != layout.gridSize()) {
        throw std::invalid_argument(
            "detectPixelDefects: expected a float luminance grid of the wall's size");
    }
    if (!(o.dead_below_ratio < 1.0) || !(o.stuck_above_ratio > 1.0)) {
        throw std::invalid_argument("detectPixelDefects: need dead ratio < 1 < stuck ratio");
    }
    std::vector<std::vector<PixelDefect>> perRow(static_cast<std::size_t>(layout.modules_down));
    cv::parallel_for_(cv::Range(0, layout.modules_down), [&](const cv::Range& mrows) {
        std::vector<float> sample;
        for (int my = mrows.start; my < mrows.end; ++my) {
            auto& found = perRow[static_cast<std::size_t>(my)];
            for (int mx = 0; mx < layout.modules_across; ++mx) {
                const cv::Rect r = layout.moduleRect({mx, my});
                sample.clear();
                for (int y = r.y + 1; y < r.y + r.height; y += 3) {
                    const float* p = lum.ptr<float>(y);
                    for (int x = r.x + 1; x < r.x + r.width; x += 3) {
                        if (std::isfinite(p[x])) {
                            sample.push_back(p[x]);
                        }
                    }
                }
                if (sample.empty()) {
                    continue;
                }
                auto mid = sample.begin() + static_cast<std::ptrdiff_t>(sample.size() / 2);
                std::nth_element(sample.begin(), mid, sample.end());
                const double median = *mid;
                const float deadBelow = static_cast<float>(o.dead_below_ratio * median);
                const float stuckAbove = static_cast<float>(
                    std::max(o.stuck_above_ratio * median, median + o.stuck_min_excess_cdm2));
                for (int y = r.y; y < r.y + r.height; ++y) {
                    const float* p = lum.ptr<float>(y);
                    for (int x = r.x; x < r.x + r.width; ++x) {
                        const float v = p[x];
                        if (!(v < deadBelow || v > stuckAbove)) {  // NaN falls through here too
                            continue;
                        }
                        PixelDefect d;
                        d.x_px = x;
                        d.y_px = y;
                        d.module = {mx, my};
                        d.x_in_module = x - r.x;
                        d.y_in_module = y - r.y;
                        d.kind = v < deadBelow ? DefectKind::Dead : DefectKind::Stuck;
                        d.ratio = median > 0.0 ? v / median : std::nan("");
                        d.luminance_cdm2 = v;
                        found.push_back(d);
                    }
                }
            }
        }
    });
    std::vector<PixelDefect> all;
    for (auto& row : perRow) {
        all.insert(all.end(), row.begin(), row.end());
    }
    std::stable_sort(all.begin(), all.end(), [](const PixelDefect& a, const PixelDefect& b) {
        return a.y_px != b.y_px ? a.y_px < b.y_px : a.x_px < b.x_px;
    });
    return all;
}

cv::Mat defectMask(const std::vector<PixelDefect>& defects, cv::Size grid) {
    cv::Mat m;
    defectMask(defects, grid, m);
    return m;
}

void defectMask(const std::vector<PixelDefect>& defects, cv::Size grid, cv::Mat& m) {
    m.create(grid, CV_8UC1);
    m.setTo(0);
    for (const PixelDefect& d : defects) {
        if (d.x_px >= 0 && d.y_px >= 0 && d.x_px < grid.width && d.y_px < grid.height) {
            m.at<std::uint8_t>(d.y_px, d.x_px) = 255;
        }
    }
}

}  // namespace cm::imaging

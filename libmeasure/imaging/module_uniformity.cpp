// SPDX-License-Identifier: Apache-2.0
// Module and cabinet statistics: one pass accumulating XYZ per module, cabinets from modules.
#include "libmeasure/imaging/module_uniformity.h"

#include <opencv2/core/utility.hpp>

#include <cmath>
#include <stdexcept>

namespace cm::imaging {

namespace {

struct Acc {
    double X = 0, Y = 0, Z = 0;
    int n = 0;
};

RegionStats finish(GridIndex idx, const Acc& a) {
    RegionStats s;
    s.index = idx;
    s.pixels_used = a.n;
    if (a.n == 0) {
        s.mean_cdm2 = s.xy.x = s.xy.y = std::nan("");
        return s;
    }
    s.mean_cdm2 = a.Y / a.n;
    s.xy = colorimetry::toXY({a.X, a.Y, a.Z});
    return s;
}

void judge(RegionStats& s, double wallY, colorimetry::ChromaticityXY wallXy,
           const UniformityLimits& l) {
    s.ratio_to_wall = s.mean_cdm2 / wallY;
    s.dx = s.xy.x - wallXy.x;
    s.dy = s.xy.y - wallXy.y;
    s.pass = s.ratio_to_wall >= l.min_ratio && s.ratio_to_wall <= l.max_ratio &&
             std::abs(s.dx) <= l.max_abs_dx && std::abs(s.dy) <= l.max_abs_dy;
}

}  // namespace

UniformityResult moduleUniformity(const cv::Mat& xyz, const LedWallLayout& layout,
                                  const UniformityLimits& limits, const cv::Mat& exclude) {
    layout.validate();
    if (xyz.type() != CV_32FC3 || xyz.size() != layout.gridSize()) {
        throw std::invalid_argument("moduleUniformity: the XYZ grid must be float RGB of " +
                                    std::to_string(layout.widthPx()) + "×" +
                                    std::to_string(layout.heightPx()) + " LED pixels");
    }
    if (!exclude.empty() && (exclude.type() != CV_8UC1 || exclude.size() != xyz.size())) {
        throw std::invalid_argument(
            "moduleUniformity: the exclusion mask must be 8-bit of the grid size");
    }
    const int ma = layout.modules_across;
    std::vector<Acc> acc(static_cast<std::size_t>(ma * layout.modules_down));
    // Each band of module rows is independent, so rows of modules run in parallel.
    cv::parallel_for_(cv::Range(0, layout.modules_down), [&](const cv::Range& mrows) {
        for (int my = mrows.start; my < mrows.end; ++my) {
            for (int y = my * layout.module_h_px; y < (my + 1) * layout.module_h_px; ++y) {
                const auto* p = xyz.ptr<cv::Vec3f>(y);
                const std::uint8_t* ex = exclude.empty() ? nullptr : exclude.ptr<std::uint8_t>(y);
                for (int mx = 0; mx < ma; ++mx) {
                    Acc& a = acc[static_cast<std::size_t>(my * ma + mx)];
                    double X = 0, Y = 0, Z = 0;
                    int n = 0;
                    for (int x = mx * layout.module_w_px; x < (mx + 1) * layout.module_w_px; ++x) {
                        const cv::Vec3f v = p[x];
                        if ((ex && ex[x]) ||
                            !(std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]))) {
                            continue;
                        }
                        X += v[0];
                        Y += v[1];
                        Z += v[2];
                        ++n;
                    }
                    a.X += X;
                    a.Y += Y;
                    a.Z += Z;
                    a.n += n;
                }
            }
        }
    });
    UniformityResult r;
    std::vector<Acc> cab(static_cast<std::size_t>(layout.cabinetsAcross() * layout.cabinetsDown()));
    double sumY = 0, sumX = 0, sumZ = 0;
    int counted = 0;
    for (int my = 0; my < layout.modules_down; ++my) {
        for (int mx = 0; mx < ma; ++mx) {
            const Acc& a = acc[static_cast<std::size_t>(my * ma + mx)];
            r.modules.push_back(finish({mx, my}, a));
            if (a.n > 0) {
                sumX += a.X / a.n;
                sumY += a.Y / a.n;
                sumZ += a.Z / a.n;
                ++counted;
            }
            const GridIndex c = layout.cabinetOfModule({mx, my});
            Acc& ca = cab[static_cast<std::size_t>(c.row * layout.cabinetsAcross() + c.col)];
            ca.X += a.X;
            ca.Y += a.Y;
            ca.Z += a.Z;
            ca.n += a.n;
        }
    }
    if (counted == 0) {
        throw std::invalid_argument("moduleUniformity: no usable pixel in the grid");
    }
    r.wall_mean_cdm2 = sumY / counted;
    r.wall_xy = colorimetry::toXY({sumX, sumY, sumZ});
    for (RegionStats& s : r.modules) {
        judge(s, r.wall_mean_cdm2, r.wall_xy, limits);
        r.modules_failing += s.pass ? 0 : 1;
    }
    for (int cy = 0; cy < layout.cabinetsDown(); ++cy) {
        for (int cx = 0; cx < layout.cabinetsAcross(); ++cx) {
            RegionStats s =
                finish({cx, cy}, cab[static_cast<std::size_t>(cy * layout.cabinetsAcross() + cx)]);
            judge(s, r.wall_mean_cdm2, r.wall_xy, limits);
            r.cabinets_failing += s.pass ? 0 : 1;
            r.cabinets.push_back(s);
        }
    }
    return r;
}

}  // namespace cm::imaging

// SPDX-License-Identifier: Apache-2.0
// Grid → camera mapping: homography, lens distortion, cubic residual.
#include "libmeasure/imaging/wall_mapping.h"

#include <stdexcept>

namespace cm::imaging {

std::array<double, 10> cubicTerms(double s, double t) {
    return {1.0, s, t, s * s, s * t, t * t, s * s * s, s * s * t, s * t * t, t * t * t};
}

cv::Point2d WallMapping::toCamera(double gx, double gy) const {
    cv::Point2d p = lens.distort(applyHomography(grid_to_ideal, {gx, gy}));
    const auto k = cubicTerms(2.0 * gx / grid.width - 1.0, 2.0 * gy / grid.height - 1.0);
    for (std::size_t i = 0; i < k.size(); ++i) {
        p.x += dx[i] * k[i];
        p.y += dy[i] * k[i];
    }
    return p;
}

void WallMapping::toCameraRow(double gy, int n, cv::Point2d* out) const {
    const cv::Matx33d& h = grid_to_ideal;
    const double t = 2.0 * gy / grid.height - 1.0;
    // Cubic residual as a polynomial in s with coefficients fixed for the row:
    // Σ d_i·term_i = a0 + a1·s + a2·s² + a3·s³ (terms in the order of cubicTerms).
    auto coeffs = [t](const std::array<double, 10>& d) {
        return std::array<double, 4>{d[0] + d[2] * t + d[5] * t * t + d[9] * t * t * t,
                                     d[1] + d[4] * t + d[8] * t * t, d[3] + d[7] * t, d[6]};
    };
    const auto cx = coeffs(dx), cy = coeffs(dy);
    const bool distorted = lens.hasDistortion();
    const double invW = 2.0 / grid.width;
    for (int i = 0; i < n; ++i) {
        const double gx = i;
        const double w = h(2, 0) * gx + h(2, 1) * gy + h(2, 2);
        cv::Point2d p((h(0, 0) * gx + h(0, 1) * gy + h(0, 2)) / w,
                      (h(1, 0) * gx + h(1, 1) * gy + h(1, 2)) / w);
        if (distorted) {
            p = lens.distort(p);
        }
        const double s = invW * gx - 1.0;
        p.x += cx[0] + s * (cx[1] + s * (cx[2] + s * cx[3]));
        p.y += cy[0] + s * (cy[1] + s * (cy[2] + s * cy[3]));
        out[i] = p;
    }
}

ScreenQuad WallMapping::corners() const {
    return {toCamera(0, 0), toCamera(grid.width, 0), toCamera(grid.width, grid.height),
            toCamera(0, grid.height)};
}

WallMapping mappingFromQuad(const ScreenQuad& quad, cv::Size grid, const LensModel& lens) {
    if (grid.width < 1 || grid.height < 1) {
        throw std::invalid_argument("wall mapping: empty grid");
    }
    WallMapping m;
    m.grid = grid;
    m.lens = lens;
    ScreenQuad ideal;
    for (std::size_t k = 0; k < 4; ++k) {
        ideal[k] = lens.undistort(quad[k]);
    }
    m.grid_to_ideal = gridToCamera(ideal, grid);
    return m;
}

}  // namespace cm::imaging

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

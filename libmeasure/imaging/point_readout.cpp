// SPDX-License-Identifier: Apache-2.0
// Spot means read from a screen-aligned XYZ grid.
#include "libmeasure/imaging/point_readout.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cm::imaging {

std::vector<MapPointReading> readPoints(const cv::Mat& xyz, const geometry::ScreenSize& screen,
                                        const std::vector<geometry::MeasurementPoint>& points,
                                        double spot_radius_m) {
    if (xyz.type() != CV_32FC3 || xyz.empty() || !(screen.width_m > 0) || !(screen.height_m > 0) ||
        !(spot_radius_m >= 0)) {
        throw std::invalid_argument(
            "readPoints: need a float XYZ grid, a screen size and a radius ≥ 0");
    }
    const double cellW = screen.width_m / xyz.cols;
    const double cellH = screen.height_m / xyz.rows;
    std::vector<MapPointReading> out;
    for (const geometry::MeasurementPoint& p : points) {
        // Continuous grid coordinates of the point (cell centres at +0.5).
        const double gx = (p.position.x_m + screen.width_m / 2.0) / cellW;
        const double gy = (screen.height_m / 2.0 - p.position.y_m) / cellH;
        const double rx = spot_radius_m / cellW;
        const double ry = spot_radius_m / cellH;
        MapPointReading r{p, {}, 0};
        double X = 0, Y = 0, Z = 0;
        const int i0 = std::max(0, static_cast<int>(std::floor(gx - rx)));
        const int i1 = std::min(xyz.cols - 1, static_cast<int>(std::floor(gx + rx)));
        const int j0 = std::max(0, static_cast<int>(std::floor(gy - ry)));
        const int j1 = std::min(xyz.rows - 1, static_cast<int>(std::floor(gy + ry)));
        for (int j = j0; j <= j1; ++j) {
            for (int i = i0; i <= i1; ++i) {
                const double dx = (i + 0.5 - gx) / std::max(rx, 1e-9);
                const double dy = (j + 0.5 - gy) / std::max(ry, 1e-9);
                if (dx * dx + dy * dy > 1.0) {
                    continue;
                }
                const cv::Vec3f v = xyz.at<cv::Vec3f>(j, i);
                if (std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2])) {
                    X += v[0];
                    Y += v[1];
                    Z += v[2];
                    ++r.samples;
                }
            }
        }
        if (r.samples == 0) {
            const int i = std::clamp(static_cast<int>(gx), 0, xyz.cols - 1);
            const int j = std::clamp(static_cast<int>(gy), 0, xyz.rows - 1);
            const cv::Vec3f v = xyz.at<cv::Vec3f>(j, i);
            if (std::isfinite(v[1])) {
                X = v[0];
                Y = v[1];
                Z = v[2];
                r.samples = 1;
            }
        }
        r.xyz = r.samples ? colorimetry::XYZ{X / r.samples, Y / r.samples, Z / r.samples}
                          : colorimetry::XYZ{std::nan(""), std::nan(""), std::nan("")};
        out.push_back(r);
    }
    return out;
}

}  // namespace cm::imaging

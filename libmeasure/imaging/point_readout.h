// SPDX-License-Identifier: Apache-2.0
// Spot readings taken from an XYZ map at named screen points (the ST 431-1 layouts of
// libmeasure/geometry), so a camera capture and a spot meter can be compared point by point.
#pragma once

#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/geometry/point_layout.h"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace cm::imaging {

struct MapPointReading {
    geometry::MeasurementPoint point;
    colorimetry::XYZ xyz;  ///< mean over the spot, cd/m²
    int samples = 0;       ///< grid cells averaged (NaN cells left out)
};

/// Mean XYZ in a disc of `spot_radius_m` around each point. `xyz_grid` (CV_32FC3) spans the whole
/// screen of size `screen` with its cells evenly spread (top-left cell at the screen's top-left).
/// A disc smaller than one cell takes the nearest cell. Throws std::invalid_argument on a bad grid.
std::vector<MapPointReading> readPoints(const cv::Mat& xyz_grid, const geometry::ScreenSize& screen,
                                        const std::vector<geometry::MeasurementPoint>& points,
                                        double spot_radius_m);

}  // namespace cm::imaging

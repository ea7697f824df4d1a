// SPDX-License-Identifier: Apache-2.0
// Line-of-sight geometry between a seat and the screen plane.
#include "libmeasure/geometry/screen.h"

#include <cmath>
#include <numbers>

namespace cm::geometry {

namespace {
constexpr double kDegPerRad = 180.0 / std::numbers::pi;
}

LineOfSight lineOfSight(const Seat& seat, const ScreenPoint& target) {
    const double dx = seat.x_m - target.x_m;
    const double dy = seat.eye_height_above_screen_centre_m - target.y_m;
    const double dz = seat.distance_m;
    LineOfSight los;
    los.distance_m = std::sqrt(dx * dx + dy * dy + dz * dz);
    los.off_normal_deg = std::acos(dz / los.distance_m) * kDegPerRad;
    los.horizontal_deg = std::atan2(dx, dz) * kDegPerRad;
    los.vertical_deg = std::atan2(dy, dz) * kDegPerRad;
    return los;
}

double spotRadius_m(double distance_m, double acceptance_angle_deg) {
    return distance_m * std::tan(0.5 * acceptance_angle_deg / kDegPerRad);
}

}  // namespace cm::geometry

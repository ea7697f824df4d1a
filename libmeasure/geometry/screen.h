// SPDX-License-Identifier: Apache-2.0
// Screen and seat geometry: screen-plane coordinates and the line of sight from a seat.
#pragma once

#include <string>

namespace cm::geometry {

/// Screen size in metres.
struct ScreenSize {
    double width_m = 0.0;
    double height_m = 0.0;
};

/// Point on the screen plane in metres: origin at the screen centre, x to the right as seen from
/// the audience, y up.
struct ScreenPoint {
    double x_m = 0.0;
    double y_m = 0.0;
};

/// A seat's eye position in auditorium coordinates: lateral offset from the screen's vertical
/// centre line, distance from the screen plane, and eye height relative to the screen centre.
struct Seat {
    std::string id;
    double x_m = 0.0;
    double distance_m = 10.0;
    double eye_height_above_screen_centre_m = 0.0;
};

/// Line of sight from a seat to a screen point.
struct LineOfSight {
    double distance_m = 0.0;
    /// Angle between the line of sight and the screen normal, in degrees (0 = perpendicular).
    double off_normal_deg = 0.0;
    /// Horizontal and vertical components of that angle (positive: viewer to the right / above).
    double horizontal_deg = 0.0;
    double vertical_deg = 0.0;
};

LineOfSight lineOfSight(const Seat& seat, const ScreenPoint& target);

/// Radius on the screen of the spot seen by a meter with the given full acceptance angle.
double spotRadius_m(double distance_m, double acceptance_angle_deg);

/// Normalised screen coordinates: u, v in [-1, 1] from edge to edge.
inline double normalisedU(const ScreenPoint& p, const ScreenSize& s) {
    return 2.0 * p.x_m / s.width_m;
}
inline double normalisedV(const ScreenPoint& p, const ScreenSize& s) {
    return 2.0 * p.y_m / s.height_m;
}

}  // namespace cm::geometry

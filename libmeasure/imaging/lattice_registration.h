// SPDX-License-Identifier: Apache-2.0
// Registration of an LED wall in a camera frame from the image itself: the screen edges refined
// along their whole length (the 50 % point of a one-LED running mean, exact at an edge of a
// periodic emitter pattern), then the LED lattice: every LED's emitter centroid found by a mean
// shift and a homography plus cubic residual fitted to all of them. Corners given or found up to
// ±3 camera px off (about one LED at 3–4 px per LED) end at the same sub-pixel mapping.
#pragma once

#include "libmeasure/imaging/raw_frame.h"
#include "libmeasure/imaging/wall_mapping.h"

namespace cm::imaging {

struct RegistrationOptions {
    double edge_search_leds = 2.5;  ///< how far each edge is searched either way, LED pitches
    int max_lattice_leds = 20000;   ///< LEDs used for the lattice fit (a regular subsample)
    /// Below this median emitter contrast ((max − min)/max in a one-LED window) the LEDs are not
    /// resolved (uniform squares, heavy defocus) and the edges alone define the mapping.
    double min_lattice_contrast = 0.2;
};

struct WallRegistration {
    WallMapping mapping;
    bool edges_refined = false;
    bool lattice_used = false;
    int lattice_leds = 0;          ///< emitter centroids in the final fit
    double lattice_rms_px = 0.0;   ///< their rms distance from the fitted mapping
    double median_contrast = 0.0;  ///< of the LED windows
    double corner_shift_px = 0.0;  ///< largest move of a corner from the guess
};

/// `frame.rgb` CV_16UC3 (the green channel is used) or CV_16UC1. `guess` in observed camera
/// pixels (TL, TR, BR, BL), `lens` the calibrated lens (or none). Throws std::runtime_error when
/// an edge of the screen cannot be found near the guess.
WallRegistration registerWall(const RawFrame& frame, const ScreenQuad& guess, cv::Size grid,
                              const LensModel& lens = {}, const RegistrationOptions& options = {});

}  // namespace cm::imaging

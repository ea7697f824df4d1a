// SPDX-License-Identifier: Apache-2.0
// Default frame source of the PTP/IP simulator: a small RGB TIFF whose pixel values follow the
// photographic exposure (ISO × time / N²), for tests and `cinemeasure sim camera` without a
// theatre.
#pragma once

#include "drivers/camera/camera_types.h"

namespace cm::drivers::camera {

/// 64 × 48, 8-bit RGB, little-endian TIFF written with libtiff. A horizontal ramp of scene
/// values 0…1; pixel = 255 × min(1, scene × H / H_ref) where H = (ISO/100) × t / N² and H_ref is
/// that of ISO 100, 1/60 s, f/2.8 (the mid-ramp pixel is then ~128). Always TIFF, whatever
/// `settings.format` asks for (CapturedFile::format says so); named IMG_<sequence>.TIF.
CapturedFile testPatternTiff(const CaptureSettings& settings);

/// The exposure factor H / H_ref used above (1 at ISO 100, 1/60 s, f/2.8).
double relativeExposure(const CaptureSettings& settings);

}  // namespace cm::drivers::camera

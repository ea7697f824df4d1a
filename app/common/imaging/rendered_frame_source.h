// The PTP/IP camera simulator's frames rendered from a virtual theatre: what a camera at the
// theatre's seat would record with the requested exposure, as a LinearRaw DNG or 16-bit TIFF.
#pragma once

#include "drivers/camera/camera_types.h"
#include "drivers/virtual/camera_renderer.h"

#include <memory>
#include <string>

namespace cm::app {

/// ISO and f-number the camera calibrations in calibration/cameras/ hold for; other settings scale
/// the signal physically (∝ ISO · t / N²), so the chain stays right only at these.
inline constexpr int kReferenceIso = 100;
inline constexpr double kReferenceFNumber = 2.8;

/// A FrameSource rendering `stimulus` on the theatre with `camera` (size, seat, noise, seed):
/// each capture takes the settings' exposure time, scales the sensor response by
/// (ISO / 100) · (2.8 / N)², clips at the white level, and encodes DNG for RAW, TIFF otherwise
/// (JPEG is refused: a measurement camera is never read through JPEG).
drivers::camera::FrameSource renderedFrameSource(
    std::shared_ptr<const drivers::virt::VirtualTheatre> theatre, drivers::virt::CameraSetup camera,
    std::string stimulus = "white");

}  // namespace cm::app

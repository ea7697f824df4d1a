// SPDX-License-Identifier: Apache-2.0
// JSON load/save of a camera calibration (matrix, vignetting, provenance, fit residuals) and the
// fit of one from the virtual theatre (the shipped example in calibration/cameras/).
#pragma once

#include "drivers/virtual/camera_renderer.h"
#include "libmeasure/imaging/camera_matrix.h"

#include <filesystem>
#include <string>

namespace cm::app {

/// Reads and validates a "cinemeasure-camera-calibration" version 1 file; util::DataError names
/// the file, the JSON path and what was expected.
imaging::CameraCalibration loadCameraCalibration(const std::filesystem::path& file);
std::string cameraCalibrationJson(const imaging::CameraCalibration& c);
void saveCameraCalibration(const std::filesystem::path& file, const imaging::CameraCalibration& c);

/// Calibrates the virtual camera in the virtual theatre as one would a real camera: a flat field
/// for the lens fall-off, then each of the theatre's stimuli (white, red, green, blue, …) shown
/// full screen, the camera's mean linear RGB over the centre spot against the virtual spot meter's
/// XYZ of the same spot (2°, from the camera's seat), and a least-squares 3×3 fit.
imaging::CameraCalibration calibrateVirtualCamera(const drivers::virt::VirtualTheatre& theatre,
                                                  const drivers::virt::CameraSetup& camera);

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// Frame source of the PTP/IP camera simulator that photographs the virtual theatre: each capture
// is a frame of the ground-truth camera renderer, exposed with the camera's ISO, shutter and
// aperture, stored as a LinearRaw DNG (RAW) or a 16-bit TIFF (anything else).
#pragma once

#include "drivers/camera/camera_types.h"
#include "drivers/virtual/camera_renderer.h"
#include "drivers/virtual/virtual_theatre.h"

#include <memory>
#include <mutex>
#include <string>

namespace cm::app {

/// What the virtual screen shows now: the pattern generator of the virtual theatre. A capture
/// job changes it between captures; the frame source reads it at each exposure. Thread-safe.
class VirtualPatternGenerator {
public:
    explicit VirtualPatternGenerator(std::string stimulus = "white")
        : stimulus_(std::move(stimulus)) {}
    void show(const std::string& stimulus) {
        std::lock_guard lock(mu_);
        stimulus_ = stimulus;
    }
    std::string showing() const {
        std::lock_guard lock(mu_);
        return stimulus_;
    }

private:
    mutable std::mutex mu_;
    std::string stimulus_;
};

struct RenderedFrameSourceOptions {
    /// Size, seat, noise, sensor response. `camera.dn_per_cdm2_s` holds at the reference ISO and
    /// f-number below; exposure_s and iso are taken from each capture's settings.
    drivers::virt::CameraSetup camera;
    /// The exposure at which `camera.dn_per_cdm2_s` holds (and the shipped virtual-camera
    /// calibration was fitted): ISO 100 at f/2.8.
    double reference_iso = 100.0;
    double reference_f_number = 2.8;
};

/// Sensor response at these settings relative to the reference: (ISO / ISO_ref) · (N_ref / N)²
/// (photographic exposure: image-plane illuminance ∝ 1/N², gain ∝ ISO; the shutter time is
/// applied by the renderer itself).
double relativeSensitivity(const drivers::camera::CaptureSettings& s,
                           const RenderedFrameSourceOptions& o);

/// A FrameSource rendering `theatre` as `patterns` shows it. Signal ∝ ISO · t / N² and clips at
/// the sensor's white level; shot noise follows the gain (fewer electrons per DN at higher ISO);
/// the noise seed moves with the capture number so successive frames differ. The DNG's colour
/// matrix is the virtual camera's. Frames named IMG_<sequence>.DNG / .TIF. Throws
/// std::invalid_argument (from the renderer) for a stimulus the theatre does not know. The file is
/// spooled to the temporary directory (CapturedFile::spool), not held in memory.
drivers::camera::FrameSource renderedFrameSource(
    std::shared_ptr<const drivers::virt::VirtualTheatre> theatre,
    std::shared_ptr<const VirtualPatternGenerator> patterns, RenderedFrameSourceOptions options);

}  // namespace cm::app

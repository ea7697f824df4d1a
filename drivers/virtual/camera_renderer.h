// SPDX-License-Identifier: Apache-2.0
// Ground-truth camera renderer: a linear raw-like 16-bit camera RGB frame of the virtual theatre's
// screen (LED wall or projection screen) seen from a seat, with everything it put in returned as
// truth: module gains, seams, dead/stuck pixels, vignetting, perspective, noise, black level.
#pragma once

#include "drivers/virtual/virtual_theatre.h"
#include "libmeasure/colorimetry/rgb_colourspace.h"
#include "libmeasure/imaging/led_layout.h"
#include "libmeasure/imaging/lens_model.h"
#include "libmeasure/imaging/linearise.h"
#include "libmeasure/imaging/module_uniformity.h"
#include "libmeasure/imaging/raw_frame.h"
#include "libmeasure/imaging/screen_quad.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cm::drivers::virt {

/// The virtual camera: a pinhole at a seat aimed at the screen centre, a linear sensor with a
/// known colour response, lens vignetting, shot and read noise.
struct CameraSetup {
    int width_px = 960;
    int height_px = 640;
    std::optional<geometry::Seat> seat;  ///< default: the theatre's reference seat
    double fill = 0.9;  ///< the screen spans this fraction of the limiting image side
    double exposure_s = 0.1;
    double iso = 100.0;
    /// Sensor response: camera RGB (DN) = dn_per_cdm2_s · t · V(r) · inverse(primaries NPM) · XYZ,
    /// i.e. the camera's native primaries are those of ITU-R BT.2020 (wider than P3, so no
    /// cinema colour gives a negative channel).
    double dn_per_cdm2_s = 8000.0;
    double black_level_dn = 512.0;
    double white_level_dn = 65535.0;
    double electrons_per_dn = 1.0;  ///< shot noise: σ² (DN²) = signal / electrons_per_dn
    double read_noise_dn = 3.0;     ///< 1-sigma
    imaging::RadialVignetting vignetting{-0.25, 0.05, 0.0};
    /// Elliptical fall-off: the vignetting radius is taken with x divided by this and y multiplied
    /// by it (1: circular, the radial model holds exactly).
    double vignetting_aspect = 1.0;
    /// LED pixel structure: the lit emitter is a centred square covering this fraction of the LED
    /// cell's side, the rest is dark gap (1: a uniform square, the old model). The emitter's
    /// radiance is the cell's light / fill², so the area average a spot meter reads is the same
    /// at any fill.
    double emitter_fill = 1.0;
    /// Where the camera aims: an offset on the screen plane from its centre (metres, x right,
    /// y up), so the screen sits off-centre in the frame where fall-off and distortion differ.
    cv::Point2d aim_offset_m{0.0, 0.0};
    /// Lens distortion (OpenCV model, k1 k2 p1 p2 k3 in units of the focal length) about the
    /// image centre; fx, fy, cx, cy are ignored here and filled in the truth from the pose.
    imaging::LensModel lens;
    int supersample = 2;  ///< s × s point samples per camera pixel (box integration), 1..16
    bool noise = true;
    std::uint64_t seed = 1;
};

struct SeamTruth {
    bool vertical = true;
    int border = 0;
    int segment = 0;
    double gain_pct = 0.0;
};

struct RenderTruth {
    imaging::ScreenQuad corners;  ///< active-area corners in camera pixels (TL, TR, BR, BL)
    cv::Matx33d grid_to_camera;   ///< grid cell edges (0..W, 0..H) → camera pixels
    cv::Size grid;                ///< LED pixels (LED wall) or emitter cells (projector)
    std::optional<imaging::LedWallLayout> layout;
    colorimetry::Matrix3 rgb_to_xyz{};  ///< camera RGB (DN/s, vignetting removed) → XYZ cd/m²
    imaging::RadialVignetting vignetting;
    double vignetting_aspect = 1.0;
    /// The complete lens: camera matrix of the pinhole and the distortion; a camera pixel p
    /// sees grid point grid_to_camera⁻¹ · lens.undistort(p).
    imaging::LensModel lens;
    std::vector<DeadPixel> defects;  ///< wall pixels forced to level × white
    std::vector<SeamTruth> seams;    ///< one per border segment touched
    /// Per-module truth from the emitted light (defect pixels left out): mean cd/m² and xy.
    imaging::UniformityResult modules;
    /// Per-module area average of all emitted light (defects included): what a spot meter whose
    /// field covers exactly that module reads.
    imaging::UniformityResult area_modules;
    cv::Mat emitted_xyz;  ///< CV_32FC3 light of every grid cell, cd/m²
};

struct RenderedFrame {
    imaging::RawFrame frame;
    RenderTruth truth;
};

/// Grid of a projection screen: this many emitter cells across (height by aspect).
inline constexpr int kProjectorGridCells = 512;

/// The wall of an LED theatre config: modules across/down from screen size, pitch and module size.
imaging::LedWallLayout ledLayoutOf(const TheatreConfig& config);

/// Camera RGB (DN/s) → XYZ (cd/m²) matrix of the virtual camera (the truth a fit should find).
colorimetry::Matrix3 virtualCameraMatrix(const CameraSetup& camera);

/// Renders `stimulus` as the camera at `camera.seat` sees it. Throws std::invalid_argument on a
/// bad setup (sizes, exposure, supersample 1..16, fill 0.05..1) or unknown stimulus.
RenderedFrame renderCameraFrame(const VirtualTheatre& theatre, const std::string& stimulus,
                                const CameraSetup& camera);

/// Relative illumination of the virtual lens at camera pixel (x, y): the radial model with the
/// setup's elliptical aspect.
double relativeIllumination(const CameraSetup& camera, double x, double y);

/// A flat field: the whole sensor sees a uniform source of the given luminance and xy (for the
/// vignetting calibration).
imaging::RawFrame renderFlatField(const CameraSetup& camera, double luminance_cdm2,
                                  colorimetry::ChromaticityXY xy);

/// A flat checkerboard target (`squares` across and down; inner corners one fewer) seen through
/// the setup's lens (distortion about the image centre with focal length `focal_px`, vignetting,
/// noise), tilted by the given angles, filling about 90 % of the view: frames for the lens
/// calibration. The lens it was rendered with goes to `lens_out` when given.
imaging::RawFrame renderCheckerboard(const CameraSetup& camera, cv::Size squares, double tilt_x_deg,
                                     double tilt_y_deg, double focal_px,
                                     imaging::LensModel* lens_out = nullptr);

}  // namespace cm::drivers::virt

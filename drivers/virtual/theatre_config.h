// SPDX-License-Identifier: Apache-2.0
// Virtual theatre configuration: the documented JSON model of a screen that every simulator
// in the project renders from (spot meters and the camera). See drivers/virtual/README.md.
#pragma once

#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/geometry/screen.h"
#include "libmeasure/util/json_view.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cm::drivers::virt {

/// Smooth spatial shape of a stimulus field, relative to its centre.
struct FieldShape {
    double edge_h_pct = 100.0;  ///< luminance at the left/right edge midpoints, % of centre
    double edge_v_pct = 100.0;  ///< at the top/bottom edge midpoints
    double corner_pct = 100.0;  ///< at the corners
    /// Chromaticity shift (CIE 1931 x, y) reached at the corners; sides get half of it.
    double corner_dx = 0.0;
    double corner_dy = 0.0;
};

struct StimulusField {
    double centre_cdm2 = 0.0;
    colorimetry::ChromaticityXY centre_xy;
    FieldShape shape;
};

struct DeadPixel {
    int x_px = 0;
    int y_px = 0;
    double level = 0.0;  ///< 0 dead, 1 stuck fully on
};

/// A visible line along a module border (modules set too close: bright; too far apart: dark).
struct SeamSpec {
    bool vertical = true;   ///< border between module columns (true) or rows (false)
    int border = 1;         ///< between module column/row border−1 and border (1 … count−1)
    double gain_pct = 0.0;  ///< luminance change of the pixel line on each side, % (− darker)
    int first_segment = 0;  ///< module row (vertical) or column (horizontal) where it starts
    int last_segment = -1;  ///< where it ends (inclusive); −1: to the far edge
};

/// LED wall structure (screen.type == "led").
struct LedLayout {
    double pixel_pitch_mm = 2.5;
    int module_w_px = 0;
    int module_h_px = 0;
    int cabinet_w_modules = 1;
    int cabinet_h_modules = 1;
    double module_gain_spread_pct = 0.0;  ///< 1-sigma spread of per-module gain
    std::uint64_t wall_seed = 1;          ///< fixes which module gets which gain
    std::vector<DeadPixel> dead_pixels;
    std::vector<SeamSpec> seams;
    /// Off-axis fall-off: luminance loss at 60° horizontal / 35° vertical, and white Δu'v' at 60°.
    double off_axis_h_loss_pct_at_60deg = 0.0;
    double off_axis_v_loss_pct_at_35deg = 0.0;
    double off_axis_delta_uv_at_60deg = 0.0;
};

/// 3D eyewear: transmission of each lens and leakage of the other eye's image through it.
struct Glasses {
    double transmission_left = 1.0;
    double transmission_right = 1.0;
    double leak_left_pct = 0.0;   ///< % of the right-eye image seen through the left lens
    double leak_right_pct = 0.0;  ///< % of the left-eye image seen through the right lens
};

struct Noise {
    double luminance_rel_pct = 0.0;   ///< 1-sigma, % of reading
    double luminance_abs_cdm2 = 0.0;  ///< 1-sigma floor, cd/m²
    double chromaticity_xy = 0.0;     ///< 1-sigma on x and y
    std::uint64_t seed = 1;
};

struct TheatreConfig {
    std::string source;  ///< file name, for messages
    std::string name;
    std::string description;
    std::string screen_type;  ///< "projector" or "led"
    geometry::ScreenSize screen;
    geometry::Seat reference_seat;
    std::vector<geometry::Seat> seats;             ///< other seats, by id
    std::map<std::string, StimulusField> stimuli;  ///< at least "white" and "black"
    double ambient_cdm2 = 0.0;  ///< room light reflected off the screen, added to all
    double gamma = 2.6;         ///< display transfer exponent for grey levels
    /// How "code:X',Y',Z'" stimuli decode: "dci-gamma" (52.37 · (c/4095)^gamma, SDR) or "pq"
    /// (SMPTE ST 2084, HDR).
    std::string transfer = "dci-gamma";
    /// Uniform error of the decoded code-value luminance, % (a mis-calibrated EOTF).
    double eotf_error_pct = 0.0;
    /// Spectral shape of the display's primaries the simulated spectroradiometers report:
    /// "laser-rgb", "led-rgb" or "xenon" (default by screen type; see spectral_model.h).
    std::string spectral_primaries = "xenon";
    double checkerboard_flare_pct = 0.0;  ///< veiling light in black patches, % of white
    std::optional<LedLayout> led;
    Glasses glasses;
    Noise noise;

    const geometry::Seat* findSeat(const std::string& id) const;
};

/// Validates a parsed config; throws util::DataError naming file, field and expected form.
TheatreConfig parseTheatreConfig(const util::JsonView& root);

}  // namespace cm::drivers::virt

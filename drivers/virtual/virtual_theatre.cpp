// SPDX-License-Identifier: Apache-2.0
// Screen light model: smooth quadratic fall-off fields, a black floor, ambient light, checkerboard
// flare, 3D eyewear transmission and leakage, LED module gains and off-axis fall-off.
#include "drivers/virtual/virtual_theatre.h"

#include "libmeasure/colorimetry/transfer_functions.h"

#include <cmath>
#include <cstdio>
#include <random>
#include <stdexcept>

namespace cm::drivers::virt {

using colorimetry::XYZ;

namespace {

XYZ add(XYZ a, const XYZ& b) {
    return {a.X + b.X, a.Y + b.Y, a.Z + b.Z};
}
XYZ scale(XYZ a, double k) {
    return {a.X * k, a.Y * k, a.Z * k};
}

/// Stable hash of a module index into a gain with the configured spread (Box–Muller on a
/// per-module generator, so a module's gain does not depend on the order of queries).
double gainFor(std::uint64_t seed, int mx, int my, double spread_pct) {
    std::mt19937_64 gen(seed * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(mx) * 1000003ull +
                        static_cast<std::uint64_t>(my));
    std::normal_distribution<double> n(0.0, spread_pct / 100.0);
    return 1.0 + n(gen);
}

}  // namespace

colorimetry::CodeValues12 parseCodeStimulus(const std::string& stimulus) {
    colorimetry::CodeValues12 code{};
    int used = 0;
    if (std::sscanf(stimulus.c_str(), "code:%d,%d,%d%n", &code[0], &code[1], &code[2], &used) !=
            3 ||
        static_cast<std::size_t>(used) != stimulus.size() || code[0] < 0 || code[0] > 4095 ||
        code[1] < 0 || code[1] > 4095 || code[2] < 0 || code[2] > 4095) {
        throw std::invalid_argument(
            "code stimulus must be code:<X'>,<Y'>,<Z'> with 12-bit values, got '" + stimulus + "'");
    }
    return code;
}

std::string codeStimulus(const colorimetry::CodeValues12& code) {
    return "code:" + std::to_string(code[0]) + "," + std::to_string(code[1]) + "," +
           std::to_string(code[2]);
}

VirtualTheatre::VirtualTheatre(TheatreConfig config) : config_(std::move(config)) {
    aim_.seat = config_.reference_seat;
}

XYZ VirtualTheatre::fieldAt(const StimulusField& f, double u, double v) const {
    // Biquadratic surface through 1 at the centre, edge_h at (±1, 0), edge_v at (0, ±1) and
    // corner at (±1, ±1): smooth, symmetric, and exact at the configured points.
    const double eh = f.shape.edge_h_pct / 100.0;
    const double ev = f.shape.edge_v_pct / 100.0;
    const double ec = f.shape.corner_pct / 100.0;
    const double u2 = u * u;
    const double v2 = v * v;
    const double rel = 1.0 - (1.0 - eh) * u2 - (1.0 - ev) * v2 + (ec - eh - ev + 1.0) * u2 * v2;
    const double w = 0.5 * (u2 + v2);  // 0 at centre, 0.5 at side midpoints, 1 at corners
    colorimetry::ChromaticityXY xy{f.centre_xy.x + f.shape.corner_dx * w,
                                   f.centre_xy.y + f.shape.corner_dy * w};
    return colorimetry::fromxyY(xy, f.centre_cdm2 * std::max(0.0, rel));
}

double VirtualTheatre::moduleGain(const geometry::ScreenPoint& p) const {
    if (!config_.led || config_.led->module_gain_spread_pct <= 0.0) {
        return 1.0;
    }
    const LedLayout& led = *config_.led;
    const double module_w_m = led.module_w_px * led.pixel_pitch_mm / 1000.0;
    const double module_h_m = led.module_h_px * led.pixel_pitch_mm / 1000.0;
    const int mx =
        static_cast<int>(std::floor((p.x_m + config_.screen.width_m / 2.0) / module_w_m));
    const int my =
        static_cast<int>(std::floor((config_.screen.height_m / 2.0 - p.y_m) / module_h_m));
    return gainFor(led.wall_seed, mx, my, led.module_gain_spread_pct);
}

XYZ VirtualTheatre::eyeImage(const std::string& stimulus, const geometry::ScreenPoint& p) const {
    const double u = geometry::normalisedU(p, config_.screen);
    const double v = geometry::normalisedV(p, config_.screen);
    const StimulusField& white = config_.stimuli.at("white");
    const StimulusField& black = config_.stimuli.at("black");
    if (stimulus == "off") {
        return {};  // display switched off (or dowser closed): only room light remains
    }
    if (auto it = config_.stimuli.find(stimulus); it != config_.stimuli.end()) {
        // Configured fields already include the display's own black.
        return fieldAt(it->second, u, v);
    }
    if (stimulus.rfind("grey:", 0) == 0) {
        char* end = nullptr;
        const double f = std::strtod(stimulus.c_str() + 5, &end);
        if (end == stimulus.c_str() + 5 || *end != '\0' || !(f >= 0.0 && f <= 1.0)) {
            throw std::invalid_argument("grey level must be grey:<fraction 0..1>, got '" +
                                        stimulus + "'");
        }
        const XYZ w = fieldAt(white, u, v);
        const XYZ b = fieldAt(black, u, v);
        const double k = std::pow(f, config_.gamma);
        return add(b, scale({w.X - b.X, w.Y - b.Y, w.Z - b.Z}, k));
    }
    if (stimulus.rfind("code:", 0) == 0) {
        // A full field of DCI code values, decoded by the display's transfer, shaped like its
        // white field and sitting on its black floor.
        const colorimetry::CodeValues12 code = parseCodeStimulus(stimulus);
        XYZ target;
        if (config_.transfer == "pq") {
            target = colorimetry::pqDecode12(code);
        } else {
            const auto channel = [&](int c) {
                return colorimetry::kDciNormalisation_cdm2 * std::pow(c / 4095.0, config_.gamma);
            };
            target = {channel(code[0]), channel(code[1]), channel(code[2])};
        }
        const double shape =
            white.centre_cdm2 > 0.0 ? fieldAt(white, u, v).Y / white.centre_cdm2 : 1.0;
        return add(fieldAt(black, u, v),
                   scale(target, shape * (1.0 + config_.eotf_error_pct / 100.0)));
    }
    if (stimulus == "checkerboard" || stimulus == "checkerboard_inverse") {
        // 4×4 board, top-left patch white on "checkerboard" (RP 431-2 §7.6).
        const int col = std::clamp(static_cast<int>(std::floor((u + 1.0) * 2.0)), 0, 3);
        const int row = std::clamp(static_cast<int>(std::floor((1.0 - v) * 2.0)), 0, 3);
        bool isWhite = (col + row) % 2 == 0;
        if (stimulus == "checkerboard_inverse") {
            isWhite = !isWhite;
        }
        if (isWhite) {
            return fieldAt(white, u, v);
        }
        const XYZ flare = colorimetry::fromxyY(
            white.centre_xy, white.centre_cdm2 * config_.checkerboard_flare_pct / 100.0);
        return add(fieldAt(black, u, v), flare);
    }
    throw std::invalid_argument("the virtual theatre has no stimulus '" + stimulus + "'");
}

XYZ VirtualTheatre::radiance(const std::string& stimulus, const std::string& eyewear,
                             const geometry::ScreenPoint& p, const geometry::Seat& seat) const {
    XYZ light;
    if (stimulus.rfind("3d_", 0) == 0) {
        // Stereoscopic stimuli: each eye's image is white or black; through a lens the viewer sees
        // its own eye's image plus the leak of the other eye's image.
        bool leftWhite = false;
        bool rightWhite = false;
        if (stimulus == "3d_white") {
            leftWhite = rightWhite = true;
        } else if (stimulus == "3d_left_white") {
            leftWhite = true;
        } else if (stimulus == "3d_right_white") {
            rightWhite = true;
        } else if (stimulus != "3d_black") {
            throw std::invalid_argument("the virtual theatre has no stimulus '" + stimulus + "'");
        }
        const XYZ L = eyeImage(leftWhite ? "white" : "black", p);
        const XYZ R = eyeImage(rightWhite ? "white" : "black", p);
        const Glasses& g = config_.glasses;
        if (eyewear == "left") {
            light = scale(add(L, scale(R, g.leak_left_pct / 100.0)), g.transmission_left);
        } else if (eyewear == "right") {
            light = scale(add(R, scale(L, g.leak_right_pct / 100.0)), g.transmission_right);
        } else {
            light = scale(add(L, R), 0.5);  // time-multiplexed: each image half the time
        }
    } else {
        light = eyeImage(stimulus, p);
        if (eyewear == "left") {
            light = scale(light, config_.glasses.transmission_left);
        } else if (eyewear == "right") {
            light = scale(light, config_.glasses.transmission_right);
        }
    }
    if (config_.led) {
        const geometry::LineOfSight los = geometry::lineOfSight(seat, p);
        const LedLayout& led = *config_.led;
        const double h = los.horizontal_deg / 60.0;
        const double vv = los.vertical_deg / 35.0;
        const double keep = std::max(0.0, 1.0 - led.off_axis_h_loss_pct_at_60deg / 100.0 * h * h -
                                              led.off_axis_v_loss_pct_at_35deg / 100.0 * vv * vv);
        light = scale(light, keep * moduleGain(p));
        if (led.off_axis_delta_uv_at_60deg > 0.0 && light.Y > 0.0) {
            // Off-axis colour shift toward blue along −v' (typical of LED packages).
            colorimetry::ChromaticityUV uv = colorimetry::toUV(light);
            uv.v_prime -= led.off_axis_delta_uv_at_60deg * h * h;
            light = colorimetry::fromxyY(colorimetry::toXY(uv), light.Y);
        }
    }
    const double t = eyewear == "left"    ? config_.glasses.transmission_left
                     : eyewear == "right" ? config_.glasses.transmission_right
                                          : 1.0;
    const StimulusField& white = config_.stimuli.at("white");
    return add(light, colorimetry::fromxyY(white.centre_xy, config_.ambient_cdm2 * t));
}

XYZ VirtualTheatre::spotMean(const Presentation& presentation, const Aim& aim,
                             double acceptance_angle_deg) const {
    const geometry::LineOfSight los = geometry::lineOfSight(aim.seat, aim.point);
    const double r = geometry::spotRadius_m(los.distance_m, acceptance_angle_deg);
    // Centre plus two rings (6 and 12 samples) cover the spot with equal-area weights.
    XYZ sum;
    double weight = 0.0;
    auto sample = [&](double dx, double dy, double w) {
        sum = add(sum, scale(radiance(presentation.stimulus, presentation.eyewear,
                                      {aim.point.x_m + dx, aim.point.y_m + dy}, aim.seat),
                             w));
        weight += w;
    };
    sample(0, 0, 1.0);
    for (int ring = 1; ring <= 2; ++ring) {
        const int n = 6 * ring;
        const double rr = r * ring / 2.5;
        for (int k = 0; k < n; ++k) {
            const double a = 2.0 * M_PI * (k + 0.5 * ring) / n;
            sample(rr * std::cos(a), rr * std::sin(a), ring == 1 ? 8.0 / 6.0 : 16.0 / 12.0);
        }
    }
    return scale(sum, 1.0 / weight);
}

void VirtualTheatre::show(const Presentation& presentation) {
    std::lock_guard lock(mutex_);
    presentation_ = presentation;
}

void VirtualTheatre::aimAt(const Aim& aim) {
    std::lock_guard lock(mutex_);
    aim_ = aim;
}

Presentation VirtualTheatre::presentation() const {
    std::lock_guard lock(mutex_);
    return presentation_;
}

void VirtualTheatre::setTask(std::uint64_t task_index) {
    std::lock_guard lock(mutex_);
    task_ = task_index;
}

std::uint64_t VirtualTheatre::task() const {
    std::lock_guard lock(mutex_);
    return task_;
}

Aim VirtualTheatre::aim() const {
    std::lock_guard lock(mutex_);
    return aim_;
}

}  // namespace cm::drivers::virt

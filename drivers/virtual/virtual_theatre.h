// SPDX-License-Identifier: Apache-2.0
// The virtual theatre: renders the true light of any stimulus at any screen point as seen from a
// seat, and holds what is currently shown and where the meter is aimed (the simulated room).
#pragma once

#include "drivers/virtual/theatre_config.h"
#include "libmeasure/colorimetry/transfer_functions.h"

#include <mutex>
#include <string>

namespace cm::drivers::virt {

/// "code:X,Y,Z" ↔ 12-bit DCI code values (a full field of those codes). Throws
/// std::invalid_argument for malformed text or values outside 0..4095.
colorimetry::CodeValues12 parseCodeStimulus(const std::string& stimulus);
std::string codeStimulus(const colorimetry::CodeValues12& code);

/// What is on screen and in front of the meter.
struct Presentation {
    /// "white", "black", "red", "green", "blue", any configured name, "grey:<fraction 0..1>",
    /// "code:<X'>,<Y'>,<Z'>" (decoded by the config's transfer), "checkerboard",
    /// "checkerboard_inverse", "3d_white", "3d_left_white", "3d_right_white", "3d_black".
    std::string stimulus = "white";
    std::string eyewear = "none";  ///< "none", "left", "right"
};

struct Aim {
    geometry::Seat seat;
    geometry::ScreenPoint point;
};

class VirtualTheatre {
public:
    explicit VirtualTheatre(TheatreConfig config);

    const TheatreConfig& config() const { return config_; }

    /// True light (no measurement noise) of a stimulus at a point, seen from a seat through the
    /// given eyewear. Throws std::invalid_argument for an unknown stimulus.
    colorimetry::XYZ radiance(const std::string& stimulus, const std::string& eyewear,
                              const geometry::ScreenPoint& p, const geometry::Seat& seat) const;

    /// Mean over the spot a meter with the given acceptance angle sees around the aim point.
    colorimetry::XYZ spotMean(const Presentation& presentation, const Aim& aim,
                              double acceptance_angle_deg) const;

    /// Gain of the LED module containing the point (1 for projection screens).
    double moduleGain(const geometry::ScreenPoint& p) const;

    // The simulated room state, shared between the operator and the simulators' threads.
    void show(const Presentation& presentation);
    void aimAt(const Aim& aim);
    Presentation presentation() const;
    Aim aim() const;
    /// Which procedure task the room is set up for (the operator advances it). Simulators key
    /// their noise on it, so a resumed run repeats an uninterrupted run's readings exactly.
    void setTask(std::uint64_t task_index);
    std::uint64_t task() const;

private:
    colorimetry::XYZ fieldAt(const StimulusField& f, double u, double v) const;
    colorimetry::XYZ eyeImage(const std::string& stimulus, const geometry::ScreenPoint& p) const;

    TheatreConfig config_;
    mutable std::mutex mutex_;
    Presentation presentation_;
    Aim aim_;
    std::uint64_t task_ = 0;
};

}  // namespace cm::drivers::virt

// SPDX-License-Identifier: Apache-2.0
// A measurement profile: one standard's procedure (steps) and its figures with tolerances.
// Profiles are data (calibration/profiles/*.json); this is their validated in-memory form.
#pragma once

#include "libmeasure/evaluation/tolerance.h"
#include "libmeasure/util/json_view.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace cm::procedure {

struct StandardRef {
    std::string name;     ///< e.g. "SMPTE ST 431-1"
    std::string edition;  ///< e.g. "2006"
};

/// What the profile asks of the instrument (checked before measuring).
struct InstrumentRequirements {
    double max_acceptance_angle_deg = 2.0;
    double min_luminance_cdm2 = 0.0;
    bool spectral = false;
    /// Accuracy the standard asks of the instrument (half-widths); 0 = not stated.
    double accuracy_luminance_rel = 0.0;
    double accuracy_xy = 0.0;
    std::string source;
};

/// Room conditions the standard asks for before and during measuring.
struct RoomConditions {
    /// Minimum time since the display was switched on; 0 = not required.
    double warm_up_min_minutes = 0.0;
    std::string warm_up_source;
    /// Step reading the screen-reflected ambient with the display off (or its dark signal);
    /// empty = the profile has none.
    std::string ambient_step;
    std::string ambient_source;
};

/// Where the meter stands and which points it is aimed at.
struct MeasurementGeometry {
    std::string seat = "reference";
    /// Further seats the steps may name (for the report and the operator); each must exist in
    /// the theatre being measured.
    std::vector<std::string> extra_seats;
    std::string layout = "st431-5";
    double inset_fraction_of_width = 0.05;
    std::string source;
};

/// Seat id meaning "the meter normal to the screen at each point, close to it" (ICDM IDMS §8.1
/// sampled uniformity); needs no seat in the theatre.
inline constexpr const char* kSeatNormal = "normal";

/// One step: a stimulus on screen, read at some points, each `repeats` times.
struct Step {
    std::string id;
    std::string stimulus;  ///< name the virtual theatre and pattern generator know ("white", ...)
    std::optional<std::array<int, 3>> code_xyz;  ///< DCI X'Y'Z' 12-bit code values, if defined
    std::string eyewear = "none";                ///< "none", "left" or "right" (3D)
    /// Seat the meter stands at for this step; empty = the profile's measurement seat. Off-axis
    /// and multi-seat steps name other seats ("off_axis_h60", "front_row_centre", ...).
    std::string seat;
    std::vector<std::string> points;
    int repeats = 1;
    std::string instruction;  ///< operator text beyond "show pattern, aim at point"
};

/// One reported figure: a metric computed from readings, with its tolerance.
struct FigureSpec {
    std::string id;
    std::string label;
    std::string metric;  ///< name in the metric registry
    std::string step;
    std::string point;
    std::string reference_point;  ///< for relative metrics (e.g. % of centre)
    std::string reference_step;   ///< for two-stimulus metrics (e.g. the black step of a contrast)
    /// For metrics over several points of `step` (uniformity, worst module, Δu'v' pairs).
    std::vector<std::string> points;
    /// For metrics over several steps read at `point` (grey ramps, seats).
    std::vector<std::string> steps;
    /// Y' code of each of `steps` (from their code_xyz), filled when the profile is parsed.
    std::vector<int> step_codes_y;
    /// Black read with the same eyewear/point, subtracted where the metric allows it (extinction
    /// ratio, gamma fit); empty = no subtraction.
    std::string black_step;
    /// Transfer function the targets come from: "dci-gamma-2.6" or "pq" (EOTF metrics).
    std::string transfer;
    /// Lowest luminance, as a fraction of the ramp's peak, a gamma fit uses (RP 431-2 Annex A: 5
    /// %).
    double fit_min_fraction_of_peak = 0.05;
    /// Whether room ambient is in the figure: "included" (in-situ reading, nothing subtracted),
    /// "subtracted" (a device-off or black reading subtracted) or "" (not a black/contrast figure).
    std::string ambient;
    std::string unit;
    evaluation::Tolerance tolerance;
};

struct Profile {
    int version = 1;
    std::string id;
    std::string title;
    StandardRef standard;
    std::string room_class;     ///< "nominal", "review_room", "theatre"
    std::string dynamic_range;  ///< "SDR" or "HDR"
    std::string stereo;         ///< "2D" or "3D"
    std::string display_type;   ///< "projector" or "led"
    bool provisional = false;   ///< whole profile rests on a draft
    /// False when the standard's text has not been read at all (ISO/AWI 25338): its limits stay
    /// informative even under `--provisional binding`.
    bool binding_allowed = true;
    std::string notes;
    InstrumentRequirements instrument;
    RoomConditions conditions;
    MeasurementGeometry geometry;
    std::vector<Step> steps;
    std::vector<FigureSpec> figures;

    const Step* findStep(const std::string& step_id) const;
    /// The seat a step is read from.
    const std::string& seatOf(const Step& step) const {
        return step.seat.empty() ? geometry.seat : step.seat;
    }
};

/// Validates and converts a parsed profile document. Throws util::DataError naming the source,
/// the JSON path and the expected form; also checks cross-references (figure → step → point,
/// metric names, tolerance consistency) so a bad profile fails before any measurement starts.
Profile parseProfile(const util::JsonView& root);

}  // namespace cm::procedure

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
    std::string source;
};

/// Where the meter stands and which points it is aimed at.
struct MeasurementGeometry {
    std::string seat = "reference";
    std::string layout = "st431-5";
    double inset_fraction_of_width = 0.05;
    std::string source;
};

/// One step: a stimulus on screen, read at some points, each `repeats` times.
struct Step {
    std::string id;
    std::string stimulus;  ///< name the virtual theatre and pattern generator know ("white", ...)
    std::optional<std::array<int, 3>> code_xyz;  ///< DCI X'Y'Z' 12-bit code values, if defined
    std::string eyewear = "none";                ///< "none", "left" or "right" (3D)
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
    std::string notes;
    InstrumentRequirements instrument;
    MeasurementGeometry geometry;
    std::vector<Step> steps;
    std::vector<FigureSpec> figures;

    const Step* findStep(const std::string& step_id) const;
};

/// Validates and converts a parsed profile document. Throws util::DataError naming the source,
/// the JSON path and the expected form; also checks cross-references (figure → step → point,
/// metric names, tolerance consistency) so a bad profile fails before any measurement starts.
Profile parseProfile(const util::JsonView& root);

}  // namespace cm::procedure

// SPDX-License-Identifier: Apache-2.0
// The report model: everything a signed certification states. Writers (JSON, CSV, PDF) live in
// app/common/report and render this one model.
#pragma once

#include "libmeasure/evaluation/evaluate_profile.h"
#include "libmeasure/evaluation/instrument_fitness.h"
#include "libmeasure/procedure/runner.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace cm::report {

struct SiteInfo {
    std::string site;
    std::string auditorium;
    double screen_width_m = 0.0;
    double screen_height_m = 0.0;
    std::string screen_type;  ///< "projector" or "led"
    std::string seat_id;
};

struct RunInfo {
    std::string software_version;
    std::string git_revision;
    std::string started_utc;
    std::string finished_utc;
    std::string operator_name;
    std::string source;   ///< "simulation of <config>" or the port used
    long long seed = -1;  ///< simulation seed, -1 for real instruments
    std::string decision_rule = "simple acceptance";
    /// "binding" or "informative": whether limits flagged provisional decided the verdict.
    std::string provisional_limits = "informative";
    /// Printed and reported when draft limits were made binding (`--provisional binding`).
    std::string provisional_warning;
    std::string session_id;  ///< the session store's id, for resume and export
};

/// Room conditions of the run (the profile's warm-up and ambient steps) as recorded.
struct RoomConditionsRecord {
    double warm_up_required_min_minutes = 0.0;  ///< 0 = the profile asks for none
    std::string warm_up_source;
    double warm_up_minutes = -1.0;  ///< time since switch-on as stated; < 0 = not stated
    std::string warm_up_outcome;    ///< "ok", "not stated", "simulated", "too short"
    std::string ambient_step;       ///< the profile's device-off step, empty if none
    std::string ambient_source;
    double ambient_cdm2 = -1.0;  ///< centre reading of the ambient step; < 0 = not read
};

void to_json(nlohmann::json& j, const SiteInfo& s);
/// The report's "run" object (decision rule and provisional policy are reported on their own).
void to_json(nlohmann::json& j, const RunInfo& r);
void to_json(nlohmann::json& j, const RoomConditionsRecord& k);

struct CertificationReport {
    RunInfo run;
    SiteInfo site;
    procedure::Profile profile;
    std::vector<geometry::MeasurementPoint> points;
    std::vector<procedure::InstrumentInfo> instruments;
    std::vector<procedure::RecordedReading> readings;
    std::vector<procedure::SkippedTask> skipped;
    std::vector<std::string> notes;
    evaluation::Evaluation evaluation;
    /// Instrument fitness checks made before the first reading.
    std::vector<evaluation::FitnessCheck> fitness;
    /// Why the overall verdict is withheld (an instrument not fit for the profile), else empty.
    std::string overall_note;
    RoomConditionsRecord conditions;
    /// True only when every task has a reading or an explicit skip.
    bool complete = false;
};

}  // namespace cm::report

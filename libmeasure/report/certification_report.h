// The report model: everything a signed certification states. Writers (JSON, CSV, PDF) live in
// app/common/report and render this one model.
#pragma once

#include "libmeasure/evaluation/evaluate_profile.h"
#include "libmeasure/procedure/runner.h"

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
    std::string provisional_limits = "binding";
    std::string session_id;  ///< the session store's id, for resume and export
};

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
    /// True only when every task has a reading or an explicit skip.
    bool complete = false;
};

}  // namespace cm::report

// SPDX-License-Identifier: Apache-2.0
// What a run states beyond its readings: the operator's instrument calibration record, warm-up,
// accepted exceptions, and the fitness and room-condition outcomes checked before the first
// reading. Journaled with the session (SessionStore::setRunOptions) so resume and re-reports see
// it.
#pragma once

#include "libmeasure/report/certification_report.h"

#include <string>
#include <vector>

namespace cm::app {

struct RunOptions {
    bool allow_uncorrected = false;
    /// Rehearsals and training: measure with an instrument that is not fit for the profile. The
    /// failed checks are recorded and the overall verdict is withheld (NOT EVALUATED).
    bool allow_unfit = false;
    std::string calibration_date;  ///< "YYYY-MM-DD", empty = not stated
    std::string calibration_certificate;
    int calibration_interval_months = 12;
    double warm_up_minutes = -1.0;      ///< time since switch-on; < 0 = not stated
    double measuring_distance_m = 0.0;  ///< field runs: meter to screen centre; 0 = unknown
};

struct RunRecord {
    RunOptions options;
    std::vector<evaluation::FitnessCheck> fitness;
    report::RoomConditionsRecord conditions;
    bool checked = false;  ///< fitness was checked (false for a session started before this)
};

std::string toJson(const RunRecord& r);
/// Empty text gives a default record; throws util::DataError for malformed text.
RunRecord runRecordFromJson(const std::string& text);

}  // namespace cm::app

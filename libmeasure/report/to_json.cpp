// SPDX-License-Identifier: Apache-2.0
// JSON of the report model's own records (site, run, room conditions).
#include "libmeasure/report/certification_report.h"

#include <nlohmann/json.hpp>

namespace cm::report {

void to_json(nlohmann::json& j, const SiteInfo& s) {
    j = {{"site", s.site},
         {"auditorium", s.auditorium},
         {"screen_width_m", s.screen_width_m},
         {"screen_height_m", s.screen_height_m},
         {"screen_type", s.screen_type},
         {"seat", s.seat_id}};
}

void to_json(nlohmann::json& j, const RunInfo& r) {
    j = {{"software_version", r.software_version},
         {"git_revision", r.git_revision},
         {"started_utc", r.started_utc},
         {"finished_utc", r.finished_utc},
         {"operator", r.operator_name},
         {"source", r.source},
         {"seed", r.seed},
         {"session_id", r.session_id}};
}

void to_json(nlohmann::json& j, const RoomConditionsRecord& k) {
    j = {{"warm_up",
          {{"required_min_minutes", k.warm_up_required_min_minutes},
           {"stated_minutes",
            k.warm_up_minutes >= 0.0 ? nlohmann::json(k.warm_up_minutes) : nlohmann::json(nullptr)},
           {"outcome", k.warm_up_outcome},
           {"source", k.warm_up_source}}},
         {"ambient",
          {{"step", k.ambient_step},
           {"luminance_cdm2",
            k.ambient_cdm2 >= 0.0 ? nlohmann::json(k.ambient_cdm2) : nlohmann::json(nullptr)},
           {"source", k.ambient_source}}}};
}

}  // namespace cm::report

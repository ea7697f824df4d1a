// SPDX-License-Identifier: Apache-2.0
// JSON round trip of the run record.
#include "app/common/run/run_record.h"

#include "libmeasure/util/json_view.h"

namespace cm::app {

namespace {

evaluation::FitnessOutcome outcomeFrom(const std::string& s) {
    using evaluation::FitnessOutcome;
    for (FitnessOutcome o : {FitnessOutcome::Ok, FitnessOutcome::Warning, FitnessOutcome::NotFit,
                             FitnessOutcome::NotChecked}) {
        if (s == evaluation::toString(o)) {
            return o;
        }
    }
    return FitnessOutcome::NotChecked;
}

}  // namespace

std::string toJson(const RunRecord& r) {
    nlohmann::json j;
    j["options"] = {{"allow_uncorrected", r.options.allow_uncorrected},
                    {"allow_unfit", r.options.allow_unfit},
                    {"calibration_date", r.options.calibration_date},
                    {"calibration_certificate", r.options.calibration_certificate},
                    {"calibration_interval_months", r.options.calibration_interval_months},
                    {"warm_up_minutes", r.options.warm_up_minutes},
                    {"measuring_distance_m", r.options.measuring_distance_m}};
    j["checked"] = r.checked;
    j["fitness"] = nlohmann::json::array();
    for (const auto& c : r.fitness) {
        j["fitness"].push_back({{"id", c.id},
                                {"outcome", evaluation::toString(c.outcome)},
                                {"requirement", c.requirement},
                                {"found", c.found},
                                {"message", c.message},
                                {"reason", c.reason},
                                {"numbers", c.numbers}});
    }
    const auto& k = r.conditions;
    j["conditions"] = {{"warm_up_required_min_minutes", k.warm_up_required_min_minutes},
                       {"warm_up_source", k.warm_up_source},
                       {"warm_up_minutes", k.warm_up_minutes},
                       {"warm_up_outcome", k.warm_up_outcome},
                       {"ambient_step", k.ambient_step},
                       {"ambient_source", k.ambient_source}};
    return j.dump();
}

RunRecord runRecordFromJson(const std::string& text) {
    RunRecord r;
    if (text.empty()) {
        return r;
    }
    const nlohmann::json doc = util::parseJson(text, "run record");
    const util::JsonView j(doc, "run record");
    if (auto o = j.find("options")) {
        r.options.allow_uncorrected = o->booleanOr("allow_uncorrected", false);
        r.options.allow_unfit = o->booleanOr("allow_unfit", false);
        r.options.calibration_date = o->stringOr("calibration_date", "");
        r.options.calibration_certificate = o->stringOr("calibration_certificate", "");
        r.options.calibration_interval_months =
            static_cast<int>(o->numberOr("calibration_interval_months", 12));
        r.options.warm_up_minutes = o->numberOr("warm_up_minutes", -1.0);
        r.options.measuring_distance_m = o->numberOr("measuring_distance_m", 0.0);
    }
    r.checked = j.booleanOr("checked", false);
    if (auto f = j.find("fitness")) {
        for (const util::JsonView& c : f->elements()) {
            evaluation::FitnessCheck check{c.string("id"),
                                           outcomeFrom(c.string("outcome")),
                                           c.stringOr("requirement", ""),
                                           c.stringOr("found", ""),
                                           c.stringOr("message", ""),
                                           c.stringOr("reason", ""),
                                           {}};
            if (auto n = c.find("numbers")) {
                for (const util::JsonView& x : n->elements()) {
                    check.numbers.push_back(x.number());
                }
            }
            r.fitness.push_back(std::move(check));
        }
    }
    if (auto c = j.find("conditions")) {
        auto& k = r.conditions;
        k.warm_up_required_min_minutes = c->numberOr("warm_up_required_min_minutes", 0.0);
        k.warm_up_source = c->stringOr("warm_up_source", "");
        k.warm_up_minutes = c->numberOr("warm_up_minutes", -1.0);
        k.warm_up_outcome = c->stringOr("warm_up_outcome", "");
        k.ambient_step = c->stringOr("ambient_step", "");
        k.ambient_source = c->stringOr("ambient_source", "");
    }
    return r;
}

}  // namespace cm::app

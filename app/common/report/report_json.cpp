// SPDX-License-Identifier: Apache-2.0
// JSON rendering of the report model: every reading and every figure with limit and verdict.
#include "app/common/report/report_json.h"

#include "app/common/present/chart_data.h"
#include "app/common/present/figure_text.h"
#include "libmeasure/procedure/reading_spectrum.h"
#include "libmeasure/util/json_view.h"

#include <algorithm>
#include <cmath>

namespace cm::app {

namespace {

nlohmann::json numberOrNull(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

/// The reading's spectral radiance and how the instrument's XYZ compares with it (the check needs
/// the shipped CIE table, so it is added here, not by the reading's own to_json); null without.
nlohmann::json spectrumJson(const procedure::Reading& reading) {
    const auto check = present::spectralCheck(reading);
    if (!check) {
        return nullptr;
    }
    return {{"start_nm", reading.spectrum_start_nm},
            {"step_nm", reading.spectrum_step_nm},
            {"unit", "W/(sr m2 nm)"},
            {"values", reading.spectral_radiance},
            {"check",
             {{"observer", "CIE 1931 2°"},
              {"X", numberOrNull(check->from_spectrum.X)},
              {"Y", numberOrNull(check->from_spectrum.Y)},
              {"Z", numberOrNull(check->from_spectrum.Z)},
              {"delta_Y_pct", numberOrNull(check->delta_Y_pct)},
              {"delta_u_prime_v_prime", numberOrNull(check->delta_uv)}}}};
}

}  // namespace

nlohmann::json reportToJson(const report::CertificationReport& r) {
    // Each value type writes itself (to_json beside the type); this assembles the document and
    // adds what only the report knows: the decision rule's wording, the budgets in use, the text
    // every front end shows for a figure.
    nlohmann::json j;
    j["schema"] = "cinemeasure-report";
    j["version"] = 1;
    j["complete"] = r.complete;
    j["overall_verdict"] = evaluation::toString(r.evaluation.overall);
    j["overall_note"] = r.overall_note;
    j["decision_rule"] = r.run.decision_rule;
    j["provisional_limits"] = r.run.provisional_limits;
    j["provisional_warning"] = r.run.provisional_warning;
    const evaluation::DecisionRule rule = r.evaluation.options.rule;
    j["decision"] = {{"rule", evaluation::idOf(rule)},
                     {"description", evaluation::toString(rule)},
                     {"guard_band", rule == evaluation::DecisionRule::Simple ? "w = 0" : "w = U"},
                     {"references", "ILAC-G8:09/2019 §4.2; ISO 14253-1:2017"}};
    nlohmann::json budgets = nlohmann::json::array();
    for (const auto& m : r.evaluation.options.instrument_models) {
        if (std::any_of(r.instruments.begin(), r.instruments.end(),
                        [&](const auto& i) { return m.matches(i.model); })) {
            budgets.push_back(nlohmann::json(m));
        }
    }
    j["uncertainty"] = {
        {"method",
         "Monte Carlo (GUM Supplement 1): systematic components drawn once per instrument per "
         "run, random ones per reading; repeats reduce only the random part "
         "(docs/uncertainty.md)"},
        {"draws", r.evaluation.options.draws == 0 ? nlohmann::json("adaptive")
                                                  : nlohmann::json(r.evaluation.options.draws)},
        {"target_relative_standard_error_of_U", 0.01},
        {"seed", r.evaluation.options.seed},
        {"coverage_factor", 2},
        {"instrument_budgets", budgets}};
    j["fitness"] = r.fitness;
    j["room_conditions"] = r.conditions;
    j["run"] = r.run;
    j["site"] = r.site;
    const procedure::Profile& p = r.profile;
    // A summary of the profile, not the profile document (that is in the session's record).
    j["profile"] = {{"id", p.id},
                    {"title", p.title},
                    {"standard", p.standard.name},
                    {"edition", p.standard.edition},
                    {"room_class", p.room_class},
                    {"dynamic_range", p.dynamic_range},
                    {"stereo", p.stereo},
                    {"display_type", p.display_type},
                    {"provisional", p.provisional},
                    {"geometry_source", p.geometry.source}};
    j["instruments"] = r.instruments;
    j["points"] = r.points;
    j["readings"] = r.readings;
    for (std::size_t k = 0; k < r.readings.size(); ++k) {
        j["readings"][k]["spectrum"] = spectrumJson(r.readings[k].reading);
    }
    j["skipped"] = r.skipped;
    j["notes"] = r.notes;
    j["figures"] = nlohmann::json::array();
    for (const auto& f : r.evaluation.figures) {
        nlohmann::json fj = f;
        // The text every front end prints, so a reader can match the PDF to the numbers.
        const auto shown = present::formatFigure(f);
        fj["shown"] = {{"value", shown.value},
                       {"expanded_uncertainty", shown.uncertainty},
                       {"unit", shown.unit},
                       {"limit", shown.limit},
                       {"verdict", shown.verdict}};
        j["figures"].push_back(std::move(fj));
    }
    return j;
}

std::vector<procedure::RecordedReading> readingsFromReportJson(const nlohmann::json& doc,
                                                               const std::string& source) {
    util::JsonView root(doc, source);
    std::vector<procedure::RecordedReading> out;
    for (const util::JsonView& r : root.at("readings").elements()) {
        procedure::RecordedReading rr;
        rr.step_id = r.string("step");
        rr.point_id = r.string("point");
        rr.repeat = static_cast<int>(r.at("repeat").integer(0, 1000));
        rr.reading.xyz_cdm2 = {r.number("X"), r.number("Y"), r.number("Z")};
        rr.reading.integration_time_s = r.numberOr("integration_time_s", 0.0);
        // Reports written before low-light escalation have neither field: one exposure, default.
        rr.reading.averages =
            r.has("averages") ? static_cast<int>(r.at("averages").integer(1, 1000000)) : 1;
        rr.reading.integration_limit_s = r.numberOr("integration_limit_s", 0.0);
        rr.reading.timestamp_utc = r.stringOr("timestamp_utc", "");
        rr.reading.instrument.serial = r.stringOr("instrument_serial", "");
        rr.reading.u_luminance_rel = r.numberOr("u_luminance_rel", 0.0);
        rr.reading.u_chromaticity_xy = r.numberOr("u_chromaticity_xy", 0.0);
        if (r.has("spectrum") && !r.at("spectrum").raw().is_null()) {
            const util::JsonView sp = r.at("spectrum");
            std::vector<double> values;
            for (const util::JsonView& v : sp.at("values").elements()) {
                values.push_back(v.number());
            }
            procedure::setSpectralRadiance(rr.reading, sp.number("start_nm"), sp.number("step_nm"),
                                           std::move(values));
        }
        out.push_back(std::move(rr));
    }
    return out;
}

}  // namespace cm::app

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

nlohmann::json optionalNumber(const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

/// The reading's spectral radiance and how the instrument's XYZ compares with it; null without.
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

nlohmann::json instrumentJson(const procedure::InstrumentInfo& i) {
    return {{"family", i.family},
            {"model", i.model},
            {"serial", i.serial},
            {"firmware", i.firmware},
            {"acceptance_angle_deg", i.acceptance_angle_deg},
            {"calibration_date", i.calibration_date},
            {"calibration_certificate", i.calibration_certificate}};
}

}  // namespace

nlohmann::json reportToJson(const report::CertificationReport& r) {
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
    {
        nlohmann::json budgets = nlohmann::json::array();
        for (const auto& m : r.evaluation.options.instrument_models) {
            const bool used = std::any_of(r.instruments.begin(), r.instruments.end(),
                                          [&](const auto& i) { return m.matches(i.model); });
            if (!used) {
                continue;
            }
            nlohmann::json comps = nlohmann::json::array();
            for (const auto& c : m.components) {
                comps.push_back({{"name", c.name},
                                 {"kind", evaluation::toString(c.kind)},
                                 {"quantity", evaluation::toString(c.quantity)},
                                 {"value", c.value},
                                 {"distribution", evaluation::toString(c.distribution)},
                                 {"standard_uncertainty", c.standardUncertainty()},
                                 {"source", c.source}});
            }
            budgets.push_back({{"models", m.models},
                               {"type", m.type},
                               {"source", m.source},
                               {"components", comps}});
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
    }
    j["fitness"] = nlohmann::json::array();
    for (const auto& c : r.fitness) {
        j["fitness"].push_back({{"check", c.id},
                                {"outcome", evaluation::toString(c.outcome)},
                                {"requirement", c.requirement},
                                {"found", c.found},
                                {"message", c.message}});
    }
    {
        const auto& k = r.conditions;
        j["room_conditions"] = {
            {"warm_up",
             {{"required_min_minutes", k.warm_up_required_min_minutes},
              {"stated_minutes", k.warm_up_minutes >= 0.0 ? nlohmann::json(k.warm_up_minutes)
                                                          : nlohmann::json(nullptr)},
              {"outcome", k.warm_up_outcome},
              {"source", k.warm_up_source}}},
            {"ambient",
             {{"step", k.ambient_step},
              {"luminance_cdm2",
               k.ambient_cdm2 >= 0.0 ? nlohmann::json(k.ambient_cdm2) : nlohmann::json(nullptr)},
              {"source", k.ambient_source}}}};
    }
    j["run"] = {{"software_version", r.run.software_version},
                {"git_revision", r.run.git_revision},
                {"started_utc", r.run.started_utc},
                {"finished_utc", r.run.finished_utc},
                {"operator", r.run.operator_name},
                {"source", r.run.source},
                {"seed", r.run.seed},
                {"session_id", r.run.session_id}};
    j["site"] = {{"site", r.site.site},
                 {"auditorium", r.site.auditorium},
                 {"screen_width_m", r.site.screen_width_m},
                 {"screen_height_m", r.site.screen_height_m},
                 {"screen_type", r.site.screen_type},
                 {"seat", r.site.seat_id}};
    const procedure::Profile& p = r.profile;
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
    j["instruments"] = nlohmann::json::array();
    for (const auto& i : r.instruments) {
        j["instruments"].push_back(instrumentJson(i));
    }
    j["points"] = nlohmann::json::array();
    for (const auto& pt : r.points) {
        j["points"].push_back({{"id", pt.id},
                               {"label", pt.label},
                               {"x_m", pt.position.x_m},
                               {"y_m", pt.position.y_m}});
    }
    j["readings"] = nlohmann::json::array();
    for (const auto& rr : r.readings) {
        const auto xy = colorimetry::toXY(rr.reading.xyz_cdm2);
        const auto uv = colorimetry::toUV(rr.reading.xyz_cdm2);
        j["readings"].push_back(
            {{"step", rr.step_id},
             {"point", rr.point_id},
             {"repeat", rr.repeat},
             {"X", rr.reading.xyz_cdm2.X},
             {"Y", rr.reading.xyz_cdm2.Y},
             {"Z", rr.reading.xyz_cdm2.Z},
             {"luminance_cdm2", rr.reading.xyz_cdm2.Y},
             {"x", numberOrNull(xy.x)},
             {"y", numberOrNull(xy.y)},
             {"u_prime", numberOrNull(uv.u_prime)},
             {"v_prime", numberOrNull(uv.v_prime)},
             {"integration_time_s", rr.reading.integration_time_s},
             {"timestamp_utc", rr.reading.timestamp_utc},
             {"status", rr.reading.status},
             {"instrument_serial", rr.reading.instrument.serial},
             {"correction", rr.reading.correction_id},
             {"u_luminance_rel", rr.reading.u_luminance_rel},
             {"u_chromaticity_xy", rr.reading.u_chromaticity_xy},
             {"uncorrected", rr.reading.uncorrected_xyz_cdm2
                                 ? nlohmann::json{{"X", rr.reading.uncorrected_xyz_cdm2->X},
                                                  {"Y", rr.reading.uncorrected_xyz_cdm2->Y},
                                                  {"Z", rr.reading.uncorrected_xyz_cdm2->Z}}
                                 : nlohmann::json(nullptr)}});
        j["readings"].back()["spectrum"] = spectrumJson(rr.reading);
    }
    j["skipped"] = nlohmann::json::array();
    for (const auto& s : r.skipped) {
        j["skipped"].push_back({{"step", s.step_id},
                                {"point", s.point_id},
                                {"repeat", s.repeat},
                                {"reason", s.reason}});
    }
    j["notes"] = r.notes;
    j["figures"] = nlohmann::json::array();
    for (const auto& f : r.evaluation.figures) {
        const auto& t = f.spec.tolerance;
        j["figures"].push_back(
            {{"id", f.spec.id},
             {"label", f.spec.label},
             {"metric", f.spec.metric},
             {"step", f.spec.step},
             {"point", f.spec.point},
             {"unit", f.spec.unit},
             {"value", numberOrNull(f.value)},
             {"expanded_uncertainty_k2", f.expanded_uncertainty},
             {"monte_carlo_draws", f.mc_draws},
             {"guard_band", f.guard_band},
             {"ambient",
              f.spec.ambient.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.spec.ambient)},
             {"straddles_limit", f.straddles_limit},
             {"limit",
              {{"target", optionalNumber(t.target)},
               {"lower", optionalNumber(t.lower)},
               {"upper", optionalNumber(t.upper)},
               {"text", t.describe()}}},
             {"source", t.source},
             {"provisional", t.provisional},
             {"informative", t.informative},
             {"verdict", evaluation::toString(f.verdict)}});
        // The text every front end prints, so a reader can match the PDF to the numbers.
        const auto shown = present::formatFigure(f);
        j["figures"].back()["shown"] = {{"value", shown.value},
                                        {"expanded_uncertainty", shown.uncertainty},
                                        {"unit", shown.unit},
                                        {"limit", shown.limit},
                                        {"verdict", shown.verdict}};
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

// SPDX-License-Identifier: Apache-2.0
// Simulated certification sessions: prepare, run or resume, report.
#include "app/common/simulated_session.h"

#include "app/common/correction_file.h"
#include "app/common/data_paths.h"
#include "app/common/report/output_guard.h"
#include "app/common/report/report_csv.h"
#include "app/common/report/report_json.h"
#include "app/common/report/report_pdf.h"
#include "app/common/run/instrument_models.h"
#include "app/common/run/run_checks.h"
#include "drivers/families.h"
#include "drivers/virtual/virtual_spot_meter.h"

#include <algorithm>
#include <stdexcept>

namespace cm::app {

PreparedSimulation prepareSimulation(const SessionInfo& info) {
    PreparedSimulation s;
    s.info = info;
    const nlohmann::json pdoc = util::parseJson(info.profile_json, info.profile_id + " (profile)");
    s.profile = procedure::parseProfile(util::JsonView(pdoc, info.profile_id + " (profile)"));
    const nlohmann::json tdoc = util::parseJson(info.theatre_json, info.theatre_file);
    if (tdoc.value("schema", "") == "cinemeasure-site") {
        // A real site: only the screen and the seat names the profile uses.
        const util::JsonView site(tdoc, info.theatre_file);
        site.allowOnly({"schema", "version", "name", "screen"});
        const util::JsonView screen = site.at("screen");
        screen.allowOnly({"type", "width_m", "height_m"});
        s.field = true;
        s.config.source = info.theatre_file;
        s.config.name = site.string("name");
        s.config.screen_type = screen.at("type").oneOf({"projector", "led"});
        s.config.screen.width_m = screen.at("width_m").number(0.5, 100.0);
        s.config.screen.height_m = screen.at("height_m").number(0.3, 60.0);
        s.config.reference_seat.id = s.profile.geometry.seat;
        for (const std::string& extra : s.profile.geometry.extra_seats) {
            s.config.seats.push_back({extra, 0.0, 10.0, 0.0});
        }
    } else {
        s.config = drivers::virt::parseTheatreConfig(util::JsonView(tdoc, info.theatre_file));
    }
    const geometry::Seat* seat = s.config.findSeat(s.profile.geometry.seat);
    if (seat == nullptr) {
        throw std::runtime_error(info.theatre_file + ": no seat '" + s.profile.geometry.seat +
                                 "' required by profile '" + s.profile.id + "'");
    }
    s.seat = *seat;
    for (const std::string& extra : s.profile.geometry.extra_seats) {
        if (s.config.findSeat(extra) == nullptr) {
            throw std::runtime_error(info.theatre_file + ": no seat '" + extra +
                                     "' required by profile '" + s.profile.id + "'");
        }
    }
    try {
        s.points = geometry::pointLayout(s.profile.geometry.layout, s.config.screen,
                                         s.profile.geometry.inset_fraction_of_width);
        procedure::ProcedureRunner check(s.profile, s.points);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error("profile '" + s.profile.id + "': " + e.what());
    }
    if (!info.correction_json.empty()) {
        parseCorrection(info.correction_json, "correction");  // validate before the first reading
    }
    evaluation::parseDecisionRule(info.decision_rule.empty() ? "simple" : info.decision_rule);
    if (info.provisional_policy != "binding" && info.provisional_policy != "informative") {
        throw std::runtime_error("provisional limits must be 'binding' or 'informative', not '" +
                                 info.provisional_policy + "'");
    }
    if (info.provisional_policy == "binding" && !s.profile.binding_allowed) {
        throw std::runtime_error("profile '" + s.profile.id +
                                 "' cannot be binding: its standard's text has not been read, so "
                                 "its limits stay informative (drop --provisional binding)");
    }
    if (s.info.seed >= 0) {
        s.config.noise.seed = static_cast<std::uint64_t>(s.info.seed);
    } else {
        s.info.seed = static_cast<long long>(s.config.noise.seed);
    }
    return s;
}

CertificationSetup simulationSetup(const PreparedSimulation& sim) {
    CertificationSetup setup;
    setup.profile = sim.profile;
    setup.points = sim.points;
    setup.seat = sim.seat;
    setup.site = {sim.info.site,
                  sim.config.name,
                  sim.config.screen.width_m,
                  sim.config.screen.height_m,
                  sim.config.screen_type,
                  sim.seat.id};
    setup.run.software_version = CINEMEASURE_VERSION;
    setup.run.git_revision = CINEMEASURE_GIT_REVISION;
    setup.run.operator_name = sim.info.operator_name;
    setup.run.source = sim.info.source;
    setup.run.seed = sim.info.seed;
    setup.run.started_utc = sim.info.created_utc;
    setup.run.session_id = sim.info.id;
    setup.evaluation.rule = evaluation::parseDecisionRule(
        sim.info.decision_rule.empty() ? "simple" : sim.info.decision_rule);
    setup.evaluation.provisional_as_informative = sim.info.provisional_policy != "binding";
    setup.provisional_policy = sim.info.provisional_policy;
    setup.evaluation.instrument_models =
        instrumentModelsFor(sim.config.noise, drivers::virt::kVirtualMeterModel);
    return setup;
}

namespace {

drivers::virt::VirtualMeterOptions meterOptions(const PreparedSimulation& sim) {
    drivers::virt::VirtualMeterOptions mo;
    mo.acceptance_angle_deg = std::min(1.0, sim.profile.instrument.max_acceptance_angle_deg);
    mo.time_scale = sim.info.time_scale;
    mo.seed = static_cast<std::uint64_t>(sim.info.seed);
    return mo;
}

/// The stored run record's outcomes and statements, into the report setup.
void applyRecord(CertificationSetup& setup, const RunRecord& record) {
    setup.fitness = record.fitness;
    setup.conditions = record.conditions;
    setup.calibration_date = record.options.calibration_date;
    setup.calibration_certificate = record.options.calibration_certificate;
}

}  // namespace

std::vector<std::string> simulatedFamilies() {
    std::vector<std::string> ids = {"virtual"};
    for (const auto& id : drivers::simulatedFamilyIds()) {
        ids.push_back(id);
    }
    return ids;
}

report::CertificationReport reportFromStore(const PreparedSimulation& sim,
                                            const SessionStore& store) {
    procedure::ProcedureRunner runner(sim.profile, sim.points);
    const auto readings = store.readings(sim.info.id);
    runner.restore(readings, store.skips(sim.info.id));
    CertificationSetup setup = simulationSetup(sim);
    applyRecord(setup, runRecordFromJson(store.runOptions(sim.info.id)));
    setup.run.finished_utc = readings.empty() ? "" : readings.back().reading.timestamp_utc;
    procedure::InstrumentInfo instrument;
    if (!readings.empty()) {
        instrument = readings.front().reading.instrument;
    } else if (sim.field) {
        instrument.family = sim.info.instrument_family;
    } else {
        auto theatre = std::make_shared<drivers::virt::VirtualTheatre>(sim.config);
        instrument = drivers::virt::VirtualSpotMeter(theatre, meterOptions(sim)).identify();
    }
    report::CertificationReport rep = buildReport(setup, runner, instrument);
    rep.notes = store.notes(sim.info.id);
    rep.skipped = store.skips(sim.info.id);
    return rep;
}

std::optional<procedure::MeasurementTask> nextTask(const PreparedSimulation& sim,
                                                   const SessionStore& store) {
    procedure::ProcedureRunner runner(sim.profile, sim.points);
    runner.restore(store.readings(sim.info.id), store.skips(sim.info.id));
    std::optional<procedure::MeasurementTask> task = runner.current();
    if (task) {
        // The runner holds its own copy of the profile and dies here: point the task at the
        // step in `sim.profile` instead (a dangling step made `certify` fail with bad_alloc
        // when a field run's reading was too dark).
        const std::string id = task->step->id;
        const auto it = std::find_if(sim.profile.steps.begin(), sim.profile.steps.end(),
                                     [&](const procedure::Step& s) { return s.id == id; });
        task->step = it == sim.profile.steps.end() ? nullptr : &*it;
        if (task->step == nullptr) {
            return std::nullopt;
        }
    }
    return task;
}

std::string fieldSiteJson(const std::string& name, double width_m, double height_m,
                          const std::string& screen_type) {
    const nlohmann::json doc = {
        {"schema", "cinemeasure-site"},
        {"version", 1},
        {"name", name},
        {"screen", {{"type", screen_type}, {"width_m", width_m}, {"height_m", height_m}}}};
    return doc.dump(2);
}

void writeReportFiles(const report::CertificationReport& rep, const std::filesystem::path& dir,
                      const std::string& lang) {
    const present::Lang language = present::parseLang(lang);
    ensureWritableDirectory(dir);
    // The signature covered the old bytes; a new report is unsigned until signed again.
    removeStaleSignature(dir / "report.json");
    writeFileAtomically(dir / "report.json", reportToJson(rep).dump(2) + "\n");
    writeFileAtomically(dir / "report.csv", reportCsv(rep, language));
    writeReportPdf(rep, dir / "report.pdf", language);
}

}  // namespace cm::app

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

/// The stored run record's outcomes and statements, into the report setup.
void applyRecord(CertificationSetup& setup, const RunRecord& record) {
    setup.fitness = record.fitness;
    setup.conditions = record.conditions;
    setup.calibration_date = record.options.calibration_date;
    setup.calibration_certificate = record.options.calibration_certificate;
}

/// Checks before the first reading; journals the outcome. Throws RunRefused.
RunRecord checkBeforeReading(const PreparedSimulation& sim, SessionStore& store,
                             drivers::SpotInstrument& instrument,
                             const procedure::InstrumentInfo& info, bool corrected) {
    RunRecord record = runRecordFromJson(store.runOptions(sim.info.id));
    try {
        checkRun(sim, info, instrument.capabilities(), corrected, record);
    } catch (const RunRefused&) {
        store.setRunOptions(sim.info.id, toJson(record));
        throw;
    }
    store.setRunOptions(sim.info.id, toJson(record));
    return record;
}

}  // namespace

namespace {

drivers::virt::VirtualMeterOptions meterOptions(const PreparedSimulation& sim) {
    drivers::virt::VirtualMeterOptions mo;
    mo.acceptance_angle_deg = std::min(1.0, sim.profile.instrument.max_acceptance_angle_deg);
    mo.time_scale = sim.info.time_scale;
    mo.seed = static_cast<std::uint64_t>(sim.info.seed);
    return mo;
}

}  // namespace

std::vector<std::string> simulatedFamilies() {
    std::vector<std::string> ids = {"virtual"};
    for (const auto& id : drivers::simulatedFamilyIds()) {
        ids.push_back(id);
    }
    return ids;
}

SimulatedRig makeSimulatedRig(const PreparedSimulation& sim,
                              std::shared_ptr<drivers::virt::VirtualTheatre> theatre,
                              std::size_t already_taken) {
    SimulatedRig rig;
    const std::string family =
        sim.info.instrument_family.empty() ? "virtual" : sim.info.instrument_family;
    if (family == "virtual") {
        auto meter = std::make_unique<drivers::virt::VirtualSpotMeter>(theatre, meterOptions(sim));
        meter->setMeasurementIndex(already_taken);
        rig.instrument = std::move(meter);
    } else if (const drivers::Family* f = drivers::findFamily(family)) {
        drivers::virt::SimulatorCommon c;
        c.time_scale = sim.info.time_scale;
        c.seed = static_cast<std::uint64_t>(sim.info.seed);
        c.fault = drivers::virt::parseFault(sim.fault);
        c.fault_at_measurement = sim.fault_at_measurement;
        rig.simulator = f->makeSimulator(theatre, c);
        rig.simulator->start();
        rig.instrument = drivers::openInstrument(
            *f, rig.simulator->devicePath(), sim.info.time_scale > 0 ? sim.info.time_scale : 0.001);
    } else {
        throw std::invalid_argument("no simulator for instrument family '" + family + "'");
    }
    return rig;
}

report::CertificationReport runSimulation(const PreparedSimulation& sim, SessionStore& store,
                                          const CertificationObserver& observer) {
    auto theatre = std::make_shared<drivers::virt::VirtualTheatre>(sim.config);
    SimulatedOperator op(theatre, sim.seat);
    procedure::ProcedureRunner runner(sim.profile, sim.points);
    runner.restore(store.readings(sim.info.id), store.skips(sim.info.id));
    SimulatedRig rig = makeSimulatedRig(sim, theatre, runner.readings().size());
    const procedure::InstrumentInfo instrument = rig.instrument->identify();
    const std::string sid = sim.info.id;
    std::unique_ptr<CorrectedInstrument> corrected;
    if (!sim.info.correction_json.empty()) {
        corrected = std::make_unique<CorrectedInstrument>(
            *rig.instrument,
            parseCorrection(sim.info.correction_json, sim.info.id + " (stored correction)"));
    }
    drivers::SpotInstrument& meter =
        corrected ? static_cast<drivers::SpotInstrument&>(*corrected) : *rig.instrument;
    const RunRecord record =
        checkBeforeReading(sim, store, *rig.instrument, instrument, corrected != nullptr);
    runProcedure(
        runner, meter, op,
        [&](const procedure::RecordedReading& r) { store.appendReading(sid, r); }, observer);
    CertificationSetup setup = simulationSetup(sim);
    applyRecord(setup, record);
    setup.run.finished_utc = drivers::utcNowIso8601();
    report::CertificationReport rep = buildReport(setup, runner, instrument);
    rep.notes = store.notes(sim.info.id);
    return rep;
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
    return runner.current();
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

CertificationObserver journaling(SessionStore& store, const std::string& sid,
                                 CertificationObserver observer) {
    CertificationObserver o = observer;
    o.skipped = [&store, sid, next = observer.skipped](const procedure::SkippedTask& k) {
        store.appendSkip(sid, k);
        if (next) {
            next(k);
        }
    };
    o.retaken = [&store, sid, next = observer.retaken](const procedure::RecordedReading& r) {
        store.retractLastReading(sid, "operator retake");
        if (next) {
            next(r);
        }
    };
    o.paused = [&store, sid, next = observer.paused](const std::string& reason) {
        store.appendNote(sid, "paused" + (reason.empty() ? std::string() : ": " + reason));
        store.setStatus(sid, "paused");
        if (next) {
            next(reason);
        }
    };
    return o;
}

report::CertificationReport runField(const PreparedSimulation& sim, SessionStore& store,
                                     drivers::SpotInstrument& instrument, Operator& op,
                                     const CertificationObserver& observer, bool* paused) {
    procedure::ProcedureRunner runner(sim.profile, sim.points);
    runner.restore(store.readings(sim.info.id), store.skips(sim.info.id));
    const procedure::InstrumentInfo info = instrument.identify();
    std::unique_ptr<CorrectedInstrument> corrected;
    if (!sim.info.correction_json.empty()) {
        corrected = std::make_unique<CorrectedInstrument>(
            instrument,
            parseCorrection(sim.info.correction_json, sim.info.id + " (stored correction)"));
    }
    drivers::SpotInstrument& meter =
        corrected ? static_cast<drivers::SpotInstrument&>(*corrected) : instrument;
    const std::string sid = sim.info.id;
    const RunRecord record = checkBeforeReading(sim, store, instrument, info, corrected != nullptr);
    runProcedure(
        runner, meter, op,
        [&](const procedure::RecordedReading& r) { store.appendReading(sid, r); },
        journaling(store, sid, observer));
    if (paused != nullptr) {
        *paused = runner.paused();
    }
    CertificationSetup setup = simulationSetup(sim);
    applyRecord(setup, record);
    setup.run.finished_utc = drivers::utcNowIso8601();
    report::CertificationReport rep = buildReport(setup, runner, info);
    rep.notes = store.notes(sid);
    rep.skipped = store.skips(sid);
    return rep;
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

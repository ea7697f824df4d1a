// SPDX-License-Identifier: Apache-2.0
// Start, resume and run a stored session (see run_session.h).
#include "app/common/run/run_session.h"

#include "app/common/cie_data.h"

#include "app/common/correction_file.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/run/run_checks.h"
#include "app/common/run/run_inputs.h"
#include "drivers/families.h"
#include "drivers/virtual/virtual_spot_meter.h"
#include "libmeasure/evaluation/instrument_fitness.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace cm::app {

namespace {

bool anyProvisional(const procedure::Profile& p) {
    return std::any_of(p.figures.begin(), p.figures.end(),
                       [](const procedure::FigureSpec& f) { return f.tolerance.provisional; });
}

drivers::virt::VirtualMeterOptions meterOptions(const PreparedSimulation& sim) {
    drivers::virt::VirtualMeterOptions mo;
    mo.acceptance_angle_deg = std::min(1.0, sim.profile.instrument.max_acceptance_angle_deg);
    mo.time_scale = sim.info.time_scale;
    mo.seed = static_cast<std::uint64_t>(sim.info.seed);
    return mo;
}

}  // namespace

PreparedSimulation prepareRun(const RunDescription& d) {
    // The typed-in inputs first, each with the check the GUI shows next to its field; every
    // problem at once, so that the operator fixes them in one go. An unusable report folder is
    // an output problem (exit code 4), as when the folder is made.
    std::string inputs;
    std::string output;
    for (const InputIssue& i : checkRunInputs(d)) {
        std::string& to =
            i.input == RunInput::OutDir && i.problem != InputProblem::Missing ? output : inputs;
        to += (to.empty() ? "" : "; ") + inputIssueText(i, d);
    }
    if (!inputs.empty()) {
        throw RunInputError(inputs);
    }
    if (!output.empty()) {
        throw errors::StorageError(output);
    }
    SessionInfo info;
    const bool field = isFieldRun(d);
    try {
        const std::filesystem::path profileFile = findProfileFile(d.profile);
        info.profile_json = readTextFile(profileFile);
        const procedure::Profile profile = loadProfileFile(profileFile);
        info.profile_id = profile.id;
        if (field) {
            // The site record's name is the auditorium; the site is the session's.
            info.theatre_json =
                fieldSiteJson(d.auditorium, d.screen_width_m, d.screen_height_m,
                              d.screen_type.empty() ? profile.display_type : d.screen_type);
        } else {
            info.theatre_json = readTextFile(d.simulate);
            if (!d.auditorium.empty()) {
                // The virtual theatre's name is what the report calls the auditorium.
                nlohmann::json doc = nlohmann::json::parse(info.theatre_json);
                doc["name"] = d.auditorium;
                info.theatre_json = doc.dump(2);
            }
        }
        if (!d.correction_file.empty()) {
            info.correction_json = readTextFile(d.correction_file);
        }
    } catch (const std::exception& e) {
        throw RunInputError(e.what());
    }
    info.theatre_file = field ? "field site" : d.simulate;
    info.source = field ? "field: " + d.instrument + " on " + d.port
                        : "simulation of " + std::filesystem::path(d.simulate).filename().string();
    info.seed = d.seed;
    info.time_scale = d.time_scale;
    info.operator_name = d.operator_name;
    info.site = d.site.empty() && !field ? "Simulated site" : d.site;
    info.instrument_family = d.instrument;
    info.decision_rule = d.decision_rule;
    info.provisional_policy = d.provisional;
    info.out_dir = d.out_dir.empty() ? "" : std::filesystem::absolute(d.out_dir).string();
    PreparedSimulation sim;
    try {
        sim = prepareSimulation(info);
        drivers::virt::parseFault(d.fault);
        if (d.fault != "none" && (d.instrument == "virtual" || sim.field)) {
            throw std::invalid_argument(
                "--fault needs a simulated instrument family (--instrument " +
                drivers::simulatedFamilyList() +
                "): the in-process virtual meter has no fault injection");
        }
        const std::size_t tasks = procedure::ProcedureRunner(sim.profile, sim.points).taskCount();
        if (d.fault_at < 1 || static_cast<std::size_t>(d.fault_at) > tasks) {
            throw std::invalid_argument("--fault-at must be a measurement number from 1 to " +
                                        std::to_string(tasks) + " (this profile has " +
                                        std::to_string(tasks) + " measurements), not " +
                                        std::to_string(d.fault_at));
        }
        if (!sim.field && d.instrument != "virtual" && drivers::findFamily(d.instrument) &&
            !drivers::findFamily(d.instrument)->makeSimulator) {
            throw std::invalid_argument("--instrument " + d.instrument +
                                        " has no simulator: use it for a field run (--port)");
        }
        if (sim.field && drivers::findFamily(d.instrument) == nullptr) {
            throw std::invalid_argument("a field run needs --instrument FAMILY (" +
                                        drivers::familyList() + "), not '" + d.instrument + "'");
        }
    } catch (const std::exception& e) {
        throw RunInputError(e.what());
    }
    if (!d.options.calibration_date.empty()) {
        try {
            evaluation::monthsBetween(d.options.calibration_date, todayUtc());
        } catch (const std::exception& e) {
            throw RunInputError(std::string("--calibration-date: ") + e.what());
        }
    }
    sim.fault = d.fault;
    sim.fault_at_measurement = d.fault_at;
    return sim;
}

void storeRun(PreparedSimulation& sim, const RunDescription& d, SessionStore& store,
              const std::function<void(const std::string& id)>& created) {
    sim.info.id = store.createSession(sim.info);
    if (created) {
        created(sim.info.id);
    }
    for (const auto& note : d.notes) {
        store.appendNote(sim.info.id, note);
    }
    RunRecord record;
    record.options = d.options;
    store.setRunOptions(sim.info.id, toJson(record));
    sim.info = store.session(sim.info.id);
    sim.info.seed =
        sim.info.seed >= 0 ? sim.info.seed : static_cast<long long>(sim.config.noise.seed);
}

PreparedSimulation prepareResume(const SessionStore& store, const std::string& id,
                                 const std::string& port) {
    const SessionInfo info = store.session(id);  // an unknown id is the store's own error
    if (info.theatre_json.empty()) {
        throw RunInputError("session " + id + " was measured on " + info.source +
                            "; only sessions journaled with their site can be resumed");
    }
    PreparedSimulation sim;
    try {
        sim = prepareSimulation(info);
    } catch (const std::exception& e) {
        errors::throwError(errors::kindOf(e), "session " + id + ": " + e.what());
    }
    if (sim.field && port.empty()) {
        throw RunInputError("session " + id + " is a field session (" + info.source +
                            "): give --port with the instrument's port");
    }
    return sim;
}

std::string fieldSessionPort(const SessionInfo& info) {
    // prepareRun writes the source of a field run as "field: FAMILY on PORT".
    static const std::string kField = "field: ";
    static const std::string kOn = " on ";
    if (info.source.rfind(kField, 0) != 0) {
        return {};
    }
    const std::size_t on = info.source.find(kOn, kField.size());
    return on == std::string::npos ? std::string() : info.source.substr(on + kOn.size());
}

std::vector<std::string> runWarnings(const PreparedSimulation& sim) {
    std::vector<std::string> out;
    if (sim.info.provisional_policy == "binding" && anyProvisional(sim.profile)) {
        out.push_back("--provisional binding: limits of '" + sim.profile.id +
                      "' read only in drafts will decide the verdict; the report says so");
    }
    if (sim.profile.display_type != sim.config.screen_type) {
        out.push_back("profile '" + sim.profile.id + "' is for " + sim.profile.display_type +
                      " screens, the theatre has a " + sim.config.screen_type + " screen");
    }
    return out;
}

SimulatedLink simulatedLink(const PreparedSimulation& sim) {
    SimulatedLink out;
    out.theatre = std::make_shared<drivers::virt::VirtualTheatre>(sim.config);
    struct Holder {
        std::unique_ptr<drivers::virt::PtySimulator> simulator;
        int opened = 0;
    };
    auto holder = std::make_shared<Holder>();
    const std::string family =
        sim.info.instrument_family.empty() ? "virtual" : sim.info.instrument_family;
    if (family != "virtual" && drivers::findFamily(family) == nullptr) {
        throw std::invalid_argument("no simulator for instrument family '" + family + "'");
    }
    out.link.open = [sim, theatre = out.theatre, holder,
                     family](std::size_t taken) -> std::unique_ptr<drivers::SpotInstrument> {
        holder->simulator.reset();
        const bool first = holder->opened++ == 0;
        if (family == "virtual") {
            auto meter =
                std::make_unique<drivers::virt::VirtualSpotMeter>(theatre, meterOptions(sim));
            meter->setMeasurementIndex(taken);
            return meter;
        }
        const drivers::Family* f = drivers::findFamily(family);
        if (!f->makeSimulator) {
            throw std::invalid_argument("no simulator for instrument family '" + family + "'");
        }
        drivers::virt::SimulatorCommon c;
        c.time_scale = sim.info.time_scale;
        c.seed = static_cast<std::uint64_t>(sim.info.seed);
        // The replugged meter runs clean, as `resume` does.
        c.fault = drivers::virt::parseFault(first ? sim.fault : "none");
        c.fault_at_measurement = sim.fault_at_measurement;
        // Simulated spectroradiometers integrate their spectra with the CIE 1931 table we ship.
        c.observer = app::cieObserverPtr("1931_2");
        holder->simulator = f->makeSimulator(theatre, c);
        holder->simulator->start();
        return drivers::openInstrument(*f, holder->simulator->devicePath(),
                                       sim.info.time_scale > 0 ? sim.info.time_scale : 0.001);
    };
    if (!sim.info.correction_json.empty()) {
        out.link.correction =
            parseCorrection(sim.info.correction_json, sim.info.id + " (stored correction)");
    }
    return out;
}

InstrumentLink fieldLink(const PreparedSimulation& sim, const std::string& port,
                         double reconnect_timeout_s) {
    const drivers::Family* family = drivers::findFamily(sim.info.instrument_family);
    if (family == nullptr) {
        throw RunInputError("field runs need --instrument with a driver family, not '" +
                            sim.info.instrument_family + "'");
    }
    InstrumentLink link;
    link.port = port;
    link.reconnect_timeout_s = reconnect_timeout_s;
    link.operator_decides_unmeasurable = true;
    link.open = [family, port](std::size_t) { return drivers::openInstrument(*family, port); };
    if (!sim.info.correction_json.empty()) {
        link.correction =
            parseCorrection(sim.info.correction_json, sim.info.id + " (stored correction)");
    }
    return link;
}

SessionRun::SessionRun(PreparedSimulation sim, SessionStore& store, InstrumentLink link)
    : sim_(std::move(sim)), store_(store) {
    procedure::ProcedureRunner runner(sim_.profile, sim_.points);
    const std::string sid = sim_.info.id;
    runner.restore(store.readings(sid), store.skips(sid));
    RunJournal j;
    j.reading = [&store, sid](const procedure::RecordedReading& r) { store.appendReading(sid, r); };
    j.skip = [&store, sid](const procedure::SkippedTask& k) { store.appendSkip(sid, k); };
    j.retract = [&store, sid](const procedure::RecordedReading&) {
        store.retractLastReading(sid, "operator retake");
    };
    j.pause = [&store, sid](const std::string& reason) {
        store.appendNote(sid, "paused" + (reason.empty() ? std::string() : ": " + reason));
        store.setStatus(sid, "paused");
    };
    j.stop = [&store, sid] { store.setStatus(sid, "interrupted"); };
    run_ = std::make_unique<Run>(std::move(runner), std::move(link), std::move(j));
}

void SessionRun::begin() {
    run_->connect();
    record_ = runRecordFromJson(store_.runOptions(sim_.info.id));
    try {
        checkRun(sim_, run_->instrumentInfo(), run_->capabilities(), run_->corrected(), record_);
    } catch (const RunRefused&) {
        store_.setRunOptions(sim_.info.id, toJson(record_));
        throw;
    }
    store_.setRunOptions(sim_.info.id, toJson(record_));
}

report::CertificationReport SessionRun::report() const {
    CertificationSetup setup = simulationSetup(sim_);
    setup.fitness = record_.fitness;
    setup.conditions = record_.conditions;
    setup.calibration_date = record_.options.calibration_date;
    setup.calibration_certificate = record_.options.calibration_certificate;
    setup.run.finished_utc = drivers::utcNowIso8601();
    procedure::InstrumentInfo instrument = run_->instrumentInfo();
    if (instrument.model.empty() && !run_->runner().readings().empty()) {
        instrument = run_->runner().readings().front().reading.instrument;
    }
    report::CertificationReport rep = buildReport(setup, run_->runner(), instrument);
    rep.notes = store_.notes(sim_.info.id);
    rep.skipped = store_.skips(sim_.info.id);
    return rep;
}

}  // namespace cm::app

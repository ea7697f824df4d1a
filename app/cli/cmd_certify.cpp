// SPDX-License-Identifier: Apache-2.0
// `cinemeasure certify`: run a profile end to end (simulated theatre for now) and write the report.
#include "app/cli/commands.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/present/figure_text.h"
#include "app/common/present/text_table.h"
#include "app/common/profile_catalog.h"
#include "app/common/report/output_guard.h"
#include "app/common/report/report_csv.h"
#include "app/common/report/report_json.h"
#include "app/common/report/report_pdf.h"
#include "app/common/run/run_checks.h"
#include "app/common/run/run_session.h"
#include "app/common/simulated_session.h"
#include "drivers/families.h"
#include "drivers/virtual/pty_simulator.h"
#include "drivers/virtual/virtual_spot_meter.h"
#include "libmeasure/colorimetry/units.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <regex>

namespace cm::cli {

namespace {

struct CertifyArgs {
    std::string profile;
    std::string simulate;
    std::string out;
    long long seed = -1;
    double time_scale = 0.0;
    std::string operator_name;
    std::string site;         ///< empty: blank on a field run, "Simulated site" on a simulation
    std::string auditorium;   ///< empty: blank on a field run, the theatre config's name otherwise
    bool force = false;       ///< move an earlier report in --out to previous-<time>/
    std::string lang = "en";  ///< language of the PDF and CSV headers
    bool quiet = false;
    std::string db;
    std::string instrument = "virtual";
    std::string correction;
    std::string fault = "none";
    std::string decision_rule = "simple";
    std::string provisional = "informative";
    app::RunOptions run_options;
    std::vector<std::string> notes;
    int fault_at = 1;
    // Field runs: a real instrument on a port, the operator at the terminal.
    std::string port;
    std::string screen;  ///< "WxH" in metres
    std::string screen_type = "projector";
};

void printTable(const report::CertificationReport& rep) {
    std::vector<std::vector<std::string>> rows = {
        {"Figure", "Value ± U (k=2)", "Limit", "Verdict"}};
    for (const auto& f : rep.evaluation.figures) {
        const auto t = app::present::formatFigure(f);
        rows.push_back({t.label, t.value_u + (t.value_fl.empty() ? "" : " " + t.value_fl), t.limit,
                        t.verdict});
    }
    std::printf("\n%s", app::present::renderTable(rows).c_str());
    std::printf("Overall: %s   (%s, %s)\n",
                app::present::verdictWord(rep.evaluation.overall).c_str(), rep.profile.id.c_str(),
                rep.run.decision_rule.c_str());
    std::printf(
        "~ value ± U straddles a limit; (i) informative (verdict \"info\"); † provisional "
        "limit\n");
    if (!rep.overall_note.empty()) {
        std::printf("NOTE: %s\n", rep.overall_note.c_str());
    }
    if (!rep.run.provisional_warning.empty()) {
        std::printf("WARNING: %s\n", rep.run.provisional_warning.c_str());
    } else if (rep.run.provisional_limits == "informative" &&
               std::any_of(
                   rep.profile.figures.begin(), rep.profile.figures.end(),
                   [](const procedure::FigureSpec& f) { return f.tolerance.provisional; })) {
        std::printf(
            "Draft (provisional) limits are informative: they do not decide the verdict.\n");
    }
    for (const auto& c : rep.fitness) {
        if (c.outcome != evaluation::FitnessOutcome::Ok) {
            std::printf("Instrument %s (%s): %s\n", c.id.c_str(), evaluation::toString(c.outcome),
                        c.message.c_str());
        }
    }
    const auto& k = rep.conditions;
    if (k.warm_up_required_min_minutes > 0.0) {
        std::printf("Warm-up: %s (profile asks ≥ %.0f min)\n", k.warm_up_outcome.c_str(),
                    k.warm_up_required_min_minutes);
    }
    if (!k.ambient_step.empty()) {
        if (k.ambient_cdm2 >= 0.0) {
            std::printf(
                "Ambient, display off, centre: %.5f cd/m² (included in black and contrast "
                "figures marked so)\n",
                k.ambient_cdm2);
        } else {
            std::printf("Ambient, display off: not read\n");
        }
    }
}

void run(const CertifyArgs& a) {
    // Everything that can be wrong with the inputs is checked before the first reading, in one
    // place (app/common/run): the CLI only maps its words onto the run description.
    app::RunDescription d;
    d.profile = a.profile;
    d.site = a.site;
    d.auditorium = a.auditorium;
    d.operator_name = a.operator_name;
    d.simulate = a.simulate;
    d.port = a.port;
    d.instrument = a.instrument;
    // Plain decimals only: sscanf("%lf") would read "0x12x5" as the hex float 0x12 (18).
    static const std::regex kScreen(R"(([0-9]+(\.[0-9]+)?)x([0-9]+(\.[0-9]+)?))");
    std::smatch m;
    if (std::regex_match(a.screen, m, kScreen)) {
        d.screen_width_m = std::stod(m[1]);
        d.screen_height_m = std::stod(m[3]);
    }
    d.screen_text = a.screen;
    d.screen_type = a.screen_type;
    d.correction_file = a.correction;
    d.decision_rule = a.decision_rule;
    d.provisional = a.provisional;
    d.notes = a.notes;
    d.options = a.run_options;
    d.seed = a.seed;
    d.time_scale = a.time_scale;
    d.fault = a.fault;
    d.fault_at = a.fault_at;
    d.out_dir = a.out;
    app::PreparedSimulation sim;
    try {
        sim = app::prepareRun(d);
    } catch (const app::RunInputError& e) {
        throw errors::InputError(e.what());
    }
    try {
        // An earlier report is evidence: refused, or with --force moved to previous-<time>/.
        const auto moved = app::prepareOutputDirectory(a.out, a.force);
        app::ensureWritableDirectory(a.out);
        if (!moved.empty() && !a.quiet) {
            std::printf("Earlier files in %s moved to %s\n", a.out.c_str(), moved.c_str());
        }
    } catch (const std::exception& e) {
        throw errors::StorageError(e.what());
    }
    for (const std::string& w : app::runWarnings(sim)) {
        std::fprintf(stderr, "warning: %s\n", w.c_str());
    }
    std::unique_ptr<app::SessionStore> store;
    std::optional<app::SessionLock> lock;  // released when certify ends, however it ends
    try {
        store = std::make_unique<app::SessionStore>(a.db.empty() ? app::SessionStore::defaultPath()
                                                                 : std::filesystem::path(a.db));
        app::storeRun(sim, d, *store, [&](const std::string& id) { lock.emplace(*store, id); });
    } catch (const std::exception& e) {
        throw errors::StorageError(e.what());
    }
    if (!a.quiet) {
        std::printf("Certifying with profile %s\n  %s\n  theatre: %s\n  session: %s (journal %s)\n",
                    sim.profile.id.c_str(), sim.profile.title.c_str(),
                    sim.config.name.empty() ? "—" : sim.config.name.c_str(), sim.info.id.c_str(),
                    store->file().c_str());
    }
    if (sim.field) {
        runFieldAndReport(sim, *store, a.port, a.quiet, a.lang);
    } else {
        runAndReport(sim, *store, a.quiet, a.lang);
    }
}
}  // namespace

std::string instrumentFailure(const drivers::InstrumentError& e, const app::PreparedSimulation& sim,
                              const app::SessionStore& store, const std::string& resume_args) {
    const std::string& sid = sim.info.id;
    const bool cannotMeasure =
        e.kind() == drivers::ErrorKind::TooDark || e.kind() == drivers::ErrorKind::OverRange;
    std::optional<procedure::MeasurementTask> task;
    try {
        task = app::nextTask(sim, store);
    } catch (const std::exception&) {
        // Only used to name the task; the message stands without it.
    }
    if (!cannotMeasure || !task) {
        return std::string(e.what()) + " (readings so far are kept in session " + sid +
               "; continue with `cinemeasure resume " + sid + resume_args + "`)";
    }
    // The stimulus is outside what this instrument can measure: a plain resume would fail the
    // same way every time, so say so and offer to skip the task (reported as skipped).
    const std::string where = "step '" + task->step->id + "', point '" + task->point.id + "'";
    const std::string family =
        sim.info.instrument_family.empty() ? "the instrument" : sim.info.instrument_family;
    return std::string(e.what()) + " at " + where + ": " + family +
           " cannot measure this stimulus, so resuming will fail the same way. Readings so far "
           "are kept in session " +
           sid + ". Skip this task (the report lists it as skipped): `cinemeasure resume " + sid +
           resume_args + " --skip-next \"" + toString(e.kind()) + " for " + family +
           "\"`, or measure the session with a more sensitive instrument.";
}

void journalFailed(app::SessionStore& store, const std::string& sid, const std::exception& cause,
                   const std::string& resume_args) {
    try {
        store.setStatus(sid, "interrupted");
    } catch (const std::exception&) {
        // The store refuses writes (disk full): `sessions` shows it interrupted from the lock.
    }
    if (dynamic_cast<const app::SessionInUseError*>(&cause) != nullptr) {
        throw errors::StorageError(cause.what());
    }
    throw errors::StorageError(
        std::string(cause.what()) + " — readings shown so far are kept in session " + sid +
        "; fix the storage, then `cinemeasure resume " + sid + resume_args + "`");
}

void printVerdictTable(const report::CertificationReport& rep) {
    printTable(rep);
}

void runAndReport(app::PreparedSimulation& sim, app::SessionStore& store, bool quiet,
                  const std::string& lang) {
    app::RunObserver obs;
    if (!quiet) {
        obs.request = [](const app::Request& r) {
            if (r.kind == app::Request::Kind::ShowPattern && r.task->new_stimulus) {
                const procedure::Step& step = *r.task->step;
                std::printf(
                    "  > show pattern '%s'%s\n", step.stimulus.c_str(),
                    step.eyewear == "none" ? "" : (" through " + step.eyewear + " lens").c_str());
            }
        };
        obs.recorded = [](const app::Request& r, const procedure::RecordedReading& rec) {
            const auto& t = *r.task;
            const auto xy = colorimetry::toXY(rec.reading.xyz_cdm2);
            std::printf("    [%zu/%zu] %-4s %-22s L = %9.4f cd/m²  x = %.4f  y = %.4f\n",
                        t.index + 1, r.total_tasks, t.point.id.c_str(), t.point.label.c_str(),
                        rec.reading.xyz_cdm2.Y, xy.x, xy.y);
            std::fflush(stdout);
        };
    }
    report::CertificationReport rep;
    try {
        app::SimulatedLink link = app::simulatedLink(sim);
        app::SimulatedOperator op(link.theatre, sim.seat);
        app::SessionRun session(sim, store, std::move(link.link));
        session.begin();
        app::driveUnattended(session.run(), op, obs);
        rep = session.report();
    } catch (const app::RunRefused& e) {
        store.setStatus(sim.info.id, "refused");
        throw errors::InputError(e.what());
    } catch (const drivers::InstrumentError& e) {
        store.setStatus(sim.info.id, "interrupted");
        throw errors::InstrumentError(instrumentFailure(e, sim, store, ""));
    } catch (const app::SessionStoreError& e) {
        journalFailed(store, sim.info.id, e);
    }
    try {
        app::writeReportFiles(rep, sim.info.out_dir, lang);
    } catch (const std::exception& e) {
        throw errors::StorageError(std::string(e.what()) + " (readings are kept in session " +
                                   sim.info.id + ")");
    }
    try {
        store.setStatus(sim.info.id, "complete");
    } catch (const app::SessionStoreError& e) {
        journalFailed(store, sim.info.id, e);
    }
    printVerdictTable(rep);
    if (!quiet) {
        std::printf("Report: %s/report.{json,csv,pdf}\n", sim.info.out_dir.c_str());
    }
}

void registerCertifyCommand(CLI::App& app) {
    auto args = std::make_shared<CertifyArgs>();
    auto* cmd =
        app.add_subcommand("certify", "Run a profile's procedure end to end and write the report");
    cmd->add_option("--profile", args->profile,
                    "Profile id (see `cinemeasure profiles`) or a profile .json")
        ->required();
    cmd->add_option("--simulate", args->simulate, "Virtual theatre config (.json) to measure");
    cmd->add_option("--port", args->port,
                    "Field run: the instrument's serial port (with --instrument FAMILY and "
                    "--screen); you are prompted for each reading");
    cmd->add_option("--screen", args->screen, "Field run: screen WIDTHxHEIGHT in metres");
    cmd->add_option("--screen-type", args->screen_type, "Field run: projector (default) or led")
        ->check(CLI::IsMember({"projector", "led"}));
    cmd->add_option("--out", args->out, "Output directory for report.{json,csv,pdf}")->required();
    cmd->add_option("--seed", args->seed, "Noise seed (default: the config's)");
    cmd->add_option("--time-scale", args->time_scale,
                    "Real seconds per simulated integration second (0 = no waiting)")
        ->check(CLI::Range(0.0, 10.0));
    cmd->add_option("--operator", args->operator_name,
                    "Operator name for the report (required for a field run, --port)");
    cmd->add_option("--site", args->site,
                    "Site (cinema) name for the report (required for a field run, --port)");
    cmd->add_option("--auditorium", args->auditorium,
                    "Auditorium (screen room) for the report (required for a field run, --port; "
                    "a simulation takes the theatre config's name)");
    cmd->add_option("--lang", args->lang, "Report language for the PDF and CSV headers")
        ->check(CLI::IsMember({"en", "zh_CN"}));
    cmd->add_flag("--force", args->force,
                  "Write into a non-empty --out: its files move to OUT/previous-<time>/ first");
    cmd->add_flag("--quiet", args->quiet, "Print only the verdict table");
    cmd->add_option("--instrument", args->instrument,
                    "Instrument family: virtual, " + drivers::familyList() +
                        "; with --simulate its simulator runs on a pseudo-terminal and the real "
                        "driver talks to it (families without a simulator: field runs only)")
        ->check(CLI::IsMember([] {
            std::vector<std::string> ids = {"virtual"};
            for (const auto& id : drivers::familyIds()) {
                ids.push_back(id);
            }
            return ids;
        }()));
    cmd->add_option("--note", args->notes, "Operator note for the report (repeatable)");
    cmd->add_option("--decision-rule", args->decision_rule,
                    "ILAC-G8:09/2019 decision rule: simple (default, w = 0); guarded (binary, "
                    "w = U: PASS only when value ± U is inside the limits); non-binary (PASS, "
                    "CONDITIONAL PASS, CONDITIONAL FAIL, FAIL)")
        ->check(CLI::IsMember({"simple", "guarded", "non-binary"}));
    cmd->add_option("--provisional", args->provisional,
                    "informative (default): limits read only in drafts are reported but never "
                    "decide the verdict; binding: they decide (a warning is printed and the report "
                    "says so; refused for profiles whose standard has not been read)")
        ->check(CLI::IsMember({"binding", "informative"}));
    cmd->add_flag("--allow-uncorrected", args->run_options.allow_uncorrected,
                  "Accept a colorimeter without a correction for this screen type for a binding "
                  "verdict (recorded in the report)");
    cmd->add_flag("--allow-unfit", args->run_options.allow_unfit,
                  "Rehearsal: measure with an instrument the profile does not allow (recorded; "
                  "no overall verdict)");
    cmd->add_option("--calibration-date", args->run_options.calibration_date,
                    "Instrument calibration date YYYY-MM-DD (recorded; warning past the interval)");
    cmd->add_option("--calibration-certificate", args->run_options.calibration_certificate,
                    "Instrument calibration certificate id (recorded)");
    cmd->add_option("--calibration-interval", args->run_options.calibration_interval_months,
                    "Calibration interval in months (default 12)")
        ->check(CLI::Range(1, 120));
    cmd->add_option("--warm-up-minutes", args->run_options.warm_up_minutes,
                    "Minutes since the projector or wall was switched on (checked against the "
                    "profile's minimum; simulations assume it is met)")
        ->check(CLI::Range(0.0, 10000.0));
    cmd->add_option("--distance", args->run_options.measuring_distance_m,
                    "Field run: metres from the meter to the screen centre (for the spot-size "
                    "check)")
        ->check(CLI::Range(0.0, 200.0));
    cmd->add_option("--fault", args->fault,
                    "Inject a fault into the instrument simulator (none, unplug, garbage, drop, "
                    "slow, over-range, "
                    "too-dark, error-code); `resume` runs clean");
    cmd->add_option("--fault-at", args->fault_at, "Measurement number the fault hits (default 1)");
    cmd->add_option(
        "--correction", args->correction,
        "Colorimeter correction file (calibration/corrections/*.json) applied to every reading");
    cmd->add_option(
        "--db", args->db,
        "Session database (default: $CINEMEASURE_DB or ~/.local/share/cinemeasure/sessions.db)");
    cmd->callback([args] { run(*args); });
}

}  // namespace cm::cli

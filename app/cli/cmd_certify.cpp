// `cinemeasure certify`: run a profile end to end (simulated theatre for now) and write the report.
#include "app/cli/commands.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/report/report_csv.h"
#include "app/common/report/report_json.h"
#include "app/common/report/report_pdf.h"
#include "app/common/run/run_checks.h"
#include "app/common/simulated_session.h"
#include "drivers/families.h"
#include "drivers/virtual/pty_simulator.h"
#include "drivers/virtual/virtual_spot_meter.h"
#include "libmeasure/colorimetry/units.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

namespace cm::cli {

namespace {

struct CertifyArgs {
    std::string profile;
    std::string simulate;
    std::string out;
    long long seed = -1;
    double time_scale = 0.0;
    std::string operator_name;
    std::string site = "Simulated site";
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

std::string valueText(const evaluation::FigureResult& f) {
    char buf[64];
    if (!std::isfinite(f.value)) {
        return "—";
    }
    const double U = f.expanded_uncertainty;
    if (f.spec.unit == "cd/m2") {
        // Black levels need more than two decimals to say anything.
        const int digits = f.value >= 1.0 ? 2 : 5;
        std::snprintf(buf, sizeof buf, "%.*f ± %.*f cd/m² (%.*f fL)", digits, f.value, digits, U,
                      digits, colorimetry::cdm2ToFootLambert(f.value));
    } else if (f.spec.unit == "%") {
        std::snprintf(buf, sizeof buf, "%.1f ± %.1f %%", f.value, U);
    } else if (f.spec.unit == "ratio") {
        std::snprintf(buf, sizeof buf, "%.0f:1 ± %.0f", f.value, U);
    } else {
        std::snprintf(buf, sizeof buf, "%.4f ± %.4f", f.value, U);
    }
    return buf;
}

/// Pads to a display width counted in code points, so "±", "…" and "²" keep columns aligned.
std::string pad(const std::string& s, std::size_t width) {
    std::size_t shown = 0;
    for (unsigned char c : s) {
        shown += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return shown >= width ? s + " " : s + std::string(width - shown, ' ');
}

void printTable(const report::CertificationReport& rep) {
    std::printf("\n%s%s%s%s\n", pad("Figure", 40).c_str(), pad("Value ± U (k=2)", 34).c_str(),
                pad("Limit", 20).c_str(), "Verdict");
    std::printf("%s\n", std::string(104, '-').c_str());
    for (const auto& f : rep.evaluation.figures) {
        const auto& t = f.spec.tolerance;
        std::string label = f.spec.label + (t.provisional ? " †" : "") +
                            (t.informative ? " (i)" : "") + (f.straddles_limit ? " ~" : "");
        std::printf("%s%s%s%s\n", pad(label, 40).c_str(), pad(valueText(f), 34).c_str(),
                    pad(t.describe(), 20).c_str(), evaluation::toString(f.verdict));
    }
    std::printf("%s\n", std::string(104, '-').c_str());
    std::printf("Overall: %s   (%s, %s)\n", evaluation::toString(rep.evaluation.overall),
                rep.profile.id.c_str(), rep.run.decision_rule.c_str());
    std::printf("~ value ± U straddles a limit; (i) informative; † provisional limit\n");
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
    // Everything that can be wrong with the inputs is checked before the first reading.
    app::SessionInfo info;
    try {
        const std::filesystem::path profileFile = app::findProfileFile(a.profile);
        info.profile_json = app::readTextFile(profileFile);
        info.profile_id = app::loadProfileFile(profileFile).id;
        if (a.port.empty() == a.simulate.empty()) {
            throw std::invalid_argument("give either --simulate CONFIG or --port DEVICE");
        }
        if (!a.port.empty()) {
            double w = 0.0;
            double h = 0.0;
            char tail = 0;
            if (std::sscanf(a.screen.c_str(), "%lfx%lf%c", &w, &h, &tail) != 2 || !(w > 0.0) ||
                !(h > 0.0)) {
                throw std::invalid_argument(
                    "a field run needs --screen WIDTHxHEIGHT in metres (e.g. 12.0x5.0), got '" +
                    a.screen + "'");
            }
            info.theatre_json = app::fieldSiteJson(a.site, w, h, a.screen_type);
        } else {
            info.theatre_json = app::readTextFile(a.simulate);
        }
        if (!a.correction.empty()) {
            info.correction_json = app::readTextFile(a.correction);
        }
    } catch (const std::exception& e) {
        throw CommandError(kExitUsage, e.what());
    }
    info.theatre_file = a.port.empty() ? a.simulate : "site " + a.site;
    info.source = a.port.empty()
                      ? "simulation of " + std::filesystem::path(a.simulate).filename().string()
                      : "field: " + a.instrument + " on " + a.port;
    info.seed = a.seed;
    info.time_scale = a.time_scale;
    info.operator_name = a.operator_name;
    info.site = a.site;
    info.instrument_family = a.instrument;
    info.decision_rule = a.decision_rule;
    info.provisional_policy = a.provisional;
    info.out_dir = std::filesystem::absolute(a.out).string();
    app::PreparedSimulation sim;
    try {
        sim = app::prepareSimulation(info);
        drivers::virt::parseFault(a.fault);
        if (sim.field && drivers::findFamily(a.instrument) == nullptr) {
            throw std::invalid_argument(
                "a field run needs --instrument FAMILY (pr6xx, cs2000, "
                "k10a, specbos), not '" +
                a.instrument + "'");
        }
    } catch (const std::exception& e) {
        throw CommandError(kExitUsage, e.what());
    }
    sim.fault = a.fault;
    sim.fault_at_measurement = a.fault_at;
    try {
        app::ensureWritableDirectory(a.out);
        for (const char* name : {"report.json", "report.csv", "report.pdf"}) {
            std::filesystem::remove(std::filesystem::path(a.out) /
                                    name);  // never leave an old report
        }
    } catch (const std::exception& e) {
        throw CommandError(kExitOutput, e.what());
    }
    if (a.provisional == "binding" &&
        std::any_of(sim.profile.figures.begin(), sim.profile.figures.end(),
                    [](const procedure::FigureSpec& f) { return f.tolerance.provisional; })) {
        std::fprintf(stderr,
                     "warning: --provisional binding: limits of '%s' read only in drafts will "
                     "decide the verdict; the report says so\n",
                     sim.profile.id.c_str());
    }
    if (!a.run_options.calibration_date.empty()) {
        try {
            evaluation::monthsBetween(a.run_options.calibration_date, app::todayUtc());
        } catch (const std::exception& e) {
            throw CommandError(kExitUsage, std::string("--calibration-date: ") + e.what());
        }
    }
    if (sim.profile.display_type != sim.config.screen_type) {
        std::fprintf(stderr,
                     "warning: profile '%s' is for %s screens, the theatre has a %s screen\n",
                     sim.profile.id.c_str(), sim.profile.display_type.c_str(),
                     sim.config.screen_type.c_str());
    }
    std::unique_ptr<app::SessionStore> store;
    try {
        store = std::make_unique<app::SessionStore>(a.db.empty() ? app::SessionStore::defaultPath()
                                                                 : std::filesystem::path(a.db));
        sim.info.id = store->createSession(sim.info);
        for (const auto& note : a.notes) {
            store->appendNote(sim.info.id, note);
        }
        app::RunRecord record;
        record.options = a.run_options;
        store->setRunOptions(sim.info.id, app::toJson(record));
        sim.info = store->session(sim.info.id);
        sim.info.seed =
            sim.info.seed >= 0 ? sim.info.seed : static_cast<long long>(sim.config.noise.seed);
    } catch (const std::exception& e) {
        throw CommandError(kExitOutput, e.what());
    }
    if (!a.quiet) {
        std::printf("Certifying with profile %s\n  %s\n  theatre: %s\n  session: %s (journal %s)\n",
                    sim.profile.id.c_str(), sim.profile.title.c_str(), sim.config.name.c_str(),
                    sim.info.id.c_str(), store->file().c_str());
    }
    if (sim.field) {
        runFieldAndReport(sim, *store, a.port, a.quiet);
    } else {
        runAndReport(sim, *store, a.quiet);
    }
}
}  // namespace

void printVerdictTable(const report::CertificationReport& rep) {
    printTable(rep);
}

void runAndReport(app::PreparedSimulation& sim, app::SessionStore& store, bool quiet) {
    app::CertificationObserver obs;
    std::size_t total = 0;
    {
        procedure::ProcedureRunner count(sim.profile, sim.points);
        total = count.taskCount();
    }
    if (!quiet) {
        obs.taskStarted = [](const procedure::MeasurementTask& t) {
            if (t.new_stimulus) {
                std::printf("  > show pattern '%s'%s\n", t.step->stimulus.c_str(),
                            t.step->eyewear == "none"
                                ? ""
                                : (" through " + t.step->eyewear + " lens").c_str());
            }
        };
        obs.readingTaken = [total](const procedure::MeasurementTask& t,
                                   const procedure::Reading& r) {
            const auto xy = colorimetry::toXY(r.xyz_cdm2);
            std::printf("    [%zu/%zu] %-4s %-22s L = %9.4f cd/m²  x = %.4f  y = %.4f\n",
                        t.index + 1, total, t.point.id.c_str(), t.point.label.c_str(), r.xyz_cdm2.Y,
                        xy.x, xy.y);
            std::fflush(stdout);
        };
    }
    report::CertificationReport rep;
    try {
        rep = app::runSimulation(sim, store, obs);
    } catch (const app::RunRefused& e) {
        store.setStatus(sim.info.id, "refused");
        throw CommandError(kExitUsage, e.what());
    } catch (const drivers::InstrumentError& e) {
        store.setStatus(sim.info.id, "interrupted");
        throw CommandError(kExitInstrument,
                           std::string(e.what()) + " (readings so far are kept in session " +
                               sim.info.id + "; continue with `cinemeasure resume " + sim.info.id +
                               "`)");
    }
    try {
        app::writeReportFiles(rep, sim.info.out_dir);
    } catch (const std::exception& e) {
        throw CommandError(kExitOutput, std::string(e.what()) + " (readings are kept in session " +
                                            sim.info.id + ")");
    }
    store.setStatus(sim.info.id, "complete");
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
    cmd->add_option("--operator", args->operator_name, "Operator name for the report");
    cmd->add_option("--site", args->site, "Site name for the report");
    cmd->add_flag("--quiet", args->quiet, "Print only the verdict table");
    cmd->add_option("--instrument", args->instrument,
                    "Instrument family; with --simulate its simulator runs on a pseudo-terminal "
                    "and the real "
                    "driver talks to it (virtual, pr6xx)")
        ->check(CLI::IsMember(app::simulatedFamilies()));
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

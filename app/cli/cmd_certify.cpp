// `cinemeasure certify`: run a profile end to end (simulated theatre for now) and write the report.
#include "app/cli/commands.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/report/report_csv.h"
#include "app/common/report/report_json.h"
#include "app/common/report/report_pdf.h"
#include "drivers/virtual/virtual_spot_meter.h"
#include "libmeasure/colorimetry/units.h"

#include <cstdio>
#include <iostream>

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
};

std::string valueText(const evaluation::FigureResult& f) {
    char buf[64];
    if (!std::isfinite(f.value)) {
        return "—";
    }
    if (f.spec.unit == "cd/m2") {
        std::snprintf(buf, sizeof buf, "%.2f cd/m² (%.2f fL)", f.value,
                      colorimetry::cdm2ToFootLambert(f.value));
    } else if (f.spec.unit == "%") {
        std::snprintf(buf, sizeof buf, "%.1f %%", f.value);
    } else {
        std::snprintf(buf, sizeof buf, "%.4f", f.value);
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

void printVerdictTable(const report::CertificationReport& rep) {
    std::printf("\n%s%s%s%s\n", pad("Figure", 40).c_str(), pad("Value", 26).c_str(),
                pad("Limit", 20).c_str(), "Verdict");
    std::printf("%s\n", std::string(96, '-').c_str());
    for (const auto& f : rep.evaluation.figures) {
        const auto& t = f.spec.tolerance;
        std::string label = f.spec.label + (t.provisional ? " †" : "") + (t.informative ? " (i)" : "");
        std::printf("%s%s%s%s\n", pad(label, 40).c_str(), pad(valueText(f), 26).c_str(),
                    pad(t.describe(), 20).c_str(), evaluation::toString(f.verdict));
    }
    std::printf("%s\n", std::string(96, '-').c_str());
    std::printf("Overall: %s   (%s, %s)\n", evaluation::toString(rep.evaluation.overall),
                rep.profile.id.c_str(), rep.run.decision_rule.c_str());
}

void run(const CertifyArgs& a) {
    // Everything that can be wrong with the inputs is checked before the first reading.
    procedure::Profile profile;
    drivers::virt::TheatreConfig config;
    try {
        profile = app::findProfile(a.profile);
    } catch (const std::exception& e) {
        throw CommandError(kExitUsage, e.what());
    }
    try {
        config = app::loadTheatreConfig(a.simulate);
    } catch (const std::exception& e) {
        throw CommandError(kExitUsage, e.what());
    }
    const std::filesystem::path out = a.out;
    try {
        app::ensureWritableDirectory(out);
    } catch (const std::exception& e) {
        throw CommandError(kExitOutput, e.what());
    }
    if (profile.display_type != config.screen_type) {
        std::fprintf(stderr, "warning: profile '%s' is for %s screens, the theatre has a %s screen\n",
                     profile.id.c_str(), profile.display_type.c_str(), config.screen_type.c_str());
    }
    const geometry::Seat* seat = config.findSeat(profile.geometry.seat);
    if (seat == nullptr) {
        throw CommandError(kExitUsage, a.simulate + ": no seat '" + profile.geometry.seat +
                                           "' required by profile '" + profile.id + "'");
    }
    std::vector<geometry::MeasurementPoint> points;
    try {
        points = geometry::pointLayout(profile.geometry.layout, config.screen,
                                       profile.geometry.inset_fraction_of_width);
    } catch (const std::exception& e) {
        throw CommandError(kExitUsage, "profile '" + profile.id + "': " + e.what());
    }
    procedure::ProcedureRunner runner(profile, points);

    const std::uint64_t seed = a.seed >= 0 ? static_cast<std::uint64_t>(a.seed) : config.noise.seed;
    config.noise.seed = seed;
    auto theatre = std::make_shared<drivers::virt::VirtualTheatre>(config);
    drivers::virt::VirtualMeterOptions mo;
    mo.acceptance_angle_deg = std::min(1.0, profile.instrument.max_acceptance_angle_deg);
    mo.time_scale = a.time_scale;
    mo.seed = seed;
    drivers::virt::VirtualSpotMeter meter(theatre, mo);
    app::SimulatedOperator op(theatre, *seat);

    app::CertificationSetup setup;
    setup.profile = profile;
    setup.points = points;
    setup.seat = *seat;
    setup.site = {a.site, config.name, config.screen.width_m, config.screen.height_m,
                  config.screen_type, seat->id};
    setup.run.software_version = CINEMEASURE_VERSION;
    setup.run.git_revision = CINEMEASURE_GIT_REVISION;
    setup.run.operator_name = a.operator_name;
    setup.run.source = "simulation of " + std::filesystem::path(a.simulate).filename().string();
    setup.run.seed = static_cast<long long>(seed);
    setup.run.started_utc = drivers::utcNowIso8601();

    const std::filesystem::path journalFile = out / "readings.jsonl";
    std::filesystem::remove(journalFile);
    for (const char* name : {"report.json", "report.csv", "report.pdf"}) {
        std::filesystem::remove(out / name);  // never leave an older report beside new readings
    }
    app::ReadingJournal journal(journalFile);
    const procedure::InstrumentInfo instrument = meter.identify();
    if (!a.quiet) {
        std::printf("Certifying with profile %s\n  %s\n  instrument: %s (serial %s)\n  theatre: %s\n",
                    profile.id.c_str(), profile.title.c_str(), instrument.model.c_str(),
                    instrument.serial.c_str(), config.name.c_str());
    }
    app::CertificationObserver obs;
    if (!a.quiet) {
        obs.taskStarted = [&](const procedure::MeasurementTask& t) {
            if (t.new_stimulus) {
                std::printf("  > show pattern '%s'%s\n", t.step->stimulus.c_str(),
                            t.step->eyewear == "none" ? "" : (" through " + t.step->eyewear + " lens").c_str());
            }
        };
        obs.readingTaken = [&](const procedure::MeasurementTask& t, const procedure::Reading& r) {
            const auto xy = colorimetry::toXY(r.xyz_cdm2);
            std::printf("    [%zu/%zu] %-4s %-22s L = %9.4f cd/m²  x = %.4f  y = %.4f\n", t.index + 1,
                        runner.taskCount(), t.point.id.c_str(), t.point.label.c_str(), r.xyz_cdm2.Y,
                        xy.x, xy.y);
        };
    }
    try {
        app::runProcedure(runner, meter, op, &journal, obs);
    } catch (const drivers::InstrumentError& e) {
        throw CommandError(kExitInstrument,
                           std::string(e.what()) + " (after " + std::to_string(runner.readings().size()) +
                               " readings; they are kept in " + journalFile.string() + ")");
    }
    setup.run.finished_utc = drivers::utcNowIso8601();
    const report::CertificationReport rep = app::buildReport(setup, runner, instrument);
    try {
        app::writeFileAtomically(out / "report.json", app::reportToJson(rep).dump(2) + "\n");
        app::writeFileAtomically(out / "report.csv", app::reportReadingsCsv(rep));
        app::writeReportPdf(rep, out / "report.pdf");
    } catch (const std::exception& e) {
        throw CommandError(kExitOutput, e.what());
    }
    printVerdictTable(rep);
    if (!a.quiet) {
        std::printf("Report: %s, report.csv, report.pdf\n", (out / "report.json").c_str());
    }
}

}  // namespace

void registerCertifyCommand(CLI::App& app) {
    auto args = std::make_shared<CertifyArgs>();
    auto* cmd = app.add_subcommand("certify", "Run a profile's procedure end to end and write the report");
    cmd->add_option("--profile", args->profile, "Profile id (see `cinemeasure profiles`) or a profile .json")
        ->required();
    cmd->add_option("--simulate", args->simulate, "Virtual theatre config (.json) to measure")->required();
    cmd->add_option("--out", args->out, "Output directory for report.{json,csv,pdf}")->required();
    cmd->add_option("--seed", args->seed, "Noise seed (default: the config's)");
    cmd->add_option("--time-scale", args->time_scale,
                    "Real seconds per simulated integration second (0 = no waiting)")
        ->check(CLI::Range(0.0, 10.0));
    cmd->add_option("--operator", args->operator_name, "Operator name for the report");
    cmd->add_option("--site", args->site, "Site name for the report");
    cmd->add_flag("--quiet", args->quiet, "Print only the verdict table");
    cmd->callback([args] { run(*args); });
}

}  // namespace cm::cli

// SPDX-License-Identifier: Apache-2.0
// Field runs of `certify --port` and `resume --port`: the run's requests rendered on the terminal,
// the operator's answers read from stdin (ConsoleOperator).
#include "app/cli/commands.h"
#include "app/cli/console_operator.h"
#include "app/common/present/reading_conditions.h"
#include "app/common/run/run_checks.h"
#include "app/common/run/run_session.h"
#include "libmeasure/colorimetry/units.h"

#include <cstdio>
#include <iostream>

namespace cm::cli {

namespace {
/// How long a field run waits for an unplugged meter to come back before it ends (exit 3, the
/// session kept for `resume`).
constexpr double kReconnectWaitS = 300.0;

/// Runs the session's remaining tasks at the terminal; true when the operator paused.
bool consoleLoop(app::SessionRun& session, app::SessionStore& store) {
    app::Run& run = session.run();
    const std::string sid = session.session().info.id;
    ConsoleOperator op(std::cin, std::cout,
                       [&](const std::string& note) { store.appendNote(sid, note); });
    for (;;) {
        const app::Request r = run.next();
        switch (r.kind) {
            case app::Request::Kind::ShowPattern:
            case app::Request::Kind::AimAtPoint:
                break;  // the operator instruction (asked next) says what to show and where to aim
            case app::Request::Kind::AskOperator: {
                const app::Decision d = op.decide(r);
                const app::DecisionResult res = run.decide(d);
                if (res.skipped) {
                    std::printf("  skipped: %s\n", res.skipped->reason.c_str());
                }
                for (const auto& dropped : res.dropped) {
                    std::printf("  reading %s/%s dropped; take it again\n", dropped.step_id.c_str(),
                                dropped.point_id.c_str());
                }
                break;
            }
            case app::Request::Kind::Measure: {
                app::MeasureHooks hooks;
                hooks.elapsed = [](int s) {
                    // Long readings (dark patches) say they are still going, every 5 s.
                    if (s == 2 || s % 5 == 0) {
                        std::printf("  measuring… (%d s)\n", s);
                        std::fflush(stdout);
                    }
                };
                hooks.waiting = [](const std::string& status) {
                    std::printf("  %s\n", status.c_str());
                    std::fflush(stdout);
                };
                hooks.reconnected = [] {
                    std::printf("  meter reconnected; measuring again\n");
                    std::fflush(stdout);
                };
                const app::MeasureOutcome m = run.measure(hooks);
                if (m.reading) {
                    const auto& t = *r.task;
                    const auto xy = colorimetry::toXY(m.reading->reading.xyz_cdm2);
                    // Longer integration or averaging at low light says so on the same line.
                    const std::string how = app::present::readingConditions(m.reading->reading);
                    std::printf("  %-4s L = %9.4f cd/m²  x = %.4f  y = %.4f%s%s\n",
                                t.point.id.c_str(), m.reading->reading.xyz_cdm2.Y, xy.x, xy.y,
                                how.empty() ? "" : "  (", how.empty() ? "" : (how + ")").c_str());
                    std::fflush(stdout);
                }
                break;
            }
            case app::Request::Kind::Paused:
                return true;
            case app::Request::Kind::Stopped:
            case app::Request::Kind::Finished:
                return false;
        }
    }
}
}  // namespace

void runFieldAndReport(app::PreparedSimulation& session, app::SessionStore& store,
                       const std::string& port, bool quiet, const std::string& lang) {
    const std::string sid = session.info.id;
    std::optional<app::SessionRun> run;
    try {
        run.emplace(session, store, app::fieldLink(session, port, kReconnectWaitS));
    } catch (const app::RunInputError& e) {
        throw errors::InputError(e.what());
    }
    try {
        run->begin();
    } catch (const app::RunRefused& e) {
        store.setStatus(sid, "refused");
        throw errors::InputError(e.what());
    } catch (const drivers::InstrumentError& e) {
        store.setStatus(sid, "interrupted");
        throw errors::InstrumentError(std::string(e.what()) + " (session " + sid +
                                      " kept; resume with --port)");
    }
    report::CertificationReport rep;
    bool paused = false;
    try {
        paused = consoleLoop(*run, store);
        rep = run->report();
    } catch (const drivers::InstrumentError& e) {
        store.setStatus(sid, "interrupted");
        throw errors::InstrumentError(instrumentFailure(e, session, store, " --port " + port));
    } catch (const app::SessionStoreError& e) {
        journalFailed(store, sid, e, " --port " + port);
    }
    if (paused) {
        std::printf(
            "\nPaused. %zu reading(s) kept in session %s; continue with "
            "`cinemeasure resume %s --port %s`\n",
            rep.readings.size(), sid.c_str(), sid.c_str(), port.c_str());
        return;
    }
    try {
        app::writeReportFiles(rep, session.info.out_dir, lang);
    } catch (const std::exception& e) {
        throw errors::StorageError(std::string(e.what()) + " (readings are kept in session " + sid +
                                   ")");
    }
    try {
        store.setStatus(sid, "complete");
    } catch (const app::SessionStoreError& e) {
        journalFailed(store, sid, e, " --port " + port);
    }
    printVerdictTable(rep);
    if (!quiet) {
        std::printf("Report: %s/report.{json,csv,pdf}\n", session.info.out_dir.c_str());
    }
}

}  // namespace cm::cli

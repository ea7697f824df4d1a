// SPDX-License-Identifier: Apache-2.0
// Field runs of `certify --port` and `resume --port`: a real instrument, the console operator.
#include "app/cli/commands.h"
#include "app/cli/console_operator.h"
#include "app/common/run/run_checks.h"
#include "app/common/simulated_session.h"
#include "drivers/families.h"

#include <cstdio>
#include <iostream>

namespace cm::cli {

void runFieldAndReport(app::PreparedSimulation& session, app::SessionStore& store,
                       const std::string& port, bool quiet, const std::string& lang) {
    const drivers::Family* family = drivers::findFamily(session.info.instrument_family);
    if (family == nullptr) {
        throw errors::InputError("field runs need --instrument with a driver family, not '" +
                                 session.info.instrument_family + "'");
    }
    std::unique_ptr<drivers::SpotInstrument> instrument;
    try {
        instrument = drivers::openInstrument(*family, port);
    } catch (const std::exception& e) {
        store.setStatus(session.info.id, "interrupted");
        throw errors::InstrumentError(std::string(e.what()) + " (session " + session.info.id +
                                      " kept; resume with --port)");
    }
    std::size_t total = 0;
    {
        procedure::ProcedureRunner count(session.profile, session.points);
        total = count.taskCount();
    }
    const std::string sid = session.info.id;
    ConsoleOperator op(session.profile, total, std::cin, std::cout,
                       [&](const std::string& note) { store.appendNote(sid, note); });
    app::CertificationObserver obs;
    obs.readingTaken = [](const procedure::MeasurementTask& t, const procedure::Reading& r) {
        const auto xy = colorimetry::toXY(r.xyz_cdm2);
        std::printf("  %-4s L = %9.4f cd/m²  x = %.4f  y = %.4f\n", t.point.id.c_str(),
                    r.xyz_cdm2.Y, xy.x, xy.y);
        std::fflush(stdout);
    };
    obs.skipped = [](const procedure::SkippedTask& k) {
        std::printf("  skipped: %s\n", k.reason.c_str());
    };
    obs.retaken = [](const procedure::RecordedReading& r) {
        std::printf("  reading %s/%s dropped; take it again\n", r.step_id.c_str(),
                    r.point_id.c_str());
    };
    report::CertificationReport rep;
    bool paused = false;
    try {
        rep = app::runField(session, store, *instrument, op, obs, &paused);
    } catch (const app::RunRefused& e) {
        store.setStatus(sid, "refused");
        throw errors::InputError(e.what());
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

// `cinemeasure sessions`, `resume SESSION`, `export SESSION`: the session journal from the CLI.
#include "app/cli/commands.h"
#include "app/common/data_paths.h"
#include "app/common/report/report_csv.h"
#include "app/common/report/report_json.h"
#include "app/common/report/report_pdf.h"
#include "app/common/simulated_session.h"

#include <cstdio>
#include <memory>
#include <optional>

namespace cm::cli {

namespace {

std::unique_ptr<app::SessionStore> openStore(const std::string& db) {
    try {
        // An explicit --db must exist: a typo must not create folders and an empty journal.
        return db.empty()
                   ? std::make_unique<app::SessionStore>(app::SessionStore::defaultPath())
                   : std::make_unique<app::SessionStore>(db, app::SessionStore::Open::Existing);
    } catch (const app::SessionStorageError& e) {
        throw CommandError(kExitOutput, e.what());
    } catch (const std::exception& e) {
        throw CommandError(kExitUsage, e.what());
    }
}

app::PreparedSimulation prepared(const app::SessionStore& store, const std::string& id) {
    app::SessionInfo info;
    try {
        info = store.session(id);
    } catch (const std::exception& e) {
        throw CommandError(kExitUsage, e.what());
    }
    if (info.theatre_json.empty()) {
        throw CommandError(kExitUsage,
                           "session " + id + " was measured on " + info.source +
                               "; only simulated sessions can be resumed from the CLI so far");
    }
    try {
        return app::prepareSimulation(info);
    } catch (const std::exception& e) {
        throw CommandError(kExitUsage, "session " + id + ": " + e.what());
    }
}

}  // namespace

void registerSessionCommands(CLI::App& app) {
    auto db = std::make_shared<std::string>();
    {
        auto* cmd = app.add_subcommand("sessions", "List the sessions in the journal");
        cmd->add_option("--db", *db,
                        "Session database (default: $CINEMEASURE_DB or "
                        "~/.local/share/cinemeasure/sessions.db)");
        cmd->callback([db] {
            auto store = openStore(*db);
            std::printf("%-20s %-11s %-22s %8s  %s\n", "session", "status", "profile", "readings",
                        "source");
            for (const auto& s : store->sessions()) {
                std::printf("%-20s %-11s %-22s %8zu  %s\n", s.id.c_str(),
                            app::displayStatus(s).c_str(), s.profile_id.c_str(), s.reading_count,
                            s.source.c_str());
            }
        });
    }
    {
        auto id = std::make_shared<std::string>();
        auto quiet = std::make_shared<bool>(false);
        auto port = std::make_shared<std::string>();
        auto skipNext = std::make_shared<std::string>();
        auto* cmd =
            app.add_subcommand("resume", "Continue an interrupted session at its next unread step");
        cmd->add_option("SESSION", *id, "Session id (see `cinemeasure sessions`)")->required();
        cmd->add_option("--port", *port, "Field sessions: the instrument's serial port now");
        cmd->add_option("--db", *db, "Session database");
        cmd->add_flag("--quiet", *quiet, "Print only the verdict table");
        cmd->add_option("--skip-next", *skipNext,
                        "Skip the next task (one the instrument cannot measure) with this reason; "
                        "the report lists it as skipped");
        cmd->callback([db, id, quiet, port, skipNext] {
            auto store = openStore(*db);
            app::PreparedSimulation sim = prepared(*store, *id);
            if (sim.field && port->empty()) {
                throw CommandError(kExitUsage, "session " + *id + " is a field session (" +
                                                   sim.info.source +
                                                   "): give --port with the instrument's port");
            }
            if (!*quiet) {
                std::printf("Resuming session %s (%s): %zu reading(s) already taken\n", id->c_str(),
                            sim.profile.id.c_str(), sim.info.reading_count);
            }
            std::optional<app::SessionLock> lock;
            try {
                lock.emplace(*store, *id);  // refused while another process writes the session
                store->setStatus(*id, "running");
                if (!skipNext->empty()) {
                    if (const auto t = app::nextTask(sim, *store)) {
                        store->appendSkip(*id, {t->step->id, t->point.id, t->repeat, *skipNext});
                        if (!*quiet) {
                            std::printf("Skipped step '%s', point '%s': %s\n", t->step->id.c_str(),
                                        t->point.id.c_str(), skipNext->c_str());
                        }
                    }
                }
            } catch (const app::SessionStoreError& e) {
                throw CommandError(kExitOutput, e.what());
            }
            if (sim.field) {
                runFieldAndReport(sim, *store, *port, *quiet);
            } else {
                runAndReport(sim, *store, *quiet);
            }
        });
    }
    {
        auto id = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>("json");
        auto out = std::make_shared<std::string>();
        auto* cmd =
            app.add_subcommand("export", "Write a stored session's report as JSON, CSV or PDF");
        cmd->add_option("SESSION", *id, "Session id")->required();
        cmd->add_option("--format", *format, "json, csv or pdf")
            ->check(CLI::IsMember({"json", "csv", "pdf"}));
        cmd->add_option("--out", *out,
                        "Output file (default: report.<format> in the current directory)");
        cmd->add_option("--db", *db, "Session database");
        cmd->callback([db, id, format, out] {
            auto store = openStore(*db);
            const app::PreparedSimulation sim = prepared(*store, *id);
            const report::CertificationReport rep = app::reportFromStore(sim, *store);
            const std::string file = out->empty() ? "report." + *format : *out;
            try {
                if (*format == "json") {
                    app::writeFileAtomically(file, app::reportToJson(rep).dump(2) + "\n");
                } else if (*format == "csv") {
                    app::writeFileAtomically(file, app::reportReadingsCsv(rep));
                } else {
                    app::writeReportPdf(rep, file);
                }
            } catch (const std::exception& e) {
                throw CommandError(kExitOutput, e.what());
            }
            std::printf("%s%s\n", file.c_str(),
                        rep.complete ? "" : "  (session incomplete: report marked so)");
        });
    }
}

}  // namespace cm::cli

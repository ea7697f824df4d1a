// SPDX-License-Identifier: Apache-2.0
// `cinemeasure sessions`, `resume SESSION`, `export SESSION`: the session journal from the CLI.
#include "app/cli/commands.h"
#include "app/common/data_paths.h"
#include "app/common/present/text_table.h"
#include "app/common/report/output_guard.h"
#include "app/common/report/report_csv.h"
#include "app/common/report/report_json.h"
#include "app/common/report/report_pdf.h"
#include "app/common/run/run_session.h"
#include "app/common/session/session_list.h"
#include "app/common/simulated_session.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <optional>

namespace cm::cli {

namespace {

std::unique_ptr<app::SessionStore> openStore(const std::string& db) {
    // An explicit --db must exist: a typo must not create folders and an empty journal.
    // A missing or corrupt database is bad input, a disk that refuses it a storage failure.
    return db.empty() ? std::make_unique<app::SessionStore>(app::SessionStore::defaultPath())
                      : std::make_unique<app::SessionStore>(db, app::SessionStore::Open::Existing);
}

struct SessionFilters {
    std::string site, since, status;
    std::string remove, archive;
};

void listSessions(app::SessionStore& store, const SessionFilters& f) {
    std::vector<std::vector<std::string>> rows = {{"session", "date (UTC)", "site", "auditorium",
                                                   "operator", "profile", "status", "readings",
                                                   "output folder"}};
    const auto dash = [](const std::string& s) { return s.empty() ? std::string("—") : s; };
    for (const auto& s : app::listSessions(store, {f.site, f.since, f.status})) {
        rows.push_back({s.id, s.created_utc, dash(s.site), dash(s.auditorium),
                        dash(s.operator_name), s.profile_id, s.status, std::to_string(s.readings),
                        s.out_dir});
    }
    std::printf("%s", app::present::renderTable(rows).c_str());
}

}  // namespace

void registerSessionCommands(CLI::App& app) {
    auto db = std::make_shared<std::string>();
    {
        auto f = std::make_shared<SessionFilters>();
        auto* cmd = app.add_subcommand("sessions", "List the sessions in the journal");
        cmd->add_option("--db", *db,
                        "Session database (default: $CINEMEASURE_DB or "
                        "~/.local/share/cinemeasure/sessions.db)");
        cmd->add_option("--site", f->site, "Only sessions whose site contains this text");
        cmd->add_option("--since", f->since,
                        "Only sessions started on or after this UTC date (YYYY-MM-DD[THH:MM])");
        cmd->add_option("--status", f->status,
                        "Only sessions with this status (running, paused, interrupted, complete, "
                        "archived)");
        cmd->add_option("--delete", f->remove,
                        "Delete a session that holds no reading (e.g. a failed connection)");
        cmd->add_option("--archive", f->archive,
                        "Archive a session (kept with its readings, listed as archived)");
        cmd->callback([db, f] {
            auto store = openStore(*db);
            try {
                if (!f->remove.empty()) {
                    store->deleteSession(f->remove);
                    std::printf("deleted session %s (it held no reading)\n", f->remove.c_str());
                    return;
                }
                if (!f->archive.empty()) {
                    app::archiveSession(*store, f->archive);
                    std::printf("archived session %s (readings kept)\n", f->archive.c_str());
                    return;
                }
            } catch (const std::exception& e) {
                throw errors::InputError(e.what());
            }
            listSessions(*store, *f);
        });
    }
    {
        auto id = std::make_shared<std::string>();
        auto quiet = std::make_shared<bool>(false);
        auto port = std::make_shared<std::string>();
        auto skipNext = std::make_shared<std::string>();
        auto force = std::make_shared<bool>(false);
        auto lang = std::make_shared<std::string>("en");
        auto* cmd =
            app.add_subcommand("resume", "Continue an interrupted session at its next unread step");
        cmd->add_flag("--force", *force,
                      "Write into a non-empty output folder: its files move to "
                      "OUT/previous-<time>/ first");
        cmd->add_option("--lang", *lang, "Report language for the PDF and CSV headers")
            ->check(CLI::IsMember({"en", "zh_CN"}));
        cmd->add_option("SESSION", *id, "Session id (see `cinemeasure sessions`)")->required();
        cmd->add_option("--port", *port, "Field sessions: the instrument's serial port now");
        cmd->add_option("--db", *db, "Session database");
        cmd->add_flag("--quiet", *quiet, "Print only the verdict table");
        cmd->add_option("--skip-next", *skipNext,
                        "Skip the next task (one the instrument cannot measure) with this reason; "
                        "the report lists it as skipped");
        cmd->callback([db, id, quiet, port, skipNext, force, lang] {
            auto store = openStore(*db);
            // Read back and checked in one place (app/common/run), as the GUI does.
            app::PreparedSimulation sim = app::prepareResume(*store, *id, *port);
            // A newer report may sit in the session's folder: never written over.
            app::prepareOutputDirectory(sim.info.out_dir, *force);
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
                // Whatever the journal refuses while taking the session is a storage failure.
                throw errors::StorageError(e.what());
            }
            if (sim.field) {
                runFieldAndReport(sim, *store, *port, *quiet, *lang);
            } else {
                runAndReport(sim, *store, *quiet, *lang);
            }
        });
    }
    {
        auto id = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>("json");
        auto out = std::make_shared<std::string>();
        auto force = std::make_shared<bool>(false);
        auto lang = std::make_shared<std::string>("en");
        auto* cmd =
            app.add_subcommand("export", "Write a stored session's report as JSON, CSV or PDF");
        cmd->add_flag("--force", *force,
                      "Replace an existing file: it (and its .sig) move to previous-<time>/ "
                      "beside it");
        cmd->add_option("--lang", *lang, "Report language for the PDF and CSV headers")
            ->check(CLI::IsMember({"en", "zh_CN"}));
        cmd->add_option("SESSION", *id, "Session id")->required();
        cmd->add_option("--format", *format, "json, csv or pdf")
            ->check(CLI::IsMember({"json", "csv", "pdf"}));
        cmd->add_option("--out", *out,
                        "Output file (default: report.<format> in the current directory)");
        cmd->add_option("--db", *db, "Session database");
        cmd->callback([db, id, format, out, force, lang] {
            auto store = openStore(*db);
            const report::CertificationReport rep = [&] {
                try {
                    return app::storedSessionReport(*store, *id);
                } catch (const std::invalid_argument& e) {
                    throw errors::InputError(e.what());
                }
            }();
            const std::string file = out->empty() ? "report." + *format : *out;
            try {
                app::prepareOutputFile(file, *force);
            } catch (const std::exception& e) {
                throw errors::StorageError(e.what());
            }
            try {
                app::writeSessionReport(rep, *format, file, app::present::parseLang(*lang));
            } catch (const std::exception& e) {
                throw errors::StorageError(e.what());
            }
            std::printf("%s%s\n", file.c_str(),
                        rep.complete ? "" : "  (session incomplete: report marked so)");
        });
    }
}

}  // namespace cm::cli

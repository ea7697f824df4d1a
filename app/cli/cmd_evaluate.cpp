// SPDX-License-Identifier: Apache-2.0
// `cinemeasure evaluate`: re-evaluate stored readings under any profile and show what changes.
#include "app/cli/commands.h"
#include "app/common/batch_evaluate.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/report/report_json.h"

#include <cstdio>
#include <memory>

namespace cm::cli {

namespace {

void printComparison(const std::vector<app::FigureChange>& changes) {
    std::size_t changed = 0;
    std::printf("%-22s %-24s %10s  %-16s %-14s -> %-16s %-14s %10s\n", "source", "figure", "value",
                "old limit", "old verdict", "new limit", "new verdict", "margin");
    for (const auto& c : changes) {
        changed += c.changed() ? 1 : 0;
        std::printf("%-22s %-24s %10.4f  %-16s %-14s -> %-16s %-14s %10.4f%s\n",
                    c.source.substr(0, 22).c_str(), c.figure_id.c_str(), c.value,
                    c.old_limit.c_str(), evaluation::toString(c.old_verdict), c.new_limit.c_str(),
                    evaluation::toString(c.new_verdict), c.new_margin, c.changed() ? "  *" : "");
    }
    std::printf("%zu figure(s), %zu verdict(s) changed (marked *)\n", changes.size(), changed);
}

}  // namespace

void registerEvaluateCommand(CLI::App& app) {
    auto report = std::make_shared<std::string>();
    auto profile = std::make_shared<std::string>();
    auto sessions = std::make_shared<bool>(false);
    auto db = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "evaluate",
        "Re-evaluate stored readings (a report.json, or every session in the journal) "
        "under a profile id or a modified profile file; lists verdict changes");
    cmd->add_option("REPORT", *report, "report.json written by certify/resume/export");
    cmd->add_option("--profile", *profile, "Profile id or .json file to evaluate under")
        ->required();
    cmd->add_flag("--sessions", *sessions,
                  "Evaluate every session in the journal instead of one report");
    cmd->add_option("--db", *db, "Session database for --sessions");
    cmd->add_option("--out", *out, "Also write the comparison as CSV");
    // Registry re-evaluation (app/common/registry): the committee's question across inspectors.
    auto registryUrl = std::make_shared<std::string>();
    auto record = std::make_shared<bool>(false);
    auto site = std::make_shared<std::string>();
    cmd->add_option("--registry", *registryUrl,
                    "Re-evaluate every session stored in this registry (libpq URL) instead");
    cmd->add_flag("--record", *record, "With --registry: store this re-evaluation run there");
    cmd->add_option("--site", *site, "With --registry: only this site");
    cmd->callback([=] {
        if (!registryUrl->empty()) {
            runRegistryEvaluate(*registryUrl, *profile, *record, *site, *out);
            return;
        }
        const procedure::Profile after = app::findProfile(*profile);
        std::vector<app::FigureChange> changes;
        if (*sessions) {
            app::SessionStore store(db->empty() ? app::SessionStore::defaultPath()
                                                : std::filesystem::path(*db));
            changes = app::reevaluateSessions(store, after);
        } else {
            if (report->empty()) {
                throw errors::InputError("give a REPORT file or --sessions");
            }
            const nlohmann::json doc = util::parseJson(app::readTextFile(*report), *report);
            const auto readings = app::readingsFromReportJson(doc, *report);
            app::requirePlausibleReadings(readings, *report);
            // Old limits and verdicts are what the report recorded, never recomputed from a
            // profile installed here (which may differ, or be found by a path in the file).
            changes = app::compareWithRecorded(*report, readings,
                                               app::recordedFigures(doc, *report), after);
        }
        printComparison(changes);
        if (!out->empty()) {
            app::writeFileAtomically(*out, app::comparisonCsv(changes));
        }
    });
}

}  // namespace cm::cli

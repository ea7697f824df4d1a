// SPDX-License-Identifier: Apache-2.0
// `cinemeasure evaluate`: re-evaluate stored readings under any profile and show what changes.
#include "app/cli/commands.h"
#include "app/common/batch_evaluate.h"
#include "app/common/cie_data.h"
#include "app/common/data_paths.h"
#include "app/common/present/figure_text.h"
#include "app/common/present/text_table.h"
#include "app/common/profile_catalog.h"
#include "app/common/report/report_json.h"

#include <cmath>
#include <cstdio>
#include <memory>

namespace cm::cli {

namespace {

/// One row per figure, columns aligned in display width (limits hold ±, …, ≥); "(i)" marks a
/// figure whose new limit is informative, as certify's table does.
void printComparison(const std::vector<app::FigureChange>& changes) {
    std::size_t changed = 0;
    std::vector<std::vector<std::string>> rows{{"source", "figure", "value", "old limit",
                                                "old verdict", "", "new limit", "new verdict",
                                                "margin", ""}};
    const auto number = [](double v) { return app::present::formatFixed(v, 4); };
    for (const auto& c : changes) {
        changed += c.changed() ? 1 : 0;
        rows.push_back({c.source.substr(0, 22), c.figure_id + (c.informative ? " (i)" : ""),
                        number(c.value), c.old_limit, evaluation::toString(c.old_verdict), "->",
                        c.new_limit, evaluation::toString(c.new_verdict), number(c.new_margin),
                        c.changed() ? "*" : ""});
    }
    std::fputs(app::present::renderTable(rows).c_str(), stdout);
    std::printf(
        "%zu figure(s), %zu verdict(s) changed (marked *); (i) informative: reported, "
        "never deciding\n",
        changes.size(), changed);
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
    auto observer = std::make_shared<std::string>("1931_2");
    cmd->add_option("--observer", *observer,
                    "Recompute every reading's XYZ from its spectrum with this observer: 1931_2 "
                    "(default: the instrument's own XYZ), 1964_10, 2015_2, 2015_10 (report mode)")
        ->check(CLI::IsMember(app::observerIds()));
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
        if (*sessions && *observer != "1931_2") {
            throw errors::InputError("--observer works on a REPORT, not --sessions");
        }
        if (*sessions) {
            app::SessionStore store(db->empty() ? app::SessionStore::defaultPath()
                                                : std::filesystem::path(*db));
            changes = app::reevaluateSessions(store, after);
        } else {
            if (report->empty()) {
                throw errors::InputError("give a REPORT file or --sessions");
            }
            const nlohmann::json doc = util::parseJson(app::readTextFile(*report), *report);
            auto readings = app::readingsFromReportJson(doc, *report);
            if (*observer != "1931_2") {
                // Same spectra, another observer: what the limits make of the light a 10° or
                // CIE 2015 observer sees (observer metamerism).
                readings = app::underObserver(std::move(readings),
                                              app::cieData().observer(*observer), *report);
            }
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

// SPDX-License-Identifier: Apache-2.0
// cinemeasure.reports: report.json and the session journal as plain Python objects, and the
// re-evaluation `cinemeasure evaluate` performs (app/common/batch_evaluate.h).
#include "python/bindings.h"

#include "app/common/batch_evaluate.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/report/report_json.h"
#include "app/common/session/session_store.h"
#include "libmeasure/util/json_view.h"

#include <filesystem>

namespace cm::python {

namespace {

namespace fs = std::filesystem;
namespace ev = cm::evaluation;

/// Opens an existing journal only: reading must never create an empty database by mistake.
app::SessionStore openStore(const py::object& db) {
    const fs::path file = db.is_none() ? app::SessionStore::defaultPath() : db.cast<fs::path>();
    if (!fs::exists(file)) {
        throw app::SessionStoreError("no session database at " + file.string());
    }
    return app::SessionStore(file);
}

py::dict sessionDict(const app::SessionInfo& s) {
    py::dict d;
    d["id"] = s.id;
    d["created_utc"] = s.created_utc;
    d["status"] = s.status;
    d["profile_id"] = s.profile_id;
    d["source"] = s.source;
    d["theatre_file"] = s.theatre_file;
    d["seed"] = s.seed;
    d["operator"] = s.operator_name;
    d["site"] = s.site;
    d["out_dir"] = s.out_dir;
    d["instrument_family"] = s.instrument_family;
    d["decision_rule"] = s.decision_rule;
    d["provisional"] = s.provisional_policy;
    d["reading_count"] = s.reading_count;
    return d;
}

py::list changesList(const std::vector<app::FigureChange>& changes) {
    py::list out;
    for (const auto& c : changes) {
        py::dict d;
        d["source"] = c.source;
        d["figure"] = c.figure_id;
        d["label"] = c.label;
        d["value"] = numberOrNone(c.value);
        d["old_limit"] = c.old_limit;
        d["old_verdict"] = ev::toString(c.old_verdict);
        d["new_limit"] = c.new_limit;
        d["new_verdict"] = ev::toString(c.new_verdict);
        d["changed"] = c.changed();
        d["new_margin"] = numberOrNone(c.new_margin);
        out.append(d);
    }
    return out;
}

}  // namespace

void bindReports(py::module_& m) {
    m.def(
        "read_report",
        [](const fs::path& file) {
            const nlohmann::json doc = util::parseJson(app::readTextFile(file), file.string());
            (void)app::readingsFromReportJson(doc, file.string());  // the checks `evaluate` makes
            return toPython(doc);
        },
        py::arg("path"),
        "A report.json (schema docs/report.schema.json) as a dict: run, site, profile, "
        "instruments, points, readings (step, point, repeat, X, Y, Z in cd/m², x, y CIE 1931, "
        "u_prime, v_prime CIE 1976, u_luminance_rel, u_chromaticity_xy, …), skipped, notes and "
        "figures (value, expanded_uncertainty_k2, limit, source, verdict). Its readings are "
        "checked as `cinemeasure evaluate` checks them (DataError naming file and JSON path).");
    m.def(
        "sessions",
        [](const py::object& db) {
            const auto store = openStore(db);
            py::list out;
            for (const auto& s : store.sessions()) {
                out.append(sessionDict(s));
            }
            return out;
        },
        py::arg("db") = py::none(),
        "Every session in a journal (default: $CINEMEASURE_DB, else "
        "~/.local/share/cinemeasure/sessions.db) as dicts: id, status, profile_id, source, "
        "seed, decision_rule, reading_count, …");
    m.def(
        "session",
        [](const std::string& id, const py::object& db) {
            const auto store = openStore(db);
            const auto info = store.session(id);
            py::dict d = sessionDict(info);
            d["readings"] = readingsToPython(store.readings(id));
            py::list skips;
            for (const auto& s : store.skips(id)) {
                skips.append(py::dict(py::arg("step") = s.step_id, py::arg("point") = s.point_id,
                                      py::arg("repeat") = s.repeat, py::arg("reason") = s.reason));
            }
            d["skipped"] = skips;
            d["notes"] = store.notes(id);
            d["profile"] =
                profileFromJson(util::parseJson(info.profile_json, info.id + " (stored profile)"),
                                info.id + " (stored profile)");
            return d;
        },
        py::arg("id"), py::arg("db") = py::none(),
        "One session: its fields as in sessions(), its readings (report.json's keys), skips, "
        "notes and the exact profile it was run with (a profiles.Profile).");
    m.def(
        "compare",
        [](const py::handle& readings, const py::object& before, const py::object& after,
           const std::string& source) {
            std::optional<procedure::Profile> keepBefore;
            std::optional<procedure::Profile> keepAfter;
            const auto& b = profileOf(before, keepBefore);
            const auto& a = profileOf(after, keepAfter);
            return changesList(app::compareEvaluations(source, readingsFromPython(readings), b, a));
        },
        py::arg("readings"), py::arg("before"), py::arg("after"), py::arg("source") = "",
        "Figure-by-figure verdicts of the readings under two profiles (Profile, id or path): "
        "list of dicts source, figure, label, value, old_limit, old_verdict, new_limit, "
        "new_verdict, changed, new_margin (signed distance to the nearest new bound, positive "
        "inside, in the figure's unit). As `cinemeasure evaluate`: simple acceptance, limits "
        "flagged provisional informative (they never decide).");
    m.def(
        "reevaluate_report",
        [](const fs::path& file, const py::object& profile) {
            std::optional<procedure::Profile> keep;
            const auto& after = profileOf(profile, keep);
            const nlohmann::json doc = util::parseJson(app::readTextFile(file), file.string());
            const auto readings = app::readingsFromReportJson(doc, file.string());
            // As the CLI: old verdicts from the report's own profile when it is installed here.
            procedure::Profile before = after;
            before.figures.clear();
            const std::string ownId = util::JsonView(doc, file.string()).at("profile").string("id");
            try {
                before = app::findProfile(ownId);
            } catch (const std::exception&) {
            }
            return changesList(app::compareEvaluations(file.string(), readings, before, after));
        },
        py::arg("path"), py::arg("profile"),
        "`cinemeasure evaluate REPORT --profile P` in Python: the report's readings under its "
        "own (installed) profile and under `profile` (a Profile with changed limits, an id or a "
        "path); same rows as compare().");
    m.def(
        "reevaluate_sessions",
        [](const py::object& profile, const py::object& db) {
            std::optional<procedure::Profile> keep;
            const auto& after = profileOf(profile, keep);
            const auto store = openStore(db);
            return changesList(app::reevaluateSessions(store, after));
        },
        py::arg("profile"), py::arg("db") = py::none(),
        "`cinemeasure evaluate --sessions --profile P`: every journaled session under its stored "
        "profile and under `profile`; same rows as compare().");
}

}  // namespace cm::python

// SPDX-License-Identifier: Apache-2.0
// Session rows, archiving and stored-session reports for the CLI and the GUI.
#include "app/common/session/session_list.h"

#include "app/common/data_paths.h"
#include "app/common/report/report_csv.h"
#include "app/common/report/report_json.h"
#include "app/common/report/report_pdf.h"
#include "app/common/simulated_session.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace cm::app {

std::string auditoriumOf(const SessionInfo& s) {
    try {
        const auto doc = nlohmann::json::parse(s.theatre_json);
        return doc.value("name", "");
    } catch (const std::exception&) {
        return "";
    }
}

std::vector<SessionRow> listSessions(const SessionStore& store, const SessionListFilter& f) {
    std::vector<SessionRow> rows;
    for (const auto& s : store.sessions()) {
        if (!f.site.empty() && s.site.find(f.site) == std::string::npos) {
            continue;
        }
        // ISO 8601 strings compare in time order.
        if (!f.since.empty() && s.created_utc.substr(0, f.since.size()) < f.since) {
            continue;
        }
        // A "running" session whose process died shows (and filters) as interrupted.
        const std::string status = displayStatus(s);
        if (!f.status.empty() && status != f.status) {
            continue;
        }
        rows.push_back({s.id, s.created_utc, s.site, auditoriumOf(s), s.operator_name, s.profile_id,
                        status, s.reading_count, s.out_dir});
    }
    return rows;
}

void archiveSession(SessionStore& store, const std::string& id) {
    store.session(id);  // unknown ids are an error
    store.setStatus(id, "archived");
}

report::CertificationReport storedSessionReport(const SessionStore& store, const std::string& id) {
    SessionInfo info;
    try {
        info = store.session(id);
    } catch (const std::exception& e) {
        throw std::invalid_argument(e.what());
    }
    if (info.theatre_json.empty()) {
        throw std::invalid_argument("session " + id + " was measured on " + info.source +
                                    "; only simulated sessions can be resumed from the CLI so far");
    }
    const PreparedSimulation sim = [&] {
        try {
            return prepareSimulation(info);
        } catch (const std::exception& e) {
            throw std::invalid_argument("session " + id + ": " + e.what());
        }
    }();
    return reportFromStore(sim, store);
}

void writeSessionReport(const report::CertificationReport& rep, const std::string& format,
                        const std::filesystem::path& file, present::Lang lang) {
    if (format == "json") {
        writeFileAtomically(file, reportToJson(rep).dump(2) + "\n");
    } else if (format == "csv") {
        writeFileAtomically(file, reportCsv(rep, lang));
    } else if (format == "pdf") {
        writeReportPdf(rep, file, lang);
    } else {
        throw std::invalid_argument("report format '" + format + "': json, csv or pdf");
    }
}

}  // namespace cm::app

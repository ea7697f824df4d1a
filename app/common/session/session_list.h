// SPDX-License-Identifier: Apache-2.0
// The journal's sessions as people look at them (`cinemeasure sessions`, the GUI's session
// browser): one row per session with site, auditorium, date, operator, profile, status and
// readings; archiving; a stored session's report written as JSON, CSV or PDF.
#pragma once

#include "app/common/present/figure_text.h"
#include "app/common/session/session_store.h"
#include "libmeasure/report/certification_report.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace cm::app {

struct SessionListFilter {
    std::string site;    ///< only sessions whose site contains this text
    std::string since;   ///< only sessions started on or after this UTC date (ISO 8601 prefix)
    std::string status;  ///< only sessions with this displayed status
};

struct SessionRow {
    std::string id;
    std::string created_utc;  ///< ISO 8601 UTC: sorts in time order as text
    std::string site;
    std::string auditorium;  ///< the site record's or the virtual theatre's name
    std::string operator_name;
    std::string profile_id;
    /// displayStatus: running, paused, interrupted (its writer died), complete, archived, …
    std::string status;
    std::size_t readings = 0;
    std::string out_dir;
};

/// The auditorium a session was run in ("" when not recorded).
std::string auditoriumOf(const SessionInfo& session);

/// The sessions in the store's order, filtered.
std::vector<SessionRow> listSessions(const SessionStore& store,
                                     const SessionListFilter& filter = {});

/// Marks a session archived (kept with its readings). Throws SessionStoreError for an unknown id.
void archiveSession(SessionStore& store, const std::string& id);

/// A stored session's report, from its journal. Throws std::invalid_argument when the session is
/// unknown or cannot be re-evaluated here (the message says why).
report::CertificationReport storedSessionReport(const SessionStore& store, const std::string& id);

/// Writes a report as "json", "csv" or "pdf" (atomically); std::invalid_argument on another
/// format, std::runtime_error when the file cannot be written.
void writeSessionReport(const report::CertificationReport& report, const std::string& format,
                        const std::filesystem::path& file, present::Lang lang);

}  // namespace cm::app

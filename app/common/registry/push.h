// SPDX-License-Identifier: Apache-2.0
// `cinemeasure push`: sends the outbox's sessions (readings, figures, the signed report) to the
// registry, one transaction per session, idempotent by session UUID.
#pragma once

#include "app/common/registry/outbox.h"
#include "app/common/registry/pg.h"

#include "libmeasure/procedure/reading.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cm::app {
class SessionStore;
}

namespace cm::registry {

struct PushOutcome {
    enum class Status {
        Sent,          ///< committed by the registry in this push
        AlreadyThere,  ///< the registry had this UUID (an earlier push committed it)
        Refused        ///< not sent; `reason` says why; stays in the outbox
    };
    std::string session_id;
    std::string session_uuid;
    Status status = Status::Refused;
    std::string reason;
    std::size_t readings = 0;
};

/// Points where a push can be cut short, so tests can show that an interrupted push resumes.
struct PushHooks {
    /// Inside the session's transaction, just before COMMIT (throwing here rolls it back).
    std::function<void(const OutboxEntry&)> beforeCommit;
    /// After the registry committed, before the outbox marks the session pushed.
    std::function<void(const OutboxEntry&)> afterCommit;
};

/// Everything push writes for one session (also what the benchmark feeds it).
struct SessionPayload {
    std::string session_uuid;
    std::string journal_id, profile_id, profile_json, status, started_utc, finished_utc;
    std::string site, auditorium, screen_type;
    std::optional<double> screen_width_m, screen_height_m;
    std::vector<procedure::RecordedReading> readings;
    nlohmann::json figures = nlohmann::json::array();  ///< the report's "figures"
    std::string report_text, overall_verdict, signature_text, key_id;
};

/// Writes one session's rows as the connected inspector; the caller's transaction commits or
/// rolls them back. Returns the number of readings written.
std::size_t writeSession(Connection& c, const SessionPayload& p);

/// Queues the journal's complete sessions, then sends every pending one. Requires the
/// registry's schema version and a connection role registered as an inspector. A report is
/// accepted only when its Ed25519 signature (REPORT.sig beside it) is intact and made with a key
/// registered for that inspector; otherwise the session is refused with the reason and kept.
/// Throws RegistryError when the registry is lost mid-way; sessions committed so far are marked.
std::vector<PushOutcome> push(const app::SessionStore& store, Outbox& outbox, Connection& c,
                              const PushHooks& hooks = {});

}  // namespace cm::registry

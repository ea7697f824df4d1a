// SPDX-License-Identifier: Apache-2.0
// The local outbox: which journal sessions still have to reach the registry, under which UUID.
// Its own table in the journal's SQLite file, kept apart from the session store's own tables.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

struct sqlite3;

namespace cm::app {
class SessionStore;
}

namespace cm::registry {

struct OutboxEntry {
    std::string session_id;    ///< the journal's id, e.g. 20261202-055736-2b38
    std::string session_uuid;  ///< random UUID v4: the registry's key, so a re-push is a no-op
    std::string queued_utc;
    std::string pushed_utc;  ///< empty until the registry committed the session
    std::string last_error;  ///< why the last push refused it, if it did
};

class Outbox {
public:
    /// Opens the journal file (which must exist) and creates the outbox table if missing.
    explicit Outbox(const std::filesystem::path& journal);
    ~Outbox();
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    /// Queues every complete session of the journal not queued yet, each with a new UUID.
    /// Returns how many were added.
    std::size_t enqueueComplete(const app::SessionStore& store);
    /// Entries not yet committed by a registry, oldest first.
    std::vector<OutboxEntry> pending() const;
    std::vector<OutboxEntry> all() const;
    /// Only called once the registry has committed (or already had) the session.
    void markPushed(const std::string& session_id, const std::string& registry);
    void markRefused(const std::string& session_id, const std::string& reason);

private:
    std::vector<OutboxEntry> select(const char* sql) const;
    sqlite3* db_ = nullptr;
};

}  // namespace cm::registry

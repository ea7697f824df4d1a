// SPDX-License-Identifier: Apache-2.0
// The session journal: every reading in its own SQLite transaction the moment it arrives, so a
// crash or a closed lid loses nothing and a run can resume. Shared by the CLI and the GUI.
#pragma once

#include "libmeasure/errors.h"
#include "libmeasure/procedure/reading.h"
#include "libmeasure/procedure/runner.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace cm::app {

/// The database is missing, corrupt, half-written or of an unknown schema, or has no such
/// session: bad input (the subclasses below are storage failures).
class SessionStoreError : public errors::InputError {
public:
    using errors::InputError::InputError;
};

/// Another live process holds the session's lock (message: "session SID is in use by pid N on
/// HOST").
class SessionInUseError : public SessionStoreError {
public:
    using SessionStoreError::SessionStoreError;
    errors::Kind errorKind() const noexcept override { return errors::Kind::Storage; }
};

/// The storage itself failed (disk full, read-only, I/O error, locked beyond the busy timeout):
/// the journal is intact up to the last committed reading and the session can be resumed.
class SessionStorageError : public SessionStoreError {
public:
    using SessionStoreError::SessionStoreError;
    errors::Kind errorKind() const noexcept override { return errors::Kind::Storage; }
};

/// What a session needs to be re-run or resumed: the exact profile and theatre config text used.
struct SessionInfo {
    std::string id;  ///< e.g. "20261125-031500-a1b2"
    std::string created_utc;
    std::string status;  ///< "running", "complete", "failed"
    std::string profile_id;
    std::string profile_json;
    std::string source;        ///< "simulation of <file>" or a port
    std::string theatre_json;  ///< virtual theatre config text (simulation only)
    std::string theatre_file;
    long long seed = -1;
    double time_scale = 0.0;
    std::string operator_name;
    std::string site;
    std::string out_dir;
    std::string instrument_family;
    std::string
        correction_json;  ///< colorimeter correction applied to every reading (may be empty)
    std::string decision_rule = "simple";  ///< "simple" or "guarded"
    /// "binding" (provisional limits judge) or "informative" (they are only reported).
    std::string provisional_policy = "informative";
    std::size_t reading_count = 0;
    /// The writer holding the session (0 when none): pid, host and the process start time
    /// (/proc/PID/stat field 22) so a reused pid is not taken for the writer.
    long long lock_pid = 0;
    std::string lock_host;
    std::string lock_start;
};

/// True when the session's lock is held by a process that is still alive on this host (a lock
/// from another host counts as live: its liveness cannot be checked from here).
bool lockHeldByLiveProcess(const SessionInfo& info);
/// The status to show: a "running" session whose writer died is "interrupted".
std::string displayStatus(const SessionInfo& info);

class SessionStore {
public:
    /// Create: the database (and its folder) is created if missing (certify). Existing: a missing
    /// file is an error and nothing is created (sessions, resume, export).
    enum class Open { Create, Existing };
    /// Opens the database in WAL mode with synchronous=FULL; checks its integrity and schema
    /// version, migrating older schemas. Setup runs under an exclusive flock on FILE.lock, so
    /// processes opening a new database at once never see it half made. Throws SessionStoreError.
    explicit SessionStore(const std::filesystem::path& file, Open mode = Open::Create);
    ~SessionStore();
    SessionStore(const SessionStore&) = delete;
    SessionStore& operator=(const SessionStore&) = delete;

    static constexpr int kSchemaVersion = 7;
    /// Default location: $CINEMEASURE_DB, else $XDG_DATA_HOME/cinemeasure/sessions.db, else
    /// ~/.local/share/cinemeasure/sessions.db.
    static std::filesystem::path defaultPath();

    /// Creates a session, locked by this process, and returns its id.
    std::string createSession(SessionInfo info);
    /// Takes the session's lock for this process (pid + host + start time, in one write
    /// transaction). A lock held by a live process is refused with SessionInUseError; a stale one
    /// (its process is gone) is taken over and noted in the session's notes.
    void lockSession(const std::string& session_id);
    /// Releases the lock if this process holds it.
    void unlockSession(const std::string& session_id);
    /// Appends one reading in its own committed transaction. Refused (SessionInUseError) when
    /// another process holds the session's lock.
    void appendReading(const std::string& session_id, const procedure::RecordedReading& reading);
    /// Operator retake: removes the session's last reading from the readings (so resume and export
    /// see one reading per task) and journals its values as a note in the same transaction, so
    /// nothing measured is lost. Returns false when the session has no reading.
    bool retractLastReading(const std::string& session_id, const std::string& reason);
    void appendSkip(const std::string& session_id, const procedure::SkippedTask& skip);
    void appendNote(const std::string& session_id, const std::string& note);
    void setStatus(const std::string& session_id, const std::string& status);
    /// Removes a session that holds no reading (a failed connection attempt, say), with its
    /// skips and notes. Throws SessionStoreError when it has readings: those are archived, never
    /// deleted.
    void deleteSession(const std::string& session_id);

    std::vector<SessionInfo> sessions() const;
    /// Throws SessionStoreError when unknown (message lists how to see the ids).
    SessionInfo session(const std::string& id) const;
    std::vector<procedure::RecordedReading> readings(const std::string& session_id) const;
    std::vector<procedure::SkippedTask> skips(const std::string& session_id) const;
    std::vector<std::string> notes(const std::string& session_id) const;
    /// The run's options beyond SessionInfo (instrument calibration record, warm-up, exceptions
    /// the operator accepted), as JSON text, kept in the meta table under run_options/<id> so
    /// `resume` and re-reports use them too. Empty when none were stored.
    void setRunOptions(const std::string& session_id, const std::string& json);
    std::string runOptions(const std::string& session_id) const;

    const std::filesystem::path& file() const { return file_; }

private:
    void exec(const char* sql) const;
    /// Runs `body` inside BEGIN IMMEDIATE … COMMIT; on failure rolls back (if a transaction is
    /// still open) and rethrows the original error, never the rollback's.
    template <typename F>
    void transaction(F&& body);
    void requireOwnLock(const std::string& session_id);
    void migrate();

    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

/// Holds a session's lock for a scope (certify, resume): taken on construction, released on
/// destruction. A crash leaves the lock with a dead pid, which the next writer takes over.
class SessionLock {
public:
    SessionLock(SessionStore& store, std::string session_id);
    ~SessionLock();
    SessionLock(const SessionLock&) = delete;
    SessionLock& operator=(const SessionLock&) = delete;

private:
    SessionStore& store_;
    std::string id_;
};

}  // namespace cm::app

// The session journal: every reading in its own SQLite transaction the moment it arrives, so a
// crash or a closed lid loses nothing and a run can resume. Shared by the CLI and the GUI.
#pragma once

#include "libmeasure/procedure/reading.h"
#include "libmeasure/procedure/runner.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace cm::app {

/// The database is missing, corrupt, half-written or of an unknown schema.
class SessionStoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
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
};

class SessionStore {
public:
    /// Opens (creating if needed) the database, in WAL mode with synchronous=FULL; checks its
    /// integrity and schema version, migrating older schemas. Throws SessionStoreError.
    explicit SessionStore(const std::filesystem::path& file);
    ~SessionStore();
    SessionStore(const SessionStore&) = delete;
    SessionStore& operator=(const SessionStore&) = delete;

    static constexpr int kSchemaVersion = 4;
    /// Default location: $CINEMEASURE_DB, else $XDG_DATA_HOME/cinemeasure/sessions.db, else
    /// ~/.local/share/cinemeasure/sessions.db.
    static std::filesystem::path defaultPath();

    /// Creates a session and returns its id.
    std::string createSession(SessionInfo info);
    /// Appends one reading in its own committed transaction.
    void appendReading(const std::string& session_id, const procedure::RecordedReading& reading);
    /// Operator retake: removes the session's last reading from the readings (so resume and export
    /// see one reading per task) and journals its values as a note in the same transaction, so
    /// nothing measured is lost. Returns false when the session has no reading.
    bool retractLastReading(const std::string& session_id, const std::string& reason);
    void appendSkip(const std::string& session_id, const procedure::SkippedTask& skip);
    void appendNote(const std::string& session_id, const std::string& note);
    void setStatus(const std::string& session_id, const std::string& status);

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
    void migrate();

    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

}  // namespace cm::app

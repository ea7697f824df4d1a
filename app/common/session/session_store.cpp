// SPDX-License-Identifier: Apache-2.0
// SQLite session journal: WAL, synchronous=FULL, one transaction per reading, checked on open.
#include "app/common/session/session_store.h"

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/procedure/reading_spectrum.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

namespace cm::app {

namespace {

/// The error for a failed SQLite call: storage conditions (full, read-only, I/O, busy beyond the
/// timeout) are SessionStorageError, so callers can say "disk full" and "resume" instead of
/// "corrupt".
[[noreturn]] void fail(sqlite3* db, int rc, const std::string& why) {
    switch (rc & 0xFF) {
        case SQLITE_FULL:
            throw SessionStorageError("session database: the disk is full (" + why + ")");
        case SQLITE_READONLY:
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
            throw SessionStorageError("session database: cannot write (" + why + ")");
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw SessionStorageError("session database: busy, another process kept it locked (" +
                                      why + ")");
        default:
            (void)db;
            throw SessionStoreError("session database: " + why);
    }
}

/// A prepared statement that finalises itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); rc != SQLITE_OK) {
            fail(db, rc, sqlite3_errmsg(db));
        }
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, const std::string& s) {
        sqlite3_bind_text(stmt_, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, double v) {
        sqlite3_bind_double(stmt_, i, v);
        return *this;
    }
    Statement& bindInt(int i, long long v) {
        sqlite3_bind_int64(stmt_, i, v);
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc == SQLITE_DONE) {
            return false;
        }
        fail(db_, rc, sqlite3_errmsg(db_));
    }
    std::string text(int col) const {
        const unsigned char* t = sqlite3_column_text(stmt_, col);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    long long integer(int col) const { return sqlite3_column_int64(stmt_, col); }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// Who holds a session lock: pid, host, and the process start time (so a reused pid is not
/// mistaken for the writer).
struct Owner {
    long long pid = 0;
    std::string host;
    std::string start;
};

std::string hostName() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) {
        return "localhost";
    }
    return buf;
}

/// /proc/PID/stat: field 3 is the state, field 22 the start time in clock ticks since boot.
/// Returns false when the process does not exist or is a zombie (it has ended).
bool processStart(long long pid, std::string* start) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) {
        return false;
    }
    const auto close = line.rfind(')');
    if (close == std::string::npos) {
        return false;
    }
    std::istringstream fields(line.substr(close + 1));
    std::string field;
    std::vector<std::string> f;
    while (fields >> field) {
        f.push_back(field);
    }
    // f[0] is field 3 (state), f[19] is field 22 (starttime).
    if (f.size() < 20 || f[0] == "Z" || f[0] == "X") {
        return false;
    }
    *start = f[19];
    return true;
}

Owner self() {
    Owner o;
    o.pid = ::getpid();
    o.host = hostName();
    processStart(o.pid, &o.start);
    return o;
}

std::string newSessionId() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    std::random_device rd;
    char suffix[8];
    std::snprintf(suffix, sizeof suffix, "%04x", rd() & 0xFFFF);
    return std::string(buf) + "-" + suffix;
}

/// Spectral samples as text: comma-separated, 17 significant digits (doubles round-trip exactly).
std::string encodeSpectrum(const std::vector<double>& values) {
    std::string out;
    char buf[32];
    for (double v : values) {
        std::snprintf(buf, sizeof buf, "%.17g", v);
        out += (out.empty() ? "" : ",") + std::string(buf);
    }
    return out;
}

std::vector<double> decodeSpectrum(const std::string& text) {
    std::vector<double> v;
    const char* p = text.c_str();
    while (*p != '\0') {
        char* end = nullptr;
        const double x = std::strtod(p, &end);
        if (end == p) {
            throw SessionStoreError("stored spectrum is not a list of numbers near '" +
                                    std::string(p).substr(0, 20) + "'");
        }
        v.push_back(x);
        p = *end == ',' ? end + 1 : end;
    }
    return v;
}

constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS screens (
    id INTEGER PRIMARY KEY, site_id INTEGER REFERENCES sites(id), auditorium TEXT,
    width_m REAL, height_m REAL, type TEXT);
CREATE TABLE IF NOT EXISTS instruments (
    id INTEGER PRIMARY KEY, family TEXT NOT NULL, model TEXT NOT NULL, serial TEXT NOT NULL,
    firmware TEXT NOT NULL, acceptance_angle_deg REAL,
    UNIQUE (family, model, serial, firmware));
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, created_utc TEXT NOT NULL, status TEXT NOT NULL,
    profile_id TEXT NOT NULL, profile_json TEXT NOT NULL, source TEXT NOT NULL,
    theatre_json TEXT, theatre_file TEXT, seed INTEGER, time_scale REAL,
    operator TEXT, site_id INTEGER REFERENCES sites(id), out_dir TEXT, instrument_family TEXT);
CREATE TABLE IF NOT EXISTS readings (
    session_id TEXT NOT NULL REFERENCES sessions(id), seq INTEGER NOT NULL,
    step TEXT NOT NULL, point TEXT NOT NULL, repeat INTEGER NOT NULL,
    X REAL NOT NULL, Y REAL NOT NULL, Z REAL NOT NULL, integration_time_s REAL,
    timestamp_utc TEXT, status TEXT, instrument_id INTEGER REFERENCES instruments(id),
    raw_reply TEXT, standard_uncertainty_rel REAL, spectrum_start_nm REAL, spectrum_step_nm REAL,
    spectrum TEXT, PRIMARY KEY (session_id, seq));
CREATE TABLE IF NOT EXISTS skipped (
    session_id TEXT NOT NULL REFERENCES sessions(id), step TEXT, point TEXT, repeat INTEGER,
    reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notes (
    session_id TEXT NOT NULL REFERENCES sessions(id), time_utc TEXT, note TEXT NOT NULL);
)SQL";

}  // namespace

std::filesystem::path SessionStore::defaultPath() {
    if (const char* e = std::getenv("CINEMEASURE_DB"); e && *e) {
        return e;
    }
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) {
        return std::filesystem::path(x) / "cinemeasure" / "sessions.db";
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".local" / "share" / "cinemeasure" /
           "sessions.db";
}

namespace {

/// An exclusive flock on FILE.lock for the duration of the database setup (creation, integrity
/// check, WAL switch, migrations). Released by close, or by the kernel if the process dies.
class SetupLock {
public:
    explicit SetupLock(const std::filesystem::path& db) {
        const std::string name = db.string() + ".lock";
        fd_ = ::open(name.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd_ < 0) {
            throw SessionStorageError(name +
                                      ": cannot create the setup lock: " + std::strerror(errno));
        }
        while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
        }
    }
    ~SetupLock() { ::close(fd_); }
    SetupLock(const SetupLock&) = delete;
    SetupLock& operator=(const SetupLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace

SessionStore::SessionStore(const std::filesystem::path& file, Open mode) : file_(file) {
    std::error_code ec;
    if (mode == Open::Existing && !std::filesystem::exists(file, ec)) {
        throw SessionStoreError(file.string() +
                                ": no session database there (nothing was measured with this "
                                "--db; check the path)");
    }
    if (mode == Open::Create && file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
    }
    const SetupLock setup(file);
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX |
                      (mode == Open::Create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw SessionStoreError(file.string() + ": cannot open session database: " + why);
    }
    sqlite3_busy_timeout(db_, 10000);
    try {
        // A corrupt or truncated file fails here, before anything is written to it.
        Statement check(db_, "PRAGMA quick_check");
        std::string result;
        while (check.step()) {
            result += check.text(0);
        }
        if (result != "ok") {
            throw SessionStoreError("integrity check failed: " + result.substr(0, 200));
        }
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        migrate();
    } catch (const SessionStorageError& e) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw SessionStorageError(file.string() + ": " + e.what());
    } catch (const SessionStoreError& e) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw SessionStoreError(
            file.string() + ": " + e.what() +
            " — the database is corrupt or not a cinemeasure session store; it was "
            "left untouched");
    }
}

SessionStore::~SessionStore() {
    sqlite3_close(db_);
}

void SessionStore::exec(const char* sql) const {
    char* err = nullptr;
    if (const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err); rc != SQLITE_OK) {
        std::string why = err ? err : "unknown error";
        sqlite3_free(err);
        fail(db_, rc, why);
    }
}

template <typename F>
void SessionStore::transaction(F&& body) {
    exec("BEGIN IMMEDIATE");
    try {
        body();
        exec("COMMIT");
    } catch (...) {
        // The original error is what the user needs; a ROLLBACK after SQLite already ended the
        // transaction (it does on SQLITE_FULL) would only say "no transaction is active".
        if (sqlite3_get_autocommit(db_) == 0) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        throw;
    }
}

void SessionStore::migrate() {
    exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    int version = 0;
    {
        Statement q(db_, "SELECT value FROM meta WHERE key = 'schema_version'");
        if (q.step()) {
            version = std::atoi(q.text(0).c_str());
        }
    }
    if (version > kSchemaVersion) {
        throw SessionStoreError("schema version " + std::to_string(version) +
                                " is newer than this cinemeasure understands (" +
                                std::to_string(kSchemaVersion) + ")");
    }
    // Each migration step takes the schema from version N to N+1 inside one transaction.
    // Each step re-reads the version inside its own write transaction, so two processes opening
    // the same new database (a running certification and a `sessions` listing) cannot both
    // apply it.
    auto currentVersion = [&] {
        Statement q(db_, "SELECT value FROM meta WHERE key = 'schema_version'");
        return q.step() ? std::atoi(q.text(0).c_str()) : 0;
    };
    auto step = [&](int to, const char* sql) {
        transaction([&] {
            if (currentVersion() < to) {
                exec(sql);
                exec(("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '" +
                      std::to_string(to) + "')")
                         .c_str());
            }
        });
    };
    if (version < 1) {
        step(1, kSchemaV1);
    }
    if (version < 2) {
        // v2: colorimeter corrections, with the instrument's raw XYZ kept beside the corrected one.
        step(2,
             "ALTER TABLE sessions ADD COLUMN correction_json TEXT;"
             "ALTER TABLE readings ADD COLUMN uncorrected_X REAL;"
             "ALTER TABLE readings ADD COLUMN uncorrected_Y REAL;"
             "ALTER TABLE readings ADD COLUMN uncorrected_Z REAL;"
             "ALTER TABLE readings ADD COLUMN correction TEXT;");
    }
    if (version < 3) {
        // v3: chromaticity uncertainty per reading and the session's decision rule.
        step(3,
             "ALTER TABLE readings ADD COLUMN u_chromaticity_xy REAL;"
             "ALTER TABLE sessions ADD COLUMN decision_rule TEXT;");
    }
    if (version < 4) {
        // v4: whether provisional (draft) limits decide the verdict or are informative.
        step(4, "ALTER TABLE sessions ADD COLUMN provisional_policy TEXT;");
    }
    if (version < 5) {
        // v5: the session lock (the writer's pid, host and process start time).
        step(5,
             "ALTER TABLE sessions ADD COLUMN lock_pid INTEGER;"
             "ALTER TABLE sessions ADD COLUMN lock_host TEXT;"
             "ALTER TABLE sessions ADD COLUMN lock_start TEXT;");
    }
    if (version < 6) {
        // v6: each reading's spectrum to the last digit and read back with the reading. The v1
        // `spectrum` column was written with six decimals (radiances below 5e-7 W·sr⁻¹·m⁻²·nm⁻¹,
        // a dark patch's, became 0) and never read; what it holds is carried over as it is.
        step(6,
             "ALTER TABLE readings ADD COLUMN spectrum_values TEXT;"
             "UPDATE readings SET spectrum_values = spectrum "
             "WHERE spectrum IS NOT NULL AND spectrum <> '';");
    }
    if (version < 7) {
        // v7: what a dark reading was taken with: the averages and the raised auto-exposure
        // ceiling (NULL in older journals: one exposure at the instrument's default).
        step(7,
             "ALTER TABLE readings ADD COLUMN averages INTEGER;"
             "ALTER TABLE readings ADD COLUMN integration_limit_s REAL;");
    }
}

std::string SessionStore::createSession(SessionInfo info) {
    info.id = info.id.empty() ? newSessionId() : info.id;
    const Owner me = self();
    transaction([&] {
        long long siteId = 0;
        {
            Statement s(db_, "INSERT OR IGNORE INTO sites (name) VALUES (?)");
            s.bind(1, info.site).step();
            Statement q(db_, "SELECT id FROM sites WHERE name = ?");
            q.bind(1, info.site);
            q.step();
            siteId = q.integer(0);
        }
        Statement s(
            db_,
            "INSERT INTO sessions (id, created_utc, status, profile_id, profile_json, source, "
            "theatre_json, theatre_file, seed, time_scale, operator, site_id, out_dir, "
            "instrument_family, correction_json, decision_rule, provisional_policy, lock_pid, "
            "lock_host, lock_start) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        s.bind(1, info.id)
            .bind(2, drivers::utcNowIso8601())
            .bind(3, std::string("running"))
            .bind(4, info.profile_id);
        s.bind(5, info.profile_json)
            .bind(6, info.source)
            .bind(7, info.theatre_json)
            .bind(8, info.theatre_file);
        s.bindInt(9, info.seed)
            .bind(10, info.time_scale)
            .bind(11, info.operator_name)
            .bindInt(12, siteId);
        s.bind(13, info.out_dir)
            .bind(14, info.instrument_family)
            .bind(15, info.correction_json)
            .bind(16, info.decision_rule)
            .bind(17, info.provisional_policy);
        s.bindInt(18, me.pid).bind(19, me.host).bind(20, me.start);
        s.step();
    });
    return info.id;
}

void SessionStore::appendReading(const std::string& sid, const procedure::RecordedReading& r) {
    transaction([&] {
        requireOwnLock(sid);
        const auto& in = r.reading.instrument;
        Statement ins(db_,
                      "INSERT OR IGNORE INTO instruments (family, model, serial, firmware, "
                      "acceptance_angle_deg) "
                      "VALUES (?,?,?,?,?)");
        ins.bind(1, in.family)
            .bind(2, in.model)
            .bind(3, in.serial)
            .bind(4, in.firmware)
            .bind(5, in.acceptance_angle_deg);
        ins.step();
        Statement id(
            db_,
            "SELECT id FROM instruments WHERE family=? AND model=? AND serial=? AND firmware=?");
        id.bind(1, in.family).bind(2, in.model).bind(3, in.serial).bind(4, in.firmware);
        id.step();
        const long long instrumentId = id.integer(0);
        const std::string spectrum = encodeSpectrum(r.reading.spectral_radiance);
        Statement s(
            db_,
            "INSERT INTO readings (session_id, seq, step, point, repeat, X, Y, Z, "
            "integration_time_s, "
            "timestamp_utc, status, instrument_id, raw_reply, standard_uncertainty_rel, "
            "spectrum_start_nm, spectrum_step_nm, spectrum_values, uncorrected_X, uncorrected_Y, "
            "uncorrected_Z, "
            "correction, u_chromaticity_xy, averages, integration_limit_s) VALUES "
            "(?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM readings WHERE session_id = ?), "
            "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        s.bind(1, sid).bind(2, sid).bind(3, r.step_id).bind(4, r.point_id).bindInt(5, r.repeat);
        s.bind(6, r.reading.xyz_cdm2.X).bind(7, r.reading.xyz_cdm2.Y).bind(8, r.reading.xyz_cdm2.Z);
        s.bind(9, r.reading.integration_time_s)
            .bind(10, r.reading.timestamp_utc)
            .bind(11, r.reading.status);
        s.bindInt(12, instrumentId)
            .bind(13, r.reading.raw_reply)
            .bind(14, r.reading.u_luminance_rel);
        if (!spectrum.empty()) {
            s.bind(15, r.reading.spectrum_start_nm)
                .bind(16, r.reading.spectrum_step_nm)
                .bind(17, spectrum);
        }
        if (r.reading.uncorrected_xyz_cdm2) {
            s.bind(18, r.reading.uncorrected_xyz_cdm2->X)
                .bind(19, r.reading.uncorrected_xyz_cdm2->Y);
            s.bind(20, r.reading.uncorrected_xyz_cdm2->Z);
        }
        s.bind(21, r.reading.correction_id).bind(22, r.reading.u_chromaticity_xy);
        s.bindInt(23, r.reading.averages).bind(24, r.reading.integration_limit_s);
        s.step();
    });
}

bool SessionStore::retractLastReading(const std::string& sid, const std::string& reason) {
    bool retracted = false;
    transaction([&] {
        requireOwnLock(sid);
        Statement q(db_,
                    "SELECT seq, step, point, repeat, X, Y, Z, timestamp_utc FROM readings "
                    "WHERE session_id = ? ORDER BY seq DESC LIMIT 1");
        q.bind(1, sid);
        if (!q.step()) {
            return;
        }
        char values[160];
        std::snprintf(values, sizeof values, "X=%.6g Y=%.6g Z=%.6g cd/m2 at %s", q.real(4),
                      q.real(5), q.real(6), q.text(7).c_str());
        const std::string note = "retake: reading " + std::to_string(q.integer(0)) + " (step " +
                                 q.text(1) + ", point " + q.text(2) + ", repeat " +
                                 std::to_string(q.integer(3)) + ", " + values + ") replaced; " +
                                 reason;
        Statement del(db_, "DELETE FROM readings WHERE session_id = ? AND seq = ?");
        del.bind(1, sid).bindInt(2, q.integer(0));
        del.step();
        Statement n(db_, "INSERT INTO notes (session_id, time_utc, note) VALUES (?,?,?)");
        n.bind(1, sid).bind(2, drivers::utcNowIso8601()).bind(3, note);
        n.step();
        retracted = true;
    });
    return retracted;
}

void SessionStore::appendSkip(const std::string& sid, const procedure::SkippedTask& k) {
    transaction([&] {
        requireOwnLock(sid);
        Statement s(
            db_,
            "INSERT INTO skipped (session_id, step, point, repeat, reason) VALUES (?,?,?,?,?)");
        s.bind(1, sid)
            .bind(2, k.step_id)
            .bind(3, k.point_id)
            .bindInt(4, k.repeat)
            .bind(5, k.reason);
        s.step();
    });
}

void SessionStore::appendNote(const std::string& sid, const std::string& note) {
    Statement s(db_, "INSERT INTO notes (session_id, time_utc, note) VALUES (?,?,?)");
    s.bind(1, sid).bind(2, drivers::utcNowIso8601()).bind(3, note);
    s.step();
}

void SessionStore::lockSession(const std::string& sid) {
    const Owner me = self();
    transaction([&] {
        Statement q(db_,
                    "SELECT COALESCE(lock_pid, 0), COALESCE(lock_host, ''), "
                    "COALESCE(lock_start, '') FROM sessions WHERE id = ?");
        q.bind(1, sid);
        if (!q.step()) {
            throw SessionStoreError("no session '" + sid + "' in " + file_.string() +
                                    " (see `cinemeasure sessions`)");
        }
        SessionInfo held;
        held.id = sid;
        held.lock_pid = q.integer(0);
        held.lock_host = q.text(1);
        held.lock_start = q.text(2);
        const bool mine =
            held.lock_pid == me.pid && held.lock_host == me.host && held.lock_start == me.start;
        if (held.lock_pid != 0 && !mine) {
            if (lockHeldByLiveProcess(held)) {
                throw SessionInUseError(
                    "session " + sid + " is in use by pid " + std::to_string(held.lock_pid) +
                    " on " + held.lock_host +
                    (held.lock_host == me.host
                         ? ""
                         : " (another computer: if that process is gone, stop it there or "
                           "resume the session there)"));
            }
            Statement n(db_, "INSERT INTO notes (session_id, time_utc, note) VALUES (?,?,?)");
            n.bind(1, sid)
                .bind(2, drivers::utcNowIso8601())
                .bind(3, "resumed after an interruption: pid " + std::to_string(held.lock_pid) +
                             " on " + held.lock_host + " had stopped");
            n.step();
        }
        Statement u(db_,
                    "UPDATE sessions SET lock_pid = ?, lock_host = ?, lock_start = ? WHERE id = ?");
        u.bindInt(1, me.pid).bind(2, me.host).bind(3, me.start).bind(4, sid);
        u.step();
    });
}

void SessionStore::unlockSession(const std::string& sid) {
    const Owner me = self();
    Statement u(db_,
                "UPDATE sessions SET lock_pid = NULL, lock_host = NULL, lock_start = NULL "
                "WHERE id = ? AND lock_pid = ? AND lock_host = ?");
    u.bind(1, sid).bindInt(2, me.pid).bind(3, me.host);
    u.step();
}

void SessionStore::requireOwnLock(const std::string& sid) {
    Statement q(db_,
                "SELECT COALESCE(lock_pid, 0), COALESCE(lock_host, ''), COALESCE(lock_start, '') "
                "FROM sessions WHERE id = ?");
    q.bind(1, sid);
    if (!q.step()) {
        throw SessionStoreError("no session '" + sid + "' in " + file_.string());
    }
    const long long pid = q.integer(0);
    if (pid == 0) {
        return;  // not locked (a store used directly, without certify/resume)
    }
    const Owner me = self();
    if (pid != me.pid || q.text(1) != me.host || q.text(2) != me.start) {
        throw SessionInUseError("session " + sid + " is in use by pid " + std::to_string(pid) +
                                " on " + q.text(1) + "; this process stops writing to it");
    }
}

SessionLock::SessionLock(SessionStore& store, std::string session_id)
    : store_(store), id_(std::move(session_id)) {
    store_.lockSession(id_);
}

SessionLock::~SessionLock() {
    try {
        store_.unlockSession(id_);
    } catch (...) {
        // A lock left behind is stale once this process ends; the next writer takes it over.
    }
}

bool lockHeldByLiveProcess(const SessionInfo& info) {
    if (info.lock_pid <= 0) {
        return false;
    }
    if (info.lock_host != hostName()) {
        return true;  // cannot check another computer's processes
    }
    if (::kill(static_cast<pid_t>(info.lock_pid), 0) != 0 && errno == ESRCH) {
        return false;
    }
    std::string start;
    if (!processStart(info.lock_pid, &start)) {
        return false;  // gone, or a zombie
    }
    return info.lock_start.empty() || start == info.lock_start;
}

std::string displayStatus(const SessionInfo& info) {
    if (info.status == "running" && !lockHeldByLiveProcess(info)) {
        return "interrupted";
    }
    return info.status;
}

void SessionStore::setStatus(const std::string& sid, const std::string& status) {
    Statement s(db_, "UPDATE sessions SET status = ? WHERE id = ?");
    s.bind(1, status).bind(2, sid);
    s.step();
}

void SessionStore::deleteSession(const std::string& sid) {
    const SessionInfo info = session(sid);  // throws for an unknown id
    if (info.reading_count > 0) {
        throw SessionStoreError("session " + sid + " holds " + std::to_string(info.reading_count) +
                                " reading(s): readings are never deleted (use --archive)");
    }
    exec("BEGIN IMMEDIATE");
    try {
        // The NOT EXISTS guards against a reading journaled since the check above.
        for (const char* sql : {"DELETE FROM skipped WHERE session_id = ?1 AND NOT EXISTS "
                                "(SELECT 1 FROM readings WHERE session_id = ?1)",
                                "DELETE FROM notes WHERE session_id = ?1 AND NOT EXISTS "
                                "(SELECT 1 FROM readings WHERE session_id = ?1)",
                                "DELETE FROM sessions WHERE id = ?1 AND NOT EXISTS "
                                "(SELECT 1 FROM readings WHERE session_id = ?1)"}) {
            Statement d(db_, sql);
            d.bind(1, sid);
            d.step();
        }
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

namespace {
constexpr const char* kSessionColumns =
    "SELECT s.id, s.created_utc, s.status, s.profile_id, s.profile_json, s.source, s.theatre_json, "
    "s.theatre_file, s.seed, s.time_scale, s.operator, COALESCE(t.name, ''), s.out_dir, "
    "s.instrument_family, (SELECT COUNT(*) FROM readings r WHERE r.session_id = s.id), "
    "COALESCE(s.correction_json, ''), COALESCE(s.decision_rule, 'simple'), "
    "COALESCE(s.provisional_policy, 'binding'), COALESCE(s.lock_pid, 0), "
    "COALESCE(s.lock_host, ''), COALESCE(s.lock_start, '') "
    "FROM sessions s LEFT JOIN sites t ON t.id = s.site_id";

SessionInfo rowToInfo(const Statement& q) {
    SessionInfo i;
    i.id = q.text(0);
    i.created_utc = q.text(1);
    i.status = q.text(2);
    i.profile_id = q.text(3);
    i.profile_json = q.text(4);
    i.source = q.text(5);
    i.theatre_json = q.text(6);
    i.theatre_file = q.text(7);
    i.seed = q.integer(8);
    i.time_scale = q.real(9);
    i.operator_name = q.text(10);
    i.site = q.text(11);
    i.out_dir = q.text(12);
    i.instrument_family = q.text(13);
    i.reading_count = static_cast<std::size_t>(q.integer(14));
    i.correction_json = q.text(15);
    i.decision_rule = q.text(16);
    i.provisional_policy = q.text(17);
    i.lock_pid = q.integer(18);
    i.lock_host = q.text(19);
    i.lock_start = q.text(20);
    return i;
}
}  // namespace

std::vector<SessionInfo> SessionStore::sessions() const {
    Statement q(db_, (std::string(kSessionColumns) + " ORDER BY s.created_utc, s.id").c_str());
    std::vector<SessionInfo> out;
    while (q.step()) {
        out.push_back(rowToInfo(q));
    }
    return out;
}

SessionInfo SessionStore::session(const std::string& id) const {
    Statement q(db_, (std::string(kSessionColumns) + " WHERE s.id = ?").c_str());
    q.bind(1, id);
    if (!q.step()) {
        throw SessionStoreError("no session '" + id + "' in " + file_.string() +
                                " (see `cinemeasure sessions`)");
    }
    return rowToInfo(q);
}

std::vector<procedure::RecordedReading> SessionStore::readings(const std::string& sid) const {
    Statement q(
        db_,
        "SELECT r.step, r.point, r.repeat, r.X, r.Y, r.Z, r.integration_time_s, r.timestamp_utc, "
        "r.status, i.family, i.model, i.serial, i.firmware, i.acceptance_angle_deg, r.raw_reply, "
        "r.uncorrected_X, r.uncorrected_Y, r.uncorrected_Z, COALESCE(r.correction, ''), "
        "COALESCE(r.standard_uncertainty_rel, 0), COALESCE(r.u_chromaticity_xy, 0), "
        "COALESCE(r.spectrum_start_nm, 0), COALESCE(r.spectrum_step_nm, 0), "
        "COALESCE(r.spectrum_values, ''), COALESCE(r.averages, 1), "
        "COALESCE(r.integration_limit_s, 0) FROM readings r "
        "LEFT JOIN instruments i ON i.id = r.instrument_id "
        "WHERE r.session_id = ? ORDER BY r.seq");
    q.bind(1, sid);
    std::vector<procedure::RecordedReading> out;
    while (q.step()) {
        procedure::RecordedReading r;
        r.step_id = q.text(0);
        r.point_id = q.text(1);
        r.repeat = static_cast<int>(q.integer(2));
        r.reading.xyz_cdm2 = {q.real(3), q.real(4), q.real(5)};
        r.reading.integration_time_s = q.real(6);
        r.reading.timestamp_utc = q.text(7);
        r.reading.status = q.text(8);
        r.reading.instrument = {q.text(9), q.text(10), q.text(11), q.text(12), q.real(13), {}, {}};
        r.reading.raw_reply = q.text(14);
        r.reading.correction_id = q.text(18);
        r.reading.u_luminance_rel = q.real(19);
        r.reading.u_chromaticity_xy = q.real(20);
        if (!r.reading.correction_id.empty()) {
            r.reading.uncorrected_xyz_cdm2 = colorimetry::XYZ{q.real(15), q.real(16), q.real(17)};
        }
        r.reading.averages = static_cast<int>(q.integer(24));
        r.reading.integration_limit_s = q.real(25);
        if (const std::string sp = q.text(23); !sp.empty()) {
            procedure::setSpectralRadiance(r.reading, q.real(21), q.real(22), decodeSpectrum(sp));
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<procedure::SkippedTask> SessionStore::skips(const std::string& sid) const {
    Statement q(
        db_, "SELECT step, point, repeat, reason FROM skipped WHERE session_id = ? ORDER BY rowid");
    q.bind(1, sid);
    std::vector<procedure::SkippedTask> out;
    while (q.step()) {
        out.push_back({q.text(0), q.text(1), static_cast<int>(q.integer(2)), q.text(3)});
    }
    return out;
}

std::vector<std::string> SessionStore::notes(const std::string& sid) const {
    Statement q(db_, "SELECT note FROM notes WHERE session_id = ? ORDER BY rowid");
    q.bind(1, sid);
    std::vector<std::string> out;
    while (q.step()) {
        out.push_back(q.text(0));
    }
    return out;
}

void SessionStore::setRunOptions(const std::string& sid, const std::string& json) {
    Statement s(db_, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    s.bind(1, "run_options/" + sid).bind(2, json);
    s.step();
}

std::string SessionStore::runOptions(const std::string& sid) const {
    Statement q(db_, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, "run_options/" + sid);
    return q.step() ? q.text(0) : std::string();
}

}  // namespace cm::app

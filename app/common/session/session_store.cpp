// SQLite session journal: WAL, synchronous=FULL, one transaction per reading, checked on open.
#include "app/common/session/session_store.h"

#include <cstdio>

#include "drivers/instrument/spot_instrument.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace cm::app {

namespace {

/// A prepared statement that finalises itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
            throw SessionStoreError(std::string("session database: ") + sqlite3_errmsg(db));
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
        throw SessionStoreError(std::string("session database: ") + sqlite3_errmsg(db_));
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

SessionStore::SessionStore(const std::filesystem::path& file) : file_(file) {
    std::error_code ec;
    if (file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
    }
    if (sqlite3_open_v2(file.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw SessionStoreError(file.string() + ": cannot open session database: " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
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
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string why = err ? err : "unknown error";
        sqlite3_free(err);
        throw SessionStoreError(why);
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
        exec("BEGIN IMMEDIATE");
        try {
            if (currentVersion() < to) {
                exec(sql);
                exec(("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '" +
                      std::to_string(to) + "')")
                         .c_str());
            }
            exec("COMMIT");
        } catch (...) {
            exec("ROLLBACK");
            throw;
        }
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
}

std::string SessionStore::createSession(SessionInfo info) {
    info.id = info.id.empty() ? newSessionId() : info.id;
    exec("BEGIN IMMEDIATE");
    try {
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
            "instrument_family, correction_json, decision_rule, provisional_policy) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
        s.step();
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
    return info.id;
}

void SessionStore::appendReading(const std::string& sid, const procedure::RecordedReading& r) {
    exec("BEGIN IMMEDIATE");
    try {
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
        std::string spectrum;
        for (double v : r.reading.spectral_radiance) {
            spectrum += (spectrum.empty() ? "" : ",") + std::to_string(v);
        }
        Statement s(db_,
                    "INSERT INTO readings (session_id, seq, step, point, repeat, X, Y, Z, "
                    "integration_time_s, "
                    "timestamp_utc, status, instrument_id, raw_reply, standard_uncertainty_rel, "
                    "spectrum_start_nm, spectrum_step_nm, spectrum, uncorrected_X, uncorrected_Y, "
                    "uncorrected_Z, "
                    "correction, u_chromaticity_xy) VALUES "
                    "(?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM readings WHERE session_id = ?), "
                    "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        s.bind(1, sid).bind(2, sid).bind(3, r.step_id).bind(4, r.point_id).bindInt(5, r.repeat);
        s.bind(6, r.reading.xyz_cdm2.X).bind(7, r.reading.xyz_cdm2.Y).bind(8, r.reading.xyz_cdm2.Z);
        s.bind(9, r.reading.integration_time_s)
            .bind(10, r.reading.timestamp_utc)
            .bind(11, r.reading.status);
        s.bindInt(12, instrumentId)
            .bind(13, r.reading.raw_reply)
            .bind(14, r.reading.u_luminance_rel);
        s.bind(15, r.reading.spectrum_start_nm)
            .bind(16, r.reading.spectrum_step_nm)
            .bind(17, spectrum);
        if (r.reading.uncorrected_xyz_cdm2) {
            s.bind(18, r.reading.uncorrected_xyz_cdm2->X)
                .bind(19, r.reading.uncorrected_xyz_cdm2->Y);
            s.bind(20, r.reading.uncorrected_xyz_cdm2->Z);
        }
        s.bind(21, r.reading.correction_id).bind(22, r.reading.u_chromaticity_xy);
        s.step();
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

bool SessionStore::retractLastReading(const std::string& sid, const std::string& reason) {
    exec("BEGIN IMMEDIATE");
    try {
        Statement q(db_,
                    "SELECT seq, step, point, repeat, X, Y, Z, timestamp_utc FROM readings "
                    "WHERE session_id = ? ORDER BY seq DESC LIMIT 1");
        q.bind(1, sid);
        if (!q.step()) {
            exec("ROLLBACK");
            return false;
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
        exec("COMMIT");
        return true;
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

void SessionStore::appendSkip(const std::string& sid, const procedure::SkippedTask& k) {
    Statement s(db_,
                "INSERT INTO skipped (session_id, step, point, repeat, reason) VALUES (?,?,?,?,?)");
    s.bind(1, sid).bind(2, k.step_id).bind(3, k.point_id).bindInt(4, k.repeat).bind(5, k.reason);
    s.step();
}

void SessionStore::appendNote(const std::string& sid, const std::string& note) {
    Statement s(db_, "INSERT INTO notes (session_id, time_utc, note) VALUES (?,?,?)");
    s.bind(1, sid).bind(2, drivers::utcNowIso8601()).bind(3, note);
    s.step();
}

void SessionStore::setStatus(const std::string& sid, const std::string& status) {
    Statement s(db_, "UPDATE sessions SET status = ? WHERE id = ?");
    s.bind(1, status).bind(2, sid);
    s.step();
}

namespace {
constexpr const char* kSessionColumns =
    "SELECT s.id, s.created_utc, s.status, s.profile_id, s.profile_json, s.source, s.theatre_json, "
    "s.theatre_file, s.seed, s.time_scale, s.operator, COALESCE(t.name, ''), s.out_dir, "
    "s.instrument_family, (SELECT COUNT(*) FROM readings r WHERE r.session_id = s.id), "
    "COALESCE(s.correction_json, ''), COALESCE(s.decision_rule, 'simple'), "
    "COALESCE(s.provisional_policy, 'binding') "
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
        "COALESCE(r.standard_uncertainty_rel, 0), COALESCE(r.u_chromaticity_xy, 0) FROM readings r "
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

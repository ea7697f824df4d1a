// SPDX-License-Identifier: Apache-2.0
// Outbox table in the SQLite journal; each change is one committed statement (autocommit).
#include "app/common/registry/outbox.h"

#include "app/common/registry/pg.h"
#include "app/common/session/session_store.h"

#include <sodium.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace cm::registry {

namespace {

std::string nowUtc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/// RFC 9562 version 4 (random) UUID from libsodium's CSPRNG.
std::string uuidV4() {
    if (sodium_init() < 0) {
        throw RegistryError("libsodium could not be initialised");
    }
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                  b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return out;
}

class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK) {
            throw RegistryError(std::string("outbox: ") + sqlite3_errmsg(db));
        }
    }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    Stmt& bind(int i, const std::string& v) {
        sqlite3_bind_text(s_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(s_);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            throw RegistryError(std::string("outbox: ") + sqlite3_errmsg(db_));
        }
        return false;
    }
    std::string text(int c) const {
        const unsigned char* t = sqlite3_column_text(s_, c);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    int changes() const { return sqlite3_changes(db_); }

private:
    sqlite3* db_;
    sqlite3_stmt* s_ = nullptr;
};

}  // namespace

Outbox::Outbox(const std::filesystem::path& journal) {
    if (sqlite3_open_v2(journal.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw RegistryError(journal.string() + ": cannot open the session journal: " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
    Stmt(db_, "PRAGMA synchronous = FULL").step();
    Stmt(db_,
         "CREATE TABLE IF NOT EXISTS registry_outbox (session_id TEXT PRIMARY KEY, session_uuid "
         "TEXT NOT NULL UNIQUE, queued_utc TEXT NOT NULL, pushed_utc TEXT, registry TEXT, "
         "last_error TEXT)")
        .step();
}

Outbox::~Outbox() {
    sqlite3_close(db_);
}

std::size_t Outbox::enqueueComplete(const app::SessionStore& store) {
    std::size_t added = 0;
    for (const auto& s : store.sessions()) {
        if (s.status != "complete") {
            continue;
        }
        Stmt ins(db_,
                 "INSERT OR IGNORE INTO registry_outbox (session_id, session_uuid, queued_utc) "
                 "VALUES (?1, ?2, ?3)");
        ins.bind(1, s.id).bind(2, uuidV4()).bind(3, nowUtc()).step();
        added += static_cast<std::size_t>(ins.changes());
    }
    return added;
}

std::vector<OutboxEntry> Outbox::select(const char* sql) const {
    Stmt q(db_, sql);
    std::vector<OutboxEntry> out;
    while (q.step()) {
        out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    }
    return out;
}

std::vector<OutboxEntry> Outbox::pending() const {
    return select(
        "SELECT session_id, session_uuid, queued_utc, coalesce(pushed_utc, ''), "
        "coalesce(last_error, '') FROM registry_outbox WHERE pushed_utc IS NULL ORDER BY "
        "queued_utc, session_id");
}

std::vector<OutboxEntry> Outbox::all() const {
    return select(
        "SELECT session_id, session_uuid, queued_utc, coalesce(pushed_utc, ''), "
        "coalesce(last_error, '') FROM registry_outbox ORDER BY queued_utc, session_id");
}

void Outbox::markPushed(const std::string& session_id, const std::string& registry) {
    Stmt(db_,
         "UPDATE registry_outbox SET pushed_utc = ?2, registry = ?3, last_error = NULL WHERE "
         "session_id = ?1")
        .bind(1, session_id)
        .bind(2, nowUtc())
        .bind(3, registry)
        .step();
}

void Outbox::markRefused(const std::string& session_id, const std::string& reason) {
    Stmt(db_, "UPDATE registry_outbox SET last_error = ?2 WHERE session_id = ?1")
        .bind(1, session_id)
        .bind(2, reason)
        .step();
}

}  // namespace cm::registry

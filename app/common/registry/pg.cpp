// SPDX-License-Identifier: Apache-2.0
// libpq calls behind the RAII wrapper; every error becomes one line with the server's reason.
#include "app/common/registry/pg.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace cm::registry {

namespace {

/// libpq messages end in newlines and sometimes carry a DETAIL line: keep one line.
std::string oneLine(const char* msg) {
    std::string s = msg ? msg : "";
    for (char& ch : s) {
        if (ch == '\n' || ch == '\r' || ch == '\t') {
            ch = ' ';
        }
    }
    while (!s.empty() && s.back() == ' ') {
        s.pop_back();
    }
    return s;
}

/// Wraps the result, throwing with the server's message and SQLSTATE unless it succeeded.
Result checked(pg_conn* c, pg_result* raw) {
    Result r(raw);
    const ExecStatusType st = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
        return r;
    }
    const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = raw ? PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    throw RegistryError("registry: " + oneLine(primary ? primary : PQerrorMessage(c)),
                        state ? state : "");
}

}  // namespace

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

void Result::Free::operator()(pg_result* r) const {
    PQclear(r);
}

Result::Result(pg_result* r) : r_(r) {}
int Result::rows() const {
    return PQntuples(r_.get());
}
int Result::columns() const {
    return PQnfields(r_.get());
}
bool Result::isNull(int row, int col) const {
    return PQgetisnull(r_.get(), row, col) != 0;
}
std::string Result::text(int row, int col) const {
    return isNull(row, col) ? std::string() : std::string(PQgetvalue(r_.get(), row, col));
}
double Result::real(int row, int col) const {
    return std::strtod(PQgetvalue(r_.get(), row, col), nullptr);
}
long long Result::integer(int row, int col) const {
    return std::strtoll(PQgetvalue(r_.get(), row, col), nullptr, 10);
}
long long Result::affected() const {
    return std::strtoll(PQcmdTuples(r_.get()), nullptr, 10);
}

void Connection::Close::operator()(pg_conn* c) const {
    PQfinish(c);
}

Connection::Connection(const std::string& conninfo) : c_(PQconnectdb(conninfo.c_str())) {
    if (!c_) {
        throw RegistryError("registry: out of memory connecting");
    }
    if (PQstatus(c_.get()) != CONNECTION_OK) {
        throw RegistryError("registry unreachable or refused the connection: " +
                            oneLine(PQerrorMessage(c_.get())));
    }
    // Server notices (e.g. "relation exists, skipping") are not for the user's terminal.
    PQsetNoticeProcessor(
        c_.get(), [](void*, const char*) {}, nullptr);
}

Result Connection::exec(const std::string& sql, const std::vector<Param>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) {
        values.push_back(p ? p->c_str() : nullptr);
    }
    return checked(c_.get(), PQexecParams(c_.get(), sql.c_str(), static_cast<int>(values.size()),
                                          nullptr, values.data(), nullptr, nullptr, 0));
}

void Connection::execScript(const std::string& sql) {
    checked(c_.get(), PQexec(c_.get(), sql.c_str()));
}

void Connection::copyIn(const std::string& copy_sql, const std::string& data) {
    pg_result* start = PQexec(c_.get(), copy_sql.c_str());
    if (PQresultStatus(start) != PGRES_COPY_IN) {
        checked(c_.get(), start);  // throws with the server's reason
        throw RegistryError("registry: not a COPY ... FROM STDIN statement");
    }
    PQclear(start);
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t at = 0; at < data.size(); at += kChunk) {
        const std::size_t n = std::min(kChunk, data.size() - at);
        if (PQputCopyData(c_.get(), data.data() + at, static_cast<int>(n)) != 1) {
            throw RegistryError("registry: COPY failed: " + oneLine(PQerrorMessage(c_.get())));
        }
    }
    if (PQputCopyEnd(c_.get(), nullptr) != 1) {
        throw RegistryError("registry: COPY failed: " + oneLine(PQerrorMessage(c_.get())));
    }
    pg_result* end = PQgetResult(c_.get());
    while (pg_result* extra = PQgetResult(c_.get())) {
        PQclear(extra);
    }
    checked(c_.get(), end);
}

std::string Connection::currentUser() {
    return exec("SELECT current_user").text(0, 0);
}

std::string Connection::describe() const {
    auto str = [](const char* s) { return std::string(s ? s : ""); };
    return str(PQuser(c_.get())) + "@" + str(PQhost(c_.get())) + ":" + str(PQport(c_.get())) + "/" +
           str(PQdb(c_.get()));
}

Transaction::Transaction(Connection& c) : c_(c) {
    c_.exec("BEGIN");
}
Transaction::~Transaction() {
    if (!done_) {
        try {
            c_.exec("ROLLBACK");
        } catch (const std::exception&) {
            // The connection is gone: the server rolls the transaction back itself.
        }
    }
}
void Transaction::commit() {
    c_.exec("COMMIT");
    done_ = true;
}

}  // namespace cm::registry

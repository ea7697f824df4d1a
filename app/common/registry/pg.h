// SPDX-License-Identifier: Apache-2.0
// A small RAII wrapper over libpq: a connection, results that free themselves, parameterised
// queries only, and transactions that roll back unless committed.
#pragma once
#include "libmeasure/errors.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace cm::registry {

/// The registry could not be reached, refused the credentials, has the wrong schema, or refused a
/// statement. The message is one line for the user.
class RegistryError : public errors::StorageError {
public:
    explicit RegistryError(const std::string& message, std::string sqlstate = {})
        : errors::StorageError(message), sqlstate_(std::move(sqlstate)) {}
    /// The server's SQLSTATE when the error came from a statement (e.g. "42501" for a denied
    /// privilege or row-level-security check); empty otherwise.
    const std::string& sqlstate() const { return sqlstate_; }

private:
    std::string sqlstate_;
};

/// A statement parameter: text (libpq's text format) or SQL NULL.
using Param = std::optional<std::string>;

/// Formats a double with all its digits so nothing is lost on the way to the server.
std::string num(double v);

/// The result of one statement; rows and columns by index, text values.
class Result {
public:
    explicit Result(pg_result* r);
    int rows() const;
    int columns() const;
    bool isNull(int row, int col) const;
    std::string text(int row, int col) const;
    double real(int row, int col) const;
    long long integer(int row, int col) const;
    /// Rows changed by an INSERT/UPDATE/DELETE.
    long long affected() const;

private:
    struct Free {
        void operator()(pg_result* r) const;
    };
    std::unique_ptr<pg_result, Free> r_;
};

class Connection {
public:
    /// `conninfo` is a libpq connection string or URI (postgresql://user@host:port/db); empty
    /// means libpq's environment defaults (PGHOST, PGUSER, ...). Throws RegistryError with
    /// libpq's reason (unreachable, authentication failed) on one line.
    explicit Connection(const std::string& conninfo);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    Connection(Connection&&) noexcept = default;
    Connection& operator=(Connection&&) noexcept = default;

    /// Runs one statement with $1..$n parameters; throws RegistryError on failure.
    Result exec(const std::string& sql, const std::vector<Param>& params = {});
    /// Runs a script of several statements without parameters (migrations only).
    void execScript(const std::string& sql);
    /// COPY ... FROM STDIN with `data` in COPY's text format (the benchmark's floor).
    void copyIn(const std::string& copy_sql, const std::string& data);
    /// The role this connection acts as (current_user).
    std::string currentUser();
    /// user@host:port/database, for the record (never the password).
    std::string describe() const;

private:
    struct Close {
        void operator()(pg_conn* c) const;
    };
    std::unique_ptr<pg_conn, Close> c_;
};

/// BEGIN on construction; ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
    explicit Transaction(Connection& c);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& c_;
    bool done_ = false;
};

}  // namespace cm::registry

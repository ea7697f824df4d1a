// SPDX-License-Identifier: Apache-2.0
// Test helper: the PostgreSQL server the CTest fixture started (pg_server.sh), and a fresh
// database per test case on it, migrated, with connection strings for any role.
#pragma once

#include "app/common/registry/migrations.h"
#include "app/common/registry/pg.h"
#include "tests/skip.h"

#include <unistd.h>
#include <atomic>
#include <fstream>
#include <string>

namespace cm::test {

class PgTestDatabase {
public:
    /// Creates database `cm_<tag>_<pid>` (dropped first if left over) and migrates it. Skips
    /// the test visibly when the fixture found no PostgreSQL.
    explicit PgTestDatabase(const std::string& tag) {
        std::ifstream in(CINEMEASURE_PG_STATE);
        std::string line;
        if (!in || !std::getline(in, line) || line.rfind("host=", 0) != 0) {
            skipTest(("no test PostgreSQL server (" + line + ")").c_str());
        }
        const auto hostEnd = line.find(' ');
        host_ = line.substr(5, hostEnd - 5);
        const auto portAt = line.find("port=");
        port_ = line.substr(portAt + 5, line.find(' ', portAt) - portAt - 5);
        name_ = "cm_" + tag + "_" + std::to_string(::getpid());
        registry::Connection admin(conninfo("postgres", "postgres"));
        admin.exec("DROP DATABASE IF EXISTS " + name_);  // name is ours, not user input
        admin.exec("CREATE DATABASE " + name_);
        registry::Connection db(url());
        registry::migrate(db);
    }
    ~PgTestDatabase() {
        try {
            registry::Connection admin(conninfo("postgres", "postgres"));
            admin.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        } catch (const std::exception&) {
            // The fixture's cleanup removes the whole server anyway.
        }
    }
    /// libpq key=value string for `role` on this test's database.
    std::string url(const std::string& role = "postgres") const { return conninfo(role, name_); }
    const std::string& name() const { return name_; }

private:
    std::string conninfo(const std::string& role, const std::string& db) const {
        return "host=" + host_ + " port=" + port_ + " user=" + role + " dbname=" + db;
    }
    std::string host_, port_, name_;
};

}  // namespace cm::test

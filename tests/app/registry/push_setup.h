// SPDX-License-Identifier: Apache-2.0
// Test helper: a registry with one chain site and an inspector with a registered key, and
// simulated sessions certified and signed through the CLI, ready to push.
#pragma once

#include "app/common/registry/admin.h"
#include "tests/app/cli_run.h"
#include "tests/app/registry/pg_test_server.h"

#include <unistd.h>

namespace cm::test {

namespace fs = std::filesystem;
using registry::Connection;

/// A registry with one chain site "Cinema One" and an inspector whose key alice.pub is
/// registered; plus a second key (mallory) that is not.
struct PushSetup {
    PgTestDatabase db;
    fs::path base;
    std::string inspector = "insp_push_" + std::to_string(::getpid());
    explicit PushSetup(const std::string& tag) : db(tag), base(freshDir(tag)) {
        Connection admin(db.url());
        cm::registry::addOrganisation(admin, "Chain A", "chain");
        cm::registry::addOrganisation(admin, "Inspectorate", "inspection_body");
        cm::registry::addSite(admin, "Chain A", "Cinema One");
        cm::registry::addMember(admin, inspector, "Inspectorate", "inspector", "Inspector");
        REQUIRE(cli("keygen --out " + (base / "keys").string() + " --name alice").exit_code == 0);
        REQUIRE(cli("keygen --out " + (base / "keys").string() + " --name mallory").exit_code == 0);
        const auto reg = cli("registry --registry '" + db.url() + "' add-key " + inspector + " " +
                             (base / "keys" / "alice.pub").string());
        REQUIRE(reg.exit_code == 0);
        CHECK(reg.output.find("key id ") != std::string::npos);
    }
    /// A finished simulated session at `site`, its report signed with `key`; returns the folder.
    fs::path session(const std::string& name, const std::string& site = "Cinema One",
                     const std::string& key = "alice") {
        const fs::path out = base / name;
        REQUIRE(cli("certify --profile st431-1-theatre --simulate " +
                    virtualTheatre("projector-reference.json") + " --site '" + site + "' --out " +
                    out.string() + " --quiet")
                    .exit_code == 0);
        REQUIRE(cli("sign " + (out / "report.json").string() + " --key " +
                    (base / "keys" / (key + ".key")).string())
                    .exit_code == 0);
        return out;
    }
    Run pushCli() { return cli("push --registry '" + db.url(inspector) + "'"); }
    long long count(const std::string& table) {
        Connection admin(db.url());
        return admin.exec("SELECT count(*) FROM " + table).integer(0, 0);  // fixed table names
    }
};

}  // namespace cm::test

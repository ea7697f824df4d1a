// SPDX-License-Identifier: Apache-2.0
// Registry schema: versioned migrations, row-level security as each role, append-only readings.
#include "app/common/registry/admin.h"
#include "tests/app/registry/pg_test_server.h"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <functional>

using cm::registry::Connection;
using cm::registry::RegistryError;

namespace {

/// Role names are per cluster: suffix them with the test process id.
std::string role(const std::string& base) {
    return base + "_" + std::to_string(::getpid());
}

/// Two chains with a site each, one inspection body with two inspectors, a committee member.
struct Registry {
    cm::test::PgTestDatabase db{"rls"};
    std::string inspA = role("insp_a"), inspB = role("insp_b"), chainA = role("chain_a"),
                chainB = role("chain_b"), committee = role("committee");
    Registry() {
        Connection admin(db.url());
        cm::registry::addOrganisation(admin, "Chain A", "chain");
        cm::registry::addOrganisation(admin, "Chain B", "chain");
        cm::registry::addOrganisation(admin, "Inspectorate", "inspection_body");
        cm::registry::addOrganisation(admin, "Committee", "committee");
        cm::registry::addSite(admin, "Chain A", "Site A1");
        cm::registry::addSite(admin, "Chain B", "Site B1");
        cm::registry::addMember(admin, inspA, "Inspectorate", "inspector", "Inspector A");
        cm::registry::addMember(admin, inspB, "Inspectorate", "inspector", "Inspector B");
        cm::registry::addMember(admin, chainA, "Chain A", "chain", "Chain A IT");
        cm::registry::addMember(admin, chainB, "Chain B", "chain", "Chain B IT");
        cm::registry::addMember(admin, committee, "Committee", "committee", "Committee");
    }
};

/// Inserts a session at `site` as the connected inspector; returns its uuid.
std::string insertSession(Connection& c, const std::string& uuid, const std::string& site) {
    const std::string screen =
        c.exec("SELECT cm_resolve_screen($1, 'Aud 1', 'projector', 12, 5)", {site}).text(0, 0);
    c.exec(
        "INSERT INTO sessions (uuid, journal_id, screen_id, profile_id, profile_json, status, "
        "started_utc) VALUES ($1, 'j', $2, 'st431-1-theatre', '{}', 'complete', "
        "'2026-01-01T00:00:00Z')",
        {uuid, screen});
    c.exec(
        "INSERT INTO readings (session_uuid, seq, step, point, repeat, x_tristimulus, "
        "luminance_cdm2, z_tristimulus) VALUES ($1, 1, 'white', 'C', 0, 45, 48, 50)",
        {uuid});
    return uuid;
}

std::string sqlstateOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const RegistryError& e) {
        return e.sqlstate();
    }
    return "no error";
}

}  // namespace

TEST_CASE("registry migrations are versioned, repeatable, and a version mismatch is one line",
          "[registry]") {
    cm::test::PgTestDatabase db("migrate");
    Connection c(db.url());
    CHECK(cm::registry::schemaVersion(c) == cm::registry::expectedSchemaVersion());
    CHECK(cm::registry::migrate(c).empty());  // nothing left to apply
    CHECK_NOTHROW(cm::registry::requireSchema(c));
    CHECK(c.exec("SELECT count(*) FROM schema_migrations").integer(0, 0) ==
          static_cast<long long>(cm::registry::migrations().size()));

    // A registry that a newer cinemeasure migrated further.
    c.exec("INSERT INTO schema_migrations (version, description) VALUES (99, 'future')");
    try {
        cm::registry::requireSchema(c);
        FAIL("a newer schema was accepted");
    } catch (const RegistryError& e) {
        const std::string m = e.what();
        CHECK(m.find("schema version mismatch") != std::string::npos);
        CHECK(m.find("99") != std::string::npos);
        CHECK(m.find('\n') == std::string::npos);
    }
    CHECK_THROWS_AS(cm::registry::migrate(c), RegistryError);
}

TEST_CASE(
    "registry row-level security: inspectors insert their own sessions, a chain reads "
    "only its own sites, the committee reads all",
    "[registry]") {
    Registry reg;
    Connection a(reg.db.url(reg.inspA));
    Connection b(reg.db.url(reg.inspB));
    insertSession(a, "00000000-0000-4000-8000-00000000000a", "Site A1");
    insertSession(b, "00000000-0000-4000-8000-00000000000b", "Site B1");

    // An inspector cannot file a session in another inspector's name.
    CHECK(sqlstateOf([&] {
              a.exec(
                  "INSERT INTO sessions (uuid, journal_id, inspector_role, screen_id, profile_id, "
                  "profile_json, status, started_utc) SELECT "
                  "'00000000-0000-4000-8000-0000000000ff', 'j', $1, 1, 'p', '{}', 'complete', "
                  "now()",
                  {reg.inspB});
          }) == "42501");
    // ... nor add readings to someone else's session.
    CHECK(sqlstateOf([&] {
              a.exec(
                  "INSERT INTO readings (session_uuid, seq, step, point, repeat, x_tristimulus, "
                  "luminance_cdm2, z_tristimulus) VALUES "
                  "('00000000-0000-4000-8000-00000000000b', 2, 'white', 'C', 0, 1, 1, 1)");
          }) == "42501");
    // Inspectors see their own sessions only.
    CHECK(a.exec("SELECT count(*) FROM sessions").integer(0, 0) == 1);
    CHECK(a.exec("SELECT count(*) FROM readings").integer(0, 0) == 1);

    Connection ca(reg.db.url(reg.chainA));
    CHECK(ca.exec("SELECT name FROM sites").rows() == 1);
    CHECK(ca.exec("SELECT name FROM sites").text(0, 0) == "Site A1");
    CHECK(ca.exec("SELECT uuid FROM sessions").rows() == 1);
    CHECK(ca.exec("SELECT uuid FROM sessions").text(0, 0) ==
          "00000000-0000-4000-8000-00000000000a");
    CHECK(ca.exec("SELECT count(*) FROM readings").integer(0, 0) == 1);
    CHECK(ca.exec("SELECT count(*) FROM screens").integer(0, 0) == 1);
    // Chain B's session is invisible to chain A even when asked for by its key.
    CHECK(ca.exec("SELECT 1 FROM readings WHERE session_uuid = "
                  "'00000000-0000-4000-8000-00000000000b'")
              .rows() == 0);
    // A chain reads; it does not write.
    CHECK(sqlstateOf([&] {
              insertSession(ca, "00000000-0000-4000-8000-0000000000cc", "Site A1");
          }) == "42501");

    Connection cb(reg.db.url(reg.chainB));
    CHECK(cb.exec("SELECT name FROM sites").text(0, 0) == "Site B1");
    CHECK(cb.exec("SELECT count(*) FROM sessions").integer(0, 0) == 1);

    Connection com(reg.db.url(reg.committee));
    CHECK(com.exec("SELECT count(*) FROM sites").integer(0, 0) == 2);
    CHECK(com.exec("SELECT count(*) FROM sessions").integer(0, 0) == 2);
    CHECK(com.exec("SELECT count(*) FROM readings").integer(0, 0) == 2);
    CHECK(sqlstateOf([&] { com.exec("DELETE FROM readings"); }) == "42501");
}

TEST_CASE("registry readings are append-only, a correction is a new row pointing at the old one",
          "[registry]") {
    Registry reg;
    Connection a(reg.db.url(reg.inspA));
    Connection b(reg.db.url(reg.inspB));
    const std::string s = insertSession(a, "00000000-0000-4000-8000-0000000000a1", "Site A1");
    const std::string other = insertSession(b, "00000000-0000-4000-8000-0000000000b1", "Site B1");
    const std::string oldId =
        a.exec("SELECT id FROM readings WHERE session_uuid = $1", {s}).text(0, 0);

    // The inspector has no UPDATE or DELETE privilege at all.
    CHECK(sqlstateOf([&] { a.exec("UPDATE readings SET luminance_cdm2 = 50"); }) == "42501");
    CHECK(sqlstateOf([&] { a.exec("DELETE FROM readings"); }) == "42501");
    // Even the owner (a superuser here) is stopped by the append-only trigger.
    Connection admin(reg.db.url());
    CHECK(sqlstateOf([&] { admin.exec("UPDATE readings SET luminance_cdm2 = 50"); }) == "42501");
    CHECK(sqlstateOf([&] { admin.exec("DELETE FROM readings WHERE id = $1", {oldId}); }) ==
          "42501");
    CHECK(sqlstateOf([&] { admin.exec("TRUNCATE readings CASCADE"); }) == "42501");
    CHECK(sqlstateOf([&] { admin.exec("DELETE FROM sessions"); }) == "42501");

    // A correction: a new row, pointing at the old one, with its reason.
    a.exec(
        "INSERT INTO readings (session_uuid, seq, step, point, repeat, x_tristimulus, "
        "luminance_cdm2, z_tristimulus, corrects, correction_reason) VALUES ($1, 2, 'white', "
        "'C', 0, 45, 47.5, 50, $2, 'meter was off-axis')",
        {s, oldId});
    const auto rows = admin.exec(
        "SELECT luminance_cdm2, corrects FROM readings WHERE session_uuid = $1 ORDER "
        "BY seq",
        {s});
    REQUIRE(rows.rows() == 2);
    CHECK(rows.real(0, 0) == 48.0);  // the original is still there, unchanged
    CHECK(rows.text(1, 1) == oldId);
    // A correction needs its reason, and cannot point into another session.
    CHECK(sqlstateOf([&] {
              a.exec(
                  "INSERT INTO readings (session_uuid, seq, step, point, repeat, x_tristimulus, "
                  "luminance_cdm2, z_tristimulus, corrects) VALUES ($1, 3, 'white', 'C', 0, 1, "
                  "1, 1, $2)",
                  {s, oldId});
          }) == "23514");
    const std::string otherId =
        admin.exec("SELECT id FROM readings WHERE session_uuid = $1", {other}).text(0, 0);
    CHECK(sqlstateOf([&] {
              a.exec(
                  "INSERT INTO readings (session_uuid, seq, step, point, repeat, x_tristimulus, "
                  "luminance_cdm2, z_tristimulus, corrects, correction_reason) VALUES ($1, 4, "
                  "'white', 'C', 0, 1, 1, 1, $2, 'x')",
                  {s, otherId});
          }) == "23503");
}

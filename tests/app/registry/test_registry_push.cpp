// SPDX-License-Identifier: Apache-2.0
// `cinemeasure push`: idempotent by session UUID, signed reports only, interrupted pushes resume,
// one-line errors; against the fixture's real PostgreSQL.
#include "app/common/registry/admin.h"
#include "app/common/registry/outbox.h"
#include "app/common/registry/push.h"
#include "app/common/session/session_store.h"
#include "tests/app/cli_run.h"
#include "tests/app/registry/push_setup.h"

#include <sqlite3.h>
#include <unistd.h>

namespace fs = std::filesystem;
using cm::registry::Connection;
using cm::test::cli;
using cm::test::PushSetup;

namespace {

std::size_t journalReadings() {
    cm::app::SessionStore store(cm::test::privateDb());
    std::size_t n = 0;
    for (const auto& s : store.sessions()) {
        n += s.reading_count;
    }
    return n;
}

struct Interrupted {};

}  // namespace

TEST_CASE("push sends each signed session once and a second push changes nothing", "[registry]") {
    PushSetup p("push_once");
    const fs::path s1 = p.session("s1");
    p.session("s2");
    auto r = p.pushCli();
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("2 sent, 0 already in the registry, 0 refused") != std::string::npos);
    const std::size_t readings = journalReadings();
    REQUIRE(readings > 0);
    CHECK(p.count("sessions") == 2);
    CHECK(p.count("readings") == static_cast<long long>(readings));
    CHECK(p.count("reports") == 2);
    CHECK(p.count("figures") ==
          2 * static_cast<long long>(cm::test::readJson(s1 / "report.json")["figures"].size()));
    // The report is stored byte for byte as signed.
    Connection admin(p.db.url());
    const auto stored = admin.exec(
        "SELECT r.report_text FROM reports r JOIN sessions s ON s.uuid = r.session_uuid WHERE "
        "s.journal_id = $1",
        {cm::test::readJson(s1 / "report.json")["run"]["session_id"].get<std::string>()});
    REQUIRE(stored.rows() == 1);
    std::ifstream in(s1 / "report.json", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    CHECK(stored.text(0, 0) == bytes);

    // Every reading arrives with its step, point, repeat and values unchanged (to the last digit).
    {
        cm::app::SessionStore store(cm::test::privateDb());
        for (const auto& s : store.sessions()) {
            const auto local = store.readings(s.id);
            const auto remote = admin.exec(
                "SELECT r.step, r.point, r.repeat, r.x_tristimulus, r.luminance_cdm2, "
                "r.z_tristimulus, r.u_luminance_rel, r.instrument_id IS NOT NULL FROM readings r "
                "JOIN sessions s ON s.uuid = r.session_uuid WHERE s.journal_id = $1 ORDER BY "
                "r.seq",
                {s.id});
            REQUIRE(remote.rows() == static_cast<int>(local.size()));
            for (int i = 0; i < remote.rows(); ++i) {
                const auto& l = local[static_cast<std::size_t>(i)];
                CHECK(remote.text(i, 0) == l.step_id);
                CHECK(remote.text(i, 1) == l.point_id);
                CHECK(remote.integer(i, 2) == l.repeat);
                CHECK(remote.real(i, 3) == l.reading.xyz_cdm2.X);
                CHECK(remote.real(i, 4) == l.reading.xyz_cdm2.Y);
                CHECK(remote.real(i, 5) == l.reading.xyz_cdm2.Z);
                CHECK(remote.real(i, 6) == l.reading.u_luminance_rel);
                CHECK(remote.text(i, 7) == "t");
            }
        }
    }

    r = p.pushCli();
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("0 sent, 0 already in the registry, 0 refused") != std::string::npos);
    CHECK(p.count("sessions") == 2);
    CHECK(p.count("readings") == static_cast<long long>(readings));
    cm::registry::Outbox outbox(cm::test::privateDb());
    CHECK(outbox.pending().empty());
    CHECK(outbox.all().size() == 2);
}

TEST_CASE(
    "push refuses a tampered report, an unregistered key and an unknown site with the "
    "reason and keeps them queued",
    "[registry]") {
    PushSetup p("push_refuse");
    const fs::path tampered = p.session("tampered");
    p.session("mallory", "Cinema One", "mallory");
    p.session("nowhere", "Cinema Nowhere");
    {
        // After signing, someone raises a figure's value in the report.
        auto doc = cm::test::readJson(tampered / "report.json");
        doc["figures"][0]["value"] = doc["figures"][0]["value"].get<double>() + 5.0;
        std::ofstream(tampered / "report.json") << doc.dump(2) << "\n";
    }
    const auto r = p.pushCli();
    INFO(r.output);
    CHECK(r.exit_code == 5);
    CHECK(r.output.find("0 sent, 0 already in the registry, 3 refused") != std::string::npos);
    CHECK(r.output.find("changed after it was signed (changed: figures)") != std::string::npos);
    CHECK(r.output.find("not registered for inspector") != std::string::npos);
    CHECK(r.output.find("site \"Cinema Nowhere\" is not registered") != std::string::npos);
    CHECK(p.count("sessions") == 0);
    CHECK(p.count("readings") == 0);  // the refused site's transaction left nothing behind
    cm::registry::Outbox outbox(cm::test::privateDb());
    const auto pending = outbox.pending();
    REQUIRE(pending.size() == 3);
    for (const auto& e : pending) {
        CHECK_FALSE(e.last_error.empty());
    }
}

TEST_CASE(
    "an interrupted push resumes: committed sessions are not sent twice, a rolled-back one "
    "is sent again",
    "[registry]") {
    PushSetup p("push_resume");
    p.session("s1");
    p.session("s2");
    p.session("s3");
    cm::app::SessionStore store(cm::test::privateDb());
    cm::registry::Outbox outbox(cm::test::privateDb());
    Connection c(p.db.url(p.inspector));

    // Cut off after the registry committed the second session, before the outbox knew.
    int committed = 0;
    cm::registry::PushHooks cutAfter;
    cutAfter.afterCommit = [&](const cm::registry::OutboxEntry&) {
        if (++committed == 2) {
            throw Interrupted{};
        }
    };
    CHECK_THROWS_AS(cm::registry::push(store, outbox, c, cutAfter), Interrupted);
    CHECK(p.count("sessions") == 2);
    CHECK(outbox.pending().size() == 2);

    // Cut off inside the third session's transaction: it is rolled back whole.
    cm::registry::PushHooks cutBefore;
    cutBefore.beforeCommit = [](const cm::registry::OutboxEntry&) { throw Interrupted{}; };
    CHECK_THROWS_AS(cm::registry::push(store, outbox, c, cutBefore), Interrupted);
    CHECK(p.count("sessions") == 2);
    const std::size_t perSession = journalReadings() / 3;
    CHECK(p.count("readings") == static_cast<long long>(2 * perSession));
    CHECK(outbox.pending().size() == 1);  // the second is now marked: the registry had it

    const auto outcomes = cm::registry::push(store, outbox, c);
    REQUIRE(outcomes.size() == 1);
    CHECK(outcomes[0].status == cm::registry::PushOutcome::Status::Sent);
    CHECK(p.count("sessions") == 3);
    CHECK(p.count("readings") == static_cast<long long>(3 * perSession));
    CHECK(outbox.pending().empty());
}

TEST_CASE(
    "push errors are one line: unreachable registry, unknown role, schema mismatch, no "
    "registry",
    "[registry]") {
    PushSetup p("push_errors");
    p.session("s1");
    auto oneLine = [](const cm::test::Run& r) {
        return r.output.find('\n') == r.output.size() - 1;
    };
    auto r = cli("push --registry 'host=/nonexistent-cinemeasure port=1 user=x dbname=y'");
    CHECK(r.exit_code == 4);
    CHECK(r.output.rfind("cinemeasure: registry unreachable", 0) == 0);
    CHECK(oneLine(r));
    r = cli("push --registry '" + p.db.url("nobody_" + std::to_string(::getpid())) + "'");
    CHECK(r.exit_code == 4);
    CHECK(r.output.find("does not exist") != std::string::npos);
    CHECK(oneLine(r));
    ::unsetenv("CINEMEASURE_REGISTRY");
    r = cli("push");
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("--registry URL or set CINEMEASURE_REGISTRY") != std::string::npos);
    {
        Connection admin(p.db.url());
        admin.exec("INSERT INTO schema_migrations (version, description) VALUES (99, 'future')");
    }
    r = p.pushCli();
    INFO(r.output);
    CHECK(r.exit_code == 4);
    CHECK(r.output.find("schema version mismatch") != std::string::npos);
    CHECK(oneLine(r));
    // Nothing was sent, nothing marked.
    cm::registry::Outbox outbox(cm::test::privateDb());
    CHECK(outbox.all().size() <= 1);
    CHECK(outbox.pending().size() == outbox.all().size());
    CHECK(p.count("sessions") == 0);
}

TEST_CASE("push carries each reading's conditions: averages and the raised integration ceiling",
          "[registry]") {
    // A dark reading averaged over 4 exposures carries half the random uncertainty of one
    // (σ/√4); a committee re-evaluating from the registry must see the same 4, not 1.
    PushSetup p("push_conditions");
    p.session("s1");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(cm::test::privateDb().c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db,
                             "UPDATE readings SET averages = 4, integration_limit_s = 30 WHERE "
                             "seq = (SELECT min(seq) FROM readings)",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    cm::app::SessionStore store(cm::test::privateDb());
    const auto sessions = store.sessions();
    REQUIRE(sessions.size() == 1);
    const auto local = store.readings(sessions[0].id);
    int averaged = 0;
    for (const auto& r : local) {
        averaged += r.reading.averages == 4 ? 1 : 0;
    }
    REQUIRE(averaged == 1);
    const auto r = p.pushCli();
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    Connection admin(p.db.url());
    const auto remote = admin.exec(
        "SELECT coalesce(averages, -1), coalesce(integration_limit_s, -1) FROM "
        "readings ORDER BY seq");
    REQUIRE(remote.rows() == static_cast<int>(local.size()));
    for (int i = 0; i < remote.rows(); ++i) {
        const auto& l = local[static_cast<std::size_t>(i)].reading;
        CHECK(remote.integer(i, 0) == l.averages);
        CHECK(remote.real(i, 1) == l.integration_limit_s);
    }
    CHECK(
        admin.exec("SELECT count(*) FROM readings WHERE averages = 4 AND integration_limit_s = 30")
            .integer(0, 0) == 1);
}

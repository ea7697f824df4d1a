// SPDX-License-Identifier: Apache-2.0
// `cinemeasure evaluate --registry`: the committee re-evaluates every stored session under a
// changed profile; the same verdict changes as the local journal gives; nothing written unless
// --record; corrections take the place of the readings they correct.
#include "app/common/batch_evaluate.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/registry/push.h"
#include "app/common/registry/registry_evaluate.h"
#include "tests/app/registry/push_setup.h"

namespace fs = std::filesystem;
using cm::registry::Connection;
using cm::test::cli;

namespace {

std::size_t localChanges(const cm::procedure::Profile& after) {
    cm::app::SessionStore store(cm::test::privateDb());
    std::size_t n = 0;
    for (const auto& c : cm::app::reevaluateSessions(store, after)) {
        n += c.changed() ? 1 : 0;
    }
    return n;
}

}  // namespace

TEST_CASE(
    "registry re-evaluation under a changed profile lists the verdict changes per screen "
    "and writes nothing unless --record",
    "[registry]") {
    cm::test::PushSetup p("reeval");
    p.session("s1");
    p.session("s2");
    REQUIRE(p.pushCli().exit_code == 0);
    const std::string committee = "com_reeval_" + std::to_string(::getpid());
    const std::string chainA = "chain_reeval_a_" + std::to_string(::getpid());
    const std::string chainB = "chain_reeval_b_" + std::to_string(::getpid());
    {
        Connection admin(p.db.url());
        cm::registry::addOrganisation(admin, "Committee", "committee");
        cm::registry::addOrganisation(admin, "Chain B", "chain");
        cm::registry::addMember(admin, committee, "Committee", "committee", "Committee");
        cm::registry::addMember(admin, chainA, "Chain A", "chain", "Chain A");
        cm::registry::addMember(admin, chainB, "Chain B", "chain", "Chain B");
    }
    // A committee draft that tightens the centre luminance tolerance to ±0.001 cd/m².
    auto profile = cm::test::readJson(cm::app::findProfileFile("st431-1-theatre"));
    for (auto& f : profile["figures"]) {
        if (f["id"] == "centre_luminance") {
            f["tolerance"]["plus_minus"] = 0.001;
        }
    }
    const fs::path tight = p.base / "tight.json";
    std::ofstream(tight) << profile.dump(2);
    const std::size_t expected = localChanges(cm::app::findProfile(tight.string()));
    REQUIRE(expected >= 2);  // at least centre luminance in each session

    const fs::path csv = p.base / "changes.csv";
    auto r = cli("evaluate --registry '" + p.db.url(committee) + "' --profile " + tight.string() +
                 " --out " + csv.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("2 session(s)") != std::string::npos);
    CHECK(r.output.find("; " + std::to_string(expected) + " verdict(s) changed") !=
          std::string::npos);
    CHECK(r.output.find("Cinema One") != std::string::npos);
    CHECK(r.output.find("nothing written") != std::string::npos);
    std::ifstream in(csv);
    std::string csvText((std::istreambuf_iterator<char>(in)), {});
    CHECK(csvText.find("centre_luminance") != std::string::npos);
    CHECK(p.count("reevaluations") == 0);

    // Chains see their own sessions only; a chain cannot record.
    r = cli("evaluate --registry '" + p.db.url(chainB) + "' --profile " + tight.string());
    CHECK(r.output.find("0 session(s)") != std::string::npos);
    r = cli("evaluate --registry '" + p.db.url(chainA) + "' --profile " + tight.string() +
            " --record");
    CHECK(r.exit_code == 4);
    CHECK(r.output.find("permission denied") != std::string::npos);
    CHECK(p.count("reevaluations") == 0);

    r = cli("evaluate --registry '" + p.db.url(committee) + "' --profile " + tight.string() +
            " --record");
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("recorded as re-evaluation run") != std::string::npos);
    Connection admin(p.db.url());
    CHECK(admin.exec("SELECT count(*) FROM reevaluations WHERE old_verdict <> new_verdict")
              .integer(0, 0) == static_cast<long long>(expected));
    CHECK(admin.exec("SELECT count(DISTINCT run_uuid) FROM reevaluations").integer(0, 0) == 1);
}

TEST_CASE(
    "registry re-evaluation uses a correction in place of the reading it corrects, in "
    "batches over threads",
    "[registry]") {
    cm::test::PushSetup p("reeval_corr");
    p.session("s1");
    p.session("s2");
    p.session("s3");
    REQUIRE(p.pushCli().exit_code == 0);
    Connection insp(p.db.url(p.inspector));
    const auto old = insp.exec(
        "SELECT r.id, r.session_uuid, r.x_tristimulus, r.z_tristimulus FROM readings r JOIN "
        "sessions s ON s.uuid = r.session_uuid WHERE r.step = 'white' AND r.point = 'C' ORDER BY "
        "s.started_utc, s.uuid LIMIT 1");
    REQUIRE(old.rows() == 1);
    // The inspector corrects one centre reading to 30 cd/m², below ST 431-1's 48 − 10.2.
    insp.exec(
        "INSERT INTO readings (session_uuid, seq, step, point, repeat, x_tristimulus, "
        "luminance_cdm2, z_tristimulus, u_luminance_rel, u_chromaticity_xy, corrects, "
        "correction_reason) VALUES ($1, 1000, 'white', 'C', 0, $2, 30, $3, 0.005, 0.0005, $4, "
        "'meter aimed at the wrong screen')",
        {old.text(0, 1), old.text(0, 2), old.text(0, 3), old.text(0, 0)});
    const std::string committee = "com_corr_" + std::to_string(::getpid());
    {
        Connection admin(p.db.url());
        cm::registry::addOrganisation(admin, "Committee", "committee");
        cm::registry::addMember(admin, committee, "Committee", "committee", "Committee");
    }
    Connection com(p.db.url(committee));
    // Re-evaluated under a profile that widens centre luminance to 48 ± 20 cd/m²: only a session
    // whose centre reading is the corrected 30 cd/m² changes (FAIL under 48 ± 10.2, PASS now).
    auto profile = cm::test::readJson(cm::app::findProfileFile("st431-1-theatre"));
    for (auto& f : profile["figures"]) {
        if (f["id"] == "centre_luminance") {
            f["tolerance"]["plus_minus"] = 20.0;
        }
    }
    const fs::path wide = p.base / "wide.json";
    std::ofstream(wide) << profile.dump(2);
    const auto widened = cm::app::findProfile(wide.string());
    cm::registry::RegistryEvaluateOptions o;
    o.batch_sessions = 2;  // three sessions: two round trips
    o.threads = 2;
    const auto ev = cm::registry::evaluateRegistry(com, widened, cm::app::readTextFile(wide), o);
    CHECK(ev.sessions == 3);
    bool centreChanged = false;
    for (const auto& c : ev.changed) {
        CHECK(c.session_uuid == old.text(0, 1));  // only the corrected session changes
        if (c.change.figure_id == "centre_luminance") {
            centreChanged = true;
            CHECK(c.change.value == Approx(30.0).margin(1e-9));
            CHECK(c.change.old_verdict == cm::evaluation::Verdict::Fail);
            CHECK(c.change.new_verdict == cm::evaluation::Verdict::Pass);
        }
    }
    CHECK(centreChanged);
}

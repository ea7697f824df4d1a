// SPDX-License-Identifier: Apache-2.0
// One writer per session: a second certify/resume on a session in use is refused, a stale lock
// (its process died) is taken over, and `sessions` shows such a session as interrupted (#20 case
// 1).
#include "app/common/session/session_store.h"
#include "cli_run.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <thread>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {

pid_t spawnSlowCertify(const fs::path& db, const fs::path& out) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const std::string cfg = cm::test::virtualTheatre("projector-reference.json");
        ::execl(CINEMEASURE_CLI, CINEMEASURE_CLI, "--data-dir", CINEMEASURE_CALIBRATION_DIR,
                "certify", "--profile", "st431-1-review", "--simulate", cfg.c_str(), "--out",
                out.c_str(), "--seed", "11", "--time-scale", "5", "--quiet", "--db", db.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

/// Waits until the session in `db` has `n` readings; returns its id.
std::string waitForReadings(const fs::path& db, std::size_t n) {
    for (int i = 0; i < 800; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        if (!fs::exists(db)) {
            continue;
        }
        cm::app::SessionStore store(db);
        const auto all = store.sessions();
        if (!all.empty() && all.front().reading_count >= n) {
            return all.front().id;
        }
    }
    FAIL("the certification never journaled " << n << " readings");
    return {};
}

}  // namespace

TEST_CASE("a second writer is refused while certify runs, resume takes over once it died",
          "[session][lock]") {
    const fs::path base = cm::test::freshDir("lock");
    fs::create_directories(base);
    const fs::path db = base / "s.db";
    const pid_t pid = spawnSlowCertify(db, base / "out");
    const std::string sid = waitForReadings(db, 1);

    // The inspector thinks the run hung and resumes it: refused, naming the writer.
    const auto second = cli("resume " + sid + " --quiet --db " + db.string());
    INFO(second.output);
    CHECK(second.exit_code == 4);
    CHECK_THAT(second.output, Catch::Contains("session " + sid + " is in use by pid " +
                                              std::to_string(pid) + " on "));
    {
        cm::app::SessionStore store(db);
        CHECK(cm::app::displayStatus(store.session(sid)) == "running");
    }

    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    ::waitpid(pid, &status, 0);

    // Its process is gone: listed as interrupted, and resume takes the stale lock over.
    const auto list = cli("sessions --db " + db.string());
    CHECK_THAT(list.output, Catch::Contains("interrupted"));
    const auto resumed = cli("resume " + sid + " --quiet --db " + db.string());
    INFO(resumed.output);
    REQUIRE(resumed.exit_code == 0);
    cm::app::SessionStore store(db);
    const auto info = store.session(sid);
    CHECK(info.status == "complete");
    CHECK(info.lock_pid == 0);  // released at the end
    const auto report = cm::test::readJson(base / "out" / "report.json");
    CHECK(report["complete"] == true);
    // Exactly one reading per task: no second writer added any.
    const auto full =
        cli("certify --profile st431-1-review --simulate " +
            cm::test::virtualTheatre("projector-reference.json") + " --out " +
            (base / "ref").string() + " --seed 11 --quiet --db " + (base / "ref.db").string());
    REQUIRE(full.exit_code == 0);
    CHECK(report["readings"].size() ==
          cm::test::readJson(base / "ref" / "report.json")["readings"].size());
    bool noted = false;
    for (const auto& n : store.notes(sid)) {
        noted = noted || n.find("pid " + std::to_string(pid)) != std::string::npos;
    }
    CHECK(noted);
    fs::remove_all(base);
}

TEST_CASE("two writers on one session: the second is refused and cannot append",
          "[session][lock]") {
    const fs::path base = cm::test::freshDir("lock2");
    fs::create_directories(base);
    const fs::path db = base / "s.db";
    std::string sid;
    {
        cm::app::SessionStore store(db);
        cm::app::SessionInfo info;
        info.profile_id = "p";
        info.profile_json = "{}";
        info.source = "test";
        sid = store.createSession(info);
        store.unlockSession(sid);
    }
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        cm::app::SessionStore store(db);
        store.lockSession(sid);
        (void)!::write(ready[1], "x", 1);
        ::pause();
        ::_exit(0);
    }
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    cm::app::SessionStore store(db);
    CHECK_THROWS_WITH(store.lockSession(sid),
                      Catch::Contains("is in use by pid " + std::to_string(child)));
    {
        cm::procedure::RecordedReading r;
        r.step_id = "white";
        r.point_id = "C";
        CHECK_THROWS_AS(store.appendReading(sid, r), cm::app::SessionInUseError);
        CHECK(store.readings(sid).empty());
    }
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    CHECK(cm::app::displayStatus(store.session(sid)) == "interrupted");
    CHECK_NOTHROW(store.lockSession(sid));
    ::close(ready[0]);
    ::close(ready[1]);
    fs::remove_all(base);
}

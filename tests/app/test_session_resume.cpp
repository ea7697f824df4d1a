// SPDX-License-Identifier: Apache-2.0
// Nothing lost: a certification killed with SIGKILL mid-procedure resumes from the session store
// and ends with the same readings and figures as an uninterrupted run with the same seed.
#include "app/common/session/session_store.h"
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {
using cm::test::readJson;

/// Starts `cinemeasure certify` in the background and returns its pid.
pid_t spawnCertify(const fs::path& db, const fs::path& out) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const std::string profile = "st431-1-review";
        const std::string cfg = cm::test::virtualTheatre("projector-reference.json");
        ::execl(CINEMEASURE_CLI, CINEMEASURE_CLI, "--data-dir", CINEMEASURE_CALIBRATION_DIR,
                "certify", "--profile", profile.c_str(), "--simulate", cfg.c_str(), "--out",
                out.c_str(), "--seed", "11", "--time-scale", "5", "--quiet", "--db", db.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

}  // namespace

TEST_CASE("SIGKILL mid-procedure, resume: same readings and figures as an uninterrupted run",
          "[session][resume]") {
    const fs::path base = cm::test::freshDir("resume");
    fs::create_directories(base);
    // Reference: uninterrupted, same seed.
    const auto ref =
        cli("certify --profile st431-1-review --simulate " +
            cm::test::virtualTheatre("projector-reference.json") + " --out " +
            (base / "ref").string() + " --seed 11 --quiet --db " + (base / "ref.db").string());
    REQUIRE(ref.exit_code == 0);

    // Interrupted: each white reading takes ≈ 0.2 s at time-scale 5; kill after 3 are journaled.
    const fs::path db = base / "killed.db";
    const pid_t pid = spawnCertify(db, base / "killed");
    std::size_t seen = 0;
    std::string sid;
    for (int i = 0; i < 800 && seen < 3; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        if (!fs::exists(db)) {
            continue;
        }
        cm::app::SessionStore store(db);
        const auto all = store.sessions();
        if (!all.empty()) {
            sid = all.front().id;
            seen = all.front().reading_count;
        }
    }
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(seen >= 3);
    {
        cm::app::SessionStore store(db);
        const auto info = store.session(sid);
        CHECK(info.status == "running");
        CHECK(info.reading_count >= 3);
        CHECK(info.reading_count < 9);  // really interrupted
    }
    CHECK_FALSE(fs::exists(base / "killed" / "report.json"));

    const auto resumed = cli("resume " + sid + " --quiet --db " + db.string());
    INFO(resumed.output);
    REQUIRE(resumed.exit_code == 0);
    const auto a = readJson(base / "ref" / "report.json");
    const auto b = readJson(base / "killed" / "report.json");
    CHECK(b["complete"] == true);
    REQUIRE(a["readings"].size() == b["readings"].size());
    for (std::size_t i = 0; i < a["readings"].size(); ++i) {
        for (const char* k : {"step", "point", "repeat", "X", "Y", "Z"}) {
            INFO("reading " << i << " " << k);
            CHECK(a["readings"][i][k] == b["readings"][i][k]);
        }
    }
    REQUIRE(a["figures"].size() == b["figures"].size());
    for (std::size_t i = 0; i < a["figures"].size(); ++i) {
        CHECK(a["figures"][i]["value"] == b["figures"][i]["value"]);
        CHECK(a["figures"][i]["verdict"] == b["figures"][i]["verdict"]);
    }
    CHECK(a["overall_verdict"] == b["overall_verdict"]);
    cm::app::SessionStore store(db);
    CHECK(store.session(sid).status == "complete");
    fs::remove_all(base);
}

TEST_CASE("sessions, export and bad session ids", "[session]") {
    const fs::path base = cm::test::freshDir("export");
    const std::string db = (base / "s.db").string();
    fs::create_directories(base);
    REQUIRE(cli("certify --profile st431-1-theatre --simulate " +
                cm::test::virtualTheatre("projector-reference.json") + " --out " +
                (base / "out").string() + " --quiet --db " + db)
                .exit_code == 0);
    const auto list = cli("sessions --db " + db);
    REQUIRE(list.exit_code == 0);
    CHECK_THAT(list.output, Catch::Contains("complete"));
    cm::app::SessionStore store(db);
    const std::string sid = store.sessions().at(0).id;
    for (const char* fmt : {"json", "csv", "pdf"}) {
        const fs::path f = base / (std::string("export.") + fmt);
        const auto r =
            cli("export " + sid + " --format " + fmt + " --out " + f.string() + " --db " + db);
        CHECK(r.exit_code == 0);
        CHECK(fs::file_size(f) > 100);
    }
    const auto exported = readJson(base / "export.json");
    const auto written = readJson(base / "out" / "report.json");
    CHECK(exported["figures"] == written["figures"]);
    const auto bad = cli("resume 20990101-000000-zzzz --db " + db);
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.output, Catch::Contains("no session '20990101-000000-zzzz'"));
    fs::remove_all(base);
}

TEST_CASE("a corrupt session database is reported and left untouched", "[session][edge]") {
    const fs::path base = cm::test::freshDir("corrupt");
    fs::create_directories(base);
    const fs::path db = base / "broken.db";
    {
        std::ofstream f(db, std::ios::binary);
        f << "SQLite format 3" << std::string(1, '\0') << std::string(4000, '\x5a');
    }
    const auto before = fs::file_size(db);
    const auto r = cli("sessions --db " + db.string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("corrupt"));
    CHECK(fs::file_size(db) == before);
    CHECK_THROWS_AS(cm::app::SessionStore(db), cm::app::SessionStoreError);

    // A half-written database (a real one cut short) is refused too.
    const fs::path good = base / "good.db";
    REQUIRE(cli("certify --profile st431-1-theatre --simulate " +
                cm::test::virtualTheatre("projector-reference.json") + " --out " +
                (base / "o").string() + " --quiet --db " + good.string())
                .exit_code == 0);
    {
        cm::app::SessionStore checkpoint(good);  // opening and closing checkpoints the WAL
    }
    const auto size = fs::file_size(good);
    fs::resize_file(good, size / 2);
    CHECK_THROWS_AS(cm::app::SessionStore(good), cm::app::SessionStoreError);
    fs::remove_all(base);
}

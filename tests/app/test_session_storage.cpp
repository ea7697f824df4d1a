// SPDX-License-Identifier: Apache-2.0
// The journal's storage failing (#20 cases 5, 6, 13): a full disk is reported as such with the
// resume hint, never as bad input; nothing is shown as measured before it is committed; parallel
// processes creating one new database never see it half made; a mistyped --db creates nothing.
#include "app/common/session/session_store.h"
#include "cli_run.h"

#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <regex>
#include <vector>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) {
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("disk full while journaling: exit 4 with the cause and the resume hint (case 5)",
          "[session][storage]") {
    const fs::path base = cm::test::freshDir("full");
    fs::create_directories(base);
    const std::string theatre = cm::test::virtualTheatre("projector-reference.json");
    // One output folder per run: a folder holding a report is refused (evidence, issue 18).
    auto run = [&](const std::string& name) {
        return "certify --profile rp431-2-theatre --simulate " + theatre + " --out " +
               (base / ("out-" + name)).string() + " --db ";
    };
    REQUIRE(cli(run("seed") + (base / "seed.db").string() + " --quiet").exit_code == 0);
    const auto seedSize = fs::file_size(base / "seed.db");
    bool failedWhileMeasuring = false;
    // The storage fills up: a file-size limit makes the kernel refuse to grow the journal's
    // files (short writes and EFBIG), as a full disk does with ENOSPC. No root, no mounts.
    for (const std::uintmax_t extra : {16u << 10, 40u << 10, 64u << 10}) {
        const fs::path db = base / ("full" + std::to_string(extra) + ".db");
        fs::copy_file(base / "seed.db", db);
        rlimit old{};
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
        rlimit lim = old;
        lim.rlim_cur = seedSize + extra;
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &lim) == 0);
        const auto r = cli(run(std::to_string(extra)) + db.string());
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
        INFO("journal may grow by " << extra << " bytes\n" << r.output);
        REQUIRE(r.exit_code != 0);
        CHECK(r.exit_code == 4);  // storage, not "bad input"
        CHECK_THAT(r.output, !Catch::Contains("cannot rollback"));
        std::smatch m;
        if (!std::regex_search(r.output, m, std::regex("session: (\\S+) "))) {
            continue;  // the session itself could not be created: nothing to resume
        }
        const std::string sid = m[1];
        CHECK_THAT(r.output, Catch::Contains("cinemeasure resume " + sid));
        cm::app::SessionStore store(db, cm::app::SessionStore::Open::Existing);
        const auto s = store.session(sid);
        CHECK(cm::app::displayStatus(s) != "running");
        // Every reading shown on screen is in the journal.
        CHECK(count(r.output, "cd/m²  x =") == s.reading_count);
        // The task count as the run announced it ("[k/N]"): the profile's, not a number here.
        std::smatch t;
        REQUIRE(std::regex_search(r.output, t, std::regex("\\[\\d+/(\\d+)\\]")));
        const std::size_t tasks = std::stoul(t[1]);
        if (s.reading_count > 0 && s.reading_count < tasks) {
            failedWhileMeasuring = true;
            // Space freed: resume finishes the session.
            const auto resumed = cli("resume " + sid + " --quiet --db " + db.string());
            INFO(resumed.output);
            CHECK(resumed.exit_code == 0);
            CHECK(store.session(sid).reading_count == tasks);
        }
    }
    CHECK(failedWhileMeasuring);
    fs::remove_all(base);
}

TEST_CASE("parallel certifications on a new database all succeed (case 6)", "[session][storage]") {
    const fs::path base = cm::test::freshDir("race");
    fs::create_directories(base);
    const std::string theatre = cm::test::virtualTheatre("projector-reference.json");
    for (int round = 0; round < 4; ++round) {
        const fs::path db = base / ("new" + std::to_string(round) + ".db");
        std::vector<pid_t> pids;
        for (int i = 0; i < 8; ++i) {
            const pid_t pid = ::fork();
            REQUIRE(pid >= 0);
            if (pid == 0) {
                const std::string out =
                    (base / ("o" + std::to_string(round) + "-" + std::to_string(i))).string();
                const std::string log = (base / ("log" + std::to_string(i))).string();
                ::freopen(log.c_str(), "w", stderr);
                const char* other = std::getenv("CINEMEASURE_TEST_CLI");
                const char* exe = other && *other ? other : CINEMEASURE_CLI;
                ::execl(exe, exe, "--data-dir", CINEMEASURE_CALIBRATION_DIR, "certify", "--profile",
                        "st431-1-review", "--simulate", theatre.c_str(), "--out", out.c_str(),
                        "--quiet", "--db", db.c_str(), static_cast<char*>(nullptr));
                ::_exit(127);
            }
            pids.push_back(pid);
        }
        // `sessions` polling the new database while it is being created, until all are done.
        std::vector<int> statuses(pids.size(), -1);
        for (std::size_t done = 0; done < pids.size();) {
            if (fs::exists(db)) {
                const auto list = cli("sessions --db " + db.string());
                INFO(list.output);
                CHECK(list.exit_code == 0);
            }
            for (std::size_t i = 0; i < pids.size(); ++i) {
                int status = 0;
                if (statuses[i] == -1 && ::waitpid(pids[i], &status, WNOHANG) == pids[i]) {
                    statuses[i] = status;
                    ++done;
                }
            }
        }
        for (std::size_t i = 0; i < pids.size(); ++i) {
            const int status = statuses[i];
            INFO("round " << round << ", process " << i << ": "
                          << cm::test::readText(base / ("log" + std::to_string(i))));
            CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
        }
        cm::app::SessionStore store(db);
        CHECK(store.sessions().size() == 8);
    }
    fs::remove_all(base);
}

TEST_CASE("sessions --db with a mistyped path creates nothing (case 13)", "[session][storage]") {
    const fs::path base = cm::test::freshDir("typo");
    const auto r = cli("sessions --db " + (base / "typo" / "x.db").string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("no session database there"));
    CHECK_FALSE(fs::exists(base));
}

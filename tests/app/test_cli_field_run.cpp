// SPDX-License-Identifier: Apache-2.0
// Field runs: `certify --port` with a real driver on a pseudo-terminal and the operator's answers
// on stdin (measure, note, retake, skip with reason, pause), then `resume --port` to the report.
#include "app/common/session/session_store.h"
#include "cli_run.h"
#include "drivers/families.h"
#include "drivers/virtual/virtual_theatre.h"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace cm;

namespace {
std::unique_ptr<drivers::virt::PtySimulator> k10aSimulator() {
    nlohmann::json cfg = test::readJson(test::virtualTheatre("projector-reference.json"));
    auto theatre = std::make_shared<drivers::virt::VirtualTheatre>(
        drivers::virt::parseTheatreConfig(util::JsonView(cfg, "projector-reference.json")));
    drivers::virt::SimulatorCommon c;
    auto sim = drivers::findFamily("k10a")->makeSimulator(theatre, c);
    sim->start();
    return sim;
}

std::string sessionIdIn(const std::string& output) {
    const auto at = output.find("session: ");
    REQUIRE(at != std::string::npos);
    return output.substr(at + 9, output.find(' ', at + 9) - (at + 9));
}
}  // namespace

TEST_CASE("field run: notes, retake, skip and pause are journaled, resume finishes the report",
          "[cli][field]") {
    auto sim = k10aSimulator();
    const fs::path dir = test::freshDir("field");
    fs::create_directories(dir);
    // Task 1 measured; note, task 2 measured; retake (task 2 again), measured; skip task 3; pause.
    std::ofstream(dir / "answers1.txt") << "\nn tripod nudged\n\nr\n\ns lens cap on\np\n";
    const std::string common =
        " --instrument k10a --allow-unfit --screen 12.0x5.0 --site 'Cinema 3' --auditorium 'Hall "
        "7' "
        "--operator 'CLI test' --out " +
        (dir / "out").string();
    const test::Run first =
        test::cli("certify --profile st431-1-theatre --port " + sim->devicePath() + common + " < " +
                  (dir / "answers1.txt").string());
    INFO(first.output);
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.output, Catch::Contains("Paused. 2 reading(s) kept"));
    CHECK_FALSE(fs::exists(dir / "out" / "report.json"));  // no report for a paused session
    const std::string sid = sessionIdIn(first.output);

    app::SessionStore store(test::privateDb());
    CHECK(store.session(sid).status == "paused");
    CHECK(store.readings(sid).size() == 2);
    REQUIRE(store.skips(sid).size() == 1);
    CHECK(store.skips(sid)[0].point_id == "R");
    CHECK(store.skips(sid)[0].reason == "lens cap on");
    const auto notes = store.notes(sid);
    REQUIRE(notes.size() == 3);
    CHECK(notes[0] == "tripod nudged");
    CHECK_THAT(notes[1], Catch::StartsWith("retake: reading ") &&
                             Catch::Contains("step white, point L, repeat 0, X="));

    // Resuming without a port is refused with the reason; with it, the skip is not asked again.
    CHECK(test::cli("resume " + sid).exit_code == 2);
    std::ofstream(dir / "answers2.txt") << "\n\n";
    const test::Run second = test::cli("resume " + sid + " --port " + sim->devicePath() + " < " +
                                       (dir / "answers2.txt").string());
    INFO(second.output);
    REQUIRE(second.exit_code == 0);
    CHECK_THAT(second.output, Catch::Contains("[4/5]") && Catch::Contains("[5/5]"));
    CHECK_THAT(second.output, !Catch::Contains("[3/5]"));
    const auto rep = test::readJson(dir / "out" / "report.json");
    CHECK(rep["figures"].size() == 7);
    CHECK(rep["readings"].size() == 4);
    REQUIRE(rep["skipped"].size() == 1);
    CHECK(rep["skipped"][0]["reason"] == "lens cap on");
    CHECK(store.session(sid).status == "complete");
}

TEST_CASE("field run: missing screen size or family is refused before anything is measured",
          "[cli][field][edge]") {
    auto sim = k10aSimulator();
    const std::string out = " --out " + test::freshDir("field-bad").string();
    const std::string who = " --site 'Cinema 3' --auditorium 'Hall 7' --operator 'CLI test'";
    auto r = test::cli("certify --profile st431-1-theatre --port " + sim->devicePath() +
                       " --instrument k10a" + out);
    CHECK(r.exit_code == 2);
    // Every missing input named at once, in one line.
    CHECK_THAT(r.output, Catch::Contains("--screen WIDTHxHEIGHT") && Catch::Contains("--site") &&
                             Catch::Contains("--auditorium") && Catch::Contains("--operator"));
    r = test::cli("certify --profile st431-1-theatre --port " + sim->devicePath() +
                  " --screen 12x5" + who + out);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("needs --instrument FAMILY"));
    r = test::cli(
        "certify --profile st431-1-theatre --port /dev/null/none --instrument k10a "
        "--screen 12x5" +
        who + out);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.output, Catch::Contains("resume with --port"));
}

// SPDX-License-Identifier: Apache-2.0
// REFACTORING GUARD, not a reference: report.json and analysis.json are byte-identical to what
// the hand-built JSON wrote before to_json moved beside the value types. The golden files in
// tests/data/refactor-guard/ were written by the previous code on the same inputs (a seeded
// simulation, a seeded rendered wall); the real checks of the content stay the schema test
// (docs/report.schema.json) and the metrology tests. When an intended change of either file
// lands, regenerate: CINEMEASURE_REGENERATE_GUARD=1 ctest -R refactor.guard
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {

const fs::path kGuardDir = fs::path(CINEMEASURE_TEST_DATA_DIR) / "refactor-guard";

using Json = nlohmann::ordered_json;  // keeps the file's member order

/// What differs between two runs of the same input: clock, ids, build, checkout paths.
void blank(Json& j, const char* key) {
    if (j.contains(key)) {
        j[key] = "*";
    }
}

void compareWithGuard(const fs::path& produced, const std::string& guardName,
                      void (*normalise)(Json&)) {
    Json j = Json::parse(cm::test::readText(produced));
    normalise(j);
    const std::string text = j.dump(2) + "\n";
    const fs::path guard = kGuardDir / guardName;
    if (const char* regen = std::getenv("CINEMEASURE_REGENERATE_GUARD"); regen && *regen == '1') {
        fs::create_directories(kGuardDir);
        std::ofstream(guard) << text;
        WARN("rewrote " << guard);
    }
    REQUIRE(fs::exists(guard));
    CHECK(text == cm::test::readText(guard));
}

void normaliseReport(Json& j) {
    for (const char* k :
         {"started_utc", "finished_utc", "session_id", "software_version", "git_revision"}) {
        blank(j["run"], k);
    }
    for (auto& r : j["readings"]) {
        blank(r, "timestamp_utc");
    }
}

void normaliseAnalysis(Json& j) {
    for (const char* k : {"date", "layout_file", "camera_calibration"}) {
        blank(j, k);
    }
    for (auto& i : j["images"]) {
        blank(i, "file");
    }
}

}  // namespace

TEST_CASE("refactor guard: report.json unchanged by to_json", "[refactor-guard][report]") {
    const fs::path out = cm::test::freshDir("guard-report");
    const auto r = cli("certify --profile st431-1-review --simulate " +
                       cm::test::virtualTheatre("projector-dim-corners.json") +
                       " --seed 3 --quiet --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    compareWithGuard(out / "report.json", "report-st431-1-review-dim-corners.json",
                     normaliseReport);
    fs::remove_all(out);
}

TEST_CASE("refactor guard: LED wall analysis.json unchanged by to_json", "[refactor-guard][wall]") {
    const fs::path dir = cm::test::freshDir("guard-wall");
    fs::create_directories(dir);
    const std::string wall = std::string(CINEMEASURE_TEST_DATA_DIR) + "/imaging/led-test-wall.json";
    auto r = cli("render --virtual " + wall + " --out " + (dir / "w.dng").string() +
                 " --stimulus grey:0.5 --exposure 0.5 --width 480 --height 320 --seed 5");
    REQUIRE(r.exit_code == 0);
    // Binding draft limits: the warning, failed figures, seams and defects are all written.
    r = cli("analyze --image " + (dir / "w.dng").string() + " --layout " + wall +
            " --provisional binding --out " + (dir / "out").string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    compareWithGuard(dir / "out" / "analysis.json", "analysis-led-test-wall.json",
                     normaliseAnalysis);
    fs::remove_all(dir);
}

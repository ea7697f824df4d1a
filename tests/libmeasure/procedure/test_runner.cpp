// SPDX-License-Identifier: Apache-2.0
// Procedure runner: task order, stimulus changes, skip, retake and restore.
#include "libmeasure/procedure/runner.h"

#include <catch2/catch.hpp>

using namespace cm;

namespace {
procedure::Profile twoSteps() {
    procedure::Profile p;
    p.id = "p";
    p.geometry.layout = "st431-5";
    procedure::Step w{"white", "white", std::nullopt, "none", "", {"C", "L"}, 2, ""};
    procedure::Step b{"black", "black", std::nullopt, "none", "", {"C"}, 1, ""};
    p.steps = {w, b};
    return p;
}
procedure::Reading withY(double Y) {
    procedure::Reading r;
    r.xyz_cdm2 = {Y, Y, Y};
    return r;
}
}  // namespace

TEST_CASE("runner walks steps × points × repeats in order", "[procedure]") {
    procedure::ProcedureRunner run(twoSteps(), geometry::pointLayout("st431-5", {12, 5}, 0.05));
    REQUIRE(run.taskCount() == 5);
    std::vector<std::string> seen;
    while (auto t = run.current()) {
        seen.push_back(t->step->id + "/" + t->point.id + "/" + std::to_string(t->repeat) +
                       (t->new_stimulus ? "*" : ""));
        run.record(withY(1));
    }
    CHECK(seen == std::vector<std::string>{"white/C/0*", "white/C/1", "white/L/0", "white/L/1",
                                           "black/C/0*"});
    CHECK(run.finished());
    CHECK_THROWS(run.record(withY(1)));
}

TEST_CASE("skip keeps a reason, retake returns to the last task", "[procedure]") {
    procedure::ProcedureRunner run(twoSteps(), geometry::pointLayout("st431-5", {12, 5}, 0.05));
    run.record(withY(1));
    run.record(withY(2));
    REQUIRE(run.retakeLast());
    CHECK(run.position() == 1);
    CHECK(run.readings().size() == 1);
    run.record(withY(3));
    run.skip("meter blocked by a pillar");
    REQUIRE(run.skipped().size() == 1);
    CHECK(run.skipped()[0].reason == "meter blocked by a pillar");
    CHECK(run.current()->point.id == "L");
    CHECK(run.current()->repeat == 1);
}

TEST_CASE("restore continues at the first task without a reading", "[procedure]") {
    procedure::ProcedureRunner first(twoSteps(), geometry::pointLayout("st431-5", {12, 5}, 0.05));
    first.record(withY(1));
    first.record(withY(2));
    first.record(withY(3));
    procedure::ProcedureRunner resumed(twoSteps(), geometry::pointLayout("st431-5", {12, 5}, 0.05));
    resumed.restore(first.readings());
    CHECK(resumed.position() == 3);
    CHECK(resumed.current()->point.id == "L");
    CHECK(resumed.readings().size() == 3);
    auto foreign = first.readings();
    foreign[0].point_id = "TL";
    CHECK_THROWS_WITH(resumed.restore(foreign), Catch::Contains("does not belong"));
}

TEST_CASE("a step naming a point outside the layout is rejected", "[procedure][edge]") {
    auto p = twoSteps();
    p.steps[0].points.push_back("TL");
    CHECK_THROWS_WITH(
        procedure::ProcedureRunner(p, geometry::pointLayout("st431-5", {12, 5}, 0.05)),
        Catch::Contains("names point 'TL'"));
}

TEST_CASE("runner events: task ready with instruction, reading, skip, retake, pause and resume",
          "[procedure]") {
    procedure::ProcedureRunner run(twoSteps(), geometry::pointLayout("st431-5", {12, 5}, 0.05));
    std::vector<std::string> log;
    run.setListener([&](const procedure::RunnerEvent& e) {
        log.push_back(std::string(procedure::toString(e.kind)) + " " + e.step_id + "/" +
                      e.point_id + (e.new_step ? " new" : ""));
        if (e.kind == procedure::RunnerEvent::Kind::TaskReady && e.task_index == 0) {
            CHECK_THAT(e.text, Catch::Contains("Show 'white'") &&
                                   Catch::Contains("aim at centre [C] from seat 'reference'") &&
                                   Catch::Contains("repeat 1 of 2"));
        }
    });
    run.record(withY(48));
    run.pause("coffee");
    CHECK_THROWS_AS(run.record(withY(48)), std::logic_error);
    CHECK_THROWS_AS(run.skip("x"), std::logic_error);
    run.resume();
    CHECK_THROWS_AS(run.skip(""), std::invalid_argument);  // a skip needs a reason
    run.skip("meter fogged");
    CHECK(run.retakeLast());
    // "new" marks the first task of a step (a new pattern to put on screen).
    const std::vector<std::string> expected{
        "task ready white/C new", "reading recorded white/C new",
        "task ready white/C",     "paused white/C",
        "resumed white/C",        "task ready white/C",
        "skipped white/C",        "task ready white/L",
        "retake white/C new",     "task ready white/C new"};
    CHECK(log == expected);
}

TEST_CASE("restore keeps the operator's skips: a resumed run does not ask for them again",
          "[procedure]") {
    procedure::ProcedureRunner run(twoSteps(), geometry::pointLayout("st431-5", {12, 5}, 0.05));
    run.restore({{"white", "C", 0, withY(48)}}, {{"white", "C", 1, "lens cap"}});
    REQUIRE(run.current());
    CHECK(run.current()->point.id == "L");
    CHECK(run.skipped().size() == 1);
}

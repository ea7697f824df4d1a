// SPDX-License-Identifier: Apache-2.0
// The run (app/common/run): typed requests in order, operator decisions as values, a skip that
// needs a reason, readings journaled before anyone sees them, and inputs checked before storing.
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/run/run.h"
#include "app/common/run/run_session.h"
#include "drivers/virtual/virtual_spot_meter.h"
#include "tests/app/run/reference_rig.h"

#include <catch2/catch.hpp>

using namespace cm;
using Kind = app::Request::Kind;

namespace {

/// The reference rig read by the virtual spot meter.
struct Rig : test::ReferenceRig {
    app::InstrumentLink link() const {
        app::InstrumentLink l;
        l.open = [t = theatre](std::size_t) {
            return std::make_unique<drivers::virt::VirtualSpotMeter>(
                t, drivers::virt::VirtualMeterOptions{});
        };
        return l;
    }
};

}  // namespace

TEST_CASE("run: requests in order, decisions as values", "[run]") {
    Rig rig;
    std::vector<std::string> journal;
    app::RunJournal j;
    j.reading = [&](const procedure::RecordedReading& r) {
        journal.push_back("read " + r.point_id);
    };
    j.skip = [&](const procedure::SkippedTask& k) { journal.push_back("skip " + k.point_id); };
    j.retract = [&](const procedure::RecordedReading& r) {
        journal.push_back("drop " + r.point_id);
    };
    j.pause = [&](const std::string& why) { journal.push_back("pause " + why); };
    app::Run run(procedure::ProcedureRunner(rig.profile, rig.points), rig.link(), j);
    run.connect();
    CHECK(run.instrumentInfo().family == "virtual");
    app::SimulatedOperator op(rig.theatre, rig.config.reference_seat);

    app::Request r = run.next();
    REQUIRE(r.kind == Kind::ShowPattern);
    CHECK(r.stimulus == "white");
    CHECK(r.task->index == 0);
    CHECK(r.total_tasks == 5);
    op.perform(r);
    // Nothing is asked yet: a decision now is refused, as is a reading.
    CHECK_THROWS_AS(run.decide(app::Decision::measure()), std::logic_error);
    CHECK_THROWS_AS(run.measure(), std::logic_error);
    r = run.next();
    REQUIRE(r.kind == Kind::AimAtPoint);
    op.perform(r);
    r = run.next();
    REQUIRE(r.kind == Kind::AskOperator);
    CHECK_FALSE(r.instruction.empty());
    CHECK(r.problem.empty());
    CHECK(run.next().kind == Kind::AskOperator);  // asked again until answered

    // A skip needs a reason; blank is no reason.
    CHECK_THROWS_AS(run.decide(app::Decision::skip("")), std::invalid_argument);
    CHECK_THROWS_AS(run.decide(app::Decision::skip("  ")), std::invalid_argument);
    CHECK(run.runner().position() == 0);

    run.decide(app::Decision::measure());
    REQUIRE(run.next().kind == Kind::Measure);
    const app::MeasureOutcome m = run.measure();
    REQUIRE(m.kind == app::MeasureOutcome::Kind::Recorded);
    REQUIRE(m.reading);
    CHECK(m.reading->point_id == "C");
    CHECK(m.reading->reading.u_luminance_rel > 0.0);  // the instrument's specification

    // Task 2: retake goes back to task 1 and drops its reading from the journal.
    CHECK(run.next().kind == Kind::ShowPattern);
    CHECK(run.next().kind == Kind::AimAtPoint);
    REQUIRE(run.next().kind == Kind::AskOperator);
    const app::DecisionResult back = run.decide(app::Decision::retake());
    REQUIRE(back.dropped.size() == 1);
    CHECK(run.runner().position() == 0);
    CHECK(run.runner().readings().empty());

    // Task 1 again, skipped with a reason; task 2 paused.
    CHECK(run.next().kind == Kind::ShowPattern);
    CHECK(run.next().kind == Kind::AimAtPoint);
    REQUIRE(run.next().kind == Kind::AskOperator);
    const app::DecisionResult skipped = run.decide(app::Decision::skip("exit sign in the way"));
    REQUIRE(skipped.skipped);
    CHECK(skipped.skipped->reason == "exit sign in the way");
    CHECK(run.next().kind == Kind::ShowPattern);
    CHECK(run.next().kind == Kind::AimAtPoint);
    REQUIRE(run.next().kind == Kind::AskOperator);
    run.decide(app::Decision::pause("lunch"));
    CHECK(run.next().kind == Kind::Paused);
    CHECK(journal == std::vector<std::string>{"read C", "drop C", "skip C", "pause lunch"});
}

TEST_CASE("run: unattended, every task measured, stop ends it", "[run]") {
    Rig rig;
    {
        app::Run run(procedure::ProcedureRunner(rig.profile, rig.points), rig.link());
        run.connect();
        app::SimulatedOperator op(rig.theatre, rig.config.reference_seat);
        app::driveUnattended(run, op);
        CHECK(run.next().kind == Kind::Finished);
        CHECK(run.runner().readings().size() == 5);
    }
    {
        bool stopped = false;
        app::RunJournal j;
        j.stop = [&] { stopped = true; };
        app::Run run(procedure::ProcedureRunner(rig.profile, rig.points), rig.link(), j);
        run.connect();
        run.next();
        run.next();
        REQUIRE(run.next().kind == Kind::AskOperator);
        run.decide(app::Decision::stop());
        CHECK(run.next().kind == Kind::Stopped);
        CHECK(stopped);
    }
}

TEST_CASE("run: a reading the journal refuses is never handed out", "[run]") {
    Rig rig;
    app::RunJournal j;
    j.reading = [](const procedure::RecordedReading&) {
        throw std::runtime_error("database or disk is full");
    };
    app::Run run(procedure::ProcedureRunner(rig.profile, rig.points), rig.link(), j);
    run.connect();
    run.next();
    run.next();
    run.next();
    run.decide(app::Decision::measure());
    REQUIRE(run.next().kind == Kind::Measure);
    CHECK_THROWS_WITH(run.measure(), Catch::Contains("disk is full"));
}

TEST_CASE("run description: inputs are refused before anything is stored", "[run]") {
    app::setDataDirOverride(CINEMEASURE_CALIBRATION_DIR);
    app::RunDescription d;
    d.profile = "st431-1-theatre";
    d.instrument = "k10a";
    d.out_dir = "out";
    // Neither a theatre nor a port.
    CHECK_THROWS_AS(app::prepareRun(d), app::RunInputError);
    // A field run without site, auditorium, operator and screen size: all named at once.
    d.port = "/dev/ttyUSB0";
    CHECK_THROWS_WITH(app::prepareRun(d), Catch::Contains("--site") &&
                                              Catch::Contains("--auditorium") &&
                                              Catch::Contains("--operator") &&
                                              Catch::Contains("--screen WIDTHxHEIGHT"));
    d.site = "Cinema 3";
    d.auditorium = "Hall 7";
    d.operator_name = "A. Inspector";
    CHECK_THROWS_WITH(app::prepareRun(d),
                      !Catch::Contains("--site") && Catch::Contains("--screen WIDTHxHEIGHT"));
    d.screen_width_m = 12.0;
    d.screen_height_m = 5.0;
    d.correction_file = "/nonexistent/correction.json";
    CHECK_THROWS_AS(app::prepareRun(d), app::RunInputError);
    d.correction_file.clear();
    d.provisional = "maybe";
    CHECK_THROWS_AS(app::prepareRun(d), app::RunInputError);
    d.provisional = "informative";
    d.options.calibration_date = "2026-13-45";
    CHECK_THROWS_WITH(app::prepareRun(d), Catch::Contains("--calibration-date"));
    d.options.calibration_date = "2026-06-01";
    const app::PreparedSimulation sim = app::prepareRun(d);
    CHECK(sim.field);
    CHECK(sim.points.size() == 5);
    CHECK(sim.info.source == "field: k10a on /dev/ttyUSB0");
}

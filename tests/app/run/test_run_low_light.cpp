// SPDX-License-Identifier: Apache-2.0
// The run at low light (issue 15 item 4): a too-dark reading is taken again with longer
// integration, then averaging, within the instrument's limits (the family's model table), and the
// reading records what it was taken with; only then is the operator asked. And a reading cancelled
// mid-integration is discarded: nothing journaled, the meter still reads, the run resumes there.
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/run/low_light.h"
#include "app/common/run/run.h"
#include "app/common/run/run_session.h"
#include "drivers/cs2000/simulator.h"
#include "drivers/families.h"
#include "tests/app/run/reference_rig.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace cm;
using Kind = app::Request::Kind;

namespace {

/// The shipped reference theatre with its white turned down to `white_cdm2` at the centre (the
/// sides at 81.5 %, top and bottom at 74 %), no room light, and little noise.
struct DimRig : test::ReferenceRig {
    std::unique_ptr<drivers::virt::PtySimulator> sim;
    const drivers::Family* family = nullptr;

    DimRig(const std::string& family_id, double white_cdm2, double time_scale = 0.0)
        : ReferenceRig([white_cdm2](drivers::virt::TheatreConfig& c) {
              c.stimuli["white"].centre_cdm2 = white_cdm2;
              c.ambient_cdm2 = 0.0;
              c.noise.luminance_abs_cdm2 = 0.0;
          }) {
        family = drivers::findFamily(family_id);
        drivers::virt::SimulatorCommon c;
        c.time_scale = time_scale;
        sim = family->makeSimulator(theatre, c);
        sim->start();
    }
    app::InstrumentLink link(double time_scale = 0.0) const {
        app::InstrumentLink l;
        l.open = [this, time_scale](std::size_t) {
            return drivers::openInstrument(*family, sim->devicePath(),
                                           time_scale > 0.0 ? time_scale : 1.0);
        };
        l.port = sim->devicePath();
        l.operator_decides_unmeasurable = true;
        return l;
    }
};

/// Shows, aims and answers "measure" up to the Measure request of the next task.
void toMeasure(app::Run& run, app::SimulatedOperator& op) {
    for (;;) {
        const app::Request r = run.next();
        if (r.kind == Kind::Measure) {
            return;
        }
        REQUIRE((r.kind == Kind::ShowPattern || r.kind == Kind::AimAtPoint ||
                 r.kind == Kind::AskOperator));
        if (r.kind == Kind::AskOperator) {
            run.decide(app::Decision::measure());
        } else {
            op.perform(r);
        }
    }
}

/// The operator's hand on Cancel: `hooks.cancelled` turns true `after` a reading has started.
struct CancelAfter {
    explicit CancelAfter(std::chrono::milliseconds after)
        : hand([this, after] {
              std::this_thread::sleep_for(after);
              cancel = true;
          }) {
        hooks.cancelled = [this] { return cancel.load(); };
    }
    ~CancelAfter() { hand.join(); }
    std::atomic<bool> cancel{false};
    app::MeasureHooks hooks;
    std::thread hand;
};

}  // namespace

TEST_CASE("low-light ladder: longest integration first, then averaging where it lowers the floor",
          "[run][low-light]") {
    drivers::LowLightControl pr670;  // PR-670: SH0 6 s, SH1 30 s; SN up to the table's 4
    pr670.integration_default_s = 6.0;
    pr670.integration_max_s = 30.0;
    pr670.averages_max = 4;
    pr670.averages_in_instrument = true;
    pr670.averaging_lowers_floor = true;
    const auto ladder = app::lowLightLadder(pr670);
    REQUIRE(ladder.size() == 2);
    CHECK(ladder[0].integration_limit_s == 30.0);
    CHECK(ladder[0].averages == 0);
    CHECK(ladder[1].integration_limit_s == 30.0);
    CHECK(ladder[1].averages == 4);
    CHECK(app::describeLowLight(ladder[1]) == "exposure ceiling 30 s, 4 averages");

    drivers::LowLightControl k10;  // K10-A: driver-side averaging lowers noise, not the floor
    k10.averages_max = 80;
    CHECK(app::lowLightLadder(k10).empty());
    CHECK(app::lowLightLadder({}).empty());
}

TEST_CASE(
    "too dark at the PR-670's standard 6 s ceiling: read with extended sensitivity (30 s), "
    "recorded",
    "[run][low-light]") {
    // White at 0.001 cd/m² (0.00074 at the top and bottom): below the PR-670's floor at the
    // standard 6 s ceiling (data sheet 0.0003 cd/m² at 30 s → 0.0015 at 6 s), above it at 30 s.
    DimRig rig("pr6xx", 0.001);
    std::vector<procedure::RecordedReading> journal;
    app::RunJournal j;
    j.reading = [&](const procedure::RecordedReading& r) { journal.push_back(r); };
    app::Run run(procedure::ProcedureRunner(rig.profile, rig.points), rig.link(), j);
    run.connect();
    const auto ll = run.capabilities().low_light;
    CHECK(ll.integration_default_s == 6.0);
    CHECK(ll.integration_max_s == 30.0);
    app::SimulatedOperator op(rig.theatre, rig.config.reference_seat);
    for (int task = 0; task < 5; ++task) {
        toMeasure(run, op);
        const app::MeasureOutcome m = run.measure();
        INFO(m.message);
        REQUIRE(m.kind == app::MeasureOutcome::Kind::Recorded);
        const procedure::Reading& r = m.reading->reading;
        // Adaptive exposure wants 600 cd·ms/m² / 0.001 cd/m² = 600 s: capped at the raised 30 s
        // ceiling, which D13 reports as the exposure used.
        CHECK(r.integration_time_s == Approx(30.0));
        CHECK(r.integration_limit_s == Approx(30.0));
        CHECK(r.averages == 1);  // 30 s was enough: no averaging
        CHECK_THAT(r.status, Catch::Contains("low light: exposure ceiling 30 s"));
    }
    REQUIRE(journal.size() == 5);
    CHECK(journal[0].reading.integration_limit_s == Approx(30.0));
    CHECK(journal[0].reading.xyz_cdm2.Y == Approx(0.001).epsilon(0.05));
    // Each task was first tried at the default (too dark), then at 30 s: 10 measurements.
    CHECK(rig.sim->measurementsServed() == 10);
}

TEST_CASE(
    "too dark for a specbos 1211 even at 60 s: averaging 4 exposures reads it, darker still "
    "goes to the operator",
    "[run][low-light]") {
    // specbos 1211: 0.2 cd/m² at Argyll's 3 s ceiling → 0.01 at the firmware's 60 s → 0.005 with 4
    // averaged exposures (signal-to-noise × √4). White 0.008 (0.0059 at the top and bottom) needs
    // both.
    SECTION("averaged") {
        DimRig rig("specbos", 0.008);
        app::Run run(procedure::ProcedureRunner(rig.profile, rig.points), rig.link());
        run.connect();
        app::SimulatedOperator op(rig.theatre, rig.config.reference_seat);
        toMeasure(run, op);
        const app::MeasureOutcome m = run.measure();
        INFO(m.message);
        REQUIRE(m.kind == app::MeasureOutcome::Kind::Recorded);
        CHECK(m.reading->reading.averages == 4);
        CHECK(m.reading->reading.integration_limit_s == Approx(60.0));
        CHECK_THAT(m.reading->reading.status,
                   Catch::Contains("low light: exposure ceiling 60 s, 4 averages"));
        CHECK(m.reading->reading.xyz_cdm2.Y == Approx(0.008).epsilon(0.05));
        CHECK(rig.sim->measurementsServed() == 3);  // default, 60 s, 60 s × 4
    }
    SECTION("too dark for every setting: the operator is asked, told what was tried") {
        DimRig rig("specbos", 0.003);  // below 0.005 even with 4 averages at 60 s
        bool journaled = false;
        app::RunJournal j;
        j.reading = [&](const procedure::RecordedReading&) { journaled = true; };
        app::Run run(procedure::ProcedureRunner(rig.profile, rig.points), rig.link(), j);
        run.connect();
        app::SimulatedOperator op(rig.theatre, rig.config.reference_seat);
        toMeasure(run, op);
        const app::MeasureOutcome m = run.measure();
        REQUIRE(m.kind == app::MeasureOutcome::Kind::NeedsOperator);
        CHECK_THAT(m.message, Catch::Contains("underexposed"));
        CHECK_THAT(m.message, Catch::Contains("exposure ceiling 60 s; then exposure ceiling 60 s, "
                                              "4 averages"));
        CHECK_FALSE(journaled);
        const app::Request ask = run.next();
        REQUIRE(ask.kind == Kind::AskOperator);
        CHECK_FALSE(ask.problem.empty());
        const auto skipped = run.decide(app::Decision::skip("below the meter's range"));
        REQUIRE(skipped.skipped);
        CHECK(run.runner().position() == 1);
    }
}

TEST_CASE(
    "a reading cancelled mid-integration is discarded, the meter reads on, the run resumes "
    "at that task",
    "[run][cancel]") {
    // One simulated second per real second: a PR-670 reading at white takes about 1 s (exposure,
    // dark exposure, overhead); the operator cancels 0.3 s in.
    DimRig rig("pr6xx", 48.0, 1.0);
    std::vector<procedure::RecordedReading> journal;
    app::RunJournal j;
    j.reading = [&](const procedure::RecordedReading& r) { journal.push_back(r); };
    app::SimulatedOperator op(rig.theatre, rig.config.reference_seat);
    {
        app::Run run(procedure::ProcedureRunner(rig.profile, rig.points), rig.link(1.0), j);
        run.connect();
        toMeasure(run, op);
        const app::MeasureOutcome m =
            run.measure(CancelAfter(std::chrono::milliseconds(300)).hooks);
        CHECK(m.kind == app::MeasureOutcome::Kind::Cancelled);
        CHECK_FALSE(m.reading);
        CHECK(journal.empty());
        CHECK(run.runner().readings().empty());
        CHECK(run.runner().position() == 0);
        // The meter is still usable: the same task, asked again, reads.
        const app::Request again = run.next();
        REQUIRE(again.kind == Kind::AskOperator);
        run.decide(app::Decision::measure());
        REQUIRE(run.next().kind == Kind::Measure);
        const app::MeasureOutcome m2 = run.measure();
        REQUIRE(m2.kind == app::MeasureOutcome::Kind::Recorded);
        CHECK(m2.reading->point_id == "C");
        CHECK(m2.reading->reading.xyz_cdm2.Y == Approx(48.0).epsilon(0.03));
        REQUIRE(journal.size() == 1);
        // Cancel the second task too, then leave (the session ends there).
        toMeasure(run, op);
        CHECK(run.measure(CancelAfter(std::chrono::milliseconds(300)).hooks).kind ==
              app::MeasureOutcome::Kind::Cancelled);
        CHECK(journal.size() == 1);
    }
    // Resume from the journal: the run continues at the cancelled task (L), on a fresh link.
    procedure::ProcedureRunner restored(rig.profile, rig.points);
    restored.restore(journal);
    app::Run resumed(std::move(restored), rig.link(1.0), j);
    resumed.connect();
    toMeasure(resumed, op);
    const app::MeasureOutcome m3 = resumed.measure();
    REQUIRE(m3.kind == app::MeasureOutcome::Kind::Recorded);
    CHECK(m3.reading->point_id == "L");
    CHECK(journal.size() == 2);
}

TEST_CASE("a CS-2000 reading cancelled by the operator is aborted in the instrument (MEAS,0)",
          "[run][cancel]") {
    // White at 0.1 cd/m²: the CS-2000 announces 202 s. At 1/100 of real time the operator's
    // cancel after 0.1 s must stop the instrument, not wait out the 2 s left.
    DimRig rig("cs2000", 0.1, 0.01);
    auto* cs = dynamic_cast<drivers::cs2000::Cs2000Simulator*>(rig.sim.get());
    REQUIRE(cs != nullptr);
    std::vector<procedure::RecordedReading> journal;
    app::RunJournal j;
    j.reading = [&](const procedure::RecordedReading& r) { journal.push_back(r); };
    app::SimulatedOperator op(rig.theatre, rig.config.reference_seat);
    app::Run run(procedure::ProcedureRunner(rig.profile, rig.points), rig.link(0.01), j);
    run.connect();
    toMeasure(run, op);
    const app::MeasureOutcome m = run.measure(CancelAfter(std::chrono::milliseconds(100)).hooks);
    CHECK(m.kind == app::MeasureOutcome::Kind::Cancelled);
    CHECK(journal.empty());
    CHECK(cs->cancelledMeasurements() == 1);
    CHECK(cs->simulatedSeconds() < 150.0);  // not the announced 202 s
    // The same task read again, to the end this time.
    REQUIRE(run.next().kind == Kind::AskOperator);
    run.decide(app::Decision::measure());
    REQUIRE(run.next().kind == Kind::Measure);
    const app::MeasureOutcome m2 = run.measure();
    REQUIRE(m2.kind == app::MeasureOutcome::Kind::Recorded);
    CHECK(m2.reading->reading.xyz_cdm2.Y == Approx(0.1).epsilon(0.05));
    CHECK(journal.size() == 1);
}

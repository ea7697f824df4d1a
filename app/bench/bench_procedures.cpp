// SPDX-License-Identifier: Apache-2.0
// Procedure benchmarks: evaluating a large session against the cost of copying its readings.
#include "app/bench/bench.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "drivers/families.h"
#include "libmeasure/evaluation/evaluate_profile.h"
#include "libmeasure/geometry/point_layout.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace cm::bench {
namespace {

procedure::Profile syntheticProfile() {
    procedure::Profile p;
    p.id = "bench";
    procedure::Step s;
    s.id = "white";
    s.stimulus = "white";
    s.points = {"C", "L", "R", "T", "B", "TL", "TR", "BL", "BR"};
    s.repeats = 1;
    p.steps = {s};
    for (const auto& pt : s.points) {
        procedure::FigureSpec f;
        f.id = "pct_" + pt;
        f.metric = "luminance_percent_of_reference";
        f.step = "white";
        f.point = pt;
        f.reference_point = "C";
        f.unit = "%";
        f.tolerance.lower = 80;
        f.tolerance.upper = 90;
        p.figures.push_back(f);
    }
    return p;
}

std::vector<procedure::RecordedReading> syntheticReadings(std::size_t n) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(0, 0.5);
    const char* pts[] = {"C", "L", "R", "T", "B", "TL", "TR", "BL", "BR"};
    std::vector<procedure::RecordedReading> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i].step_id = "white";
        out[i].point_id = pts[i % 9];
        out[i].repeat = static_cast<int>(i / 9);
        out[i].reading.xyz_cdm2 = {45 + noise(rng), 48 + noise(rng), 52 + noise(rng)};
    }
    return out;
}

const Registrar kEvaluate({
    "procedures",
    "evaluate 10000-reading session (9 figures)",
    "copy of the 10000 readings",
    [](std::size_t n) {
        static const auto profile = syntheticProfile();
        static const auto readings = syntheticReadings(10000);
        for (std::size_t i = 0; i < n; ++i) {
            doNotOptimise(evaluation::evaluateProfile(profile, readings).overall);
        }
    },
    [](std::size_t n) {
        static const auto readings = syntheticReadings(10000);
        for (std::size_t i = 0; i < n; ++i) {
            auto copy = readings;
            doNotOptimise(copy.back().reading.xyz_cdm2.Y);
        }
    },
    nullptr,
});

}  // namespace
}  // namespace cm::bench

namespace cm::bench {
namespace {

/// A full simulated DY/T 8 SDR certification (50 readings) through the K10-A driver and its
/// simulator on a pseudo-terminal at real timing: wall time against the instrument time the
/// simulator spent. The ratio is what the software adds; ≤ 1.05 means the inspector never waits
/// for it. CINEMEASURE_BENCH_TIME_SCALE shortens the run (the ratio then overstates overhead).
std::pair<double, double> dyt8WallTime() {
    const char* scaleEnv = std::getenv("CINEMEASURE_BENCH_TIME_SCALE");
    const double scale = scaleEnv != nullptr ? std::atof(scaleEnv) : 1.0;
    const procedure::Profile profile = app::findProfile("dyt8-led-sdr");
    auto config = app::loadTheatreConfig(app::dataDir() / "virtual" / "led-reference.json");
    const auto points = geometry::pointLayout(profile.geometry.layout, config.screen,
                                              profile.geometry.inset_fraction_of_width);
    auto theatre = std::make_shared<drivers::virt::VirtualTheatre>(config);
    const drivers::Family* k10a = drivers::findFamily("k10a");
    drivers::virt::SimulatorCommon common;
    common.time_scale = scale;
    auto simulator = k10a->makeSimulator(theatre, common);
    simulator->start();
    app::InstrumentLink link;
    link.open = [&](std::size_t) {
        return drivers::openInstrument(*k10a, simulator->devicePath(), scale);
    };
    app::SimulatedOperator op(theatre, config.reference_seat);
    app::Run run(procedure::ProcedureRunner(profile, points), std::move(link));
    run.connect();
    const auto& runner = run.runner();
    const double before = simulator->simulatedSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    app::driveUnattended(run, op);
    const auto report = evaluation::evaluateProfile(profile, runner.readings());
    doNotOptimise(report.overall);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double instrument = (simulator->simulatedSeconds() - before) * scale;
    std::fprintf(stderr, "  dyt8-led-sdr: %zu readings, time scale %g\n", runner.readings().size(),
                 scale);
    return {wall, instrument};
}

const Registrar kDyt8({
    "procedures",
    "DY/T 8 SDR certification, K10-A at real timing",
    "simulated instrument time",
    nullptr,
    nullptr,
    nullptr,
    dyt8WallTime,
});

}  // namespace
}  // namespace cm::bench

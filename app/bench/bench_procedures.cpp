// Procedure benchmarks: evaluating a large session against the cost of copying its readings.
#include "app/bench/bench.h"
#include "libmeasure/evaluation/evaluate_profile.h"
#include "libmeasure/geometry/point_layout.h"

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

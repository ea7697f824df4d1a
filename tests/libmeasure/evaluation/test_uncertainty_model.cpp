// SPDX-License-Identifier: Apache-2.0
// Uncertainty budgets with systematic-per-run and random-per-reading components: hand-worked
// propagation, repeats that cannot buy a verdict, low light, and reported U against the spread of
// the value over simulated runs with independent calibration draws.
#include "libmeasure/evaluation/evaluate_profile.h"
#include "tests/libmeasure/evaluation/figure_fixture.h"
#include "libmeasure/evaluation/metric_registry.h"
#include "libmeasure/evaluation/uncertainty_propagation.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace cm;
using evaluation::ComponentKind;
using evaluation::ComponentQuantity;
using evaluation::DecisionRule;
using evaluation::Distribution;
using evaluation::Verdict;

namespace {

constexpr const char* kModel = "Test meter";
/// Standard error of a σ estimated from N normal draws is σ/√(2N): N = 300 runs → 4 %; the
/// reported U is compared within ±15 % (≈ 3.5 standard errors).
constexpr double kSpreadTol = 0.15;

/// PR-670-like budget: ±2 % scale and ±0.0015 xy (rectangular), 0.5 % and 0.0005 repeatability
/// (2σ), a low-light floor of σ = floor_cdm2 on X, Y, Z.
evaluation::InstrumentUncertaintyModel model(double floor_cdm2 = 0.0) {
    evaluation::InstrumentUncertaintyModel m;
    m.models = {kModel};
    m.type = "spectroradiometer";
    m.components = {
        {"scale", ComponentKind::SystematicPerRun, ComponentQuantity::LuminanceRel, 0.02,
         Distribution::Rectangular, 1.0, 1.0, "test"},
        {"xy", ComponentKind::SystematicPerRun, ComponentQuantity::ChromaticityXY, 0.0015,
         Distribution::Rectangular, 1.0, 1.0, "test"},
        {"repeat", ComponentKind::RandomPerReading, ComponentQuantity::LuminanceRel, 0.005,
         Distribution::Normal, 2.0, 1.0, "test"},
        {"repeat xy", ComponentKind::RandomPerReading, ComponentQuantity::ChromaticityXY, 0.0005,
         Distribution::Normal, 2.0, 1.0, "test"},
    };
    if (floor_cdm2 > 0.0) {
        m.components.push_back({"floor", ComponentKind::RandomPerReading,
                                ComponentQuantity::LuminanceAbs_cdm2, floor_cdm2,
                                Distribution::Normal, 1.0, 1.0, "test"});
    }
    return m;
}

procedure::RecordedReading at(const std::string& step, const std::string& point, double Y,
                              int repeat = 0) {
    procedure::RecordedReading r;
    r.step_id = step;
    r.point_id = point;
    r.repeat = repeat;
    r.reading.xyz_cdm2 = colorimetry::fromxyY({0.314, 0.351}, Y);
    r.reading.instrument.model = kModel;
    r.reading.instrument.serial = "1";
    return r;
}

procedure::FigureSpec figure(const std::string& metric, const std::string& point,
                             const std::string& ref = "") {
    return test::whiteFigure(metric, point, ref);
}

double spreadOverRuns(const procedure::FigureSpec& f,
                      const std::vector<procedure::RecordedReading>& truth,
                      const evaluation::InstrumentUncertaintyModel& m, int runs) {
    const evaluation::MetricInfo* metric = evaluation::findMetric(f.metric);
    double s = 0.0, s2 = 0.0;
    for (int i = 0; i < runs; ++i) {
        const double v = metric->compute(f, evaluation::simulateRun(truth, m, 1000 + i));
        s += v;
        s2 += v * v;
    }
    const double mean = s / runs;
    return 2.0 * std::sqrt((s2 - runs * mean * mean) / (runs - 1));
}

}  // namespace

TEST_CASE("standard uncertainty of a stated value: rectangular a/√3, normal value/k",
          "[uncertainty]") {
    const auto m = model();
    CHECK(m.components[0].standardUncertainty() == Approx(0.02 / std::sqrt(3.0)));
    CHECK(m.components[2].standardUncertainty() == Approx(0.0025));
    CHECK(m.standard(ComponentKind::SystematicPerRun, ComponentQuantity::LuminanceRel) ==
          Approx(0.011547).epsilon(1e-4));
}

TEST_CASE("U of a luminance, hand-worked: 2 · 48 · √((0.02/√3)² + 0.0025²) = 1.134 cd/m²",
          "[uncertainty]") {
    const double expected = 2.0 * 48.0 * std::hypot(0.02 / std::sqrt(3.0), 0.0025);
    const auto u = evaluation::propagateUncertainty(figure("luminance", "C"),
                                                    {at("white", "C", 48.0)}, {model()}, {}, 5);
    CHECK(u.expanded == Approx(expected).epsilon(0.03));
    CHECK(u.draws >= 2000);
    CHECK(u.rel_standard_error <= 0.01);  // adaptive: U stable to 2 % at about 95 %
    // Another seed agrees within 4 % (2√2 standard errors), the same seed exactly.
    const auto again = evaluation::propagateUncertainty(figure("luminance", "C"),
                                                        {at("white", "C", 48.0)}, {model()}, {}, 5);
    const auto other = evaluation::propagateUncertainty(
        figure("luminance", "C"), {at("white", "C", 48.0)}, {model()}, {}, 99);
    CHECK(again.expanded == u.expanded);
    CHECK(other.expanded == Approx(u.expanded).epsilon(0.04));
}

TEST_CASE(
    "U of a side ratio: the calibration cancels, only repeatability remains "
    "(2 · 85 · √2 · 0.25 % = 0.60 points)",
    "[uncertainty]") {
    const std::vector<procedure::RecordedReading> rs = {at("white", "C", 48.0),
                                                        at("white", "L", 40.8)};
    const auto u = evaluation::propagateUncertainty(
        figure("luminance_percent_of_reference", "L", "C"), rs, {model()}, {}, 3);
    CHECK(u.expanded == Approx(2.0 * 85.0 * std::sqrt(2.0) * 0.0025).epsilon(0.05));
}

TEST_CASE(
    "a guarded verdict dominated by systematic uncertainty does not change with the number "
    "of repeats",
    "[uncertainty][decision]") {
    // Centre luminance 57.0 cd/m² against 48 ± 10.2: U is mostly the ±2 % calibration
    // (2 · 57 · 0.01155 = 1.32), so 57.0 + U > 58.2 → FAIL with 1 reading and with 16.
    procedure::Profile p;
    p.id = "p";
    auto f = figure("luminance", "C");
    f.tolerance.target = 48.0;
    f.tolerance.lower = 37.8;
    f.tolerance.upper = 58.2;
    p.figures = {f};
    evaluation::EvaluationOptions o;
    o.rule = DecisionRule::Guarded;
    o.instrument_models = {model()};
    std::vector<procedure::RecordedReading> one = {at("white", "C", 57.0)};
    std::vector<procedure::RecordedReading> sixteen;
    for (int i = 0; i < 16; ++i) {
        // Repeats scattered as the repeatability says (±0.25 %), mean 57.0.
        sixteen.push_back(at("white", "C", 57.0 * (1.0 + 0.0025 * ((i % 2) ? 1.0 : -1.0)), i));
    }
    const auto a = evaluation::evaluateProfile(p, one, o);
    const auto b = evaluation::evaluateProfile(p, sixteen, o);
    CHECK(a.figures[0].verdict == Verdict::Fail);
    CHECK(b.figures[0].verdict == Verdict::Fail);
    // U shrinks only by the random part: from 1.134·57/48 to about 2 · 57 · 0.01155 = 1.317.
    CHECK(b.figures[0].expanded_uncertainty ==
          Approx(2.0 * 57.0 * 0.02 / std::sqrt(3.0)).epsilon(0.04));
    CHECK(b.figures[0].expanded_uncertainty > 0.9 * a.figures[0].expanded_uncertainty);
}

TEST_CASE("low light: the absolute noise floor dominates the U of sequential contrast",
          "[uncertainty]") {
    // White 48, black 0.03 cd/m² with σ = 0.0005 cd/m² on each of X, Y, Z: black's relative σ
    // is 1.67 %, so U(C) ≈ 2 · 1600 · √(0.0167² + 2 · 0.0025²) ≈ 54.
    const std::vector<procedure::RecordedReading> truth = {at("white", "C", 48.0),
                                                           at("black", "C", 0.03)};
    procedure::FigureSpec f = figure("sequential_contrast", "C");
    f.reference_step = "black";
    const auto m = model(0.0005);
    const auto u = evaluation::propagateUncertainty(f, truth, {m}, {}, 8);
    const double expected =
        2.0 * 1600.0 * std::sqrt(std::pow(0.0005 / 0.03, 2) + 2.0 * 0.0025 * 0.0025);
    CHECK(u.expanded == Approx(expected).epsilon(0.05));
    CHECK(u.expanded == Approx(spreadOverRuns(f, truth, m, 300)).epsilon(kSpreadTol));
}

TEST_CASE("extreme-value metrics: U matches the spread of the worst point over simulated runs",
          "[uncertainty]") {
    // Four sides at 84, 85, 86, 84.5 % of centre: the lowest point flips between runs.
    std::vector<procedure::RecordedReading> truth = {at("white", "C", 48.0)};
    const char* ids[] = {"L", "R", "T", "B"};
    const double pct[] = {84.0, 85.0, 86.0, 84.5};
    procedure::FigureSpec f = figure("luminance_percent_of_reference_min", "");
    f.reference_point = "C";
    for (int i = 0; i < 4; ++i) {
        truth.push_back(at("white", ids[i], 48.0 * pct[i] / 100.0));
        f.points.push_back(ids[i]);
    }
    const auto m = model();
    const double spread = spreadOverRuns(f, truth, m, 300);
    // Reported U from one simulated run's readings (what an inspector would get).
    const auto u =
        evaluation::propagateUncertainty(f, evaluation::simulateRun(truth, m, 77), {m}, {}, 9);
    CHECK(u.expanded == Approx(spread).epsilon(0.25));
}

TEST_CASE("a reading without a budget falls back to its stored u fields, as systematic",
          "[uncertainty]") {
    auto r = at("white", "C", 48.0);
    r.reading.instrument.model = "unknown meter";
    r.reading.u_luminance_rel = 0.01;
    const auto u =
        evaluation::propagateUncertainty(figure("luminance", "C"), {r}, {model()}, {}, 2);
    CHECK(u.expanded == Approx(0.96).epsilon(0.03));
}

TEST_CASE(
    "a magnitude at its kink: Δu'v' between two identical readings gets a U that matches "
    "its spread over runs (not the wider spread around the noisy measured values)",
    "[uncertainty]") {
    // Truth: the same white read in two steps, Δu'v' = 0; only the 0.0005 (2σ) x,y repeatability
    // separates them. Without the correction U was ≈ 1.3 × the spread.
    const std::vector<procedure::RecordedReading> truth = {at("white", "C", 48.0),
                                                           at("tilted", "C", 48.0)};
    procedure::FigureSpec f = figure("chromaticity_delta_uv_between_steps", "C");
    f.step = "tilted";
    f.reference_step = "white";
    const auto m = model();
    const double spread = spreadOverRuns(f, truth, m, 300);
    double u = 0.0;
    constexpr int kRuns = 6;
    for (int i = 0; i < kRuns; ++i) {
        u += evaluation::propagateUncertainty(f, evaluation::simulateRun(truth, m, 500 + i), {m},
                                              {}, 40 + i)
                 .expanded /
             kRuns;
    }
    CHECK(u == Approx(spread).epsilon(0.2));
}

TEST_CASE(
    "averages inside a reading reduce only the random part: side ratio of two 4-exposure "
    "readings, 2 · 85 · √2 · 0.25 % / √4 = 0.30 points",
    "[uncertainty][low-light]") {
    // As the side-ratio case above, but each reading is the mean of 4 exposures (the run's
    // low-light averaging): the calibration still cancels and the repeatability halves.
    std::vector<procedure::RecordedReading> rs = {at("white", "C", 48.0), at("white", "L", 40.8)};
    for (auto& r : rs) {
        r.reading.averages = 4;
    }
    const auto u = evaluation::propagateUncertainty(
        figure("luminance_percent_of_reference", "L", "C"), rs, {model()}, {}, 3);
    CHECK(u.expanded == Approx(2.0 * 85.0 * std::sqrt(2.0) * 0.0025 / 2.0).epsilon(0.05));
    // And the simulated runs of 4-exposure readings spread the same way.
    CHECK(u.expanded == Approx(spreadOverRuns(figure("luminance_percent_of_reference", "L", "C"),
                                              rs, model(), 300))
                            .epsilon(kSpreadTol));
    // A luminance is dominated by the systematic ±2 %: averaging cannot shrink it below
    // 2 · 48 · 0.02/√3 = 1.109 (and with 4 exposures it is 2 · 48 · √((0.02/√3)² + 0.00125²)).
    const auto l =
        evaluation::propagateUncertainty(figure("luminance", "C"), {rs[0]}, {model()}, {}, 5);
    CHECK(l.expanded ==
          Approx(2.0 * 48.0 * std::hypot(0.02 / std::sqrt(3.0), 0.00125)).epsilon(0.03));
}

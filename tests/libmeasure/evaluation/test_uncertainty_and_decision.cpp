// SPDX-License-Identifier: Apache-2.0
// Expanded uncertainty by Monte Carlo against the analytic propagation, and the ILAC-G8 decision
// rules on values placed on both sides of a limit's guard band.
#include "libmeasure/evaluation/evaluate_profile.h"
#include "tests/libmeasure/evaluation/figure_fixture.h"

#include <catch2/catch.hpp>

using namespace cm;
using evaluation::DecisionRule;
using evaluation::Verdict;

namespace {
procedure::RecordedReading at(const std::string& point, double Y, double uRel) {
    procedure::RecordedReading r;
    r.step_id = "white";
    r.point_id = point;
    r.reading.xyz_cdm2 = colorimetry::fromxyY({0.314, 0.351}, Y);
    r.reading.u_luminance_rel = uRel;
    r.reading.u_chromaticity_xy = 0.002;
    return r;
}
procedure::FigureSpec figure(const std::string& metric, const std::string& point,
                             const std::string& ref = "") {
    return test::whiteFigure(metric, point, ref);
}
constexpr double kMonteCarloTol = 0.10;  // 400 draws: the σ estimate is good to a few per cent
}  // namespace

TEST_CASE("U of a luminance: 2 · 1 % · 48 cd/m² = 0.96 cd/m²", "[uncertainty]") {
    const std::vector<procedure::RecordedReading> rs = {at("C", 48.0, 0.01)};
    const double U = evaluation::expandedUncertainty(figure("luminance", "C"), rs, 400, 7);
    CHECK(U == Approx(0.96).epsilon(kMonteCarloTol));
    CHECK(evaluation::expandedUncertainty(figure("luminance", "C"), rs, 400, 7) ==
          U);  // recorded seed reproduces
}

TEST_CASE(
    "U of a ratio: a stored specification uncertainty is the meter's calibration, the same "
    "on both readings, so it cancels (was 2 · 85 % · √2 · 1 % = 2.40 points when each reading "
    "got its own draw)",
    "[uncertainty]") {
    const std::vector<procedure::RecordedReading> rs = {at("C", 48.0, 0.01), at("L", 40.8, 0.01)};
    const double U = evaluation::expandedUncertainty(
        figure("luminance_percent_of_reference", "L", "C"), rs, 400, 11);
    CHECK(U == Approx(0.0).margin(1e-9));
}

TEST_CASE("U of white x from u(x) = 0.002: 0.004", "[uncertainty]") {
    const std::vector<procedure::RecordedReading> rs = {at("C", 48.0, 0.01)};
    CHECK(evaluation::expandedUncertainty(figure("chromaticity_x", "C"), rs, 400, 3) ==
          Approx(0.004).epsilon(kMonteCarloTol));
    CHECK(evaluation::expandedUncertainty(figure("luminance", "C"), {at("C", 48.0, 0.0)}, 400, 3) ==
          0.0);
}

TEST_CASE("decision rules around the 48 ± 10.2 cd/m² limit with U = 0.96", "[decision]") {
    evaluation::Tolerance t;
    t.target = 48.0;
    t.lower = 37.8;
    t.upper = 58.2;
    // Guarded (binary, w = U): the acceptance zone is [37.8 + 0.96, 58.2 − 0.96] = [38.76, 57.24].
    // 57.0 + 0.96 = 57.96 < 58.2: inside with its whole interval → PASS.
    CHECK(evaluation::evaluate(t, 57.0, 0.96, DecisionRule::Guarded) == Verdict::Pass);
    // 57.5 + 0.96 = 58.46 > 58.2: the interval straddles the limit → simple PASS, guarded FAIL.
    CHECK(evaluation::straddlesLimit(t, 57.5, 0.96));
    CHECK(evaluation::evaluate(t, 57.5, 0.96, DecisionRule::Simple) == Verdict::Pass);
    CHECK(evaluation::evaluate(t, 57.5, 0.96, DecisionRule::Guarded) == Verdict::Fail);
    CHECK(evaluation::evaluate(t, 58.5, 0.96, DecisionRule::Guarded) == Verdict::Fail);
    // 59.5 − 0.96 = 58.54 > 58.2: outside with its whole interval → FAIL under every rule.
    CHECK(evaluation::evaluate(t, 59.5, 0.96, DecisionRule::Guarded) == Verdict::Fail);
    CHECK(evaluation::evaluate(t, 38.5, 0.96, DecisionRule::Guarded) == Verdict::Fail);  // low
    CHECK(evaluation::evaluate(t, 38.8, 0.96, DecisionRule::Guarded) == Verdict::Pass);  // 38.76
    CHECK(evaluation::guardBand(DecisionRule::Guarded, 0.96) == 0.96);
    CHECK(evaluation::guardBand(DecisionRule::Simple, 0.96) == 0.0);
    CHECK(evaluation::parseDecisionRule("guarded") == DecisionRule::Guarded);
    CHECK(evaluation::parseDecisionRule("non-binary") == DecisionRule::NonBinary);
    CHECK_THROWS(evaluation::parseDecisionRule("lenient"));
}

TEST_CASE("non-binary statement, hand-worked on 48 ± 10.2 cd/m² with U = 0.96: all four outcomes",
          "[decision]") {
    evaluation::Tolerance t;
    t.target = 48.0;
    t.lower = 37.8;
    t.upper = 58.2;
    const auto nb = DecisionRule::NonBinary;
    // 57.0: [56.04, 57.96] inside → PASS.
    CHECK(evaluation::evaluate(t, 57.0, 0.96, nb) == Verdict::Pass);
    // 57.5: value inside, [56.54, 58.46] crosses 58.2 → CONDITIONAL PASS.
    CHECK(evaluation::evaluate(t, 57.5, 0.96, nb) == Verdict::ConditionalPass);
    // 58.5: value outside, [57.54, 59.46] crosses 58.2 → CONDITIONAL FAIL.
    CHECK(evaluation::evaluate(t, 58.5, 0.96, nb) == Verdict::ConditionalFail);
    // 59.5: [58.54, 60.46] entirely above 58.2 → FAIL.
    CHECK(evaluation::evaluate(t, 59.5, 0.96, nb) == Verdict::Fail);
    // Low side mirrors it: 38.5 → [37.54, 39.46] → CONDITIONAL PASS; 37.0 → [36.04, 37.96] →
    // CONDITIONAL FAIL; 36.5 → [35.54, 37.46] → FAIL.
    CHECK(evaluation::evaluate(t, 38.5, 0.96, nb) == Verdict::ConditionalPass);
    CHECK(evaluation::evaluate(t, 37.0, 0.96, nb) == Verdict::ConditionalFail);
    CHECK(evaluation::evaluate(t, 36.5, 0.96, nb) == Verdict::Fail);
    // No U: non-binary falls back to simple acceptance; NaN is not evaluated.
    CHECK(evaluation::evaluate(t, 57.5, 0.0, nb) == Verdict::Pass);
    CHECK(evaluation::evaluate(t, std::nan(""), 0.96, nb) == Verdict::NotEvaluated);
    CHECK(std::string(evaluation::toString(Verdict::ConditionalFail)) == "CONDITIONAL FAIL");
}

TEST_CASE("overall verdict: a conditional figure makes the run conditional, a fail makes it fail",
          "[decision]") {
    procedure::Profile p;
    p.id = "p";
    auto f = figure("luminance", "C");
    f.tolerance.target = 48.0;
    f.tolerance.lower = 37.8;
    f.tolerance.upper = 58.2;
    p.figures = {f};
    evaluation::EvaluationOptions guarded;
    guarded.rule = DecisionRule::Guarded;
    const auto near = evaluation::evaluateProfile(p, {at("C", 57.8, 0.01)}, guarded);  // U ≈ 1.16
    CHECK(near.figures[0].straddles_limit);
    CHECK(near.figures[0].guard_band == near.figures[0].expanded_uncertainty);
    CHECK(near.overall == Verdict::Fail);  // binary guarded: value + U > 58.2
    evaluation::EvaluationOptions nonBinary;
    nonBinary.rule = DecisionRule::NonBinary;
    CHECK(evaluation::evaluateProfile(p, {at("C", 57.8, 0.01)}, nonBinary).overall ==
          Verdict::ConditionalPass);
    CHECK(evaluation::evaluateProfile(p, {at("C", 58.6, 0.01)}, nonBinary).overall ==
          Verdict::ConditionalFail);
    CHECK(evaluation::evaluateProfile(p, {at("C", 57.8, 0.01)}).overall ==
          Verdict::Pass);  // simple
    CHECK(evaluation::evaluateProfile(p, {at("C", 61.0, 0.01)}, guarded).overall == Verdict::Fail);
}

TEST_CASE(
    "repeatability of repeats enters U: readings 47 and 49 with no specification uncertainty "
    "give U = 2 · s/√2 = 2.0 cd/m²",
    "[uncertainty]") {
    // s = sqrt(((47 − 48)² + (49 − 48)²) / 1) = 1.4142; the mean of 2 carries s/√2 = 1.0.
    auto a = at("C", 47.0, 0.0);
    auto b = at("C", 49.0, 0.0);
    b.repeat = 1;
    a.reading.u_chromaticity_xy = b.reading.u_chromaticity_xy = 0.0;
    const double U = evaluation::expandedUncertainty(figure("luminance", "C"), {a, b}, 400, 3);
    CHECK(U == Approx(2.0).epsilon(kMonteCarloTol));
    // A single reading without specification uncertainty carries none.
    CHECK(evaluation::expandedUncertainty(figure("luminance", "C"), {a}, 400, 3) == 0.0);
}

TEST_CASE(
    "guarded acceptance never returns a conditional verdict for a value outside the limit: corner "
    "74.8 ± 4.2 against ≥ 77 fails under simple and guarded",
    "[decision]") {
    evaluation::Tolerance t;
    t.lower = 77.0;
    t.upper = 100.0;
    CHECK(evaluation::evaluate(t, 74.8, 4.2, DecisionRule::Simple) == Verdict::Fail);
    CHECK(evaluation::evaluate(t, 74.8, 4.2, DecisionRule::Guarded) == Verdict::Fail);
}

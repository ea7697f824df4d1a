// SPDX-License-Identifier: Apache-2.0
// Instrument fitness against a profile, hand-worked: the K10-A (5°) on ST 431-1 (≤ 2°), spot
// size at 14 m against a 0.6 m inset, uncorrected colorimeters, range, calibration age.
#include "libmeasure/evaluation/instrument_fitness.h"

#include <catch2/catch.hpp>

using namespace cm;
using evaluation::FitnessOutcome;

namespace {

procedure::Profile st431Theatre() {
    procedure::Profile p;
    p.id = "st431-1-theatre";
    p.instrument.max_acceptance_angle_deg = 2.0;
    p.instrument.accuracy_xy = 0.002;
    p.instrument.source = "SMPTE ST 431-1:2006 §4.4, §4.5";
    return p;
}

evaluation::FitnessFacts k10a() {
    evaluation::FitnessFacts f;
    f.model = "K-10-A";
    f.type = "colorimeter";
    f.acceptance_angle_deg = 5.0;
    f.min_luminance_cdm2 = 0.0003;
    f.accuracy_luminance_rel = 0.03;
    f.accuracy_xy = 0.004;
    f.max_distance_m = 14.0;
    f.min_edge_inset_m = 0.6;  // 5 % of a 12 m screen
    f.today = "2026-12-02";
    return f;
}

const evaluation::FitnessCheck& check(const std::vector<evaluation::FitnessCheck>& cs,
                                      const std::string& id) {
    for (const auto& c : cs) {
        if (c.id == id) {
            return c;
        }
    }
    FAIL("no check " << id);
    return cs.front();
}

}  // namespace

TEST_CASE("a 5° spot at 14 m is 1.22 m across", "[fitness]") {
    CHECK(evaluation::spotDiameter_m(5.0, 14.0) == Approx(1.2226).epsilon(1e-3));
    CHECK(evaluation::spotDiameter_m(1.0, 14.0) == Approx(0.2443).epsilon(1e-3));
}

TEST_CASE("K10-A on st431-1-theatre: angle, spot and uncorrected colorimeter are not fit",
          "[fitness]") {
    const auto cs = evaluation::checkFitness(st431Theatre(), k10a());
    CHECK(evaluation::anyNotFit(cs));
    CHECK(check(cs, "acceptance_angle").outcome == FitnessOutcome::NotFit);
    CHECK(check(cs, "spot_size").outcome == FitnessOutcome::NotFit);  // 1.22 m > 2 · 0.6 m
    CHECK(check(cs, "spectral_correction").outcome == FitnessOutcome::NotFit);
    CHECK(check(cs, "accuracy").outcome == FitnessOutcome::Warning);     // ±0.004 > ±0.002
    CHECK(check(cs, "calibration").outcome == FitnessOutcome::Warning);  // no date given
}

TEST_CASE("each check states its case and numbers as values for a front end's own words",
          "[fitness]") {
    const auto cs = evaluation::checkFitness(st431Theatre(), k10a());
    const auto& angle = check(cs, "acceptance_angle");
    CHECK(angle.reason == "too_wide");
    REQUIRE(angle.numbers.size() == 2);
    CHECK(angle.numbers[0] == 5.0);  // the K10-A's 5°
    CHECK(angle.numbers[1] == 2.0);  // ST 431-1's ≤ 2°
    const auto& spot = check(cs, "spot_size");
    CHECK(spot.reason == "wider_than_inset");
    REQUIRE(spot.numbers.size() == 2);
    CHECK(spot.numbers[0] == Approx(1.2226).epsilon(1e-3));  // 5° at 14 m, hand-worked above
    CHECK(spot.numbers[1] == 0.6);
    CHECK(check(cs, "spectral_correction").reason == "uncorrected_refused");
    CHECK(check(cs, "accuracy").reason == "coarser");
    CHECK(check(cs, "calibration").reason == "date_missing");
    auto f = k10a();
    f.calibration_date = "2025-11-30";  // 12 months before 2026-12-02, past a 12-month interval
    const auto later = evaluation::checkFitness(st431Theatre(), f);
    const auto& cal = check(later, "calibration");
    CHECK(cal.reason == "expired");
    CHECK(cal.numbers == std::vector<double>{12.0, 12.0});
    for (const auto& c : cs) {
        CHECK_FALSE(c.reason.empty());  // every case has its value, none only English
    }
}

TEST_CASE("a 1° spectroradiometer fits, corrections and exceptions are recorded", "[fitness]") {
    auto f = k10a();
    f.type = "spectroradiometer";
    f.acceptance_angle_deg = 1.0;
    f.accuracy_xy = 0.0015;
    f.calibration_date = "2026-03-01";
    f.calibration_certificate = "C-123";
    const auto cs = evaluation::checkFitness(st431Theatre(), f);
    CHECK_FALSE(evaluation::anyNotFit(cs));
    CHECK(check(cs, "calibration").outcome == FitnessOutcome::Ok);
    // A colorimeter without correction: refused for binding, a warning when accepted or
    // informative.
    auto c = f;
    c.type = "colorimeter";
    CHECK(check(evaluation::checkFitness(st431Theatre(), c), "spectral_correction").outcome ==
          FitnessOutcome::NotFit);
    c.allow_uncorrected = true;
    CHECK(check(evaluation::checkFitness(st431Theatre(), c), "spectral_correction").outcome ==
          FitnessOutcome::Warning);
    c.allow_uncorrected = false;
    c.corrected = true;
    CHECK(check(evaluation::checkFitness(st431Theatre(), c), "spectral_correction").outcome ==
          FitnessOutcome::Ok);
}

TEST_CASE("range and calibration age", "[fitness]") {
    auto p = st431Theatre();
    p.instrument.min_luminance_cdm2 = 0.005;
    auto f = k10a();
    f.acceptance_angle_deg = 1.0;
    f.min_luminance_cdm2 = 0.17;  // PR-655
    CHECK(check(evaluation::checkFitness(p, f), "range").outcome == FitnessOutcome::NotFit);
    f.calibration_date = "2025-11-30";  // 12 months and 2 days before 2026-12-02
    f.calibration_certificate = "C-1";
    CHECK(evaluation::monthsBetween("2025-11-30", "2026-12-02") == 12);
    CHECK(evaluation::monthsBetween("2025-12-03", "2026-12-02") == 11);
    CHECK(check(evaluation::checkFitness(p, f), "calibration").outcome == FitnessOutcome::Warning);
    f.calibration_interval_months = 24;
    CHECK(check(evaluation::checkFitness(p, f), "calibration").outcome == FitnessOutcome::Ok);
    CHECK_THROWS(evaluation::monthsBetween("2025-13-01", "2026-01-01"));
}

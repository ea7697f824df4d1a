// SPDX-License-Identifier: Apache-2.0
// Tolerance bounds and simple acceptance at and around each limit.
#include "libmeasure/evaluation/tolerance.h"

#include <catch2/catch.hpp>

#include <limits>

using namespace cm::evaluation;

TEST_CASE("target ± tolerance passes on the bound and fails just outside", "[evaluation]") {
    Tolerance t;
    t.target = 48.0;
    t.lower = 37.8;
    t.upper = 58.2;
    CHECK(evaluate(t, 48.0) == Verdict::Pass);
    CHECK(evaluate(t, 37.8) == Verdict::Pass);
    CHECK(evaluate(t, 58.2) == Verdict::Pass);
    CHECK(evaluate(t, 37.79) == Verdict::Fail);
    CHECK(evaluate(t, 58.21) == Verdict::Fail);
    CHECK(t.describe() == "48 ± 10.2");
}

TEST_CASE("one-sided and asymmetric limits describe themselves", "[evaluation]") {
    Tolerance ge;
    ge.lower = 1200;
    CHECK(ge.describe() == "≥ 1200");
    CHECK(evaluate(ge, 1199.9) == Verdict::Fail);
    CHECK(evaluate(ge, 1e9) == Verdict::Pass);
    Tolerance band;
    band.lower = 75;
    band.upper = 90;
    CHECK(band.describe() == "75 … 90");
    Tolerance asym;
    asym.target = 0.15;
    asym.lower = 0.12;
    asym.upper = 0.16;
    CHECK(asym.describe() == "0.15 +0.01/−0.03");
}

TEST_CASE("NaN values and missing limits are not evaluated", "[evaluation][edge]") {
    Tolerance t;
    t.lower = 0;
    t.upper = 1;
    CHECK(evaluate(t, std::numeric_limits<double>::quiet_NaN()) == Verdict::NotEvaluated);
    CHECK(evaluate(Tolerance{}, 0.5) == Verdict::NotEvaluated);
    CHECK(evaluate(t, std::numeric_limits<double>::infinity()) == Verdict::Fail);
}

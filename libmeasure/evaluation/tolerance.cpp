// SPDX-License-Identifier: Apache-2.0
// Simple-acceptance evaluation of a figure against its tolerance.
#include "libmeasure/evaluation/tolerance.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace cm::evaluation {

const char* toString(Verdict v) {
    switch (v) {
        case Verdict::Pass:
            return "PASS";
        case Verdict::Fail:
            return "FAIL";
        case Verdict::NotEvaluated:
            return "NOT EVALUATED";
        case Verdict::ConditionalPass:
            return "CONDITIONAL PASS";
        case Verdict::ConditionalFail:
            return "CONDITIONAL FAIL";
    }
    return "?";
}

const char* toString(DecisionRule r) {
    switch (r) {
        case DecisionRule::Guarded:
            return "binary statement with guarded acceptance (ILAC-G8:09/2019 §4.2.2, guard band "
                   "w = U)";
        case DecisionRule::NonBinary:
            return "non-binary statement (ILAC-G8:09/2019 §4.2.3, guard band w = U)";
        case DecisionRule::Simple:
            break;
    }
    return "simple acceptance (ILAC-G8:09/2019 §4.2.1, guard band w = 0)";
}

const char* idOf(DecisionRule r) {
    switch (r) {
        case DecisionRule::Guarded:
            return "guarded";
        case DecisionRule::NonBinary:
            return "non-binary";
        case DecisionRule::Simple:
            break;
    }
    return "simple";
}

DecisionRule parseDecisionRule(const std::string& name) {
    if (name == "simple") {
        return DecisionRule::Simple;
    }
    if (name == "guarded") {
        return DecisionRule::Guarded;
    }
    if (name == "non-binary") {
        return DecisionRule::NonBinary;
    }
    throw std::invalid_argument("unknown decision rule '" + name +
                                "' (simple, guarded, non-binary)");
}

double guardBand(DecisionRule r, double U) {
    return r == DecisionRule::Simple || !(U > 0.0) ? 0.0 : U;
}

namespace {
std::string num(double v) {
    std::ostringstream os;
    os.precision(6);
    os << v;
    return os.str();
}
}  // namespace

std::string Tolerance::describe() const {
    if (target && lower && upper) {
        const double minus = *target - *lower;
        const double plus = *upper - *target;
        if (std::abs(minus - plus) <= 1e-9 * std::max(1.0, std::abs(*target))) {
            return num(*target) + " ± " + num(plus);
        }
        return num(*target) + " +" + num(plus) + "/−" + num(minus);
    }
    if (lower && upper) {
        return num(*lower) + " … " + num(*upper);
    }
    if (lower) {
        return "≥ " + num(*lower);
    }
    if (upper) {
        return "≤ " + num(*upper);
    }
    return "no limit";
}

bool straddlesLimit(const Tolerance& t, double v, double U) {
    if (!(U > 0.0) || std::isnan(v)) {
        return false;
    }
    auto inside = [&](double b) { return v - U < b && b < v + U; };
    return (t.lower && inside(*t.lower)) || (t.upper && inside(*t.upper));
}

Verdict evaluate(const Tolerance& t, double v, double U, DecisionRule rule) {
    const Verdict simple = evaluate(t, v);
    const double w = guardBand(rule, U);
    if (simple == Verdict::NotEvaluated || !(w > 0.0)) {
        return simple;
    }
    // Acceptance zone: the limits moved inwards by w; rejection zone: outwards by w.
    const bool accepted = (!t.lower || v - w >= *t.lower) && (!t.upper || v + w <= *t.upper);
    if (rule == DecisionRule::Guarded) {
        return accepted ? Verdict::Pass : Verdict::Fail;
    }
    const bool rejected = (t.lower && v + w < *t.lower) || (t.upper && v - w > *t.upper);
    if (accepted) {
        return Verdict::Pass;
    }
    if (rejected) {
        return Verdict::Fail;
    }
    return simple == Verdict::Pass ? Verdict::ConditionalPass : Verdict::ConditionalFail;
}

Verdict evaluate(const Tolerance& tolerance, double value) {
    if (std::isnan(value)) {
        return Verdict::NotEvaluated;
    }
    if (!tolerance.lower && !tolerance.upper) {
        return Verdict::NotEvaluated;
    }
    if (tolerance.lower && value < *tolerance.lower) {
        return Verdict::Fail;
    }
    if (tolerance.upper && value > *tolerance.upper) {
        return Verdict::Fail;
    }
    return Verdict::Pass;
}

}  // namespace cm::evaluation

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
        case Verdict::Conditional:
            return "CONDITIONAL";
    }
    return "?";
}

const char* toString(DecisionRule r) {
    return r == DecisionRule::Guarded ? "guarded acceptance (ILAC-G8:09/2019, guard band w = U)"
                                      : "simple acceptance (ILAC-G8:09/2019, w = 0)";
}

DecisionRule parseDecisionRule(const std::string& name) {
    if (name == "simple") {
        return DecisionRule::Simple;
    }
    if (name == "guarded") {
        return DecisionRule::Guarded;
    }
    throw std::invalid_argument("unknown decision rule '" + name + "' (simple, guarded)");
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
    if (rule == DecisionRule::Simple || simple == Verdict::NotEvaluated || !(U > 0.0)) {
        return simple;
    }
    return straddlesLimit(t, v, U) ? Verdict::Conditional : simple;
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

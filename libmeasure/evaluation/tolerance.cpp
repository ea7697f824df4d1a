// Simple-acceptance evaluation of a figure against its tolerance.
#include "libmeasure/evaluation/tolerance.h"

#include <cmath>
#include <sstream>

namespace cm::evaluation {

const char* toString(Verdict v) {
    switch (v) {
        case Verdict::Pass:
            return "PASS";
        case Verdict::Fail:
            return "FAIL";
        case Verdict::NotEvaluated:
            return "NOT EVALUATED";
    }
    return "?";
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

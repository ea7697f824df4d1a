// A tolerance from a standard: bounds on one figure, its source clause and its status.
#pragma once

#include <optional>
#include <string>

namespace cm::evaluation {

enum class Verdict {
    Pass,
    Fail,
    NotEvaluated,
    /// Guarded acceptance: the interval value ± U straddles a limit, so neither pass nor fail
    /// can be stated with the required confidence (ILAC-G8:09/2019 §4.2).
    Conditional,
};

/// How a measured value and its expanded uncertainty U are turned into a verdict.
enum class DecisionRule {
    Simple,   ///< pass when the value is within the limits (ILAC-G8 "simple acceptance", w = 0)
    Guarded,  ///< pass only when value ± U is within the limits; fail when value ± U is outside
};

const char* toString(DecisionRule r);
/// "simple" or "guarded"; throws std::invalid_argument otherwise.
DecisionRule parseDecisionRule(const std::string& name);

const char* toString(Verdict v);

/// Closed interval [lower, upper]; either side may be open-ended. Built from a profile as
/// target ± (minus, plus) or as min/max bounds.
struct Tolerance {
    std::optional<double> target;
    std::optional<double> lower;
    std::optional<double> upper;
    std::string source;        ///< clause or table the limit comes from
    bool provisional = false;  ///< source is a draft or the value is unconfirmed
    bool informative = false;  ///< reported, never decides the overall verdict

    /// "48 ± 10.2", "75 … 90", "≥ 1200", "≤ 4".
    std::string describe() const;
};

/// Simple acceptance: pass when lower ≤ value ≤ upper. NaN gives NotEvaluated.
Verdict evaluate(const Tolerance& tolerance, double value);

/// The verdict under a decision rule with expanded uncertainty U (k = 2); U = 0 or NaN falls back
/// to simple acceptance.
Verdict evaluate(const Tolerance& tolerance, double value, double expanded_uncertainty,
                 DecisionRule rule);

/// True when [value − U, value + U] contains a limit.
bool straddlesLimit(const Tolerance& tolerance, double value, double expanded_uncertainty);

}  // namespace cm::evaluation

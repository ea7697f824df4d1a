// SPDX-License-Identifier: Apache-2.0
// A tolerance from a standard: bounds on one figure, its source clause and its status.
#pragma once

#include <optional>
#include <string>

namespace cm::evaluation {

enum class Verdict {
    Pass,
    Fail,
    NotEvaluated,
    /// Non-binary statement (ILAC-G8:09/2019 §4.2.3): the value is inside the limits but value ± U
    /// straddles one.
    ConditionalPass,
    /// Non-binary statement: the value is outside the limits but value ± U straddles one.
    ConditionalFail,
};

/// How a measured value and its expanded uncertainty U are turned into a verdict.
/// ILAC-G8:09/2019 §4.2 and ISO 14253-1:2017 §5 (see docs/uncertainty.md).
enum class DecisionRule {
    /// Simple acceptance (ILAC-G8 §4.2.1, guard band w = 0): PASS when the value is within the
    /// limits, else FAIL.
    Simple,
    /// Binary statement with guard band w = U (ILAC-G8 §4.2.2; ISO 14253-1 conformance zone):
    /// PASS only when value ± U lies inside the limits, else FAIL.
    Guarded,
    /// Non-binary statement with guard band w = U (ILAC-G8 §4.2.3): PASS, CONDITIONAL PASS,
    /// CONDITIONAL FAIL or FAIL.
    NonBinary,
};

/// Long name for reports, naming the guide and the guard band.
const char* toString(DecisionRule r);
/// Short id as on the command line: "simple", "guarded", "non-binary".
const char* idOf(DecisionRule r);
/// "simple", "guarded" or "non-binary"; throws std::invalid_argument otherwise.
DecisionRule parseDecisionRule(const std::string& name);
/// The guard band w the rule applies for an expanded uncertainty U: 0 (simple) or U.
double guardBand(DecisionRule r, double expanded_uncertainty);

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

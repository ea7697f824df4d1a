// A tolerance from a standard: bounds on one figure, its source clause and its status.
#pragma once

#include <optional>
#include <string>

namespace cm::evaluation {

enum class Verdict { Pass, Fail, NotEvaluated };

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

}  // namespace cm::evaluation

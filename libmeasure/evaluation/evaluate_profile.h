// Evaluation of a profile's figures over a set of readings.
#pragma once

#include "libmeasure/evaluation/tolerance.h"
#include "libmeasure/procedure/profile.h"
#include "libmeasure/procedure/reading.h"

#include <vector>

namespace cm::evaluation {

struct FigureResult {
    procedure::FigureSpec spec;
    double value = 0.0;  ///< in spec.unit; NaN when not measured
    Verdict verdict = Verdict::NotEvaluated;
};

struct Evaluation {
    std::vector<FigureResult> figures;
    /// Fail if any non-informative figure fails; NotEvaluated if any is missing; else Pass.
    Verdict overall = Verdict::NotEvaluated;
};

Evaluation evaluateProfile(const procedure::Profile& profile,
                           const std::vector<procedure::RecordedReading>& readings);

}  // namespace cm::evaluation

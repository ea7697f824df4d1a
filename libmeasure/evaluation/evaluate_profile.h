// Evaluation of a profile's figures over a set of readings.
#pragma once

#include "libmeasure/evaluation/tolerance.h"
#include "libmeasure/procedure/profile.h"
#include "libmeasure/procedure/reading.h"

#include <cstdint>
#include <vector>

namespace cm::evaluation {

struct FigureResult {
    procedure::FigureSpec spec;
    double value = 0.0;  ///< in spec.unit; NaN when not measured
    /// Expanded uncertainty U (k = 2) in spec.unit, from the readings' standard uncertainties by
    /// Monte Carlo; 0 when the readings carry none.
    double expanded_uncertainty = 0.0;
    bool straddles_limit = false;  ///< value ± U contains a limit
    Verdict verdict = Verdict::NotEvaluated;
};

struct EvaluationOptions {
    DecisionRule rule = DecisionRule::Simple;
    /// Monte Carlo draws and seed (recorded in the report so the U values can be reproduced).
    int draws = 400;
    std::uint64_t seed = 20261125;
    /// Treat limits flagged provisional (draft or unconfirmed source) as informative: reported,
    /// never deciding the verdict (limits from drafts stay informative until confirmed against
    /// the published text; docs/standards/README.md). Off by default so draft profiles judge.
    bool provisional_as_informative = false;
};

struct Evaluation {
    std::vector<FigureResult> figures;
    /// Fail if any binding (non-informative) figure fails; else Conditional if any is
    /// conditional; NotEvaluated if any is missing or none is binding; else Pass.
    Verdict overall = Verdict::NotEvaluated;
    EvaluationOptions options;
};

Evaluation evaluateProfile(const procedure::Profile& profile,
                           const std::vector<procedure::RecordedReading>& readings,
                           const EvaluationOptions& options = {});

/// U (k = 2) of one figure: every reading of its step (and reference step) is redrawn `draws` times
/// with its luminance scaled by (1 + u_rel·N(0,1)) and x, y shifted by u_xy·N(0,1); U = 2·σ of the
/// metric.
double expandedUncertainty(const procedure::FigureSpec& spec,
                           const std::vector<procedure::RecordedReading>& readings, int draws,
                           std::uint64_t seed);

}  // namespace cm::evaluation

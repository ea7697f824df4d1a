// SPDX-License-Identifier: Apache-2.0
// Evaluation of a profile's figures over a set of readings.
#pragma once

#include "libmeasure/evaluation/tolerance.h"
#include "libmeasure/evaluation/uncertainty_model.h"
#include "libmeasure/evaluation/uncertainty_propagation.h"
#include "libmeasure/procedure/profile.h"
#include "libmeasure/procedure/reading.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <vector>

namespace cm::evaluation {

struct FigureResult {
    procedure::FigureSpec spec;
    double value = 0.0;  ///< in spec.unit; NaN when not measured
    /// Expanded uncertainty U (k = 2) in spec.unit, propagated by Monte Carlo from the
    /// instruments' uncertainty budgets; 0 when the readings carry none.
    double expanded_uncertainty = 0.0;
    int mc_draws = 0;              ///< Monte Carlo draws behind U
    double guard_band = 0.0;       ///< w the decision rule applied (0 for simple acceptance)
    bool straddles_limit = false;  ///< value ± U contains a limit
    Verdict verdict = Verdict::NotEvaluated;
};
/// The figure with its limit and verdict (the app adds the formatted "shown" text).
void to_json(nlohmann::json& j, const FigureResult& f);

struct EvaluationOptions {
    DecisionRule rule = DecisionRule::Simple;
    /// Monte Carlo draws (0 = adaptive until U is stable to 2 %) and seed, recorded in the
    /// report so the U values can be reproduced.
    int draws = 0;
    std::uint64_t seed = 20261125;
    /// Treat limits flagged provisional (draft or unconfirmed source) as informative: reported,
    /// never deciding the verdict. On by default: limits read only in drafts must not decide
    /// (docs/uncertainty.md, "Provisional limits"); `--provisional binding` turns it off, except
    /// for profiles that forbid it (Profile::binding_allowed).
    bool provisional_as_informative = true;
    /// Uncertainty budgets of the instrument models (calibration/instruments/); a reading whose
    /// model is not listed falls back to its stored u fields (legacyModel()).
    std::vector<InstrumentUncertaintyModel> instrument_models;
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

/// U (k = 2) of one figure from the readings' stored u fields (legacyModel(): systematic per
/// run) and the scatter of repeats, with `draws` Monte Carlo draws; see propagateUncertainty().
double expandedUncertainty(const procedure::FigureSpec& spec,
                           const std::vector<procedure::RecordedReading>& readings, int draws,
                           std::uint64_t seed);

}  // namespace cm::evaluation

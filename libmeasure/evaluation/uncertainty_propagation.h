// SPDX-License-Identifier: Apache-2.0
// Monte Carlo propagation of instrument uncertainty (GUM Supplement 1) to one figure: systematic
// components drawn once per instrument per draw, random ones per reading.
#pragma once

#include "libmeasure/evaluation/uncertainty_model.h"
#include "libmeasure/procedure/reading.h"

#include <cstdint>
#include <vector>

namespace cm::procedure {
struct FigureSpec;
}

namespace cm::evaluation {

struct MonteCarloOptions {
    /// Fixed number of draws; 0 = adaptive: batches until the relative standard error of U is
    /// at most `target_rel_se` (so U is stable to 2 % at about 95 % with the default 1 %).
    int draws = 0;
    double target_rel_se = 0.01;
    int min_draws = 2000;
    int max_draws = 40000;
};

struct PropagatedUncertainty {
    double expanded = 0.0;  ///< U (k = 2) = 2 · standard deviation of the metric over the draws
    int draws = 0;          ///< draws used (0 when nothing was propagated)
    double rel_standard_error = 0.0;  ///< of U, from the draws' kurtosis
};

/// Propagates the instrument uncertainty of the readings a figure uses. Each reading's
/// instrument (InstrumentInfo::model) is looked up in `models`; a reading without a model falls
/// back to legacyModel() of its stored u fields. Readings at one (instrument, step, point) are
/// averaged first: their random part shrinks by √n (the larger of the model's and the observed
/// scatter, GUM §4.2), the systematic part does not.
PropagatedUncertainty propagateUncertainty(const procedure::FigureSpec& spec,
                                           const std::vector<procedure::RecordedReading>& readings,
                                           const std::vector<InstrumentUncertaintyModel>& models,
                                           const MonteCarloOptions& options, std::uint64_t seed);

/// One simulated run of an instrument with the budget: readings of `truth` with a systematic
/// error drawn once (from `rng_seed`) and random errors drawn per reading. For benches and tests
/// that compare a reported U with the spread of the value over many runs.
std::vector<procedure::RecordedReading> simulateRun(
    const std::vector<procedure::RecordedReading>& truth, const InstrumentUncertaintyModel& model,
    std::uint64_t rng_seed);

}  // namespace cm::evaluation

// SPDX-License-Identifier: Apache-2.0
// Transfer-function metrics over a grey ramp: the RP 431-2 Annex A gamma fit and the per-level
// EOTF tracking error of the DCI HDR addendum (Annex A, Table 6) and the CTP §7.5.11 / §7.5.28.
#pragma once

#include "libmeasure/evaluation/metric_registry.h"

namespace cm::evaluation {

/// Least-squares slope of ln(L) against ln(Y' code) over the figure's steps at its point, using
/// the levels from the ramp's peak down to `fit_min_fraction_of_peak` of it (RP 431-2 Annex A).
/// With a black_step, its luminance is subtracted from every level first (CTP §7.5.11); RP 431-2
/// does not say which, so the profile states it.
double metricGammaFit(const procedure::FigureSpec&, const std::vector<procedure::RecordedReading>&);

/// The per-level error 100 · (L − L_target) / L_target of largest magnitude over the figure's
/// steps, signed, %. L_target is the transfer's decode of the step's Y' code: DCI gamma 2.6
/// (52.37 · (Y'/4095)^2.6, black subtracted when a black_step is given) or ST 2084 PQ (absolute,
/// no subtraction: DCI HDR addendum Annex A).
double metricEotfErrorWorst(const procedure::FigureSpec&,
                            const std::vector<procedure::RecordedReading>&);

/// Target luminance of a 12-bit Y' code under a named transfer ("dci-gamma-2.6" or "pq"), cd/m².
/// Throws std::invalid_argument for another name.
double eotfTarget_cdm2(const std::string& transfer, int code_y12);

}  // namespace cm::evaluation

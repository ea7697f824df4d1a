// SPDX-License-Identifier: Apache-2.0
// Metrics comparing one stimulus read from two places or several seats at the same screen point:
// off-axis luminance and colour change (ICDM IDMS §9.4, §9.6; DCI direct-view addendum §6.6.2,
// §6.6.3, §6.7.2, §6.7.3) and the spread over seats (DY/T 8 draft: extra seats, recorded).
#pragma once

#include "libmeasure/evaluation/metric_registry.h"

namespace cm::evaluation {

/// 100 · (L_step − L_reference_step) / L_reference_step at the point, % (negative = dimmer);
/// `step` is read off-axis, `reference_step` on the normal.
double metricLuminanceChangePercent(const procedure::FigureSpec&,
                                    const std::vector<procedure::RecordedReading>&);
/// Δu'v' between the point read in `step` and in `reference_step`, CIE 1976.
double metricChromaticityDeltaUVBetweenSteps(const procedure::FigureSpec&,
                                             const std::vector<procedure::RecordedReading>&);
/// 100 · (1 − Lmin / Lmax) over the figure's steps at the point (same stimulus, several seats), %.
double metricLuminanceSpreadOverSteps(const procedure::FigureSpec&,
                                      const std::vector<procedure::RecordedReading>&);

/// Mean of Y over the figure's steps at the point, cd/m² (ISO 5926 draft: L = (L_lw + L_rw) / 2).
double metricLuminanceMeanOverSteps(const procedure::FigureSpec&,
                                    const std::vector<procedure::RecordedReading>&);

}  // namespace cm::evaluation

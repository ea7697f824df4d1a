// SPDX-License-Identifier: Apache-2.0
// Contrast metrics of SMPTE RP 431-2:2011: sequential (§7.5) and 4×4 checkerboard (§7.6).
#pragma once

#include "libmeasure/evaluation/metric_registry.h"

namespace cm::evaluation {

/// Y(step, point) / Y(reference_step, point), readings as taken (in situ, ambient included).
double metricSequentialContrast(const procedure::FigureSpec&,
                                const std::vector<procedure::RecordedReading>&);
/// Mean Y of the white patches over mean Y of the black patches in `step` (patches K<r><c>,
/// white where r + c is even, i.e. the top-left patch is white). NaN unless all 16 are read.
double metricCheckerboardContrast(const procedure::FigureSpec&,
                                  const std::vector<procedure::RecordedReading>&);

}  // namespace cm::evaluation

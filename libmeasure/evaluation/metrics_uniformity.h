// SPDX-License-Identifier: Apache-2.0
// Metrics over several points of one stimulus: sampled non-uniformity (ICDM IDMS §8.1, DCI
// direct-view addendum §6.6.4), worst point relative to a reference, screen average, and the
// largest colour difference between points (IDMS §8.1, CTP §7.5.14/§7.5.15).
#pragma once

#include "libmeasure/evaluation/metric_registry.h"

namespace cm::evaluation {

/// N = 100 · (1 − Lmin / Lmax) over the figure's points, %.
double metricNonUniformity(const procedure::FigureSpec&,
                           const std::vector<procedure::RecordedReading>&);
/// Mean luminance over the figure's points (screen-average white), cd/m².
double metricLuminanceMeanOverPoints(const procedure::FigureSpec&,
                                     const std::vector<procedure::RecordedReading>&);
/// Lowest and highest 100 · Y(point) / Y(reference point) over the points, %.
double metricLuminancePercentOfReferenceMin(const procedure::FigureSpec&,
                                            const std::vector<procedure::RecordedReading>&);
double metricLuminancePercentOfReferenceMax(const procedure::FigureSpec&,
                                            const std::vector<procedure::RecordedReading>&);
/// Lowest and highest luminance over the points, cd/m² (each module within a band).
double metricLuminanceMinOverPoints(const procedure::FigureSpec&,
                                    const std::vector<procedure::RecordedReading>&);
double metricLuminanceMaxOverPoints(const procedure::FigureSpec&,
                                    const std::vector<procedure::RecordedReading>&);
/// The signed x − x_ref (or y − y_ref) of largest magnitude over the points, CIE 1931.
double metricChromaticityDeltaXWorst(const procedure::FigureSpec&,
                                     const std::vector<procedure::RecordedReading>&);
double metricChromaticityDeltaYWorst(const procedure::FigureSpec&,
                                     const std::vector<procedure::RecordedReading>&);
/// Largest Δu'v' over all pairs of the points (10 pairs for 5 points, 36 for 9), CIE 1976.
double metricChromaticityMaxPairDeltaUV(const procedure::FigureSpec&,
                                        const std::vector<procedure::RecordedReading>&);

}  // namespace cm::evaluation

// SPDX-License-Identifier: Apache-2.0
// Spot-reading metrics (SMPTE ST 431-1 §4, Table 1): luminance, % of centre, chromaticity.
#pragma once

#include "libmeasure/evaluation/metric_registry.h"

#include <optional>
#include <string>

namespace cm::evaluation {

/// Mean XYZ over the repeats read at (step, point); nullopt when none.
std::optional<colorimetry::XYZ> meanXYZ(const std::vector<procedure::RecordedReading>& readings,
                                        const std::string& step, const std::string& point);

/// Mean luminance Y at the point, cd/m².
double metricLuminance(const procedure::FigureSpec&,
                       const std::vector<procedure::RecordedReading>&);
/// 100 · Y(point) / Y(reference point), %.
double metricLuminancePercentOfReference(const procedure::FigureSpec&,
                                         const std::vector<procedure::RecordedReading>&);
/// CIE 1931 x and y of the mean XYZ at the point.
double metricChromaticityX(const procedure::FigureSpec&,
                           const std::vector<procedure::RecordedReading>&);
double metricChromaticityY(const procedure::FigureSpec&,
                           const std::vector<procedure::RecordedReading>&);
/// x(point) − x(reference), y(point) − y(reference) (ST 431-1 Annex A.5).
double metricChromaticityDeltaX(const procedure::FigureSpec&,
                                const std::vector<procedure::RecordedReading>&);
double metricChromaticityDeltaY(const procedure::FigureSpec&,
                                const std::vector<procedure::RecordedReading>&);
/// Δu'v' between point and reference (CIE 1976 UCS).
double metricChromaticityDeltaUV(const procedure::FigureSpec&,
                                 const std::vector<procedure::RecordedReading>&);

}  // namespace cm::evaluation

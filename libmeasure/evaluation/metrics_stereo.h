// SPDX-License-Identifier: Apache-2.0
// Stereoscopic (3D) metrics read through the eyewear at one point: left/right luminance
// difference, extinction ratio and crosstalk (ICDM IDMS §17.2.2–§17.2.4; ISO 5926 draft
// stereoscopic requirements, draft; docs/standards/iso5926.md).
#pragma once

#include "libmeasure/evaluation/metric_registry.h"

namespace cm::evaluation {

/// |L_step − L_reference_step| / ((L_step + L_reference_step) / 2) · 100 %: the draft ISO 5926
/// / DY/T 1 rule with the MEAN of the two eyes in the denominator. `step` is read through one
/// lens and `reference_step` through the other, both eyes showing white.
double metricStereoLuminanceDifferenceMean(const procedure::FigureSpec&,
                                           const std::vector<procedure::RecordedReading>&);
/// The same with the SMALLER eye in the denominator (IDMS §17.2.4 ΔL).
double metricStereoLuminanceDifferenceMin(const procedure::FigureSpec&,
                                          const std::vector<procedure::RecordedReading>&);
/// Extinction ratio of one eye: (L_signal − L_black) / (L_leak − L_black), where `step` shows
/// this eye's image white and the other black (signal), `reference_step` the reverse (leak) and
/// `black_step` both black, all through the same lens (IDMS §17.2.2). Without a black_step no
/// subtraction is made (the DY/T 8 draft's reading: ambient included).
double metricStereoExtinctionRatio(const procedure::FigureSpec&,
                                   const std::vector<procedure::RecordedReading>&);
/// Crosstalk = 100 / extinction ratio, %.
double metricStereoCrosstalkPercent(const procedure::FigureSpec&,
                                    const std::vector<procedure::RecordedReading>&);

}  // namespace cm::evaluation

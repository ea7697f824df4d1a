// SPDX-License-Identifier: Apache-2.0
// The closed registry of metrics a profile's figures may name.
#pragma once

#include "libmeasure/procedure/reading.h"

#include <string>
#include <vector>

namespace cm::procedure {
struct FigureSpec;
}

namespace cm::evaluation {

/// Computes one figure from the readings of a procedure; NaN when the readings it needs are absent.
using MetricFn = double (*)(const procedure::FigureSpec& spec,
                            const std::vector<procedure::RecordedReading>& readings);

/// What a figure naming the metric must (or may) give besides step and point.
enum MetricNeeds : unsigned {
    kNeedsNothing = 0,
    kNeedsReferencePoint = 1u << 0,
    kNeedsReferenceStep = 1u << 1,
    kNeedsPoints = 1u << 2,      ///< a list of points of the step (then `point` is optional)
    kNeedsSteps = 1u << 3,       ///< a list of steps read at the point
    kAllowsBlackStep = 1u << 4,  ///< an optional black step to subtract
    kNeedsTransfer = 1u << 5,    ///< "dci-gamma-2.6" or "pq"; the steps need code_xyz
    kNeedsStepCodes = 1u << 6,   ///< every step of `steps` needs code_xyz
    /// Not a need: the metric is a magnitude (a distance in u'v') whose value may sit at its kink
    /// at zero; uncertainty propagation corrects for the noise already in the measured values.
    kMagnitude = 1u << 7,
};

struct MetricInfo {
    const char* name;
    const char* unit;         ///< "cd/m2", "%", "xy" (CIE 1931 x or y), "u'v'" (CIE 1976), "ratio"
    unsigned needs;           ///< MetricNeeds bits
    const char* description;  ///< formula, for `profiles --show` and the reports
    MetricFn compute;
};

inline bool needs(const MetricInfo& m, MetricNeeds n) {
    return (m.needs & n) != 0;
}

/// nullptr when unknown.
const MetricInfo* findMetric(const std::string& name);
const std::vector<MetricInfo>& allMetrics();
/// Comma-separated names, for error messages.
std::string metricNames();

}  // namespace cm::evaluation

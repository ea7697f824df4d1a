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

struct MetricInfo {
    const char* name;
    const char* unit;  ///< "cd/m2", "%", "xy" (CIE 1931 x or y), "u'v'" (CIE 1976)
    bool needs_reference_point;
    bool needs_reference_step;
    const char* description;  ///< formula, for `profiles --show` and the reports
    MetricFn compute;
};

/// nullptr when unknown.
const MetricInfo* findMetric(const std::string& name);
const std::vector<MetricInfo>& allMetrics();
/// Comma-separated names, for error messages.
std::string metricNames();

}  // namespace cm::evaluation

// SPDX-License-Identifier: Apache-2.0
// The report model as JSON (schema: docs/report.schema.json) and back.
#pragma once

#include "libmeasure/report/certification_report.h"

#include <nlohmann/json.hpp>

namespace cm::app {

nlohmann::json reportToJson(const report::CertificationReport& report);

/// Readings from a report's JSON (for re-evaluation); throws util::DataError on a malformed file.
std::vector<procedure::RecordedReading> readingsFromReportJson(const nlohmann::json& doc,
                                                               const std::string& source);

}  // namespace cm::app

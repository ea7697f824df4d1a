// SPDX-License-Identifier: Apache-2.0
// The report as one CSV table: a row per figure (value, U, limit, verdict, source) then a row per
// reading (luminance with its u, both chromaticity spaces), told apart by the "record" column.
#pragma once

#include "app/common/present/figure_text.h"
#include "libmeasure/report/certification_report.h"

#include <string>

namespace cm::app {

/// Headers in `lang`; the record kinds ("figure", "reading") and verdicts in the verdict_code
/// column stay English so that scripts can filter on them.
std::string reportCsv(const report::CertificationReport& report,
                      present::Lang lang = present::Lang::En);

}  // namespace cm::app

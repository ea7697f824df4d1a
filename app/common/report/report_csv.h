// The report's readings as CSV, one row per reading.
#pragma once

#include "libmeasure/report/certification_report.h"

#include <string>

namespace cm::app {

std::string reportReadingsCsv(const report::CertificationReport& report);

}  // namespace cm::app

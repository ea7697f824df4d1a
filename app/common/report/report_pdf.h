// The report as a PDF an inspector can print and sign (cairo's PDF surface).
#pragma once

#include "libmeasure/report/certification_report.h"

#include <filesystem>

namespace cm::app {

/// Writes the PDF through a temporary file; throws std::runtime_error on failure.
void writeReportPdf(const report::CertificationReport& report, const std::filesystem::path& file);

}  // namespace cm::app

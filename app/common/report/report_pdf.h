// SPDX-License-Identifier: Apache-2.0
// The report as a PDF an inspector can print and sign (cairo PDF surface, Pango text).
#pragma once

#include "app/common/present/figure_text.h"
#include "libmeasure/report/certification_report.h"

#include <filesystem>

namespace cm::app {

/// Writes the PDF through a temporary file; throws std::runtime_error on failure.
void writeReportPdf(const report::CertificationReport& report, const std::filesystem::path& file,
                    present::Lang lang = present::Lang::En);

}  // namespace cm::app

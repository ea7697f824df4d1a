// SPDX-License-Identifier: Apache-2.0
// An instrument record (as report.json has it) in one line: only the fields that are set, so an
// empty record prints nothing rather than ", serial , firmware".
#pragma once

#include "app/common/present/figure_text.h"

#include <nlohmann/json.hpp>

#include <string>

namespace cm::app::present {

/// "Virtual spot meter, serial VSM-1, firmware 1.0, 1.0° field, calibrated 2026-01-05,
/// certificate C-123, correction CORR-1"; empty when nothing is known. Takes the report.json
/// instrument object so that fields added to the record (calibration date, certificate) show
/// without this code knowing them all.
std::string instrumentLine(const nlohmann::json& instrument, Lang lang = Lang::En);

}  // namespace cm::app::present

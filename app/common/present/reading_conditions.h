// SPDX-License-Identifier: Apache-2.0
// How a reading was taken (integration, raised exposure ceiling, averages) in one phrase, for the
// PDF's reading details and the front ends.
#pragma once

#include "app/common/present/figure_text.h"
#include "libmeasure/procedure/reading.h"

#include <string>

namespace cm::app::present {

/// "exposure 30 s, ceiling raised to 30 s, mean of 4" — only what the reading records beyond one
/// exposure at the instrument's default ceiling; "" for such a reading.
std::string readingConditions(const procedure::Reading& reading, Lang lang = Lang::En);

}  // namespace cm::app::present

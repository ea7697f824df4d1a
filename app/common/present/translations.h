// SPDX-License-Identifier: Apache-2.0
// Simplified Chinese for the report writers: figure labels of the shipped profiles and the fixed
// words of the PDF/CSV (headings, column names). Unknown text stays English.
#pragma once

#include "app/common/present/figure_text.h"

#include <string>

namespace cm::app::present {

/// The Chinese label of a shipped profile's figure; the English label when none is known.
std::string translateLabel(const std::string& english);

/// A fixed report word or heading ("Figures", "Value ± U (k=2)", ...) in `lang`.
std::string tr(const std::string& english, Lang lang);

}  // namespace cm::app::present

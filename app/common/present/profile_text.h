// SPDX-License-Identifier: Apache-2.0
// The shipped profiles' own text (titles, step instructions, tolerance sources) in another
// language, from the data file calibration/profiles/translations/<lang>.json (figure labels:
// translations.h).
#pragma once

#include "app/common/present/figure_text.h"

#include <filesystem>
#include <map>
#include <string>

namespace cm::app::present {

/// One language's translations of profile text, keyed by the profile's English text.
struct ProfileTranslations {
    std::string lang;                            ///< "zh_CN"
    std::map<std::string, std::string> strings;  ///< English text → translated text
};

/// Reads and checks a translations file: "schema": "cinemeasure-profile-translations",
/// "version": 1, "lang", and "strings" (an object of non-empty strings). Throws util::DataError.
ProfileTranslations loadProfileTranslations(const std::filesystem::path& file);

/// The profile text `english` in `lang` from <dataDir>/profiles/translations/<lang>.json (loaded
/// once); `english` itself for English, for unknown text and when no file is shipped.
std::string profileText(const std::string& english, Lang lang);

}  // namespace cm::app::present

// SPDX-License-Identifier: Apache-2.0
// Plain-text tables for the terminal: columns as wide as their widest cell in display columns
// (CJK characters count two, combining marks none), so rows align whatever the label length.
#pragma once

#include <string>
#include <vector>

namespace cm::app::present {

/// Terminal columns a UTF-8 string occupies (East Asian wide characters count 2).
std::size_t displayWidth(const std::string& s);

/// `s` padded with spaces to `width` display columns (never cut).
std::string padTo(const std::string& s, std::size_t width);

/// Renders rows with two spaces between columns; with `header`, the first row is the header and a
/// rule goes under it. The last column is not padded and no line ends in blanks.
std::string renderTable(const std::vector<std::vector<std::string>>& rows, bool header = true);

}  // namespace cm::app::present

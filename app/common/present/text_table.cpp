// SPDX-License-Identifier: Apache-2.0
// Display widths from the UTF-8 code points and the aligned table renderer.
#include "app/common/present/text_table.h"

#include <algorithm>

namespace cm::app::present {

namespace {

/// Wide (two-column) ranges of the common CJK blocks and full-width forms (Unicode UAX #11).
bool wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool combining(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x20D0 && c <= 0x20FF);
}

}  // namespace

std::size_t displayWidth(const std::string& s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        char32_t c = b;
        int len = 1;
        if (b >= 0xF0) {
            c = b & 0x07;
            len = 4;
        } else if (b >= 0xE0) {
            c = b & 0x0F;
            len = 3;
        } else if (b >= 0xC0) {
            c = b & 0x1F;
            len = 2;
        }
        for (int k = 1; k < len && i + k < s.size(); ++k) {
            c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        i += len;
        w += combining(c) ? 0 : (wide(c) ? 2 : 1);
    }
    return w;
}

std::string padTo(const std::string& s, std::size_t width) {
    const std::size_t w = displayWidth(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::string renderTable(const std::vector<std::vector<std::string>>& rows, bool header) {
    std::vector<std::size_t> widths;
    for (const auto& r : rows) {
        widths.resize(std::max(widths.size(), r.size()), 0);
        for (std::size_t c = 0; c < r.size(); ++c) {
            widths[c] = std::max(widths[c], displayWidth(r[c]));
        }
    }
    std::size_t total = 0;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        total += widths[c] + (c + 1 < widths.size() ? 2 : 0);
    }
    std::string out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        std::string line;
        for (std::size_t c = 0; c < r.size(); ++c) {
            line += c + 1 < r.size() ? padTo(r[c], widths[c] + 2) : r[c];
        }
        line.erase(line.find_last_not_of(' ') + 1);  // an empty last cell leaves no blanks
        out += line + "\n";
        if (header && i == 0) {
            out += std::string(total, '-') + "\n";
        }
    }
    return out;
}

}  // namespace cm::app::present

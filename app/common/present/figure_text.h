// SPDX-License-Identifier: Apache-2.0
// One formatter for a figure (value, U, limit, unit, verdict word) in one language, used by the
// CLI tables, the GUI results page and the PDF/CSV reports so they always print the same numbers.
#pragma once

#include "libmeasure/evaluation/evaluate_profile.h"

#include <string>

namespace cm::app::present {

enum class Lang { En, ZhCN };

/// "en" (or empty) and "zh_CN"; throws std::invalid_argument otherwise.
Lang parseLang(const std::string& name);
const char* toString(Lang lang);

/// A figure as every front end shows it. Value and U share `decimals`, chosen so that U keeps one
/// significant digit (two when it starts with 1 or 2) and the value is at least as fine as the
/// limit: never "0.01 ± 0.00" beside a limit of 0.005.
struct FigureText {
    std::string label;        ///< translated label with marks († provisional, (i) informative)
    std::string value;        ///< "0.00543" (no unit); "—" when not measured
    std::string uncertainty;  ///< "0.00006"; empty when U is unknown
    std::string unit;         ///< display unit: "cd/m²", "%", ":1", "" (xy, u′v′, exponent)
    std::string value_u;      ///< "0.00543 ± 0.00006 cd/m²"
    std::string value_fl;     ///< "(0.00159 fL)" for luminances, else empty
    std::string limit;        ///< "≤ 0.005 cd/m²", "48 ± 3.5 cd/m²", "≥ 1200:1"
    std::string verdict;      ///< "PASS", "FAIL", "CONDITIONAL", "—", or "info" when informative
    int decimals = 0;
};

/// Decimals for value and U of a figure in `unit` (see FigureText).
int decimalsFor(double value, double expanded_uncertainty, const evaluation::Tolerance& limit,
                const std::string& unit);

/// Fixed-point text with `decimals` (0…9); "—" for NaN or infinity.
std::string formatFixed(double v, int decimals);

/// The shortest text that gives a limit bound exactly (up to 6 decimals): 0.005, 48, 1200.
std::string formatBound(double v);

/// Display unit of a profile unit: "cd/m2" → "cd/m²", "ratio" → ":1", "%" → "%", others "".
std::string unitText(const std::string& unit);

/// "48 ± 3.5 cd/m²", "0.15 +0.01/−0.03", "≥ 1200:1", "≤ 0.005 cd/m²", "no limit".
std::string limitText(const evaluation::Tolerance& limit, const std::string& unit,
                      Lang lang = Lang::En);

/// Verdict word; informative figures read "info" whatever the comparison gave.
std::string verdictWord(evaluation::Verdict v, bool informative = false, Lang lang = Lang::En);

/// The figure's label in `lang` (the English label when no translation is known).
std::string figureLabel(const procedure::FigureSpec& spec, Lang lang);

FigureText formatFigure(const evaluation::FigureResult& f, Lang lang = Lang::En);

}  // namespace cm::app::present

// SPDX-License-Identifier: Apache-2.0
// The English words of an LED wall evaluation (limits, notes, sources, verdict) from its typed
// values, the same on the terminal, in analysis.json and in the PDF; the GUI words the same
// values in its own language (app/gui/i18n.h).
#pragma once

#include "app/common/imaging/wall_job.h"
#include "libmeasure/imaging/wall_evaluation.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cm::app::present {

/// The figure's name for people, from its rule: "Dead LEDs", "Seam lines (worst depth)",
/// "Module luminance (worst adjacent step)", ...
std::string wallFigureName(const imaging::WallFigure& figure);
/// The names of the figures with these ids (an evaluation's `failed`, `informative_failed`).
std::vector<std::string> wallFigureNames(const imaging::WallEvaluation& e,
                                         const std::vector<std::string>& ids);

/// The rule in words: "90–110 % of wall mean", "≤ 1.0 % (≤ 2.0 % at or below 0.10 cd/m²)",
/// "|depth| < 3.0 %", "information (below 0.50 × module median)"; "" for no rule.
std::string wallLimitText(const imaging::WallFigureLimit& limit);

/// "3 of 48 modules outside", "13 of 82 border segments beyond ±3.0 %; worst: row 23 (dark)",
/// "430 LEDs beyond the limit", ...; "" for no note.
std::string wallNoteText(const imaging::WallFigureNote& note);

/// The source of the figure's limit: the limits data's text, or the method's own reason.
std::string wallSourceText(const imaging::WallFigure& figure);

/// Decimals a wall figure's value is shown with, the same in the PDF and the GUI: counts (LEDs,
/// cells) none, percentages 2, chromaticity differences (no unit) 4, luminance 3.
int wallValueDecimals(const imaging::WallFigure& figure);
/// Decimals of its U (k = 2): as the value, but 3 for a count (a U of a count is fractional).
int wallUncertaintyDecimals(const imaging::WallFigure& figure);

/// The value as the terminal and the PDF show it, with those decimals: "47.750 ± 0.038 cd/m²",
/// "0.0001 ± 0.0006", "4 LEDs", "not measured"; "—" for a value that is not finite.
std::string wallValueText(const imaging::WallFigure& figure);
/// What the figure's limit says of it: "pass", "FAIL" (a deciding limit), "would fail" (an
/// informative draft limit), "information" (no limit); "" when it was not measured.
std::string wallVerdictWord(const imaging::WallFigure& figure);

/// One figure as analysis.json lists it (id, name, value, U_k2, unit, limit, measured, verdict,
/// source, provisional, deciding, note).
nlohmann::ordered_json wallFigureJson(const imaging::WallFigure& figure);

/// The verdict for people, the same words on the terminal, in analysis.json and the PDF:
/// "PASS", "FAIL (Dead LEDs; …)" or "NOT JUDGED — only draft limits (informative); …".
std::string wallVerdictText(const imaging::WallEvaluation& e);
/// What informative draft limits would say ("" when they all pass or there are none).
std::string wallInformativeText(const imaging::WallEvaluation& e);
/// The warning printed when draft limits decide ("" otherwise).
std::string wallBindingWarning(const imaging::WallEvaluation& e);

/// One step of a wall job: "camera M on PORT", "E; reconnecting to fetch the capture again",
/// "white: IMG_0001.DNG at 0.02 s, ISO 100, f/2.8: level 0.65", "analysing".
std::string wallProgressText(const WallProgress& step);

}  // namespace cm::app::present

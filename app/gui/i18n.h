// SPDX-License-Identifier: Apache-2.0
// Loads the UI translation compiled into the binary (":/i18n/cinemeasure_<lang>.qm"), and renders
// the words that come from data or from app/common (profile text, statuses, rules) in that
// language.
#pragma once

#include "app/common/imaging/wall_job.h"
#include "app/common/present/figure_text.h"
#include "libmeasure/imaging/wall_evaluation.h"

#include <QString>

#include <string>

class QCoreApplication;

namespace cm::gui {

/// Installs the translation for `lang` ("zh_CN"; empty: the system locale). English needs none.
/// Returns true when a translation was installed.
bool installTranslation(QCoreApplication& app, const QString& lang);

/// The language of the installed UI translation (English when none), for app/common's formatters.
app::present::Lang uiLang();

/// A shipped profile's title, step instruction or source in the UI language
/// (calibration/profiles/translations); the English text when it has no translation.
QString profileText(const std::string& english);

/// A figure label in the UI language (app/common/present translations).
QString figureLabelText(const std::string& english);

/// A session status from the journal ("running", "interrupted", "paused", "complete", ...).
QString sessionStatusText(const std::string& status);

/// A decision rule as the report states it (evaluation::toString) or by id ("simple", ...).
QString decisionRuleText(const std::string& rule);

/// Why a task was skipped: the operator's reason, or the default "skipped by the operator".
QString skipReasonText(const std::string& reason);

/// Profile attributes: room class, stereo, display type ("theatre", "2D", "projector", ...).
QString profileAttributeText(const std::string& value);

/// A profile stimulus ("white", "checkerboard", "3d_left_white", ...) or eyewear lens ("left").
QString stimulusText(const std::string& stimulus);

/// A pattern of the LED wall capture plan: a stimulus word, or "grey:F" (grey at fraction F).
QString wallPatternText(const std::string& pattern);

/// An LED wall figure's name in the UI language, from its rule ("Dead LEDs", "Seam lines (worst
/// depth)", ...), as app/common/present/wall_text.h words it in English.
QString wallFigureText(const imaging::WallFigure& figure);
/// The name of the figure with this id in `e` (its `failed` and `informative_failed` hold ids).
QString wallFigureText(const imaging::WallEvaluation& e, const std::string& id);

/// An LED wall figure's unit: counts ("LEDs", "cells") in the UI language, symbols as they are.
QString wallUnitText(const std::string& unit);

/// An LED wall figure's limit (its rule and numbers, libmeasure/imaging) in the UI language.
QString wallLimitText(const imaging::WallFigureLimit& limit);

/// An LED wall figure's note ("3 of 48 modules outside", ...) in the UI language; empty for none.
QString wallNoteText(const imaging::WallFigureNote& note);

/// Where an LED wall figure's limit comes from, in the UI language: the wall limits data's source
/// text (calibration/profiles/translations, as profile sources), or the method's own reason.
QString wallSourceText(const imaging::WallFigure& figure);

/// One step of an LED wall job (camera connected, a capture and its exposure level, analysing)
/// in the UI language; the camera's model and its own error text are names, in 「」 in Chinese.
QString wallProgressText(const app::WallProgress& step);

/// A measuring point's label from libmeasure/geometry ("centre", "top left corner",
/// "row 2, column 3", "checkerboard patch row 1, column 2").
QString pointLabelText(const std::string& label);

}  // namespace cm::gui

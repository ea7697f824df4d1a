// SPDX-License-Identifier: Apache-2.0
// The dark Fusion look for a dark auditorium, a light one for lit rooms (an LED vendor's test
// hall, an office), and the colours that carry a verdict.
#pragma once

#include "libmeasure/evaluation/tolerance.h"

#include <QColor>
#include <QString>

class QApplication;

namespace cm::gui {

void applyDarkTheme(QApplication& app);
/// Fusion's light palette with the same neutral accent (`cinemeasure-gui --theme light`).
void applyLightTheme(QApplication& app);
/// The accent (selection, progress bars, focus): a neutral slate blue that no verdict uses, so a
/// progress bar never reads as a FAIL.
QColor accentColor();
/// Background colour of a verdict (green, red, amber, grey) behind the palette's text: muted and
/// dark for the dark theme, light tints for the light one (both ≥ 4.5:1 against the text).
/// Only verdicts use these colours.
QColor verdictColor(evaluation::Verdict v);
/// The same verdict as a mark on a chart (a point, a bar) on the palette's base colour: ≥ 3:1
/// against it in either theme.
QColor verdictMarkColor(evaluation::Verdict v);
/// A limit or target drawn on a chart (tolerance box, minimum line): amber, ≥ 3:1 against the
/// palette's base in either theme.
QColor limitColor();
/// Whether the application's palette is the light one (dark text on a light window).
bool lightPalette();
/// The verdict as shown (translated).
QString verdictText(evaluation::Verdict v);

}  // namespace cm::gui

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
/// Background colour of a verdict (green, red, amber, grey), muted for a dark room. Only verdicts
/// use these colours.
QColor verdictColor(evaluation::Verdict v);
/// The verdict as shown (translated).
QString verdictText(evaluation::Verdict v);

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// Dark and light Fusion palettes and verdict colours.
#include "app/gui/theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace cm::gui {

void applyDarkTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(37, 37, 40);
    const QColor base(26, 26, 28);
    const QColor text(214, 214, 214);
    const QColor disabled(110, 110, 110);
    const QColor accent = accentColor();
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(240, 240, 240));
    p.setColor(QPalette::Link, QColor(140, 170, 200));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, QColor(240, 240, 240));
    p.setColor(QPalette::PlaceholderText, disabled);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    app.setPalette(p);
}

void applyLightTheme(QApplication& app) {
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion->standardPalette();
    app.setStyle(fusion);
    p.setColor(QPalette::Highlight, accentColor());
    p.setColor(QPalette::HighlightedText, QColor(250, 250, 250));
    app.setPalette(p);
}

QColor accentColor() {
    // Low saturation and luminance: readable on the dark palette without glare in a dark room,
    // and far in hue from the verdict red, green and amber.
    return {70, 92, 118};
}

bool lightPalette() {
    return qApp != nullptr && qApp->palette().color(QPalette::Window).lightness() > 128;
}

QColor verdictColor(evaluation::Verdict v) {
    // Dark theme: muted, dark enough for its light grey text (≥ 4.5:1, WCAG 2.1 AA), no glare in a
    // dark room. Light theme: tints behind black text.
    const bool light = lightPalette();
    switch (v) {
        case evaluation::Verdict::Pass:
            return light ? QColor(200, 230, 201) : QColor(40, 100, 46);
        case evaluation::Verdict::Fail:
            return light ? QColor(245, 200, 196) : QColor(140, 40, 36);
        case evaluation::Verdict::ConditionalPass:
        case evaluation::Verdict::ConditionalFail:
            return light ? QColor(248, 225, 165) : QColor(120, 84, 12);
        case evaluation::Verdict::NotEvaluated:
            break;
    }
    return light ? QColor(225, 225, 228) : QColor(70, 70, 74);
}

QColor limitColor() {
    return lightPalette() ? QColor(170, 110, 0) : QColor(255, 200, 80);
}

QColor verdictMarkColor(evaluation::Verdict v) {
    // Relative luminance between 0.13 and 0.30: ≥ 3:1 against the dark base and against white,
    // so one set serves both themes.
    switch (v) {
        case evaluation::Verdict::Pass:
            return {60, 150, 70};
        case evaluation::Verdict::Fail:
            return {210, 60, 55};
        case evaluation::Verdict::ConditionalPass:
        case evaluation::Verdict::ConditionalFail:
            return {190, 130, 20};
        case evaluation::Verdict::NotEvaluated:
            break;
    }
    return {128, 128, 134};
}

QString verdictText(evaluation::Verdict v) {
    switch (v) {
        case evaluation::Verdict::Pass:
            return QCoreApplication::translate("cm::gui::Verdict", "PASS");
        case evaluation::Verdict::Fail:
            return QCoreApplication::translate("cm::gui::Verdict", "FAIL");
        case evaluation::Verdict::ConditionalPass:
            return QCoreApplication::translate("cm::gui::Verdict", "CONDITIONAL PASS");
        case evaluation::Verdict::ConditionalFail:
            return QCoreApplication::translate("cm::gui::Verdict", "CONDITIONAL FAIL");
        case evaluation::Verdict::NotEvaluated:
            break;
    }
    return QCoreApplication::translate("cm::gui::Verdict", "NOT EVALUATED");
}

}  // namespace cm::gui

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

QColor verdictColor(evaluation::Verdict v) {
    switch (v) {
        case evaluation::Verdict::Pass:
            return {46, 110, 52};
        case evaluation::Verdict::Fail:
            return {140, 40, 36};
        case evaluation::Verdict::ConditionalPass:
        case evaluation::Verdict::ConditionalFail:
            return {150, 110, 20};
        case evaluation::Verdict::NotEvaluated:
            break;
    }
    return {70, 70, 74};
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

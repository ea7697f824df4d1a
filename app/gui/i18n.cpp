// SPDX-License-Identifier: Apache-2.0
// Translation loading from the embedded resources, and the translated words of data values.
#include "app/gui/i18n.h"

#include "app/common/present/profile_text.h"
#include "app/common/present/translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <iterator>

namespace cm::gui {

namespace {

QString lookup(const char* ctx, const char* const* known, std::size_t n, const std::string& v) {
    for (std::size_t i = 0; i < n; ++i) {
        if (v == known[i]) {
            return QCoreApplication::translate(ctx, known[i]);
        }
    }
    return QString::fromStdString(v);
}

}  // namespace

bool installTranslation(QCoreApplication& app, const QString& lang) {
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    auto* translator = new QTranslator(&app);
    // Finds cinemeasure_zh_CN.qm for zh_CN, and falls back to cinemeasure_zh.qm if ever shipped.
    if (translator->load(locale, QStringLiteral("cinemeasure"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}

app::present::Lang uiLang() {
    // The installed catalogue names its own language, so removing a translator returns to English.
    //: The language code of this translation ("zh_CN"), as app/common's formatters know it.
    const QString code = QCoreApplication::translate("cm::gui::Language", "en");
    try {
        return app::present::parseLang(code.toStdString());
    } catch (const std::exception&) {
        return app::present::Lang::En;
    }
}

QString profileText(const std::string& english) {
    return QString::fromStdString(app::present::profileText(english, uiLang()));
}

QString figureLabelText(const std::string& english) {
    return QString::fromStdString(
        uiLang() == app::present::Lang::ZhCN ? app::present::translateLabel(english) : english);
}

QString sessionStatusText(const std::string& status) {
    if (status == "running") {
        return QCoreApplication::translate("cm::gui::SessionStatus", "running");
    }
    if (status == "interrupted") {
        return QCoreApplication::translate("cm::gui::SessionStatus", "interrupted");
    }
    if (status == "paused") {
        return QCoreApplication::translate("cm::gui::SessionStatus", "paused");
    }
    if (status == "complete") {
        return QCoreApplication::translate("cm::gui::SessionStatus", "complete");
    }
    if (status == "stopped") {
        return QCoreApplication::translate("cm::gui::SessionStatus", "stopped");
    }
    if (status == "archived") {
        return QCoreApplication::translate("cm::gui::SessionStatus", "archived");
    }
    if (status == "never certified") {
        return QCoreApplication::translate("cm::gui::SessionStatus", "never certified");
    }
    return QString::fromStdString(status);
}

QString decisionRuleText(const std::string& rule) {
    if (rule.rfind("simple", 0) == 0) {
        return QCoreApplication::translate("cm::gui::DecisionRule",
                                           "simple acceptance (ILAC-G8:09/2019 §4.2.1, guard band "
                                           "w = 0)");
    }
    if (rule == "guarded" || rule.rfind("binary statement with guarded", 0) == 0) {
        return QCoreApplication::translate("cm::gui::DecisionRule",
                                           "binary statement with guarded acceptance "
                                           "(ILAC-G8:09/2019 §4.2.2, guard band w = U)");
    }
    if (rule.rfind("non-binary", 0) == 0) {
        return QCoreApplication::translate(
            "cm::gui::DecisionRule",
            "non-binary statement (ILAC-G8:09/2019 §4.2.3, guard band w = U)");
    }
    return QString::fromStdString(rule);
}

QString skipReasonText(const std::string& reason) {
    if (reason.empty() || reason == "skipped by the operator") {
        return QCoreApplication::translate("cm::gui::Skip", "skipped by the operator");
    }
    return QString::fromStdString(reason);
}

QString profileAttributeText(const std::string& value) {
    static const char* const known[] = {
        QT_TRANSLATE_NOOP("cm::gui::ProfileAttribute", "theatre"),
        QT_TRANSLATE_NOOP("cm::gui::ProfileAttribute", "review_room"),
        QT_TRANSLATE_NOOP("cm::gui::ProfileAttribute", "projector"),
        QT_TRANSLATE_NOOP("cm::gui::ProfileAttribute", "led"),
        QT_TRANSLATE_NOOP("cm::gui::ProfileAttribute", "2D"),
        QT_TRANSLATE_NOOP("cm::gui::ProfileAttribute", "3D"),
        QT_TRANSLATE_NOOP("cm::gui::ProfileAttribute", "virtual"),
        QT_TRANSLATE_NOOP("cm::gui::ProfileAttribute", "none"),
    };
    return lookup("cm::gui::ProfileAttribute", known, std::size(known), value);
}

QString stimulusText(const std::string& stimulus) {
    static const char* const known[] = {
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "white"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "black"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "red"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "green"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "blue"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "checkerboard"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "code"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "off"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "3d_white"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "3d_black"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "3d_left_white"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "3d_right_white"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "left"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "right"),
        QT_TRANSLATE_NOOP("cm::gui::Stimulus", "none"),
    };
    return lookup("cm::gui::Stimulus", known, std::size(known), stimulus);
}

QString wallPatternText(const std::string& pattern) {
    if (pattern.rfind("grey:", 0) == 0) {
        return QCoreApplication::translate("cm::gui::Stimulus", "grey:%1")
            .arg(QString::fromStdString(pattern.substr(5)));
    }
    return stimulusText(pattern);
}

QString wallFigureText(const std::string& name) {
    static const char* const known[] = {
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Wall mean luminance"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Module luminance (worst module / wall mean)"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Module luminance (worst adjacent step)"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                          "Module chromaticity (worst |Δx|, |Δy|, CIE 1931)"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Module chromaticity (worst adjacent Δu'v')"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Seam lines (worst depth)"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Dead LEDs"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Stuck LEDs"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Adjacent-pixel difference (worst LED)"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Saturated LED cells"),
    };
    return lookup("cm::gui::WallFigure", known, std::size(known), name);
}

QString pointLabelText(const std::string& label) {
    static const char* const known[] = {
        QT_TRANSLATE_NOOP("cm::gui::Point", "centre"),
        QT_TRANSLATE_NOOP("cm::gui::Point", "left side"),
        QT_TRANSLATE_NOOP("cm::gui::Point", "right side"),
        QT_TRANSLATE_NOOP("cm::gui::Point", "top side"),
        QT_TRANSLATE_NOOP("cm::gui::Point", "bottom side"),
        QT_TRANSLATE_NOOP("cm::gui::Point", "top left corner"),
        QT_TRANSLATE_NOOP("cm::gui::Point", "top right corner"),
        QT_TRANSLATE_NOOP("cm::gui::Point", "bottom left corner"),
        QT_TRANSLATE_NOOP("cm::gui::Point", "bottom right corner"),
    };
    int row = 0;
    int col = 0;
    char tail = 0;
    if (std::sscanf(label.c_str(), "checkerboard patch row %d, column %d%c", &row, &col, &tail) ==
        2) {
        return QCoreApplication::translate("cm::gui::Point", "checkerboard patch row %1, column %2")
            .arg(row)
            .arg(col);
    }
    if (std::sscanf(label.c_str(), "row %d, column %d%c", &row, &col, &tail) == 2) {
        return QCoreApplication::translate("cm::gui::Point", "row %1, column %2").arg(row).arg(col);
    }
    return lookup("cm::gui::Point", known, std::size(known), label);
}

}  // namespace cm::gui

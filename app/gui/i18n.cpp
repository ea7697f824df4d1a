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

QString wallFigureText(const imaging::WallFigure& figure) {
    // From the figure's rule, as app/common/present/wall_text words it in English.
    using Rule = imaging::WallFigureLimit::Rule;
    const char* text = nullptr;
    switch (figure.limit.rule) {
        case Rule::None:
            text = QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Wall mean luminance");
            break;
        case Rule::RatioToWallMean:
            text = QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                     "Module luminance (worst module / wall mean)");
            break;
        case Rule::AdjacentStep:
            text =
                QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Module luminance (worst adjacent step)");
            break;
        case Rule::DxyToWall:
            text = QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                     "Module chromaticity (worst |Δx|, |Δy|, CIE 1931)");
            break;
        case Rule::DuvAdjacent:
            text = QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                     "Module chromaticity (worst adjacent Δu'v')");
            break;
        case Rule::SeamDepth:
            text = QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Seam lines (worst depth)");
            break;
        case Rule::DeadBelow:
            text = QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Dead LEDs");
            break;
        case Rule::StuckAbove:
            text = QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Stuck LEDs");
            break;
        case Rule::AdjacentPixel:
            text =
                QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Adjacent-pixel difference (worst LED)");
            break;
        case Rule::NoSaturation:
            text = QT_TRANSLATE_NOOP("cm::gui::WallFigure", "Saturated LED cells");
            break;
    }
    return text ? QCoreApplication::translate("cm::gui::WallFigure", text)
                : QString::fromStdString(figure.id);
}

QString wallFigureText(const imaging::WallEvaluation& e, const std::string& id) {
    const imaging::WallFigure* f = imaging::findFigure(e, id);
    return f ? wallFigureText(*f) : QString::fromStdString(id);
}

namespace {

QString wallTr(const char* text) {
    return QCoreApplication::translate("cm::gui::WallFigure", text);
}

QString fixed(double v, int digits) {
    return QString::number(v, 'f', digits);
}

}  // namespace

QString wallProgressText(const app::WallProgress& step) {
    using Kind = app::WallProgress::Kind;
    switch (step.kind) {
        case Kind::Camera:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure", "camera %1 on %2"))
                .arg(QString::fromStdString(step.camera_model), QString::fromStdString(step.port));
        case Kind::Reconnecting:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                            "%1; reconnecting to fetch the capture again"))
                .arg(QString::fromStdString(step.error));
        case Kind::Captured:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                            "%1: %2 at %3 s, ISO %4, f/%5: level %6"))
                .arg(wallPatternText(step.stimulus), QString::fromStdString(step.file))
                .arg(step.exposure_s, 0, 'g')
                .arg(step.iso, 0, 'g')
                .arg(step.f_number, 0, 'g')
                .arg(fixed(step.level, 2));
        case Kind::Analysing:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure", "analysing"));
    }
    return {};
}

QString wallUnitText(const std::string& unit) {
    static const char* const known[] = {
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "LEDs"),
        QT_TRANSLATE_NOOP("cm::gui::WallFigure", "cells"),
    };
    return lookup("cm::gui::WallFigure", known, std::size(known), unit);
}

QString wallLimitText(const imaging::WallFigureLimit& l) {
    using Rule = imaging::WallFigureLimit::Rule;
    switch (l.rule) {
        case Rule::None:
            return {};
        case Rule::RatioToWallMean:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure", "%1–%2 % of wall mean"))
                .arg(fixed(l.min, 0), fixed(l.max, 0));
        case Rule::AdjacentStep:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                            "≤ %1 % (≤ %2 % at or below %3 cd/m²)"))
                .arg(fixed(l.max, 1), fixed(l.low_level_max, 1), fixed(l.low_level_below_cdm2, 2));
        case Rule::DxyToWall:
            return QStringLiteral("≤ %1").arg(fixed(l.max, 3));
        case Rule::DuvAdjacent:
            return wallTr(
                       QT_TRANSLATE_NOOP("cm::gui::WallFigure", "≤ %1 (≤ %2 at or below %3 cd/m²)"))
                .arg(fixed(l.max, 4), fixed(l.low_level_max, 4), fixed(l.low_level_below_cdm2, 1));
        case Rule::SeamDepth:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure", "|depth| < %1 %"))
                .arg(fixed(l.max, 1));
        case Rule::DeadBelow:
            return l.max_count ? wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                                          "≤ %1 (below %2 × module median)"))
                                     .arg(*l.max_count)
                                     .arg(fixed(l.ratio, 2))
                               : wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                                          "information (below %1 × module median)"))
                                     .arg(fixed(l.ratio, 2));
        case Rule::StuckAbove:
            return l.max_count ? wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                                          "≤ %1 (above %2 × module median)"))
                                     .arg(*l.max_count)
                                     .arg(fixed(l.ratio, 2))
                               : wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                                          "information (above %1 × module median)"))
                                     .arg(fixed(l.ratio, 2));
        case Rule::AdjacentPixel:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure", "within ±%1 %"))
                .arg(fixed(l.max, 1));
        case Rule::NoSaturation:
            return QStringLiteral("0");
    }
    return {};
}

QString wallNoteText(const imaging::WallFigureNote& n) {
    using Kind = imaging::WallFigureNote::Kind;
    switch (n.kind) {
        case Kind::None:
            return {};
        case Kind::ModulesOutside:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure", "%1 of %2 modules outside"))
                .arg(n.count)
                .arg(n.of);
        case Kind::Monochrome:
            return wallTr(QT_TRANSLATE_NOOP(
                "cm::gui::WallFigure", "not measured: a monochrome camera gives luminance only"));
        case Kind::SeamsBeyond: {
            QString s = wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                                 "%1 of %2 border segments beyond ±%3 %"))
                            .arg(n.count)
                            .arg(n.of)
                            .arg(fixed(n.threshold_pct, 1));
            if (n.has_worst) {
                const bool column = n.worst_orientation == imaging::SeamOrientation::Vertical;
                s += column
                         ? (n.worst_dark ? wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                                                    "; worst: column %1 (dark)"))
                                         : wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                                                    "; worst: column %1 (bright)")))
                               .arg(n.worst_line_px)
                         : (n.worst_dark ? wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                                                    "; worst: row %1 (dark)"))
                                         : wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure",
                                                                    "; worst: row %1 (bright)")))
                               .arg(n.worst_line_px);
            }
            return s;
        }
        case Kind::LedsBeyond:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure", "%1 LEDs beyond the limit"))
                .arg(n.count);
        case Kind::RetakeShorter:
            return wallTr(
                QT_TRANSLATE_NOOP("cm::gui::WallFigure", "retake with a shorter exposure"));
    }
    return {};
}

QString wallSourceText(const imaging::WallFigure& f) {
    switch (f.source_kind) {
        case imaging::WallFigureSource::Limits:
            return profileText(f.source);
        case imaging::WallFigureSource::AreaAverage:
            return wallTr(QT_TRANSLATE_NOOP("cm::gui::WallFigure", "area average of all modules"));
        case imaging::WallFigureSource::MeasurementValidity:
            return wallTr(QT_TRANSLATE_NOOP(
                "cm::gui::WallFigure",
                "measurement validity: a cell that clipped the sensor has no known "
                "luminance"));
    }
    return profileText(f.source);
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

// SPDX-License-Identifier: Apache-2.0
// GUI tests of the look and the Chinese translation: no English left on any page in zh_CN, the
// profile data translated, a neutral accent, and a layout that fits a 1366×768 laptop screen.
#include "app/common/data_paths.h"
#include "app/common/present/profile_text.h"
#include "app/common/present/translations.h"
#include "app/common/profile_catalog.h"
#include "app/gui/chromaticity_diagram.h"
#include "app/gui/contrast_bars.h"
#include "app/gui/help_page.h"
#include "app/gui/i18n.h"
#include "app/gui/main_window.h"
#include "app/gui/results_page.h"
#include "app/gui/run_page.h"
#include "app/gui/theme.h"
#include "tests/gui/english_left.h"
#include "tests/gui/widget_lookup.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTranslator>

#include <set>

using namespace cm::gui;
using gui_test::child;
using gui_test::currentPage;
using gui_test::removeTranslations;
using gui_test::selectData;
using zh_check::englishWords;
using zh_check::profileIds;

namespace {

// Generous for a loaded 2-core machine; a run takes a few seconds unloaded.
constexpr int kRunTimeoutMs = 90000;

/// Fills the start page for a simulated run by item data (independent of the UI language).
void fillSimulation(MainWindow& w, const QString& profileFile, const QString& theatre,
                    bool confirm) {
    selectData(child<QComboBox>(&w, "profileCombo"), profileFile);
    selectData(child<QComboBox>(&w, "theatreCombo"), theatre);
    selectData(child<QComboBox>(&w, "simFamilyCombo"), QStringLiteral("virtual"));
    child<QDoubleSpinBox>(&w, "timeScaleSpin")->setValue(0.0);  // no simulated waiting
    child<QLineEdit>(&w, "operatorEdit")->setText(QStringLiteral("Test"));
    child<QCheckBox>(&w, "confirmCheck")->setChecked(confirm);
}

/// The shipped profiles' own text: titles, step instructions, tolerance sources.
QStringList profileStrings() {
    QStringList out;
    for (const auto& e : cm::app::loadProfileDirectory(cm::app::dataDir() / "profiles")) {
        out << QString::fromStdString(e.profile.title);
        for (const auto& s : e.profile.steps) {
            if (!s.instruction.empty()) {
                out << QString::fromStdString(s.instruction);
            }
        }
        for (const auto& f : e.profile.figures) {
            if (!f.tolerance.source.empty()) {
                out << QString::fromStdString(f.tolerance.source);
            }
        }
    }
    out.removeDuplicates();
    return out;
}

/// WCAG 2.1 contrast ratio of two colours (relative luminance of sRGB, §1.4.3: text needs 4.5).
double contrastRatio(const QColor& a, const QColor& b) {
    auto lin = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    auto lum = [&](const QColor& c) {
        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
    };
    const double la = lum(a), lb = lum(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double hueDistance(const QColor& a, const QColor& b) {
    const double d = std::abs(a.hslHueF() - b.hslHueF());
    return std::min(d, 1.0 - d) * 360.0;
}

}  // namespace

class TestGuiLook : public QObject {
    Q_OBJECT
private:
    QTemporaryDir tmp_;

    std::filesystem::path db() const {
        return (tmp_.path() + QStringLiteral("/sessions.db")).toStdString();
    }

    ReportPtr rp431_;

    /// The rp431-2 profile (long sources, the checkerboard contrast) run once through the GUI.
    ReportPtr rp431Report() {
        if (!rp431_) {
            MainWindow w(db());
            w.show();
            fillSimulation(w, QStringLiteral("rp431-2-theatre.json"),
                           QStringLiteral("projector-reference.json"), false);
            QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
            [&] {
                QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("resultsPage"),
                                          kRunTimeoutMs);
            }();
            rp431_ = w.resultsPage()->report();
        }
        return rp431_;
    }

    /// Shows the rp431-2 results in `w`.
    void showResults(MainWindow& w) {
        const ReportPtr r = rp431Report();
        QVERIFY(r != nullptr);
        w.resultsPage()->setReport(r, tmp_.path());
        child<QStackedWidget>(&w, "pages")->setCurrentWidget(w.resultsPage());
        QCoreApplication::processEvents();
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        qputenv("CINEMEASURE_DB", QFile::encodeName(tmp_.path() + QStringLiteral("/sessions.db")));
        cm::app::setDataDirOverride(CINEMEASURE_CALIBRATION_DIR);
        applyDarkTheme(*qApp);
        for (const auto& e : cm::app::loadProfileDirectory(cm::app::dataDir() / "profiles")) {
            profileIds().insert(QString::fromStdString(e.profile.id));
        }
    }

    void cleanup() { removeTranslations(); }

    // The detector itself, on hand-written cases: it must flag English and pass names and units.
    void englishDetectorWorks() {
        QCOMPARE(englishWords(QStringLiteral("Full-screen 100 % white; meter at the seat")).size(),
                 7);
        QCOMPARE(englishWords(QStringLiteral("skipped by the operator")).size(), 4);
        QCOMPARE(englishWords(QStringLiteral("完成 — 测量（N）")), QStringList());
        QCOMPARE(englishWords(QStringLiteral("SMPTE ST 431-1:2006 表 1，48 cd/m² (14 fL)")),
                 QStringList());
        QCOMPARE(englishWords(QStringLiteral("st431-1-theatre — 影院 projector-reference.json")),
                 QStringList());
        QCOMPARE(englishWords(QStringLiteral("Konica Minolta CS-2000, CS-2000A")), QStringList());
        QCOMPARE(englishWords(QStringLiteral("virtual")), QStringList{QStringLiteral("virtual")});
        QCOMPARE(englishWords(QStringLiteral("图案文件：w.tif（`cinemeasure patterns`）")),
                 QStringList());
        QCOMPARE(englishWords(QStringLiteral("ok — acceptance_angle: 合格")).size(), 3);
        QCOMPARE(englishWords(QStringLiteral("#ffffff")), QStringList());
        QCOMPARE(englishWords(QStringLiteral("#fffff fade")).size(), 2);
    }

    // Every title, instruction and source of every shipped profile, and every figure label, has
    // a Chinese translation without English words left.
    void profileDataTranslatedToChinese() {
        QStringList bad;
        for (const QString& s : profileStrings()) {
            const QString zh = QString::fromStdString(
                cm::app::present::profileText(s.toStdString(), cm::app::present::Lang::ZhCN));
            if (zh == s || !englishWords(zh).isEmpty()) {
                bad << s + QStringLiteral("  →  ") + zh;
            }
        }
        for (const auto& e : cm::app::loadProfileDirectory(cm::app::dataDir() / "profiles")) {
            for (const auto& f : e.profile.figures) {
                const auto zh = cm::app::present::translateLabel(f.label);
                if (!englishWords(QString::fromStdString(zh)).isEmpty()) {
                    bad << QString::fromStdString(f.label + "  →  " + zh);
                }
            }
        }
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("untranslated profile text:\n") +
                                           bad.join(QLatin1Char('\n'))));
    }

    // The translation file is checked on load: wrong schema, version or an empty entry throw.
    void profileTranslationsAreChecked() {
        const auto file = tmp_.path() + QStringLiteral("/bad.json");
        auto write = [&](const char* text) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };
        write(R"({"schema":"cinemeasure-profile-translations","version":2,"lang":"zh_CN",
                  "strings":{}})");
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 cm::app::present::loadProfileTranslations(file.toStdString()));
        write(R"({"schema":"cinemeasure-profile-translations","version":1,"lang":"zh_CN",
                  "strings":{"white":""}})");
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 cm::app::present::loadProfileTranslations(file.toStdString()));
        write(R"({"schema":"cinemeasure-profile-translations","version":1,"lang":"zh_CN",
                  "strings":{"white":"白场"}})");
        QCOMPARE(cm::app::present::loadProfileTranslations(file.toStdString()).strings.at("white"),
                 std::string("白场"));
    }

    // Each page in zh_CN: start (simulator and serial port), help, fleet, run (waiting for the
    // operator, after a skip) and results. No visible text may be left in English.
    void chinesePagesHaveNoEnglish() {
        QVERIFY(installTranslation(*qApp, QStringLiteral("zh_CN")));
        QCOMPARE(uiLang(), cm::app::present::Lang::ZhCN);
        MainWindow w(db());
        w.resize(1366, 768);
        w.show();
        auto* pages = child<QStackedWidget>(&w, "pages");
        VERIFY_NO_ENGLISH(&w, "start (simulator)");
        child<QRadioButton>(&w, "serialRadio")->setChecked(true);
        VERIFY_NO_ENGLISH(&w, "start (serial port)");
        child<QRadioButton>(&w, "simulatorRadio")->setChecked(true);

        for (const char* page : {"helpPage", "fleetPage"}) {
            pages->setCurrentWidget(child<QWidget>(&w, page));
            VERIFY_NO_ENGLISH(pages->currentWidget(), "help / fleet");
        }
        pages->setCurrentWidget(child<QWidget>(&w, "startPage"));

        fillSimulation(w, QStringLiteral("st431-1-theatre.json"),
                       QStringLiteral("projector-reference.json"), true);
        QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
        auto* done = child<QPushButton>(&w, "doneButton");
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        VERIFY_NO_ENGLISH(&w, "run (waiting for the operator)");
        // Skip the first task (the default reason), then Done on each task to the end; each
        // action is complete when the task counter moves on.
        auto* progress = child<QLabel>(&w, "progressText");
        auto advance = [&](QPushButton* button) {
            const QString before = progress->text();
            QTest::mouseClick(button, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(
                progress->text() != before || currentPage(w) != QStringLiteral("runPage"),
                kRunTimeoutMs);
        };
        // (Skip now asks for a reason in a dialog; test_gui covers it. Here: readings only.)
        for (int i = 0; i < 20 && currentPage(w) == QStringLiteral("runPage"); ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(
                done->isEnabled() || currentPage(w) != QStringLiteral("runPage"), kRunTimeoutMs);
            if (i == 1) {
                VERIFY_NO_ENGLISH(&w, "run (after a reading)");
                const QDir shots(QStringLiteral(CINEMEASURE_GUI_SHOTS_DIR));
                QVERIFY(shots.mkpath(QStringLiteral(".")));
                QVERIFY(w.grab().save(shots.filePath(QStringLiteral("gui-run-zh_CN.png")), "PNG"));
            }
            if (currentPage(w) == QStringLiteral("runPage")) {
                advance(done);
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("resultsPage"), kRunTimeoutMs);
        VERIFY_NO_ENGLISH(&w, "results");
    }

    // The accent (selection, progress bars) is neutral: far in hue from the FAIL red and from
    // every verdict colour, so a progress bar never looks like a verdict.
    void accentIsNotAVerdictColour() {
        using cm::evaluation::Verdict;
        const QColor accent = qApp->palette().color(QPalette::Highlight);
        QCOMPARE(accent, accentColor());
        for (Verdict v :
             {Verdict::Pass, Verdict::Fail, Verdict::ConditionalPass, Verdict::ConditionalFail}) {
            const QColor c = verdictColor(v);
            QVERIFY2(hueDistance(accent, c) >= 60.0,
                     qPrintable(QStringLiteral("accent %1 close in hue to verdict colour %2")
                                    .arg(accent.name(), c.name())));
        }
        // Neutral: low saturation, not a signal colour.
        QVERIFY(accent.hslSaturationF() < 0.35);
    }

    // A verdict's text is readable on its colour in both themes (WCAG 2.1 AA, 4.5:1): the table
    // cells take the palette's text colour, so the light theme needs light verdict tints.
    // Chart marks (drawn on the palette's base) stand out from it by at least 3:1 (WCAG 1.4.11).
    void verdictColoursReadableInBothThemes() {
        using cm::evaluation::Verdict;
        for (const bool light : {false, true}) {
            light ? applyLightTheme(*qApp) : applyDarkTheme(*qApp);
            const QPalette p = qApp->palette();
            for (Verdict v : {Verdict::Pass, Verdict::Fail, Verdict::ConditionalPass,
                              Verdict::ConditionalFail, Verdict::NotEvaluated}) {
                const QColor bg = verdictColor(v);
                const double text = contrastRatio(p.color(QPalette::Text), bg);
                QVERIFY2(text >= 4.5, qPrintable(QStringLiteral("%1 theme: text %2 on %3: %4:1")
                                                     .arg(light ? "light" : "dark",
                                                          p.color(QPalette::Text).name(), bg.name())
                                                     .arg(text, 0, 'f', 2)));
                if (v == Verdict::NotEvaluated) {
                    continue;
                }
                const QColor mark = verdictMarkColor(v);
                QVERIFY(contrastRatio(limitColor(), p.color(QPalette::Base)) >= 3.0);
                const double markContrast = contrastRatio(mark, p.color(QPalette::Base));
                QVERIFY2(markContrast >= 3.0,
                         qPrintable(QStringLiteral("%1 theme: mark %2 on base %3: %4:1")
                                        .arg(light ? "light" : "dark", mark.name(),
                                             p.color(QPalette::Base).name())
                                        .arg(markContrast, 0, 'f', 2)));
            }
        }
        applyDarkTheme(*qApp);
    }

    // At 1366×768 the window fits the screen and the results table needs no horizontal scroll,
    // in English and in Chinese.
    void resultsFitALaptopScreen() {
        for (const QString& lang : {QString(), QStringLiteral("zh_CN")}) {
            if (!lang.isEmpty()) {
                QVERIFY(installTranslation(*qApp, lang));
            }
            MainWindow w(db());
            w.resize(1366, 768);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(w.minimumSizeHint().width() <= 1366);
            showResults(w);
            QCOMPARE(w.width(), 1366);
            auto* table = child<QTableWidget>(&w, "resultsTable");
            QTRY_VERIFY(table->rowCount() > 0);
            QTest::qWait(50);  // the header lays out its sections on posted events
            // The columns together are no wider than the table's viewport, and no scroll range.
            QVERIFY2(table->horizontalHeader()->length() <= table->viewport()->width(),
                     qPrintable(QStringLiteral("%1: columns %2 px in a viewport of %3 px")
                                    .arg(lang)
                                    .arg(table->horizontalHeader()->length())
                                    .arg(table->viewport()->width())));
            QVERIFY2(table->horizontalScrollBar()->maximum() == 0,
                     qPrintable(
                         QStringLiteral("%1: horizontal scroll of %2 px")
                             .arg(lang, QString::number(table->horizontalScrollBar()->maximum()))));
            removeTranslations();
        }
    }

    // The main window fits a 1366×768 laptop screen on every page, in English and Chinese: its
    // minimum size is no larger than the screen, and at that size no page scrolls sideways (each
    // page; the results page with a report in it).
    void everyPageFitsALaptopScreen() {
        for (const QString& lang : {QString(), QStringLiteral("zh_CN")}) {
            if (!lang.isEmpty()) {
                QVERIFY(installTranslation(*qApp, lang));
            }
            MainWindow w(db());
            w.resize(1366, 768);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            showResults(w);  // the results page with a report in it
            auto* pages = child<QStackedWidget>(&w, "pages");
            for (int i = 0; i < pages->count(); ++i) {
                QWidget* page = pages->widget(i);
                pages->setCurrentIndex(i);
                QTest::qWait(30);  // layouts settle on posted events
                const QString what = lang + QLatin1Char(' ') + page->objectName();
                const QSize hint = w.minimumSizeHint();
                QVERIFY2(hint.width() <= 1366 && hint.height() <= 768,
                         qPrintable(QStringLiteral("%1: window minimum %2×%3 (page %4×%5)")
                                        .arg(what)
                                        .arg(hint.width())
                                        .arg(hint.height())
                                        .arg(page->minimumSizeHint().width())
                                        .arg(page->minimumSizeHint().height())));
                QCOMPARE(w.size(), QSize(1366, 768));
                for (QAbstractScrollArea* a : page->findChildren<QAbstractScrollArea*>()) {
                    if (!a->isVisibleTo(page)) {
                        continue;
                    }
                    QVERIFY2(a->horizontalScrollBar()->maximum() == 0,
                             qPrintable(QStringLiteral("%1: %2 scrolls %3 px sideways")
                                            .arg(what, a->objectName())
                                            .arg(a->horizontalScrollBar()->maximum())));
                }
            }
            removeTranslations();
        }
    }

    // High-DPI: under QT_SCALE_FACTOR (the test_gui_look:hidpi runs set 2, a 2732×1536 panel
    // seen as 1366×768) the window and its painted charts come out at that pixel ratio, at full
    // resolution rather than upscaled, and the layout tests above hold in logical pixels.
    void paintsAtTheScreenPixelRatio() {
        const double want = qEnvironmentVariableIsSet("QT_SCALE_FACTOR")
                                ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble()
                                : 1.0;
        MainWindow w(db());
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        showResults(w);
        QCOMPARE(w.devicePixelRatio(), want);
        auto* tabs = child<QTabWidget>(&w, "diagramTabs");
        for (const char* name :
             {"cie1931Diagram", "cie1976Diagram", "luminanceMap", "contrastBars"}) {
            QWidget* chart = child<QWidget>(&w, name);
            tabs->setCurrentWidget(chart);
            QTRY_VERIFY(chart->isVisible());
            const QPixmap shot = chart->grab();
            QCOMPARE(shot.devicePixelRatio(), want);
            QCOMPARE(shot.width(), qRound(chart->width() * want));
            // Painted, not blank: more than a handful of distinct colours.
            const QImage img = shot.toImage();
            QSet<QRgb> colours;
            for (int y = 0; y < img.height(); y += 7) {
                for (int x = 0; x < img.width(); x += 7) {
                    colours.insert(img.pixel(x, y));
                }
            }
            QVERIFY2(colours.size() > 8, name);
        }
    }

    // The checkerboard contrast label is painted whole (not "ra-frame (checkerboard) contrast"):
    // its wrapped text fits the rectangle it is drawn in, at the size the results page gives it.
    void contrastLabelFullyVisible() {
        MainWindow w(db());
        w.resize(1366, 768);
        w.show();
        showResults(w);
        child<QTabWidget>(&w, "diagramTabs")->setCurrentIndex(3);
        auto* bars = child<ContrastBars>(&w, "contrastBars");
        QTRY_VERIFY(bars->isVisible());
        QVERIFY(bars->barCount() > 0);
        bool sawCheckerboard = false;
        for (const QSize size : {bars->size(), QSize(360, 220), QSize(300, 160)}) {
            bars->resize(size);
            const QFontMetricsF fm(bars->font());
            for (const auto& l : bars->labels()) {
                sawCheckerboard |= l.text.contains(QStringLiteral("checkerboard"));
                const QRectF need = fm.boundingRect(l.rect, ContrastBars::labelFlags(), l.text);
                QVERIFY2(need.width() <= l.rect.width() + 0.5 &&
                             need.height() <= l.rect.height() + 0.5 && l.rect.left() >= 0,
                         qPrintable(QStringLiteral("'%1' needs %2×%3, has %4×%5 at %6×%7")
                                        .arg(l.text)
                                        .arg(need.width())
                                        .arg(need.height())
                                        .arg(l.rect.width())
                                        .arg(l.rect.height())
                                        .arg(size.width())
                                        .arg(size.height())));
            }
        }
        QVERIFY(sawCheckerboard);
    }

    // The zoomed white-point inset never covers a primary of the DCI-P3 gamut (the red corner
    // of u′v′ sits top right) in either diagram, at the results page's and at small sizes.
    void chromaticityInsetLeavesThePrimariesVisible() {
        // SMPTE RP 431-2:2011 Table 1 primaries.
        const QPointF primaries[] = {{0.680, 0.320}, {0.265, 0.690}, {0.150, 0.060}};
        for (auto space :
             {ChromaticityDiagram::Space::CIE1931xy, ChromaticityDiagram::Space::CIE1976uv}) {
            ChromaticityDiagram d(space);
            for (const QSize size : {QSize(520, 480), QSize(420, 560), QSize(320, 300)}) {
                d.resize(size);
                const QRectF inset = d.insetRect().adjusted(-8, -8, 8, 8);
                for (const QPointF& p : primaries) {
                    QVERIFY2(!inset.contains(d.widgetPoint(p.x(), p.y())),
                             qPrintable(QStringLiteral("primary %1,%2 under the inset at %3×%4")
                                            .arg(p.x())
                                            .arg(p.y())
                                            .arg(size.width())
                                            .arg(size.height())));
                }
            }
        }
    }

    // The Help page explains the keyboard flow and is reached from the menu (F1).
    void helpPageShowsTheKeyboardFlow() {
        MainWindow w(db());
        w.show();
        QAction* help = w.findChild<QAction*>(QStringLiteral("helpAction"));
        QVERIFY(help != nullptr);
        help->trigger();
        QCOMPARE(currentPage(w), QStringLiteral("helpPage"));
        const QString text = child<QTextBrowser>(&w, "helpText")->toPlainText();
        for (const char* key : {"N or Enter", "Retake", "Pause", "Esc"}) {
            QVERIFY2(text.contains(QLatin1String(key)), key);
        }
        QTest::mouseClick(child<QPushButton>(&w, "helpBackButton"), Qt::LeftButton);
        QCOMPARE(currentPage(w), QStringLiteral("startPage"));
    }
};

QTEST_MAIN(TestGuiLook)
#include "test_gui_look.moc"

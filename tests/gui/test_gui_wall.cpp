// SPDX-License-Identifier: Apache-2.0
// GUI tests of the LED wall page and the session browser, driven through their widgets as a user
// would: a capture against the in-process PTP/IP camera simulator (through the real libgphoto2)
// walked pattern by pattern, the map and defects against the virtual wall's config, export
// against `cinemeasure wall`'s own files; the browser against a journal made for the test.
// Headers that pull in libmeasure come before Qt's (they must not see Qt's `emit` macro).
#include "app/common/data_paths.h"
#include "app/common/imaging/wall_analysis.h"
#include "app/common/present/wall_text.h"
#include "app/common/profile_catalog.h"
#include "app/common/session/session_list.h"
#include "app/common/session/session_store.h"
#include "app/gui/i18n.h"
#include "app/gui/main_window.h"
#include "app/gui/module_map.h"
#include "app/gui/sessions_page.h"
#include "app/gui/theme.h"
#include "app/gui/wall_page.h"
#include "tests/gui/english_left.h"
#include "tests/gui/widget_lookup.h"

#include <sqlite3.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

using namespace cm::gui;
using gui_test::action;
using gui_test::child;
using gui_test::column;
using gui_test::removeTranslations;

namespace {

// Generous bounds for a loaded 2-core machine.
constexpr int kJobTimeoutMs = 90000;
const QString kCal = QStringLiteral(CINEMEASURE_CALIBRATION_DIR);
const QString kWall = kCal + QStringLiteral("/virtual/led-sample-wall.json");

nlohmann::json readJson(const QString& file) {
    std::ifstream in(file.toStdString());
    return nlohmann::json::parse(in, nullptr, false);
}

QByteArray readAll(const QString& file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// `cinemeasure ARGS` against the shipped data; the output, or a failure with it.
QString cli(const QStringList& args, int* exitCode) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(CINEMEASURE_CLI),
            QStringList{QStringLiteral("--data-dir"), kCal} + args);
    p.waitForFinished(kJobTimeoutMs);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

/// A finished ST 431-1 session of the reference projector, certified by the CLI into `journal`
/// (the report in `out`), with `extra` options (site, auditorium).
QString certifySimulated(const QString& journal, const QString& out, const QStringList& extra,
                         int* exitCode) {
    return cli(
        QStringList{QStringLiteral("certify"), QStringLiteral("--profile"),
                    QStringLiteral("st431-1-theatre"), QStringLiteral("--simulate"),
                    kCal + QStringLiteral("/virtual/projector-reference.json"),
                    QStringLiteral("--time-scale"), QStringLiteral("0"), QStringLiteral("--quiet"),
                    QStringLiteral("--db"), journal, QStringLiteral("--out"), out} +
            extra,
        exitCode);
}

/// A PDF's text without the lines that differ between two runs of the same job: the date and
/// the simulated camera's port (a fresh TCP port each run).
QStringList pdfLines(const QString& pdf, const QString& date, const QString& port) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    p.waitForFinished(30000);
    QStringList keep;
    for (const QString& l : QString::fromUtf8(p.readAll()).split(QLatin1Char('\n'))) {
        if (!l.contains(date) && !l.contains(port)) {
            keep << l;
        }
    }
    return keep;
}

/// The window as the README shows it: `name`.png in the application's dark theme and
/// `name`-light.png in the light one (the screenshots folder of the GUI tests).
void saveShots(QWidget& w, const QString& name) {
    const QDir shots(QStringLiteral(CINEMEASURE_GUI_SHOTS_DIR));
    QVERIFY(shots.mkpath(QStringLiteral(".")));
    for (const bool light : {false, true}) {
        light ? applyLightTheme(*qApp) : applyDarkTheme(*qApp);
        QCoreApplication::processEvents();  // the palette reaches every widget by events
        const QString file = name + (light ? QStringLiteral("-light.png") : QStringLiteral(".png"));
        QVERIFY2(w.grab().save(shots.filePath(file), "PNG", 0), qPrintable(file));
    }
}

}  // namespace

class TestGuiWall : public QObject {
    Q_OBJECT
private:
    QTemporaryDir tmp_;
    std::filesystem::path db() const {
        return (tmp_.path() + QStringLiteral("/sessions.db")).toStdString();
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        // libgphoto2 writes $HOME/.gphoto/settings: a private HOME (inherited by the CLI too).
        QVERIFY(QDir(tmp_.path()).mkpath(QStringLiteral("home")));
        qputenv("HOME", QFile::encodeName(tmp_.path() + QStringLiteral("/home")));
        qputenv("CINEMEASURE_DB", QFile::encodeName(QString::fromStdString(db().string())));
        cm::app::setDataDirOverride(CINEMEASURE_CALIBRATION_DIR);
        for (const auto& e : cm::app::loadProfileDirectory(cm::app::dataDir() / "profiles")) {
            zh_check::profileIds().insert(QString::fromStdString(e.profile.id));
        }
    }

    void cleanup() { removeTranslations(); }

    // Every limit rule, note, source and count unit of an LED wall figure (libmeasure/imaging gives
    // them as typed values): in English the GUI says exactly what the CLI, PDF and analysis.json
    // say; in zh_CN every one is worded in Chinese, including both shipped limit sets' sources
    // (data).
    void wallFigureWordsFollowTheLanguage() {
        using L = cm::imaging::WallFigureLimit;
        using N = cm::imaging::WallFigureNote;
        std::vector<L> limits;
        for (L::Rule r : {L::Rule::RatioToWallMean, L::Rule::AdjacentStep, L::Rule::DxyToWall,
                          L::Rule::DuvAdjacent, L::Rule::SeamDepth, L::Rule::DeadBelow,
                          L::Rule::StuckAbove, L::Rule::AdjacentPixel, L::Rule::NoSaturation}) {
            L l;
            l.rule = r;
            l.min = 90;
            l.max = 1.5;
            l.low_level_max = 2;
            l.low_level_below_cdm2 = 0.1;
            l.ratio = 0.5;
            limits.push_back(l);
            if (r == L::Rule::DeadBelow || r == L::Rule::StuckAbove) {
                l.max_count = 0;
                limits.push_back(l);
            }
        }
        std::vector<N> notes;
        for (N::Kind k : {N::Kind::ModulesOutside, N::Kind::Monochrome, N::Kind::SeamsBeyond,
                          N::Kind::LedsBeyond, N::Kind::RetakeShorter}) {
            N n;
            n.kind = k;
            n.count = 3;
            n.of = 48;
            n.threshold_pct = 2;
            notes.push_back(n);
            if (k == N::Kind::SeamsBeyond) {
                n.has_worst = true;
                for (auto o : {cm::imaging::SeamOrientation::Vertical,
                               cm::imaging::SeamOrientation::Horizontal}) {
                    for (bool dark : {true, false}) {
                        n.worst_orientation = o;
                        n.worst_dark = dark;
                        n.worst_line_px = 23;
                        notes.push_back(n);
                    }
                }
            }
        }
        std::vector<cm::imaging::WallFigure> sources(3);
        sources[1].source_kind = cm::imaging::WallFigureSource::AreaAverage;
        sources[2].source_kind = cm::imaging::WallFigureSource::MeasurementValidity;
        const QDir walls(kCal + QStringLiteral("/led-walls"));
        for (const QString& f : walls.entryList({QStringLiteral("*.json")})) {
            const auto w = cm::app::loadWallLimits(walls.filePath(f).toStdString());
            for (const std::string* s :
                 {&w.luminance_source, &w.chromaticity_source, &w.seam_source, &w.dead_source,
                  &w.stuck_source, &w.adjacent_source}) {
                cm::imaging::WallFigure fig;
                fig.source = *s;
                sources.push_back(fig);
            }
        }
        QVERIFY(sources.size() >= 3 + 12);  // both shipped limit sets
        sources.erase(sources.begin());     // the empty one

        // English: the same words as app/common (the CLI, PDF and JSON).
        for (const auto& l : limits) {
            QCOMPARE(wallLimitText(l).toStdString(), cm::app::present::wallLimitText(l));
        }
        for (const auto& n : notes) {
            QCOMPARE(wallNoteText(n).toStdString(), cm::app::present::wallNoteText(n));
        }
        for (const auto& f : sources) {
            QCOMPARE(wallSourceText(f).toStdString(), cm::app::present::wallSourceText(f));
        }
        // Chinese: nothing left in English, and nothing merely copied.
        QVERIFY(installTranslation(*qApp, QStringLiteral("zh_CN")));
        QStringList bad;
        auto check = [&](const QString& zh, const std::string& en) {
            if (zh.toStdString() == en || !zh_check::englishWords(zh).isEmpty()) {
                bad << QString::fromStdString(en) + QStringLiteral("  →  ") + zh;
            }
        };
        for (const auto& l : limits) {
            if (l.rule != L::Rule::NoSaturation && l.rule != L::Rule::DxyToWall) {  // "0", "≤ x"
                check(wallLimitText(l), cm::app::present::wallLimitText(l));
            }
        }
        for (const auto& n : notes) {
            check(wallNoteText(n), cm::app::present::wallNoteText(n));
        }
        for (const auto& f : sources) {
            check(wallSourceText(f), cm::app::present::wallSourceText(f));
        }
        for (const std::string unit : {"LEDs", "cells"}) {  // the counts' units
            check(wallUnitText(unit), unit);
        }
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("LED wall words left in English:\n") +
                                           bad.join(QLatin1Char('\n'))));
    }

    // The LED wall page (before, while waiting for the operator, after the analysis) and the
    // session browser in zh_CN, against the PTP/IP camera simulator: no English left.
    void chineseWallAndSessionPagesHaveNoEnglish() {
        QVERIFY(installTranslation(*qApp, QStringLiteral("zh_CN")));
        // A certified session for the browser (the CLI, in the test's own journal); the site and
        // auditorium are what a Chinese operator types (typed data is not translated).
        const QString journal = tmp_.path() + QStringLiteral("/zh.db");
        int rc = 0;
        const QString log =
            certifySimulated(journal, tmp_.path() + QStringLiteral("/zh-certified"),
                             {QStringLiteral("--site"), QStringLiteral("北京影城"),
                              QStringLiteral("--auditorium"), QStringLiteral("3号厅")},
                             &rc);
        QVERIFY2(rc == 0, qPrintable(log));

        MainWindow w(journal.toStdString());
        w.resize(1366, 768);
        w.show();
        action(&w, "wallAction")->trigger();
        auto* page = w.wallPage();
        VERIFY_NO_ENGLISH(page, "wall (before a capture)");
        child<QLineEdit>(page, "wallLayout")->setText(kWall);
        child<QLineEdit>(page, "wallOut")->setText(tmp_.path() + QStringLiteral("/zh-wall"));
        child<QSpinBox>(page, "wallSensorWidth")->setValue(1200);
        child<QSpinBox>(page, "wallSensorHeight")->setValue(800);
        child<QCheckBox>(page, "wallWait")->setChecked(true);
        QSignalSpy failed(page, &WallPage::failed);
        QSignalSpy shown(page, &WallPage::analysisShown);
        QTest::mouseClick(child<QPushButton>(page, "wallCapture"), Qt::LeftButton);
        auto* cont = child<QPushButton>(page, "wallContinue");
        QTRY_VERIFY_WITH_TIMEOUT(cont->isEnabled() || !failed.isEmpty(), kJobTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(child<QLabel>(page, "wallStatus")->text()));
        VERIFY_NO_ENGLISH(page, "wall (waiting for the first pattern)");
        QTest::mouseClick(cont, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(cont->isEnabled() || !failed.isEmpty(), kJobTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(child<QLabel>(page, "wallStatus")->text()));
        VERIFY_NO_ENGLISH(page, "wall (waiting for the second pattern)");
        QTest::mouseClick(cont, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 || !failed.isEmpty(), kJobTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(child<QLabel>(page, "wallStatus")->text()));
        auto* map = page->moduleMap();
        QTest::mouseMove(map, map->moduleCentre(3).toPoint() + QPoint(2, 2));
        QTest::mouseMove(map, map->moduleCentre(3).toPoint());
        QTest::mouseClick(map, Qt::LeftButton, {}, map->moduleCentre(3).toPoint());
        child<QTableWidget>(page, "wallDefects")->selectRow(0);
        auto* tabs = child<QTabWidget>(page, "wallTabs");
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            VERIFY_NO_ENGLISH(page, "wall (analysed, a module and a defect chosen; each tab)");
        }
        // The README's Chinese shot shows the figures (the English one the module map).
        tabs->setCurrentWidget(child<QWidget>(page, "wallFigures"));
        // Values with the PDF's fixed decimals (a Δxy of 8.3e-05 reads 0.0001), never exponents.
        auto* figures = child<QTableWidget>(page, "wallFigures");
        QVERIFY(figures->rowCount() > 0);
        for (int r = 0; r < figures->rowCount(); ++r) {
            const QString value = figures->item(r, 1)->text();
            QVERIFY2(!value.contains(QRegularExpression(QStringLiteral("\\de[-+]"))),
                     qPrintable(value));
        }
        saveShots(w, QStringLiteral("gui-wall-zh_CN"));

        action(&w, "sessionsAction")->trigger();
        auto* browser = child<QWidget>(&w, "sessionsPage");
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QTableWidget>(browser, "sessionBrowserTable")->rowCount() == 1, kJobTimeoutMs);
        child<QTableWidget>(browser, "sessionBrowserTable")->selectRow(0);
        VERIFY_NO_ENGLISH(browser, "session browser");
        saveShots(w, QStringLiteral("gui-sessions-zh_CN"));
    }

    // The vendor's whole job in the window: simulated camera, both patterns confirmed one by one,
    // thumbnails, map (hover, click), defects (zoom), export identical to the CLI's files.
    void wallPageCapturesAnalysesAndExports() {
        MainWindow w(db());
        w.resize(1366, 768);
        w.show();
        action(&w, "wallAction")->trigger();
        auto* page = w.wallPage();
        QCOMPARE(child<QStackedWidget>(&w, "pages")->currentWidget(), page);
        const QString out = tmp_.path() + QStringLiteral("/gui-wall");
        child<QLineEdit>(page, "wallLayout")->setText(kWall);
        child<QSpinBox>(page, "wallSensorWidth")->setValue(1200);
        child<QSpinBox>(page, "wallSensorHeight")->setValue(800);
        child<QCheckBox>(page, "wallWait")->setChecked(true);
        QSignalSpy failed(page, &WallPage::failed);
        // No output folder: said in the page, nothing starts.
        QTest::mouseClick(child<QPushButton>(page, "wallCapture"), Qt::LeftButton);
        QCOMPARE(failed.count(), 1);
        QVERIFY(
            child<QLabel>(page, "wallStatus")->text().contains(QStringLiteral("output folder")));
        child<QLineEdit>(page, "wallOut")->setText(out);

        QSignalSpy shown(page, &WallPage::analysisShown);
        QTest::mouseClick(child<QPushButton>(page, "wallCapture"), Qt::LeftButton);
        auto* cont = child<QPushButton>(page, "wallContinue");
        auto* prompt = child<QLabel>(page, "wallPrompt");
        auto* plan = child<QListWidget>(page, "wallPlan");
        // Step 1: the job waits for the white pattern; the window keeps answering meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(cont->isEnabled(), kJobTimeoutMs);
        QCOMPARE(plan->count(), 2);
        QVERIFY2(prompt->text().contains(QStringLiteral("“white”")), qPrintable(prompt->text()));
        QVERIFY(plan->item(0)->text().contains(QStringLiteral("now")));
        QTest::qWait(200);
        QCOMPARE(child<QListWidget>(page, "wallThumbnails")->count(), 0);  // nothing taken yet
        QTest::mouseClick(cont, Qt::LeftButton);
        // Step 2: the grey defect pattern.
        QTRY_VERIFY_WITH_TIMEOUT(cont->isEnabled() || failed.count() > 1, kJobTimeoutMs);
        QVERIFY2(failed.count() == 1, qPrintable(child<QLabel>(page, "wallStatus")->text()));
        QVERIFY2(prompt->text().contains(QStringLiteral("“grey:0.5”")), qPrintable(prompt->text()));
        QVERIFY(plan->item(0)->text().contains(QStringLiteral("captured")));
        QVERIFY(child<QListWidget>(page, "wallThumbnails")->count() >= 1);
        QTest::mouseClick(cont, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 || failed.count() > 1, kJobTimeoutMs);
        QVERIFY2(failed.count() == 1, qPrintable(child<QLabel>(page, "wallStatus")->text()));

        // Thumbnails: one per capture on disk, each with a picture.
        auto* thumbs = child<QListWidget>(page, "wallThumbnails");
        const QStringList files =
            QDir(out + QStringLiteral("/captures")).entryList({QStringLiteral("IMG_*")});
        QCOMPARE(thumbs->count(), files.size());
        QVERIFY(files.size() >= 2);
        for (int i = 0; i < thumbs->count(); ++i) {
            QVERIFY(!thumbs->item(i)->icon().isNull());
        }

        // Defects: exactly the LEDs the virtual wall's config makes dead or stuck.
        std::set<std::pair<int, int>> truth;
        std::ifstream cfgIn(kWall.toStdString());
        const auto cfg = nlohmann::json::parse(cfgIn);
        for (const auto& d : cfg["led"]["dead_pixels"]) {
            truth.insert({d["x_px"].get<int>(), d["y_px"].get<int>()});
        }
        auto* defects = child<QTableWidget>(page, "wallDefects");
        std::set<std::pair<int, int>> listed;
        for (int r = 0; r < defects->rowCount(); ++r) {
            listed.insert(
                {defects->item(r, 1)->text().toInt(), defects->item(r, 2)->text().toInt()});
        }
        QVERIFY(listed == truth);
        defects->selectRow(0);
        QVERIFY(!child<QLabel>(page, "wallDefectZoom")->pixmap().isNull());

        // Export, then the CLI's own run of the same job: the same files with the same content
        // (only the date and the simulated camera's TCP port differ).
        QSignalSpy exported(page, &WallPage::exportFinished);
        QTest::mouseClick(child<QPushButton>(page, "wallExport"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(exported.count() == 1 || failed.count() > 1, kJobTimeoutMs);
        QCOMPARE(failed.count(), 1);
        const QString cliOut = tmp_.path() + QStringLiteral("/cli-wall");
        int rc = 0;
        const QString log = cli(
            {QStringLiteral("wall"), QStringLiteral("--simulate"), kWall, QStringLiteral("--size"),
             QStringLiteral("1200"), QStringLiteral("800"), QStringLiteral("--out"), cliOut},
            &rc);
        QVERIFY2(rc == 0, qPrintable(log));
        auto gui = readJson(out + QStringLiteral("/analysis.json"));
        auto ref = readJson(cliOut + QStringLiteral("/analysis.json"));
        QVERIFY(gui.is_object() && ref.is_object());
        const QString guiDate = QString::fromStdString(gui["date"].get<std::string>());
        const QString guiPort = QString::fromStdString(gui["camera"]["port"].get<std::string>());
        const QString refDate = QString::fromStdString(ref["date"].get<std::string>());
        const QString refPort = QString::fromStdString(ref["camera"]["port"].get<std::string>());
        QVERIFY(guiPort.startsWith(QStringLiteral("ptpip:")));
        for (auto* j : {&gui, &ref}) {
            j->erase("date");
            (*j)["camera"].erase("port");
        }
        QCOMPARE(QString::fromStdString(gui.dump(1)), QString::fromStdString(ref.dump(1)));
        QCOMPARE(readAll(out + QStringLiteral("/modules.csv")),
                 readAll(cliOut + QStringLiteral("/modules.csv")));
        QVERIFY(!readAll(out + QStringLiteral("/modules.csv")).isEmpty());
        const QStringList guiPdf = pdfLines(out + QStringLiteral("/report.pdf"), guiDate, guiPort);
        const QStringList refPdf =
            pdfLines(cliOut + QStringLiteral("/report.pdf"), refDate, refPort);
        QVERIFY(guiPdf.size() > 20);
        QCOMPARE(guiPdf, refPdf);

        // Hover: a module's values, the same numbers as the CLI's analysis.json for it.
        auto* map = page->moduleMap();
        const int k = 8 * 2 + 3;  // column 4, row 3 of the 8 × 6 modules
        // Two moves: the first one into a window may only be its enter event.
        QTest::mouseMove(map, map->moduleCentre(k).toPoint() + QPoint(2, 2));
        QTest::mouseMove(map, map->moduleCentre(k).toPoint());
        QTRY_COMPARE(map->hoveredModule(), k);
        const auto& m = ref["modules"][k];
        QCOMPARE(m["col"].get<int>(), 3);
        QCOMPARE(m["row"].get<int>(), 2);
        const QString info = child<QLabel>(page, "wallModuleInfo")->text();
        QVERIFY2(info.contains(QString::number(m["mean_cdm2"].get<double>(), 'f', 2)),
                 qPrintable(info));
        QVERIFY2(info.contains(QString::number(m["ratio_to_wall"].get<double>(), 'f', 4)),
                 qPrintable(info));
        QVERIFY(info.contains(QStringLiteral("column 4, row 3")));
        // Click: the module's LEDs (16 × 12 of them, each enlarged).
        QTest::mouseClick(map, Qt::LeftButton, {}, map->moduleCentre(k).toPoint());
        const QPixmap leds = child<QLabel>(page, "wallLedImage")->pixmap();
        QVERIFY(!leds.isNull());
        QCOMPARE(leds.width() * 12, leds.height() * 16);

        // For the README: the page at laptop size, a module chosen.
        saveShots(w, QStringLiteral("gui-wall"));
        // Fits a 1366 × 768 laptop screen without a horizontal scroll bar.
        QVERIFY(w.width() <= 1366);
        QVERIFY(page->minimumSizeHint().width() <= 1366);
    }

    // A camera fault (the simulated memory card fills): the error stands in the page with the
    // folder of the captures so far; the window stays usable and the next capture succeeds.
    void wallPageShowsCameraFaultAndRecovers() {
        MainWindow w(db());
        w.show();
        action(&w, "wallAction")->trigger();
        auto* page = w.wallPage();
        const QString out = tmp_.path() + QStringLiteral("/gui-fault");
        child<QLineEdit>(page, "wallLayout")->setText(kWall);
        child<QLineEdit>(page, "wallOut")->setText(out);
        child<QLineEdit>(page, "wallDefectPattern")->setText(QStringLiteral("none"));
        child<QSpinBox>(page, "wallSensorWidth")->setValue(480);
        child<QSpinBox>(page, "wallSensorHeight")->setValue(320);
        auto* fault = child<QComboBox>(page, "wallFault");
        fault->setCurrentIndex(fault->findData(QStringLiteral("card-full")));
        QSignalSpy failed(page, &WallPage::failed);
        QSignalSpy shown(page, &WallPage::analysisShown);
        auto* capture = child<QPushButton>(page, "wallCapture");
        QTest::mouseClick(capture, Qt::LeftButton);
        QVERIFY(!capture->isEnabled());  // one job at a time
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kJobTimeoutMs);
        const QString status = child<QLabel>(page, "wallStatus")->text();
        QVERIFY2(status.contains(QStringLiteral("card full")), qPrintable(status));
        QVERIFY2(status.contains(out + QStringLiteral("/captures")), qPrintable(status));
        QVERIFY(capture->isEnabled());
        QVERIFY(shown.isEmpty());
        fault->setCurrentIndex(fault->findData(QStringLiteral("none")));
        QTest::mouseClick(capture, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 || failed.count() > 1, kJobTimeoutMs);
        QCOMPARE(failed.count(), 1);
        QVERIFY(page->outcome() != nullptr);
    }

    // Analyse an existing image (like `cinemeasure wall --image`): the same analysis as the CLI.
    void wallPageAnalysesAnExistingImage() {
        // A frame from the simulated camera, written by the CLI (a DNG with its exposure).
        const QString shots = tmp_.path() + QStringLiteral("/shots");
        int rc = 0;
        QString log = cli(
            {QStringLiteral("wall"), QStringLiteral("--simulate"), kWall, QStringLiteral("--size"),
             QStringLiteral("1200"), QStringLiteral("800"), QStringLiteral("--defect-pattern"),
             QStringLiteral("none"), QStringLiteral("--out"), shots},
            &rc);
        QVERIFY2(rc == 0, qPrintable(log));
        const auto captures = readJson(shots + QStringLiteral("/analysis.json"))["captures"];
        QString image;
        for (const auto& c : captures) {
            if (c["accepted"].get<bool>()) {
                image = shots + QLatin1Char('/') + QString::fromStdString(c["file"]);
            }
        }
        QVERIFY(!image.isEmpty());
        const QString ref = tmp_.path() + QStringLiteral("/cli-image");
        log = cli({QStringLiteral("wall"), QStringLiteral("--image"), image,
                   QStringLiteral("--layout"), kWall, QStringLiteral("--out"), ref},
                  &rc);
        QVERIFY2(rc == 0, qPrintable(log));

        MainWindow w(db());
        w.show();
        action(&w, "wallAction")->trigger();
        auto* page = w.wallPage();
        const QString out = tmp_.path() + QStringLiteral("/gui-image");
        child<QLineEdit>(page, "wallLayout")->setText(kWall);
        child<QLineEdit>(page, "wallOut")->setText(out);
        QSignalSpy shown(page, &WallPage::analysisShown);
        QSignalSpy failed(page, &WallPage::failed);
        page->analyseImages({image});
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 || failed.count() == 1, kJobTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(child<QLabel>(page, "wallStatus")->text()));
        QSignalSpy exported(page, &WallPage::exportFinished);
        QTest::mouseClick(child<QPushButton>(page, "wallExport"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(exported.count() == 1 || failed.count() == 1, kJobTimeoutMs);
        auto gui = readJson(out + QStringLiteral("/analysis.json"));
        auto cliJson = readJson(ref + QStringLiteral("/analysis.json"));
        gui.erase("date");
        cliJson.erase("date");
        QCOMPARE(QString::fromStdString(gui.dump(1)), QString::fromStdString(cliJson.dump(1)));

        // A file that is not an image: the error stands in the page, the window goes on.
        const QString bad = tmp_.path() + QStringLiteral("/not-an-image.tif");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a TIFF");
        f.close();
        page->analyseImages({bad});
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, kJobTimeoutMs);
        QVERIFY(child<QLabel>(page, "wallStatus")->text().contains(QStringLiteral("not-an-image")));
        QVERIFY(child<QPushButton>(page, "wallCapture")->isEnabled());
    }

    // The session browser over a journal with three sessions: one certified by the CLI, one whose
    // writer died (interrupted), one paused; sorted by date both ways; exported as the CLI does;
    // archived.
    void sessionBrowserSortsExportsAndArchives() {
        const QString journal = tmp_.path() + QStringLiteral("/browser.db");
        int rc = 0;
        const QString log =
            certifySimulated(journal, tmp_.path() + QStringLiteral("/certified"),
                             {QStringLiteral("--site"), QStringLiteral("Cinema Central")}, &rc);
        QVERIFY2(rc == 0, qPrintable(log));
        std::string certified, older, oldest;
        {
            cm::app::SessionStore store(journal.toStdString());
            certified = store.sessions().front().id;
            cm::app::SessionInfo a;
            a.profile_id = "dyt9-projector-theatre";
            a.site = "Cinema Nord";
            a.operator_name = "A. Inspector";
            a.source = "/dev/ttyUSB0";
            older = store.createSession(a);
            store.setStatus(older, "paused");
            store.unlockSession(older);
            a.site = "Cinema Süd";
            oldest = store.createSession(a);
        }
        {
            // Dates of other days, and the second session's writer gone (pid 0x7ffffffe cannot
            // be alive): the journal as an earlier week left it.
            sqlite3* h = nullptr;
            QCOMPARE(sqlite3_open(journal.toUtf8().constData(), &h), SQLITE_OK);
            const std::string sql =
                "UPDATE sessions SET created_utc = '2025-03-01T10:00:00Z' WHERE id = '" + older +
                "'; UPDATE sessions SET created_utc = '2024-01-15T09:30:00Z', lock_pid = "
                "2147483646 WHERE id = '" +
                oldest + "';";
            QCOMPARE(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(h);
        }

        SessionsPage page(journal.toStdString());
        page.resize(1366, 700);
        page.show();
        QSignalSpy loaded(&page, &SessionsPage::loaded);
        page.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kJobTimeoutMs);
        QCOMPARE(loaded.front().front().toInt(), 3);
        auto* table = child<QTableWidget>(&page, "sessionBrowserTable");
        const int date = column(table, QStringLiteral("Date (UTC)"));
        const int site = column(table, QStringLiteral("Site"));
        const int status = column(table, QStringLiteral("Status"));
        const int session = column(table, QStringLiteral("Session"));
        const int readings = column(table, QStringLiteral("Readings"));
        auto dates = [&] {
            QStringList d;
            for (int r = 0; r < table->rowCount(); ++r) {
                d << table->item(r, date)->text().left(10);
            }
            return d;
        };
        // Click the date header: ascending, again: descending (the certified run is today's).
        const QString today =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd"));
        auto* header = table->horizontalHeader();
        const QPoint at(header->sectionViewportPosition(date) + header->sectionSize(date) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        const QStringList up{QStringLiteral("2024-01-15"), QStringLiteral("2025-03-01"), today};
        const QStringList down{today, QStringLiteral("2025-03-01"), QStringLiteral("2024-01-15")};
        QVERIFY(dates() == up || dates() == down);
        const QStringList first = dates();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(dates(), first == up ? down : up);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(dates(), first);
        if (dates() != up) {
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        }
        QCOMPARE(dates(), up);
        QCOMPARE(table->item(0, site)->text(), QStringLiteral("Cinema Süd"));
        QCOMPARE(table->item(0, status)->text(), QStringLiteral("interrupted"));
        QCOMPARE(table->item(1, status)->text(), QStringLiteral("paused"));
        QCOMPARE(table->item(2, status)->text(), QStringLiteral("complete"));
        QCOMPARE(table->item(2, site)->text(), QStringLiteral("Cinema Central"));
        QVERIFY(table->item(2, readings)->text().toInt() > 0);

        saveShots(page, QStringLiteral("gui-sessions"));

        // Export the certified session's report: the same JSON as `cinemeasure export`.
        table->selectRow(2);
        QCOMPARE(page.selectedSession(), QString::fromStdString(certified));
        QVERIFY(child<QPushButton>(&page, "sessionsResume")->isEnabled() == false);
        QSignalSpy exported(&page, &SessionsPage::exported);
        const QString guiJson = tmp_.path() + QStringLiteral("/browser-report.json");
        page.exportSession(page.selectedSession(), QStringLiteral("json"), guiJson);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, kJobTimeoutMs);
        const QString cliJson = tmp_.path() + QStringLiteral("/cli-report.json");
        const QString elog =
            cli({QStringLiteral("export"), QString::fromStdString(certified),
                 QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--db"),
                 journal, QStringLiteral("--out"), cliJson},
                &rc);
        QVERIFY2(rc == 0, qPrintable(elog));
        QCOMPARE(QString::fromStdString(readJson(guiJson).dump(1)),
                 QString::fromStdString(readJson(cliJson).dump(1)));

        // Archive the interrupted session, confirming the question.
        table->selectRow(0);
        const QString id = page.selectedSession();
        QCOMPARE(id, QString::fromStdString(oldest));
        QVERIFY(child<QPushButton>(&page, "sessionsResume")->isEnabled());
        QSignalSpy archived(&page, &SessionsPage::archived);
        QTimer::singleShot(0, [] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box != nullptr) {
                box->button(QMessageBox::Yes)->click();
            }
        });
        QTest::mouseClick(child<QPushButton>(&page, "sessionsArchive"), Qt::LeftButton);
        QCOMPARE(archived.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, kJobTimeoutMs);
        {
            cm::app::SessionStore store(journal.toStdString(),
                                        cm::app::SessionStore::Open::Existing);
            QCOMPARE(store.session(oldest).status, std::string("archived"));
            QCOMPARE(store.readings(certified).size() > 0, true);
        }
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, session)->text() == id) {
                QCOMPARE(table->item(r, status)->text(), QStringLiteral("archived"));
            }
        }
    }
};

QTEST_MAIN(TestGuiWall)
#include "test_gui_wall.moc"

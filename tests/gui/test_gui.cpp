// SPDX-License-Identifier: Apache-2.0
// GUI tests: the real main window driven through its widgets (offscreen or under xvfb-run), from
// the start page through the run to the exported report, with faults, resume and translation.
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/session/session_store.h"
#include "app/common/simulated_session.h"
#include "app/gui/i18n.h"
#include "app/gui/main_window.h"
#include "app/gui/results_page.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_page.h"
#include "app/gui/sessions_page.h"
#include "app/gui/start_page.h"
#include "app/gui/theme.h"
#include "drivers/families.h"
#include "drivers/virtual/virtual_theatre.h"
#include "english_left.h"
#include "libmeasure/util/json_view.h"
#include "tests/gui/widget_lookup.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFrame>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

using namespace cm::gui;
using gui_test::child;
using gui_test::currentPage;
using gui_test::removeTranslations;

namespace {

// Generous bounds for a loaded 2-core machine; each run takes well under a second unloaded.
constexpr int kRunTimeoutMs = 30000;

void choose(QComboBox* combo, const QString& startsWith) {
    // By shown text, or by the id an item carries as data (translated lists show words, not ids).
    int i = combo->findText(startsWith, Qt::MatchStartsWith);
    if (i < 0) {
        i = combo->findData(startsWith);
    }
    QVERIFY2(i >= 0, qPrintable(startsWith));
    combo->setCurrentIndex(i);
}

/// Fills the start page for a simulated run.
void fillSimulation(MainWindow& w, const QString& profile, const QString& theatre,
                    const QString& family = QStringLiteral("virtual")) {
    choose(child<QComboBox>(&w, "profileCombo"), profile);
    choose(child<QComboBox>(&w, "theatreCombo"), theatre);
    choose(child<QComboBox>(&w, "simFamilyCombo"), family);
    child<QDoubleSpinBox>(&w, "timeScaleSpin")->setValue(0.002);
    child<QLineEdit>(&w, "operatorEdit")->setText(QStringLiteral("GUI test"));
}

/// Rows of the results table: figure id → verdict as in the report ("PASS", "FAIL", ...).
std::map<QString, QString> verdictRows(MainWindow& w) {
    auto* table = child<QTableWidget>(&w, "resultsTable");
    std::map<QString, QString> rows;
    for (int r = 0; r < table->rowCount(); ++r) {
        rows[table->item(r, 0)->data(Qt::UserRole).toString()] =
            table->item(r, 3)->data(Qt::UserRole).toString();
    }
    return rows;
}

QJsonObject readJson(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// A K10-A simulator on a pseudo-terminal (the field runs' instrument), `time_scale` real seconds
/// per simulated second (a reading is 2 × 0.4 simulated s).
std::unique_ptr<cm::drivers::virt::PtySimulator> k10aSimulator(double time_scale = 0.0) {
    std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) +
                     "/virtual/projector-reference.json");
    const nlohmann::json cfg = nlohmann::json::parse(in);
    auto theatre = std::make_shared<cm::drivers::virt::VirtualTheatre>(
        cm::drivers::virt::parseTheatreConfig(cm::util::JsonView(cfg, "reference")));
    cm::drivers::virt::SimulatorCommon common;
    common.time_scale = time_scale;
    auto simulator = cm::drivers::findFamily("k10a")->makeSimulator(theatre, common);
    simulator->start();
    return simulator;
}

/// Fills the start page for a field run with the K10-A on `port` (a rehearsal: not fit for
/// ST 431-1) and starts it.
void startFieldRun(MainWindow& w, const QString& port) {
    choose(child<QComboBox>(&w, "profileCombo"), QStringLiteral("st431-1-theatre"));
    child<QRadioButton>(&w, "serialRadio")->setChecked(true);
    child<QComboBox>(&w, "portCombo")->setEditText(port);
    choose(child<QComboBox>(&w, "serialFamilyCombo"), QStringLiteral("k10a"));
    child<QCheckBox>(&w, "allowUnfitCheck")->setChecked(true);
    child<QLineEdit>(&w, "siteEdit")->setText(QStringLiteral("Cinema 3"));
    child<QLineEdit>(&w, "auditoriumEdit")->setText(QStringLiteral("Hall 7"));
    child<QLineEdit>(&w, "operatorEdit")->setText(QStringLiteral("GUI test"));
    child<QDoubleSpinBox>(&w, "screenWidthSpin")->setValue(12.0);
    child<QDoubleSpinBox>(&w, "screenHeightSpin")->setValue(5.0);
    QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
}

/// Sessions in the journal whose source starts with "field: k10a on PORT".
std::vector<cm::app::SessionInfo> fieldSessions(const std::filesystem::path& db,
                                                const std::string& port) {
    cm::app::SessionStore store(db);
    std::vector<cm::app::SessionInfo> out;
    for (const auto& s : store.sessions()) {
        if (s.source == "field: k10a on " + port) {
            out.push_back(s);
        }
    }
    return out;
}

}  // namespace

class TestGui : public QObject {
    Q_OBJECT
private:
    QTemporaryDir tmp_;
    QDir shots_;

    std::filesystem::path db() const {
        return (tmp_.path() + QStringLiteral("/sessions.db")).toStdString();
    }
    void shot(QWidget& w, const QString& name) {
        // Quality 0 is PNG's strongest compression: the files stay small for the README.
        QVERIFY(w.grab().save(shots_.filePath(name + QStringLiteral(".png")), "PNG", 0));
    }

    /// Starts a simulated PR-670 run of ST 431-1 whose 2nd reading is too dark for the meter;
    /// returns the run page's state line (where the run asks the operator).
    QLabel* startTooDarkRun(MainWindow& w) {
        fillSimulation(w, QStringLiteral("st431-1-theatre"),
                       QStringLiteral("projector-reference.json"), QStringLiteral("pr6xx"));
        choose(child<QComboBox>(&w, "faultCombo"), QStringLiteral("too-dark"));
        child<QSpinBox>(&w, "faultAtSpin")->setValue(2);
        QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
        return child<QLabel>(&w, "stateLabel");
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        qputenv("CINEMEASURE_DB", QFile::encodeName(tmp_.path() + QStringLiteral("/sessions.db")));
        // Remembered field inputs (QSettings) go to this test's folder, never the user's.
        QCoreApplication::setOrganizationName(QStringLiteral("cinemeasure-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, tmp_.path());
        cm::app::setDataDirOverride(CINEMEASURE_CALIBRATION_DIR);
        applyDarkTheme(*qApp);
        // Profile ids are names, allowed in the Chinese pages.
        for (const auto& e : cm::app::loadProfileDirectory(cm::app::dataDir() / "profiles")) {
            zh_check::profileIds().insert(QString::fromStdString(e.profile.id));
        }
        shots_ = QDir(QStringLiteral(CINEMEASURE_GUI_SHOTS_DIR));
        QVERIFY(shots_.mkpath(QStringLiteral(".")));
    }

    // A full ST 431-1 certification through the widgets: Done by key and by click, one retake,
    // results table, diagrams and the exported files.
    void fullSimulatedCertification() {
        MainWindow w(db());
        w.show();
        // Shortcuts need the active window; under xvfb-run there is no window manager to give it.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        fillSimulation(w, QStringLiteral("st431-1-theatre"),
                       QStringLiteral("projector-reference.json"));
        child<QCheckBox>(&w, "confirmCheck")->setChecked(true);  // step through like a real meter
        QVERIFY(child<QLabel>(&w, "profileInfo")->text().contains(QStringLiteral("SDR")));
        shot(w, QStringLiteral("start"));
        QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
        QCOMPARE(currentPage(w), QStringLiteral("runPage"));
        auto* done = child<QPushButton>(&w, "doneButton");
        auto* aim = child<QLabel>(&w, "aimLabel");
        auto* run = w.runPage();

        // Task 1 by the keyboard shortcut, task 2 by a click.
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        QVERIFY(aim->text().contains(QStringLiteral("C (")));
        QCOMPARE(child<QLabel>(&w, "patternLabel")->text(), QStringLiteral("Show pattern: white"));
        QTest::keyClick(&w, Qt::Key_N);
        QTRY_COMPARE_WITH_TIMEOUT(run->readingsTaken(), 1, kRunTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        QTest::mouseClick(done, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(run->readingsTaken(), 2, kRunTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        shot(w, QStringLiteral("run"));
        // Retake (R): back to task 2, whose reading leaves the journal (kept there as a note).
        QTest::keyClick(&w, Qt::Key_R);
        QTRY_COMPARE_WITH_TIMEOUT(run->readingsTaken(), 1, kRunTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            done->isEnabled() && aim->text().startsWith(QStringLiteral("Aim at: L")),
            kRunTimeoutMs);
        for (int taken = 2; taken <= 5; ++taken) {
            QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
            QTest::keyClick(&w, Qt::Key_N);
            QTRY_COMPARE_WITH_TIMEOUT(run->readingsTaken(), taken, kRunTimeoutMs);
        }
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("resultsPage"), kRunTimeoutMs);

        const auto rows = verdictRows(w);
        QCOMPARE(rows.size(), std::size_t{7});
        for (const auto& [id, verdict] : rows) {
            QVERIFY2(verdict == QStringLiteral("PASS"),
                     qPrintable(id + QStringLiteral(" ") + verdict));
        }
        QCOMPARE(child<QTableWidget>(&w, "resultsTable")->item(0, 3)->text(),
                 QStringLiteral("PASS"));
        QVERIFY(child<QLabel>(&w, "decisionRuleLabel")
                    ->text()
                    .contains(QStringLiteral("simple acceptance")));
        QVERIFY(child<QLabel>(&w, "overallVerdict")
                    ->text()
                    .startsWith(QStringLiteral("Overall: PASS")));
        shot(w, QStringLiteral("results"));
        auto* tabs = child<QTabWidget>(&w, "diagramTabs");
        const char* tabNames[] = {"results-cie1931", "results-cie1976", "results-luminance",
                                  "results-contrast"};
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            shot(*tabs->currentWidget(), QString::fromLatin1(tabNames[i]));
        }

        const QString out = tmp_.path() + QStringLiteral("/full");
        child<QLineEdit>(&w, "exportDirEdit")->setText(out);
        QTest::mouseClick(child<QPushButton>(&w, "exportAllButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(&w, "exportStatus")->text().startsWith(QStringLiteral("Written")),
            kRunTimeoutMs);
        QFile pdf(out + QStringLiteral("/report.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.read(5), QByteArray("%PDF-"));
        QVERIFY(pdf.size() > 10000);
        const QJsonObject rep = readJson(out + QStringLiteral("/report.json"));
        QCOMPARE(rep[QStringLiteral("overall_verdict")].toString(), QStringLiteral("PASS"));
        QCOMPARE(rep[QStringLiteral("readings")].toArray().size(), 5);
        QFile csv(out + QStringLiteral("/report.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        // Header, one line per figure and one per reading.
        QCOMPARE(csv.readAll().count('\n'),
                 1 + rep[QStringLiteral("figures")].toArray().size() + 5);

        // The journal: complete, five readings, the retaken one preserved as a note.
        cm::app::SessionStore store(db());
        const auto sid = rep[QStringLiteral("run")]
                             .toObject()[QStringLiteral("session_id")]
                             .toString()
                             .toStdString();
        QCOMPARE(store.session(sid).status, std::string("complete"));
        QCOMPARE(store.readings(sid).size(), std::size_t{5});
        const auto notes = store.notes(sid);
        QCOMPARE(notes.size(), std::size_t{1});
        QVERIFY(notes.front().rfind("retake: reading 2 (step white, point L", 0) == 0);
    }

    // The dim-corners theatre under the review-room profile fails exactly the four corner rows.
    void dimCornersFailExactlyTheCorners() {
        MainWindow w(db());
        w.show();
        fillSimulation(w, QStringLiteral("st431-1-review"),
                       QStringLiteral("projector-dim-corners.json"));
        QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("resultsPage"), kRunTimeoutMs);
        std::set<QString> failed;
        for (const auto& [id, verdict] : verdictRows(w)) {
            if (verdict == QStringLiteral("FAIL")) {
                failed.insert(id);
            } else {
                QCOMPARE(verdict, QStringLiteral("PASS"));
            }
        }
        const std::set<QString> corners = {
            QStringLiteral("corner_TL_percent"), QStringLiteral("corner_TR_percent"),
            QStringLiteral("corner_BL_percent"), QStringLiteral("corner_BR_percent")};
        QCOMPARE(failed, corners);
        QVERIFY(child<QLabel>(&w, "overallVerdict")
                    ->text()
                    .startsWith(QStringLiteral("Overall: FAIL")));
        auto* table = child<QTableWidget>(&w, "resultsTable");
        for (int r = 0; r < table->rowCount(); ++r) {
            const bool isFail =
                table->item(r, 3)->data(Qt::UserRole).toString() == QStringLiteral("FAIL");
            QCOMPARE(table->item(r, 3)->background().color(),
                     verdictColor(isFail ? cm::evaluation::Verdict::Fail
                                         : cm::evaluation::Verdict::Pass));
        }
        child<QTabWidget>(&w, "diagramTabs")->setCurrentIndex(2);
        shot(w, QStringLiteral("results-dim-corners"));
    }

    // The PR-6xx simulator unplugs at the 3rd measurement: the message with Retry shows, the two
    // readings stay, Retry reconnects and the run completes with the first readings unchanged.
    void unplugShowsRetryAndKeepsReadings() {
        MainWindow w(db());
        w.show();
        fillSimulation(w, QStringLiteral("st431-1-theatre"),
                       QStringLiteral("projector-reference.json"), QStringLiteral("pr6xx"));
        choose(child<QComboBox>(&w, "faultCombo"), QStringLiteral("unplug"));
        child<QSpinBox>(&w, "faultAtSpin")->setValue(3);
        QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
        auto* panel = child<QFrame>(&w, "faultPanel");
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), kRunTimeoutMs);
        QCOMPARE(currentPage(w), QStringLiteral("runPage"));
        QCOMPARE(w.runPage()->readingsTaken(), 2);
        const QString text = child<QLabel>(&w, "faultText")->text();
        QVERIFY2(text.contains(QStringLiteral("disconnected")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("2 reading(s) are kept")));
        shot(w, QStringLiteral("fault"));

        cm::app::SessionStore store(db());
        std::string sid;
        for (const auto& s : store.sessions()) {
            if (s.status == "interrupted") {
                sid = s.id;
            }
        }
        QVERIFY(!sid.empty());
        const auto before = store.readings(sid);
        QCOMPARE(before.size(), std::size_t{2});

        auto* retry = child<QPushButton>(&w, "retryButton");
        QVERIFY(retry->isEnabled());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("resultsPage"), kRunTimeoutMs);
        QVERIFY(!panel->isVisible());
        const auto after = store.readings(sid);
        QCOMPARE(after.size(), std::size_t{5});
        for (std::size_t i = 0; i < before.size(); ++i) {
            QCOMPARE(after[i].reading.xyz_cdm2.Y, before[i].reading.xyz_cdm2.Y);
            QCOMPARE(after[i].reading.timestamp_utc, before[i].reading.timestamp_utc);
        }
        QCOMPARE(store.session(sid).status, std::string("complete"));
        QCOMPARE(verdictRows(w).size(), std::size_t{7});
    }

    // A session cut by the CLI (instrument unplugged, exit 3) appears in the GUI's list of
    // unfinished sessions and resumes there to a complete report.
    void resumeInterruptedSession() {
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(QStringLiteral(CINEMEASURE_CLI),
                  {QStringLiteral("--data-dir"),
                   QStringLiteral(CINEMEASURE_CALIBRATION_DIR),
                   QStringLiteral("certify"),
                   QStringLiteral("--profile"),
                   QStringLiteral("st431-1-theatre"),
                   QStringLiteral("--simulate"),
                   QStringLiteral(CINEMEASURE_CALIBRATION_DIR "/virtual/projector-reference.json"),
                   QStringLiteral("--instrument"),
                   QStringLiteral("pr6xx"),
                   QStringLiteral("--fault"),
                   QStringLiteral("unplug"),
                   QStringLiteral("--fault-at"),
                   QStringLiteral("4"),
                   QStringLiteral("--time-scale"),
                   QStringLiteral("0.001"),
                   QStringLiteral("--quiet"),
                   QStringLiteral("--db"),
                   QString::fromStdString(db().string()),
                   QStringLiteral("--out"),
                   tmp_.path() + QStringLiteral("/cut")});
        QVERIFY(cli.waitForFinished(kRunTimeoutMs));
        QCOMPARE(cli.exitCode(), 3);
        const QString output = QString::fromUtf8(cli.readAll());
        const auto at = output.indexOf(QStringLiteral("kept in session "));
        QVERIFY2(at >= 0, qPrintable(output));
        const QString sid = output.mid(at + 16, 20);

        MainWindow w(db());
        w.show();
        auto* table = child<QTableWidget>(&w, "sessionsTable");
        int row = -1;
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == sid) {
                row = r;
            }
        }
        QVERIFY2(row >= 0, qPrintable(sid));
        QCOMPARE(table->item(row, 1)->text(), QStringLiteral("interrupted"));
        QCOMPARE(table->item(row, 3)->text(), QStringLiteral("3"));
        table->selectRow(row);
        shot(w, QStringLiteral("resume"));
        QTest::mouseClick(child<QPushButton>(&w, "resumeButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("resultsPage"), kRunTimeoutMs);
        QCOMPARE(verdictRows(w).size(), std::size_t{7});
        QVERIFY(w.resultsPage()->report()->complete);
        QCOMPARE(w.resultsPage()->report()->readings.size(), std::size_t{5});
        cm::app::SessionStore store(db());
        QCOMPARE(store.session(sid.toStdString()).status, std::string("complete"));
        // A resumed session leaves the list of unfinished ones.
        w.startPage()->refreshSessions();
        for (int r = 0; r < table->rowCount(); ++r) {
            QVERIFY(table->item(r, 0)->text() != sid);
        }
    }

    // The Simplified Chinese translation is compiled in and loads.
    // A real-instrument (field) run: the K10-A driver on a pseudo-terminal, the operator pressing
    // Done, skipping one point with a reason and pausing; the session is a field session, the skip
    // is journaled and the report lists it.
    void fieldRunWithSkipAndPause() {
        std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) +
                         "/virtual/projector-reference.json");
        const nlohmann::json cfg = nlohmann::json::parse(in);
        auto theatre = std::make_shared<cm::drivers::virt::VirtualTheatre>(
            cm::drivers::virt::parseTheatreConfig(cm::util::JsonView(cfg, "reference")));
        cm::drivers::virt::SimulatorCommon common;
        auto simulator = cm::drivers::findFamily("k10a")->makeSimulator(theatre, common);
        simulator->start();

        MainWindow w(db());
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        choose(child<QComboBox>(&w, "profileCombo"), QStringLiteral("st431-1-theatre"));
        child<QRadioButton>(&w, "serialRadio")->setChecked(true);
        child<QComboBox>(&w, "portCombo")
            ->setEditText(QString::fromStdString(simulator->devicePath()));
        choose(child<QComboBox>(&w, "serialFamilyCombo"), QStringLiteral("k10a"));
        // A K10-A (5° field, uncorrected) is not fit for ST 431-1 (≤ 2°): a rehearsal only.
        child<QCheckBox>(&w, "allowUnfitCheck")->setChecked(true);
        child<QLineEdit>(&w, "siteEdit")->setText(QStringLiteral("Cinema 3"));
        child<QLineEdit>(&w, "auditoriumEdit")->setText(QStringLiteral("Hall 7"));
        child<QLineEdit>(&w, "operatorEdit")->setText(QStringLiteral("GUI test"));
        child<QDoubleSpinBox>(&w, "screenWidthSpin")->setValue(12.0);
        child<QDoubleSpinBox>(&w, "screenHeightSpin")->setValue(5.0);
        QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
        QCOMPARE(currentPage(w), QStringLiteral("runPage"));
        auto* done = child<QPushButton>(&w, "doneButton");
        auto* run = w.runPage();
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        QTest::mouseClick(done, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(run->readingsTaken(), 1, kRunTimeoutMs);
        // Skip the left side with a reason.
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        child<QLineEdit>(&w, "skipReasonEdit")->setText(QStringLiteral("exit sign in the way"));
        QTest::mouseClick(child<QPushButton>(&w, "skipButton"), Qt::LeftButton);
        // Pause and resume: nothing is measured while paused, the run goes on afterwards.
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        auto* pause = child<QPushButton>(&w, "pauseButton");
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(pause->isChecked());
        QTest::qWait(300);
        QCOMPARE(run->readingsTaken(), 1);
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(!pause->isChecked());
        for (int taken = 2; taken <= 4; ++taken) {
            QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
            QTest::mouseClick(done, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(run->readingsTaken(), taken, kRunTimeoutMs);
        }
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("resultsPage"), kRunTimeoutMs);
        const auto rows = verdictRows(w);
        QCOMPARE(rows.at(QStringLiteral("side_L_percent")), QStringLiteral("NOT EVALUATED"));

        cm::app::SessionStore store(db());
        const auto sessions = store.sessions();
        const auto it = std::find_if(sessions.begin(), sessions.end(), [](const auto& i) {
            return i.source.rfind("field: k10a on ", 0) == 0;
        });
        QVERIFY(it != sessions.end());
        QCOMPARE(store.readings(it->id).size(), std::size_t{4});
        const auto skips = store.skips(it->id);
        QCOMPARE(skips.size(), std::size_t{1});
        QCOMPARE(skips.front().point_id, std::string("L"));
        QCOMPARE(skips.front().reason, std::string("exit sign in the way"));
        // The stored session is a field session the CLI can resume or export.
        QVERIFY(cm::app::prepareSimulation(store.session(it->id)).field);
    }

    // Skip needs a reason: with none typed, a dialog asks for it; an empty answer skips nothing.
    void skipRequiresReason() {
        auto simulator = k10aSimulator();
        const QString port = QString::fromStdString(simulator->devicePath());
        MainWindow w(db());
        w.show();
        startFieldRun(w, port);
        auto* done = child<QPushButton>(&w, "doneButton");
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        QTest::mouseClick(child<QPushButton>(&w, "skipButton"), Qt::LeftButton);
        auto* dialog = w.findChild<QInputDialog*>(QStringLiteral("skipReasonDialog"));
        QVERIFY(dialog != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        dialog->setTextValue(QStringLiteral("   "));
        dialog->accept();
        QTRY_VERIFY(child<QLabel>(&w, "stateLabel")->text().contains(QStringLiteral("reason")));
        QTest::qWait(300);
        const auto sessions = fieldSessions(db(), simulator->devicePath());
        QCOMPARE(sessions.size(), std::size_t{1});
        cm::app::SessionStore store(db());
        QCOMPARE(store.skips(sessions.front().id).size(), std::size_t{0});
        QTest::mouseClick(child<QPushButton>(&w, "skipButton"), Qt::LeftButton);
        QTRY_VERIFY((dialog = w.findChild<QInputDialog*>(QStringLiteral("skipReasonDialog"))) &&
                    dialog->isVisible());
        dialog->setTextValue(QStringLiteral("lamp flickering"));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(store.skips(sessions.front().id).size(), std::size_t{1},
                                  kRunTimeoutMs);
        QCOMPARE(store.skips(sessions.front().id).front().reason, std::string("lamp flickering"));
        QCOMPARE(store.skips(sessions.front().id).front().point_id, std::string("C"));
    }

    // Pause really stops: N (and Done) while paused do nothing, and nothing fires on resume.
    void pauseThenResumeIgnoresDoneWhilePaused() {
        auto simulator = k10aSimulator();
        MainWindow w(db());
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        startFieldRun(w, QString::fromStdString(simulator->devicePath()));
        auto* done = child<QPushButton>(&w, "doneButton");
        auto* run = w.runPage();
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        auto* pause = child<QPushButton>(&w, "pauseButton");
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(pause->isChecked());
        QVERIFY(child<QLabel>(&w, "stateLabel")->text().contains(QStringLiteral("Paused")));
        QTest::keyClick(&w, Qt::Key_N);
        done->click();
        QTest::qWait(500);
        QCOMPARE(run->readingsTaken(), 0);
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(!pause->isChecked());
        QTest::qWait(800);  // a Done queued while paused would have fired by now
        QCOMPARE(run->readingsTaken(), 0);
        QCOMPARE(simulator->measurementsServed(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        QTest::mouseClick(done, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(run->readingsTaken(), 1, kRunTimeoutMs);
    }

    // Stop asks first: No keeps the run going, Yes stops it with the readings kept.
    void stopAsksForConfirmation() {
        auto simulator = k10aSimulator();
        MainWindow w(db());
        w.show();
        startFieldRun(w, QString::fromStdString(simulator->devicePath()));
        auto* done = child<QPushButton>(&w, "doneButton");
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        QTest::mouseClick(done, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w.runPage()->readingsTaken(), 1, kRunTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        QTest::mouseClick(child<QPushButton>(&w, "stopButton"), Qt::LeftButton);
        auto* box = w.findChild<QMessageBox*>(QStringLiteral("stopConfirmBox"));
        QVERIFY(box != nullptr);
        QTRY_VERIFY(box->isVisible());
        box->button(QMessageBox::No)->click();
        QTest::qWait(300);
        QCOMPARE(currentPage(w), QStringLiteral("runPage"));
        QTest::mouseClick(child<QPushButton>(&w, "stopButton"), Qt::LeftButton);
        QTRY_VERIFY((box = w.findChild<QMessageBox*>(QStringLiteral("stopConfirmBox"))) &&
                    box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("startPage"), kRunTimeoutMs);
        const auto sessions = fieldSessions(db(), simulator->devicePath());
        QCOMPARE(sessions.size(), std::size_t{1});
        QCOMPARE(sessions.front().status, std::string("interrupted"));
        QCOMPARE(sessions.front().reading_count, std::size_t{1});
    }

    // A long reading (about 2.4 s) is cancelled: the window answers at once while the meter
    // integrates, the reading is discarded when it arrives, nothing is journaled.
    void cancelLongReadingKeepsWindowResponsive() {
        auto simulator = k10aSimulator(3.0);
        MainWindow w(db());
        w.show();
        startFieldRun(w, QString::fromStdString(simulator->devicePath()));
        auto* done = child<QPushButton>(&w, "doneButton");
        auto* cancel = child<QPushButton>(&w, "cancelButton");
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        // The meter is identified: model and serial on the page.
        const QString meter = child<QLabel>(&w, "instrumentLabel")->text();
        QVERIFY2(meter.contains(QStringLiteral("serial")), qPrintable(meter));
        QTest::mouseClick(done, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(cancel->isEnabled(), kRunTimeoutMs);
        QTest::mouseClick(cancel, Qt::LeftButton);
        // Responsive: a zero-delay timer fires within a few hundred ms, repeatedly, while the
        // worker is still waiting for the instrument.
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            bool fired = false;
            QTimer::singleShot(0, &w, [&fired] { fired = true; });
            QTRY_VERIFY_WITH_TIMEOUT(fired, 1000);
            QVERIFY2(t.elapsed() < 500, qPrintable(QString::number(t.elapsed())));
            QTest::qWait(100);
        }
        auto* log = child<QListWidget>(&w, "eventLog");
        QTRY_VERIFY_WITH_TIMEOUT(
            !log->findItems(QStringLiteral("discarded"), Qt::MatchContains).isEmpty(),
            kRunTimeoutMs);
        QCOMPARE(w.runPage()->readingsTaken(), 0);
        const auto sessions = fieldSessions(db(), simulator->devicePath());
        QCOMPARE(sessions.size(), std::size_t{1});
        QCOMPARE(sessions.front().reading_count, std::size_t{0});
    }

    // Field runs need site, auditorium and operator; a port that does not open is refused before
    // the session exists; what was typed is remembered for the next field run.
    void fieldInputsRequiredCheckedAndRemembered() {
        QSettings().remove(QStringLiteral("field"));
        const std::size_t before = cm::app::SessionStore(db()).sessions().size();
        {
            MainWindow w(db());
            w.show();
            choose(child<QComboBox>(&w, "profileCombo"), QStringLiteral("st431-1-theatre"));
            child<QRadioButton>(&w, "serialRadio")->setChecked(true);
            child<QComboBox>(&w, "portCombo")->setEditText(QStringLiteral("/dev/null/none"));
            child<QLineEdit>(&w, "siteEdit")->setText(QStringLiteral("Cinema 9"));
            child<QLineEdit>(&w, "auditoriumEdit")->clear();
            child<QLineEdit>(&w, "operatorEdit")->setText(QStringLiteral("A. Inspector"));
            child<QDoubleSpinBox>(&w, "screenWidthSpin")->setValue(12.0);
            child<QDoubleSpinBox>(&w, "screenHeightSpin")->setValue(5.0);
            QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
            QCOMPARE(currentPage(w), QStringLiteral("startPage"));
            QVERIFY(!child<QPushButton>(&w, "startButton")->isEnabled());
            QVERIFY(child<QLabel>(&w, "auditoriumProblem")
                        ->text()
                        .contains(QStringLiteral("auditorium")));
            child<QLineEdit>(&w, "auditoriumEdit")->setText(QStringLiteral("Hall 2"));
            QTest::mouseClick(child<QPushButton>(&w, "startButton"), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(
                child<QLabel>(&w, "startMessage")->text().contains(QStringLiteral("Cannot open")),
                kRunTimeoutMs);
            QCOMPARE(currentPage(w), QStringLiteral("startPage"));
            QCOMPARE(cm::app::SessionStore(db()).sessions().size(), before);
        }
        MainWindow w(db());
        child<QRadioButton>(&w, "serialRadio")->setChecked(true);
        QCOMPARE(child<QLineEdit>(&w, "siteEdit")->text(), QStringLiteral("Cinema 9"));
        QCOMPARE(child<QLineEdit>(&w, "auditoriumEdit")->text(), QStringLiteral("Hall 2"));
        QCOMPARE(child<QLineEdit>(&w, "operatorEdit")->text(), QStringLiteral("A. Inspector"));
        QCOMPARE(child<QComboBox>(&w, "portCombo")->currentText(),
                 QStringLiteral("/dev/null/none"));
        QCOMPARE(child<QDoubleSpinBox>(&w, "screenWidthSpin")->value(), 12.0);
        QVERIFY(child<QPushButton>(&w, "startButton")->isEnabled());
    }

    // The start page checks each input as it is typed, with app/common's per-input check: a
    // problem under each wrong field, Start disabled with the reason until every one is fixed.
    // In zh_CN the same, with no English left on the page.
    void startPageChecksInputsAsTyped() {
        const QString tmp = tmp_.path();
        QFile file(tmp + QStringLiteral("/a-file"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        for (const QString& lang : {QString(), QStringLiteral("zh_CN")}) {
            if (!lang.isEmpty()) {
                QVERIFY(installTranslation(*qApp, lang));
            }
            QSettings().remove(QStringLiteral("field"));  // nothing remembered: all empty
            MainWindow w(db());
            w.show();
            auto* start = child<QPushButton>(&w, "startButton");
            auto* blocked = child<QLabel>(&w, "startBlockedLabel");
            const auto shown = [&w](const char* name) {
                return child<QLabel>(&w, name)->isVisibleTo(&w);
            };
            const char* fieldProblems[] = {"portProblem", "siteProblem", "auditoriumProblem",
                                           "operatorProblem", "screenProblem"};
            // A simulation in the shipped theatre can start at once.
            choose(child<QComboBox>(&w, "profileCombo"), QStringLiteral("st431-1-theatre"));
            QVERIFY(start->isEnabled());
            QVERIFY(!blocked->isVisibleTo(&w));
            // A field run: port, site, auditorium, operator and screen are all still wrong.
            child<QRadioButton>(&w, "serialRadio")->setChecked(true);
            child<QComboBox>(&w, "portCombo")->setEditText(QString());
            child<QLineEdit>(&w, "siteEdit")->clear();
            for (const char* name : fieldProblems) {
                QVERIFY2(shown(name), name);
            }
            QVERIFY(!start->isEnabled());
            QVERIFY(blocked->isVisibleTo(&w));
            QVERIFY(!start->toolTip().isEmpty());
            if (lang.isEmpty()) {
                QVERIFY2(child<QLabel>(&w, "portProblem")
                             ->text()
                             .contains(QStringLiteral("No serial port")),
                         qPrintable(child<QLabel>(&w, "portProblem")->text()));
                QVERIFY(blocked->text().contains(QStringLiteral("Site")) &&
                        blocked->text().contains(QStringLiteral("Operator")));
            } else {
                VERIFY_NO_ENGLISH(w.startPage(), "start page (field run, nothing typed)");
            }
            // Typed one by one: each problem goes as its field is filled, Start only at the end.
            QTest::keyClicks(child<QLineEdit>(&w, "siteEdit"), QStringLiteral("Cinema 3"));
            QVERIFY(!shown("siteProblem"));
            QVERIFY(!start->isEnabled());
            QTest::keyClicks(child<QLineEdit>(&w, "auditoriumEdit"), QStringLiteral("Hall 7"));
            QVERIFY(!shown("auditoriumProblem"));
            QTest::keyClicks(child<QLineEdit>(&w, "operatorEdit"), QStringLiteral("A. Inspector"));
            QVERIFY(!shown("operatorProblem"));
            QTest::keyClicks(child<QComboBox>(&w, "portCombo")->lineEdit(),
                             QStringLiteral("/dev/ttyUSB7"));
            QVERIFY(!shown("portProblem"));
            QVERIFY(!start->isEnabled());
            QVERIFY(shown("screenProblem"));
            child<QDoubleSpinBox>(&w, "screenWidthSpin")->setValue(12.0);
            QVERIFY(shown("screenProblem"));  // the height is still missing
            child<QDoubleSpinBox>(&w, "screenHeightSpin")->setValue(5.0);
            QVERIFY(!shown("screenProblem"));
            QVERIFY(start->isEnabled());
            QVERIFY(!blocked->isVisibleTo(&w));
            QVERIFY(start->toolTip().isEmpty());
            // A correction file that does not exist, then a folder instead of a file.
            auto* correction = child<QLineEdit>(&w, "correctionEdit");
            QTest::keyClicks(correction, tmp + QStringLiteral("/nope.json"));
            QVERIFY(shown("correctionProblem"));
            QVERIFY(child<QLabel>(&w, "correctionProblem")->text().contains(tmp));
            QVERIFY(!start->isEnabled());
            correction->setText(tmp);
            QVERIFY(shown("correctionProblem"));
            correction->clear();
            QVERIFY(!shown("correctionProblem"));
            QVERIFY(start->isEnabled());
            // A report folder under a file cannot be made; a new one under a folder can.
            auto* out = child<QLineEdit>(&w, "outDirEdit");
            out->setText(tmp + QStringLiteral("/a-file/reports"));
            QVERIFY(shown("outDirProblem"));
            QVERIFY(!start->isEnabled());
            if (!lang.isEmpty()) {
                VERIFY_NO_ENGLISH(w.startPage(), "start page (correction and folder)");
            }
            out->clear();
            QVERIFY(shown("outDirProblem"));
            QTest::keyClicks(out, tmp + QStringLiteral("/reports-new"));
            QVERIFY(!shown("outDirProblem"));
            QVERIFY(start->isEnabled());
            // Erasing the operator disables Start again.
            auto* op = child<QLineEdit>(&w, "operatorEdit");
            op->selectAll();
            QTest::keyClick(op, Qt::Key_Backspace);
            QVERIFY(shown("operatorProblem"));
            QVERIFY(!start->isEnabled());
            if (!lang.isEmpty()) {
                for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
                    QCoreApplication::removeTranslator(t);
                    delete t;
                }
            }
        }
    }

    // A field session stopped half way is resumed from the session browser: the port is asked
    // for (the one it was measured on proposed), the run continues at the next task, the two
    // readings taken stay, none is taken twice, and the report is complete.
    void resumeFieldSessionFromSessionBrowser() {
        auto simulator = k10aSimulator();
        const QString port = QString::fromStdString(simulator->devicePath());
        MainWindow w(db());
        w.show();
        startFieldRun(w, port);
        auto* done = child<QPushButton>(&w, "doneButton");
        for (int taken = 1; taken <= 2; ++taken) {
            QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
            QTest::mouseClick(done, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(w.runPage()->readingsTaken(), taken, kRunTimeoutMs);
        }
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        QTest::mouseClick(child<QPushButton>(&w, "stopButton"), Qt::LeftButton);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = w.findChild<QMessageBox*>(QStringLiteral("stopConfirmBox"))) &&
                    box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("startPage"), kRunTimeoutMs);
        const auto sessions = fieldSessions(db(), simulator->devicePath());
        QCOMPARE(sessions.size(), std::size_t{1});
        const QString sid = QString::fromStdString(sessions.front().id);
        QCOMPARE(sessions.front().status, std::string("interrupted"));
        // The meter's own measurements per reading (the K10-A averages), to count them later.
        const int perReading = simulator->measurementsServed() / 2;
        QVERIFY(perReading >= 1);
        QCOMPARE(simulator->measurementsServed(), 2 * perReading);

        // The session browser lists it; Resume asks for the port.
        child<QAction>(&w, "sessionsAction")->trigger();
        QCOMPARE(currentPage(w), QStringLiteral("sessionsPage"));
        auto* table = child<QTableWidget>(&w, "sessionBrowserTable");
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < table->rowCount(); ++r) {
                    auto* item = table->item(r, SessionsPage::Session);
                    if (item != nullptr && item->text() == sid) {
                        row = r;
                        return true;
                    }
                }
                return false;
            }(),
            kRunTimeoutMs);
        table->selectRow(row);
        QCOMPARE(w.sessionsPage()->selectedSession(), sid);
        QTest::mouseClick(child<QPushButton>(&w, "sessionsResume"), Qt::LeftButton);
        QInputDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<QInputDialog*>(QStringLiteral("resumePortDialog"))) &&
                    dialog->isVisible());
        QCOMPARE(dialog->textValue(), port);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("runPage"), kRunTimeoutMs);
        // It goes on at task 3 of 5 with the two readings kept.
        QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
        QCOMPARE(w.runPage()->readingsTaken(), 2);
        QCOMPARE(child<QLabel>(&w, "progressText")->text(), QStringLiteral("Task 3 of 5"));
        for (int taken = 3; taken <= 5; ++taken) {
            QTRY_VERIFY_WITH_TIMEOUT(done->isEnabled(), kRunTimeoutMs);
            QTest::mouseClick(done, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(w.runPage()->readingsTaken(), taken, kRunTimeoutMs);
        }
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("resultsPage"), kRunTimeoutMs);
        QVERIFY(w.resultsPage()->report()->complete);
        QCOMPARE(w.resultsPage()->report()->readings.size(), std::size_t{5});
        QCOMPARE(simulator->measurementsServed(), 5 * perReading);  // no task read twice
        cm::app::SessionStore store(db());
        QCOMPARE(store.session(sid.toStdString()).status, std::string("complete"));
        QCOMPARE(store.readings(sid.toStdString()).size(), std::size_t{5});
        // The report is produced: exported from the results page, with all five readings.
        const QString out = tmp_.path() + QStringLiteral("/resumed-field");
        child<QLineEdit>(&w, "exportDirEdit")->setText(out);
        QTest::mouseClick(child<QPushButton>(&w, "exportAllButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(&w, "exportStatus")->text().startsWith(QStringLiteral("Written")),
            kRunTimeoutMs);
        const QJsonObject rep = readJson(out + QStringLiteral("/report.json"));
        QCOMPARE(rep[QStringLiteral("readings")].toArray().size(), 5);
        QVERIFY(rep[QStringLiteral("complete")].toBool());
    }

    // An LED profile picks an LED virtual theatre, a projector profile a projector one.
    void profilePicksMatchingTheatre() {
        MainWindow w(db());
        auto* theatre = child<QComboBox>(&w, "theatreCombo");
        choose(child<QComboBox>(&w, "profileCombo"), QStringLiteral("dyt8-led"));
        QVERIFY2(theatre->currentText().startsWith(QStringLiteral("led")),
                 qPrintable(theatre->currentText()));
        choose(child<QComboBox>(&w, "profileCombo"), QStringLiteral("st431-1-theatre"));
        QVERIFY2(theatre->currentText().startsWith(QStringLiteral("projector")),
                 qPrintable(theatre->currentText()));
    }

    // An empty serial port is refused before anything starts, with a message that says so.
    void emptySerialPortRefusedBeforeRun() {
        MainWindow w(db());
        w.show();
        const std::size_t before = cm::app::SessionStore(db()).sessions().size();
        startFieldRun(w, QString());
        QCOMPARE(currentPage(w), QStringLiteral("startPage"));
        QVERIFY(!child<QPushButton>(&w, "startButton")->isEnabled());
        const QString message = child<QLabel>(&w, "portProblem")->text();
        QVERIFY2(message.contains(QStringLiteral("No serial port")), qPrintable(message));
        QVERIFY(!child<QLabel>(&w, "progressText")->text().contains(QStringLiteral("Task")));
        QTest::qWait(200);
        QCOMPARE(cm::app::SessionStore(db()).sessions().size(), before);
    }

    // Too dark is not a cable fault: the run asks the operator (retry or skip), no fault panel,
    // and a retry goes on to the report.
    void tooDarkAsksTheOperator() {
        MainWindow w(db());
        w.show();
        auto* state = startTooDarkRun(w);
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("too little light")),
                                 kRunTimeoutMs);
        QVERIFY(state->text().startsWith(QStringLiteral("Waiting for you")));
        QVERIFY(!child<QFrame>(&w, "faultPanel")->isVisible());
        QVERIFY(!state->text().contains(QStringLiteral("cable")));
        QCOMPARE(w.runPage()->readingsTaken(), 1);
        auto* done = child<QPushButton>(&w, "doneButton");
        QVERIFY(done->isEnabled());
        QTest::mouseClick(done, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("resultsPage"), kRunTimeoutMs);
    }

    // zh_CN: the auditorium proposed for each shipped virtual theatre is its Chinese name, and a
    // reading too dark for the meter is explained in Chinese (the instrument's code as a number).
    void chineseAuditoriumAndTooDarkProblem() {
        QVERIFY(installTranslation(*qApp, QStringLiteral("zh_CN")));
        {
            MainWindow w(db());
            w.show();
            auto* theatre = child<QComboBox>(&w, "theatreCombo");
            auto* auditorium = child<QLineEdit>(&w, "auditoriumEdit");
            QVERIFY(theatre->count() >= 9);
            for (int i = 0; i < theatre->count(); ++i) {
                theatre->setCurrentIndex(i);
                const QString name = auditorium->text();
                QVERIFY2(!name.isEmpty(), qPrintable(theatre->itemText(i)));
                const QStringList english = zh_check::englishWords(name);
                QVERIFY2(english.isEmpty(),
                         qPrintable(theatre->itemText(i) + QStringLiteral(": ") + name));
            }
            auto* state = startTooDarkRun(w);
            QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("光太少")),
                                     kRunTimeoutMs);
            const QStringList english = zh_check::englishWords(state->text());
            QVERIFY2(english.isEmpty(), qPrintable(state->text()));
            auto* log = child<QListWidget>(&w, "eventLog");
            QVERIFY(log->count() > 0);
            const QString last = log->item(log->count() - 1)->text();
            QVERIFY2(zh_check::englishWords(last).isEmpty(), qPrintable(last));
            child<QPushButton>(&w, "stopButton")->click();
            QMessageBox* box = nullptr;
            QTRY_VERIFY((box = w.findChild<QMessageBox*>(QStringLiteral("stopConfirmBox"))) &&
                        box->isVisible());
            box->button(QMessageBox::Yes)->click();
            QTRY_COMPARE_WITH_TIMEOUT(currentPage(w), QStringLiteral("startPage"), kRunTimeoutMs);
        }
        for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

    void chineseTranslationLoads() {
        QVERIFY(installTranslation(*qApp, QStringLiteral("zh_CN")));
        {
            MainWindow w(db());
            w.show();
            QCOMPARE(child<QPushButton>(&w, "startButton")->text(), QStringLiteral("开始认证"));
            QCOMPARE(w.windowTitle(), QStringLiteral("cinemeasure — 银幕认证"));
            shot(w, QStringLiteral("start-zh_CN"));
        }
        removeTranslations();
        QVERIFY(!installTranslation(*qApp, QStringLiteral("de_DE")));  // none shipped: English
    }
};

QTEST_MAIN(TestGui)
#include "test_gui.moc"

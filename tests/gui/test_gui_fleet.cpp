// SPDX-License-Identifier: Apache-2.0
// GUI fleet page: the main window's Fleet page reads a real registry (the registry_pg fixture's
// PostgreSQL) off the UI thread and shows the same cells as `cinemeasure fleet`.
// main_window.h first: it pulls in libmeasure headers that must not see Qt's `emit` macro.
#include "app/gui/main_window.h"

#include "app/common/registry/admin.h"
#include "app/gui/fleet_page.h"
#include "tests/app/registry/pg_test_server.h"
#include "tests/gui/widget_lookup.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using cm::registry::Connection;
using gui_test::child;
using gui_test::column;

class TestGuiFleet : public QObject {
    Q_OBJECT
private slots:
    void fleetPageShowsTheRegistry() {
        cm::test::PgTestDatabase db("guifleet");
        const std::string inspector = "insp_gui_" + std::to_string(::getpid());
        {
            Connection a(db.url());
            cm::registry::addOrganisation(a, "Chain A", "chain");
            cm::registry::addOrganisation(a, "Inspectorate", "inspection_body");
            cm::registry::addSite(a, "Chain A", "Cinema One");
            cm::registry::addMember(a, inspector, "Inspectorate", "inspector", "Inspector");
            a.exec(
                "INSERT INTO inspector_keys (key_id, db_role, public_key_hex) VALUES ('k', $1, "
                "repeat('ab', 32))",
                {inspector});
            const std::string screen =
                a.exec("SELECT cm_resolve_screen('Cinema One', 'Aud 1', 'projector', 12, 5)")
                    .text(0, 0);
            // Falling 1 cd/m² a year from 50 towards the 44.5 cd/m² limit.
            const char* when[] = {"2024-01-01T00:00:00Z", "2024-12-31T06:00:00Z"};
            const char* value[] = {"50", "49"};
            for (int i = 0; i < 2; ++i) {
                const std::string uuid = "00000000-0000-4000-8000-00000000000" + std::to_string(i);
                a.exec(
                    "INSERT INTO sessions (uuid, journal_id, inspector_role, screen_id, "
                    "profile_id, profile_json, status, started_utc) VALUES ($1, $2, $3, $4, 'p', "
                    "'{}', 'complete', $5)",
                    {uuid, "j" + std::to_string(i), inspector, screen, when[i]});
                a.exec(
                    "INSERT INTO figures (session_uuid, figure_id, label, value, "
                    "expanded_uncertainty_k2, limit_lower, verdict) VALUES ($1, "
                    "'centre_luminance', 'Centre luminance', $2, 0.4, 44.5, 'PASS')",
                    {uuid, value[i]});
                a.exec(
                    "INSERT INTO reports (session_uuid, report_text, report_sha256, "
                    "overall_verdict, signature_json, key_id) VALUES ($1, '{}', '', 'PASS', "
                    "'{}', 'k')",
                    {uuid});
            }
        }
        QTemporaryDir tmp;
        cm::gui::MainWindow w((tmp.path() + QStringLiteral("/sessions.db")).toStdString());
        w.show();
        w.findChild<QAction*>(QStringLiteral("fleetAction"))->trigger();
        auto* page = w.fleetPage();
        QCOMPARE(w.findChild<QStackedWidget*>(QStringLiteral("pages"))->currentWidget(),
                 static_cast<QWidget*>(page));
        child<QLineEdit>(page, "fleetRegistry")->setText(QString::fromStdString(db.url()));
        QSignalSpy loaded(page, &cm::gui::FleetPage::loaded);
        QTest::mouseClick(child<QPushButton>(page, "fleetLoad"), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.first().first().toInt(), 1);
        auto* t = child<QTableWidget>(page, "fleetTable");
        QCOMPARE(t->rowCount(), 1);
        QCOMPARE(t->item(0, column(t, QStringLiteral("verdict")))->text(), QStringLiteral("PASS"));
        QCOMPARE(t->item(0, column(t, QStringLiteral("last certified")))->text(),
                 QStringLiteral("2024-12-31"));
        // x = 0 and 1 year; the line 50 − 1·x meets 44.5 at x = 5.5 years = 2008.875 days after
        // 2024-01-01: 1827 days to 2029-01-01, then 181.875 more, i.e. 2029-07-01 at 21:00.
        QCOMPARE(t->item(0, column(t, QStringLiteral("falls below limit")))->text(),
                 QStringLiteral("2029-07-01"));

        // An unreachable registry: the page says so in one line and keeps working.
        child<QLineEdit>(page, "fleetRegistry")
            ->setText(QStringLiteral("host=/nonexistent-cm port=1"));
        QSignalSpy failed(page, &cm::gui::FleetPage::loadFailed);
        QTest::mouseClick(child<QPushButton>(page, "fleetLoad"), Qt::LeftButton);
        QVERIFY(failed.wait(20000));
        QVERIFY(
            failed.first().first().toString().startsWith(QStringLiteral("registry unreachable")));
        QVERIFY(child<QPushButton>(page, "fleetLoad")->isEnabled());
    }
};

QTEST_MAIN(TestGuiFleet)
#include "test_gui_fleet.moc"

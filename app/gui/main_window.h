// SPDX-License-Identifier: Apache-2.0
// The main window: start, run and results pages over one run controller.
#pragma once

#include "app/gui/run_types.h"

#include <QMainWindow>

class QStackedWidget;

namespace cm::gui {

class FleetPage;
class ResultsPage;
class RunController;
class RunPage;
class SessionsPage;
class StartPage;
class WallPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::filesystem::path db, QWidget* parent = nullptr);
    ~MainWindow() override;

    StartPage* startPage() const { return start_; }
    RunPage* runPage() const { return run_; }
    ResultsPage* resultsPage() const { return results_; }
    FleetPage* fleetPage() const { return fleet_; }
    WallPage* wallPage() const { return wall_; }
    SessionsPage* sessionsPage() const { return sessions_; }
    RunController* controller() const { return controller_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void begin(const RunRequest& request);

    QStackedWidget* stack_;
    StartPage* start_;
    RunPage* run_;
    ResultsPage* results_;
    FleetPage* fleet_;
    WallPage* wall_;
    SessionsPage* sessions_;
    QWidget* beforeHelp_ = nullptr;  ///< the page the Help page returns to
    RunController* controller_;
    QString outDir_;
};

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// Main window wiring: page signals → operator commands; worker signals → pages.
#include "app/gui/main_window.h"

#include "app/gui/fleet_page.h"
#include "app/gui/help_page.h"
#include "app/gui/results_page.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_page.h"
#include "app/gui/sessions_page.h"
#include "app/gui/start_page.h"
#include "app/gui/wall_page.h"

#include <QCloseEvent>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace cm::gui {

MainWindow::MainWindow(std::filesystem::path db, QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("cinemeasure — screen certification"));
    stack_ = new QStackedWidget;
    stack_->setObjectName(QStringLiteral("pages"));
    start_ = new StartPage(db);
    run_ = new RunPage;
    results_ = new ResultsPage;
    stack_->addWidget(start_);
    stack_->addWidget(run_);
    stack_->addWidget(results_);
    // The registry's fleet (chains, committee): a page of its own, reached from the menu bar.
    fleet_ = new FleetPage;
    stack_->addWidget(fleet_);
    QAction* fleetAction = menuBar()->addAction(tr("Fleet"));
    fleetAction->setObjectName(QStringLiteral("fleetAction"));
    connect(fleetAction, &QAction::triggered, this, [this] { stack_->setCurrentWidget(fleet_); });
    connect(fleet_, &FleetPage::backClicked, this, [this] { stack_->setCurrentWidget(start_); });
    // The LED vendors' camera workflow and the session browser: pages of their own, from the menu.
    wall_ = new WallPage;
    sessions_ = new SessionsPage(db);
    stack_->addWidget(wall_);
    stack_->addWidget(sessions_);
    QAction* wallAction = menuBar()->addAction(tr("LED wall"));
    wallAction->setObjectName(QStringLiteral("wallAction"));
    QAction* sessionsAction = menuBar()->addAction(tr("Sessions"));
    sessionsAction->setObjectName(QStringLiteral("sessionsAction"));
    connect(wallAction, &QAction::triggered, this, [this] { stack_->setCurrentWidget(wall_); });
    connect(sessionsAction, &QAction::triggered, this, [this] {
        sessions_->refresh();
        stack_->setCurrentWidget(sessions_);
    });
    connect(wall_, &WallPage::backClicked, this, [this] { stack_->setCurrentWidget(start_); });
    connect(sessions_, &SessionsPage::backClicked, this,
            [this] { stack_->setCurrentWidget(start_); });
    connect(sessions_, &SessionsPage::resumeRequested, this,
            [this, db](const QString& id, const QString& outDir, const QString& port) {
                RunRequest r;
                r.resume_session = id.toStdString();
                r.out_dir = outDir.toStdString();
                r.port = port.toStdString();
                r.db = db;
                begin(r);
            });
    // The keyboard flow and the pages explained; F1 from anywhere, Back returns where one was.
    auto* help = new HelpPage;
    stack_->addWidget(help);
    QAction* helpAction = menuBar()->addAction(tr("Help"));
    helpAction->setObjectName(QStringLiteral("helpAction"));
    helpAction->setShortcut(QKeySequence::HelpContents);
    connect(helpAction, &QAction::triggered, this, [this, help] {
        if (stack_->currentWidget() != help) {
            beforeHelp_ = stack_->currentWidget();
        }
        stack_->setCurrentWidget(help);
    });
    connect(help, &HelpPage::backClicked, this,
            [this] { stack_->setCurrentWidget(beforeHelp_ != nullptr ? beforeHelp_ : start_); });
    setCentralWidget(stack_);
    controller_ = new RunController(this);
    resize(1180, 760);

    connect(start_, &StartPage::startRequested, this, &MainWindow::begin);
    connect(start_, &StartPage::resumeRequested, this, &MainWindow::begin);

    RunController* c = controller_;
    connect(c, &RunController::layoutReady, run_, &RunPage::setRunLayout);
    connect(c, &RunController::taskStarted, run_, &RunPage::showTask);
    connect(c, &RunController::measuring, run_, &RunPage::showMeasuring);
    connect(c, &RunController::measuringFor, run_, &RunPage::showMeasuringFor);
    connect(c, &RunController::waitingForMeter, run_, &RunPage::showWaitingForMeter);
    connect(c, &RunController::instrumentReady, run_, &RunPage::showInstrument);
    connect(c, &RunController::readingRecorded, run_, &RunPage::showReading);
    connect(c, &RunController::taskSkipped, run_, &RunPage::showSkipped);
    connect(c, &RunController::retaken, run_, &RunPage::showRetaken);
    connect(c, &RunController::readingCancelled, run_, &RunPage::showCancelled);
    connect(c, &RunController::faulted, run_, &RunPage::showFault);
    connect(c, &RunController::recovered, run_, &RunPage::hideFault);
    connect(c, &RunController::finished, this, [this](ReportPtr report) {
        results_->setReport(std::move(report), outDir_);
        stack_->setCurrentWidget(results_);
        statusBar()->showMessage(tr("Certification finished"), 5000);
    });
    connect(c, &RunController::stopped, this, [this](const QString& id, int kept) {
        run_->showStopped(id, kept);
        start_->setMessage(tr("Run stopped; %1 reading(s) kept in session %2. Resume it from the "
                              "list of unfinished sessions.")
                               .arg(kept)
                               .arg(id));
        stack_->setCurrentWidget(start_);
    });
    connect(c, &RunController::failed, this, [this](const QString& message) {
        start_->setMessage(message);
        stack_->setCurrentWidget(start_);
    });
    connect(c, &RunController::runEnded, start_, &StartPage::refreshSessions);

    connect(run_, &RunPage::doneClicked, this, [c](int i) { c->controls().operatorDone(i); });
    connect(run_, &RunPage::retakeClicked, this, [c](int i) { c->controls().retake(i); });
    connect(run_, &RunPage::skipClicked, this,
            [c](int i, const QString& why) { c->controls().skip(i, why.toStdString()); });
    connect(run_, &RunPage::pauseToggled, this, [c](bool on) { c->controls().setPaused(on); });
    connect(run_, &RunPage::cancelClicked, this, [c] { c->controls().cancelReading(); });
    connect(run_, &RunPage::retryClicked, this, [c] { c->controls().retry(); });
    connect(run_, &RunPage::stopClicked, this, [c] { c->controls().stop(); });
    connect(results_, &ResultsPage::newRunClicked, this, [this] {
        start_->refreshSessions();
        stack_->setCurrentWidget(start_);
    });
}

MainWindow::~MainWindow() {
    controller_->stopAndWait();
}

void MainWindow::begin(const RunRequest& request) {
    if (controller_->running()) {
        start_->setMessage(tr("A run is still in progress"));
        return;
    }
    outDir_ = QString::fromStdString(request.out_dir);
    stack_->setCurrentWidget(run_);
    controller_->start(request);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Readings are journaled one by one; stopping marks the session resumable.
    controller_->stopAndWait();
    event->accept();
}

}  // namespace cm::gui

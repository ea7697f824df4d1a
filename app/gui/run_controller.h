// SPDX-License-Identifier: Apache-2.0
// Starts a run on its own QThread and relays the worker's signals, queued, to the UI thread.
#pragma once

#include "app/gui/run_controls.h"
#include "app/gui/run_types.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace cm::gui {

class RunWorker;

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    /// Stops a run still in progress and waits for its thread.
    ~RunController() override;

    bool running() const { return thread_ != nullptr; }
    /// Starts a run (new or resumed); ignored while one is running.
    void start(const RunRequest& request);
    /// The operator's commands for the current run (valid while running()).
    RunControls& controls() { return *controls_; }
    /// Asks the run to stop at the next task (readings stay journaled) and waits for it.
    void stopAndWait();

signals:
    void layoutReady(cm::gui::RunLayout layout);
    void taskStarted(cm::gui::TaskView task);
    void measuring(int task_index);
    void measuringFor(int task_index, int seconds);
    void waitingForMeter(QString status);
    void instrumentReady(cm::gui::InstrumentView instrument);
    void readingRecorded(cm::gui::ReadingView reading);
    void taskSkipped(int task_index, QString reason);
    void retaken(int task_index, int readings_taken);
    void readingCancelled(int task_index);
    void faulted(QString message, int readings_kept);
    void recovered();
    void finished(cm::gui::ReportPtr report);
    void stopped(QString session_id, int readings_kept);
    void failed(QString message);
    /// The worker thread has ended (after finished, stopped or failed).
    void runEnded();

private:
    void threadDone();

    std::shared_ptr<RunControls> controls_;
    std::unique_ptr<RunWorker> worker_;
    QThread* thread_ = nullptr;
};

}  // namespace cm::gui

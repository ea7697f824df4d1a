// SPDX-License-Identifier: Apache-2.0
// The certification run on a worker thread: renders the app/common run (app/common/run/) the CLI
// renders too; the operator's commands come from RunControls.
#pragma once

#include "app/gui/run_controls.h"
#include "app/gui/run_types.h"

#include <QObject>

#include <memory>

namespace cm::app {
struct RunDescription;
}

namespace cm::gui {

/// The run description (app/common/run) of a new run, from the start page's request: what the
/// worker prepares, and what the start page checks field by field while the operator types.
app::RunDescription describeRun(const RunRequest& q);

/// Lives on the UI thread; run() executes on the worker thread and reports through signals that
/// the controller receives queued. Never touches a widget.
class RunWorker : public QObject {
    Q_OBJECT
public:
    RunWorker(RunRequest request, std::shared_ptr<RunControls> controls);
    /// The whole run; returns when it finished, stopped or failed (one of those signals fired).
    void run();

signals:
    void layoutReady(cm::gui::RunLayout layout);
    /// The instrument is connected and was checked for the profile (before the first reading).
    void instrumentReady(cm::gui::InstrumentView instrument);
    void taskStarted(cm::gui::TaskView task);
    void measuring(int task_index);
    /// A long reading: seconds since it started, once a second.
    void measuringFor(int task_index, int seconds);
    /// The meter was unplugged; the run waits for it to return (status line).
    void waitingForMeter(QString status);
    void readingRecorded(cm::gui::ReadingView reading);
    void taskSkipped(int task_index, QString reason);
    void retaken(int task_index, int readings_taken);
    void readingCancelled(int task_index);
    /// An instrument error; the run waits for Retry or Stop. The readings so far are journaled.
    void faulted(QString message, int readings_kept);
    void recovered();
    void finished(cm::gui::ReportPtr report);
    void stopped(QString session_id, int readings_kept);
    /// Bad input or a broken journal before or outside measuring.
    void failed(QString message);

private:
    void runImpl();

    RunRequest request_;
    std::shared_ptr<RunControls> controls_;
};

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// The run controller: one worker thread per run, signals relayed with queued connections.
#include "app/gui/run_controller.h"

#include "app/gui/run_worker.h"

namespace cm::gui {

RunController::RunController(QObject* parent)
    : QObject(parent), controls_(std::make_shared<RunControls>()) {
    qRegisterMetaType<cm::gui::TaskView>();
    qRegisterMetaType<cm::gui::ReadingView>();
    qRegisterMetaType<cm::gui::RunLayout>();
    qRegisterMetaType<cm::gui::ReportPtr>();
    qRegisterMetaType<cm::gui::InstrumentView>();
}

RunController::~RunController() {
    stopAndWait();
}

void RunController::start(const RunRequest& request) {
    if (thread_ != nullptr) {
        return;
    }
    controls_ = std::make_shared<RunControls>();
    worker_ = std::make_unique<RunWorker>(request, controls_);
    RunWorker* w = worker_.get();
    // The worker emits from its own thread; queued connections deliver on the UI thread.
    constexpr auto kQueued = Qt::QueuedConnection;
    connect(w, &RunWorker::layoutReady, this, &RunController::layoutReady, kQueued);
    connect(w, &RunWorker::taskStarted, this, &RunController::taskStarted, kQueued);
    connect(w, &RunWorker::measuring, this, &RunController::measuring, kQueued);
    connect(w, &RunWorker::measuringFor, this, &RunController::measuringFor, kQueued);
    connect(w, &RunWorker::waitingForMeter, this, &RunController::waitingForMeter, kQueued);
    connect(w, &RunWorker::instrumentReady, this, &RunController::instrumentReady, kQueued);
    connect(w, &RunWorker::readingRecorded, this, &RunController::readingRecorded, kQueued);
    connect(w, &RunWorker::taskSkipped, this, &RunController::taskSkipped, kQueued);
    connect(w, &RunWorker::retaken, this, &RunController::retaken, kQueued);
    connect(w, &RunWorker::readingCancelled, this, &RunController::readingCancelled, kQueued);
    connect(w, &RunWorker::faulted, this, &RunController::faulted, kQueued);
    connect(w, &RunWorker::recovered, this, &RunController::recovered, kQueued);
    connect(w, &RunWorker::finished, this, &RunController::finished, kQueued);
    connect(w, &RunWorker::stopped, this, &RunController::stopped, kQueued);
    connect(w, &RunWorker::failed, this, &RunController::failed, kQueued);
    thread_ = QThread::create([w] { w->run(); });
    thread_->setObjectName(QStringLiteral("cinemeasure-run"));
    connect(thread_, &QThread::finished, this, &RunController::threadDone, kQueued);
    thread_->start();
}

void RunController::stopAndWait() {
    if (thread_ == nullptr) {
        return;
    }
    controls_->stop();
    thread_->wait();
    threadDone();
}

void RunController::threadDone() {
    if (thread_ == nullptr) {
        return;
    }
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    // Signals already queued from the worker still arrive: they carry copies, not the worker.
    worker_.reset();
    emit runEnded();
}

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// Operator commands between the UI thread and the run worker.
#include "app/gui/run_controls.h"

namespace cm::gui {

void RunControls::setPaused(bool paused) {
    {
        std::lock_guard lock(m_);
        paused_ = paused;
        if (paused) {
            done_for_ = -1;  // a Done given before the pause waits for a fresh one after it
        }
    }
    cv_.notify_all();
}

void RunControls::operatorDone(int task_index) {
    {
        std::lock_guard lock(m_);
        if (paused_) {
            return;  // paused means paused: a Done now must not fire a reading on resume
        }
        done_for_ = task_index;
    }
    cv_.notify_all();
}

void RunControls::skip(int task_index, const std::string& reason) {
    {
        std::lock_guard lock(m_);
        skip_ = std::make_pair(task_index, reason);
        cancel_ = true;  // a skip during the reading of that task abandons the reading
    }
    cv_.notify_all();
}

void RunControls::retake(int task_index) {
    {
        std::lock_guard lock(m_);
        retake_ = task_index;
    }
    cv_.notify_all();
}

void RunControls::cancelReading() {
    {
        std::lock_guard lock(m_);
        cancel_ = true;
        paused_ = true;
    }
    cv_.notify_all();
}

void RunControls::retry() {
    {
        std::lock_guard lock(m_);
        retry_ = true;
    }
    cv_.notify_all();
}

void RunControls::stop() {
    {
        std::lock_guard lock(m_);
        stop_ = true;
    }
    cv_.notify_all();
}

RunControls::Decision RunControls::awaitTask(int task_index, bool need_done) {
    std::unique_lock lock(m_);
    for (;;) {
        if (stop_) {
            return {Next::Stop, {}, -1};
        }
        if (retake_ >= 0) {
            const int i = retake_;
            retake_ = -1;
            done_for_ = -1;  // the retaken task waits for a fresh Done
            return {Next::Retake, {}, i};
        }
        if (skip_) {
            auto s = *skip_;
            skip_.reset();
            if (s.first == task_index) {
                return {Next::Skip, s.second, -1};
            }
            // A skip meant for an earlier task that has been measured meanwhile: dropped.
        }
        if (!paused_ && (!need_done || done_for_ == task_index)) {
            done_for_ = -1;  // one Done, one reading
            return {Next::Measure, {}, -1};
        }
        cv_.wait(lock);
    }
}

void RunControls::beginMeasurement() {
    std::lock_guard lock(m_);
    cancel_ = false;
}

bool RunControls::measurementCancelled() {
    std::lock_guard lock(m_);
    return cancel_ || stop_;
}

bool RunControls::awaitRetry() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [this] { return retry_ || stop_; });
    const bool again = retry_ && !stop_;
    retry_ = false;
    return again;
}

void RunControls::clearRetry() {
    std::lock_guard lock(m_);
    retry_ = false;
}

bool RunControls::stopped() {
    std::lock_guard lock(m_);
    return stop_;
}

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// The operator's commands from the UI thread to the run worker (pause, skip, retake, cancel,
// done, retry, stop), behind one mutex and condition variable; the worker blocks on them.
#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

namespace cm::gui {

class RunControls {
public:
    // UI side: each call wakes the worker.
    void setPaused(bool paused);
    /// Ignored while paused (nothing is queued for the resume).
    void operatorDone(int task_index);
    void skip(int task_index, const std::string& reason);
    void retake(int task_index);
    /// Abandons the reading in progress (it is discarded when the instrument returns) and pauses.
    void cancelReading();
    void retry();
    void stop();

    // Worker side.
    enum class Next { Measure, Skip, Retake, Stop };
    struct Decision {
        Next next = Next::Measure;
        std::string reason;  ///< skip reason
        int retake_index = -1;
    };
    /// Blocks until the task may be measured (not paused, and "done" given when `need_done`), or
    /// until a skip of this task, a retake or a stop is asked for.
    Decision awaitTask(int task_index, bool need_done);
    /// Starts a measurement: clears a stale cancel.
    void beginMeasurement();
    /// True when the measurement in progress was cancelled (or its task skipped).
    bool measurementCancelled();
    /// Call before announcing a fault, so a quick Retry is not lost.
    void clearRetry();
    /// Blocks after an instrument fault until Retry (true) or Stop (false).
    bool awaitRetry();
    bool stopped();

private:
    std::mutex m_;
    std::condition_variable cv_;
    bool paused_ = false;
    int done_for_ = -1;
    std::optional<std::pair<int, std::string>> skip_;
    int retake_ = -1;
    bool cancel_ = false;
    bool retry_ = false;
    bool stop_ = false;
};

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// One helper thread per reading: the elapsed-seconds ticker and the cancel passed to the meter.
#include "app/common/run/reading_watch.h"

#include <chrono>

namespace cm::app {

ReadingWatch::ReadingWatch(const MeasureHooks& hooks, drivers::SpotInstrument& instrument) {
    if (!hooks.elapsed && !hooks.cancelled) {
        return;
    }
    thread_ = std::thread([this, &hooks, &instrument] {
        using Clock = std::chrono::steady_clock;
        const auto start = Clock::now();
        int told = 1;  // seconds already told (the 1st is never told)
        bool cancelSent = false;
        std::unique_lock lock(m_);
        while (!cv_.wait_for(lock, std::chrono::milliseconds(50), [this] { return done_; })) {
            lock.unlock();
            if (!cancelSent && hooks.cancelled && hooks.cancelled()) {
                cancelSent = true;
                instrument.requestCancel();
            }
            const int s = static_cast<int>(
                std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - start).count());
            if (hooks.elapsed && s > told) {
                told = s;
                hooks.elapsed(s);
            }
            lock.lock();
        }
    });
}

ReadingWatch::~ReadingWatch() {
    if (thread_.joinable()) {
        {
            std::lock_guard lock(m_);
            done_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }
}

}  // namespace cm::app

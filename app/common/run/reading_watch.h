// SPDX-License-Identifier: Apache-2.0
// What goes on beside a reading in progress: the seconds elapsed for the operator, and the
// operator's cancel passed to the instrument, from one helper thread.
#pragma once

#include "app/common/run/run.h"
#include "drivers/instrument/spot_instrument.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace cm::app {

/// While alive (one reading): calls `hooks.elapsed(s)` once per whole second from the 2nd on
/// (quick readings stay quiet), and polls `hooks.cancelled` every 50 ms; the first time it is
/// true it calls `instrument.requestCancel()` once, so a family that can abort a reading
/// (CS-2000 MEAS,0) stops at once. No thread when neither hook is set.
class ReadingWatch {
public:
    ReadingWatch(const MeasureHooks& hooks, drivers::SpotInstrument& instrument);
    ~ReadingWatch();
    ReadingWatch(const ReadingWatch&) = delete;
    ReadingWatch& operator=(const ReadingWatch&) = delete;

private:
    std::mutex m_;
    std::condition_variable cv_;
    bool done_ = false;
    std::thread thread_;
};

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// The run's state machine: requests out, decisions in, readings journaled before they are shown.
#include "app/common/run/run.h"

#include "app/common/run/low_light.h"

#include "drivers/virtual/virtual_theatre.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace cm::app {

namespace {

/// What a "code" step shows: a full field of its own code values (grey ramps, HDR levels).
std::string stimulusOf(const procedure::Step& step) {
    if (step.stimulus == "code" && step.code_xyz) {
        return drivers::virt::codeStimulus(*step.code_xyz);
    }
    return step.stimulus;
}

/// Calls `tick(seconds)` once a second from a helper thread while alive (from the 2nd second on:
/// quick readings stay quiet).
class SecondsTicker {
public:
    explicit SecondsTicker(std::function<void(int)> tick) {
        if (!tick) {
            return;
        }
        thread_ = std::thread([this, tick = std::move(tick)] {
            std::unique_lock lock(m_);
            for (int s = 1;; ++s) {
                if (cv_.wait_for(lock, std::chrono::seconds(1), [this] { return done_; })) {
                    return;
                }
                if (s >= 2) {
                    lock.unlock();
                    tick(s);
                    lock.lock();
                }
            }
        });
    }
    ~SecondsTicker() {
        if (thread_.joinable()) {
            {
                std::lock_guard lock(m_);
                done_ = true;
            }
            cv_.notify_all();
            thread_.join();
        }
    }
    SecondsTicker(const SecondsTicker&) = delete;
    SecondsTicker& operator=(const SecondsTicker&) = delete;

private:
    std::mutex m_;
    std::condition_variable cv_;
    bool done_ = false;
    std::thread thread_;
};

bool cancelled(const MeasureHooks& hooks) {
    return hooks.cancelled && hooks.cancelled();
}

/// While alive, polls the operator's cancel (every 50 ms) from a helper thread and passes it to
/// the instrument once, so a family that can abort a reading (CS-2000 MEAS,0) stops at once;
/// the others finish and the reading is dropped.
class CancelWatcher {
public:
    CancelWatcher(const MeasureHooks& hooks, drivers::SpotInstrument& instrument) {
        if (!hooks.cancelled) {
            return;
        }
        thread_ = std::thread([this, &hooks, &instrument] {
            std::unique_lock lock(m_);
            while (!cv_.wait_for(lock, std::chrono::milliseconds(50), [this] { return done_; })) {
                if (hooks.cancelled()) {
                    lock.unlock();
                    instrument.requestCancel();
                    return;
                }
            }
        });
    }
    ~CancelWatcher() {
        if (thread_.joinable()) {
            {
                std::lock_guard lock(m_);
                done_ = true;
            }
            cv_.notify_all();
            thread_.join();
        }
    }
    CancelWatcher(const CancelWatcher&) = delete;
    CancelWatcher& operator=(const CancelWatcher&) = delete;

private:
    std::mutex m_;
    std::condition_variable cv_;
    bool done_ = false;
    std::thread thread_;
};

}  // namespace

Run::Run(procedure::ProcedureRunner runner, InstrumentLink link, RunJournal journal)
    : runner_(std::move(runner)), link_(std::move(link)), journal_(std::move(journal)) {}

Run::~Run() = default;

void Run::connect() {
    disconnect();
    try {
        instrument_ = link_.open(runner_.readings().size());
        info_ = instrument_->identify();
    } catch (const drivers::InstrumentError&) {
        disconnect();
        throw;
    } catch (const std::exception& e) {
        // A port that cannot be opened is an instrument problem the operator can fix.
        disconnect();
        throw drivers::InstrumentError(drivers::ErrorKind::Disconnected, e.what());
    }
    if (link_.correction) {
        corrected_ = std::make_unique<CorrectedInstrument>(*instrument_, *link_.correction);
    }
}

void Run::disconnect() {
    corrected_.reset();
    instrument_.reset();
}

drivers::Capabilities Run::capabilities() const {
    if (!instrument_) {
        throw std::logic_error("the run is not connected to its instrument");
    }
    return instrument_->capabilities();
}

Request Run::make(Request::Kind kind) const {
    Request r;
    r.kind = kind;
    r.task = runner_.current();
    r.total_tasks = runner_.taskCount();
    if (r.task) {
        r.stimulus = stimulusOf(*r.task->step);
        r.instruction = procedure::operatorInstruction(*r.task, runner_.profile());
    }
    return r;
}

Request Run::next() {
    if (stage_ == Stage::Stopped) {
        return make(Request::Kind::Stopped);
    }
    if (runner_.paused()) {
        return make(Request::Kind::Paused);
    }
    if (runner_.finished()) {
        return make(Request::Kind::Finished);
    }
    switch (stage_) {
        case Stage::Show:
            stage_ = Stage::Aim;
            return make(Request::Kind::ShowPattern);
        case Stage::Aim:
            stage_ = Stage::Ask;
            return make(Request::Kind::AimAtPoint);
        case Stage::Ask: {
            Request r = make(Request::Kind::AskOperator);
            r.problem = problem_;
            return r;
        }
        case Stage::Measure:
            return make(Request::Kind::Measure);
        case Stage::Stopped:
            break;
    }
    return make(Request::Kind::Stopped);
}

DecisionResult Run::decide(const Decision& d) {
    if (stage_ != Stage::Ask || runner_.finished() || runner_.paused()) {
        throw std::logic_error("the run is not waiting for the operator");
    }
    DecisionResult result;
    switch (d.kind) {
        case Decision::Kind::Measure:
            stage_ = Stage::Measure;
            break;
        case Decision::Kind::Skip: {
            if (d.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
                throw std::invalid_argument("a skip needs a reason (it goes into the report)");
            }
            runner_.skip(d.reason);
            result.skipped = runner_.skipped().back();
            if (journal_.skip) {
                journal_.skip(*result.skipped);
            }
            problem_.clear();
            stage_ = Stage::Show;
            break;
        }
        case Decision::Kind::Retake: {
            // Back to the retaken task: every later reading is taken again after it (-1: the
            // last reading only).
            const auto dropOne = [&] {
                const procedure::RecordedReading dropped = runner_.readings().back();
                runner_.retakeLast();
                if (journal_.retract) {
                    journal_.retract(dropped);
                }
                result.dropped.push_back(dropped);
            };
            if (d.retake_to < 0) {
                if (!runner_.readings().empty()) {
                    dropOne();
                }
            } else {
                while (!runner_.readings().empty() &&
                       static_cast<int>(runner_.position()) > d.retake_to) {
                    dropOne();
                }
            }
            problem_.clear();
            stage_ = Stage::Show;
            break;
        }
        case Decision::Kind::Pause: {
            const std::string reason = d.reason.empty() ? "paused by the operator" : d.reason;
            runner_.pause(reason);
            if (journal_.pause) {
                journal_.pause(d.reason);
            }
            // On resume the pattern is shown and the meter aimed again.
            stage_ = Stage::Show;
            break;
        }
        case Decision::Kind::Stop:
            stage_ = Stage::Stopped;
            if (journal_.stop) {
                journal_.stop();
            }
            break;
    }
    return result;
}

procedure::Reading Run::readOnce(const MeasureHooks& hooks) {
    constexpr int kMaxAttempts = 3;  // transient faults (timeouts, garbled replies) get retries
    for (int attempt = 1;; ++attempt) {
        if (!instrument_) {
            connect();
        }
        try {
            SecondsTicker ticker(hooks.elapsed);
            drivers::SpotInstrument& meter =
                corrected_ ? static_cast<drivers::SpotInstrument&>(*corrected_) : *instrument_;
            CancelWatcher watcher(hooks, meter);
            return meter.measure();
        } catch (const drivers::InstrumentError& e) {
            if (cancelled(hooks)) {
                throw;  // no retry, no reconnect: the operator stopped this reading
            }
            const bool transient =
                e.kind() == drivers::ErrorKind::Timeout || e.kind() == drivers::ErrorKind::Protocol;
            if (e.kind() == drivers::ErrorKind::Disconnected && link_.reconnect_timeout_s > 0.0) {
                reconnectAfterUnplug(e, hooks);
                continue;  // the reading was never taken: take it on the meter that came back
            }
            if (!transient || attempt >= kMaxAttempts) {
                throw;
            }
        }
    }
}

procedure::Reading Run::readAtLowLight(const MeasureHooks& hooks) {
    try {
        return readOnce(hooks);
    } catch (const drivers::InstrumentError& e) {
        if (e.kind() != drivers::ErrorKind::TooDark || cancelled(hooks) || !instrument_) {
            throw;
        }
        const auto ladder = lowLightLadder(instrument_->capabilities().low_light);
        if (ladder.empty()) {
            throw;
        }
        // Back to the defaults whatever happens: the next task is usually brighter, and the
        // readings record what they were taken with.
        auto restore = [this] {
            if (instrument_) {
                try {
                    instrument_->setLowLight({});
                } catch (const drivers::InstrumentError&) {
                    // The next reading meets the same fault and reports it.
                }
            }
        };
        std::string tried;
        drivers::InstrumentError last = e;
        for (const auto& step : ladder) {
            if (cancelled(hooks)) {
                break;
            }
            const std::string what = describeLowLight(step);
            tried += (tried.empty() ? "" : "; then ") + what;
            try {
                instrument_->setLowLight(step);
                procedure::Reading r = readOnce(hooks);
                r.status += " (low light: " + what + ")";
                restore();
                return r;
            } catch (const drivers::InstrumentError& again) {
                if (again.kind() != drivers::ErrorKind::TooDark) {
                    restore();
                    throw;
                }
                last = again;
            }
        }
        restore();
        throw drivers::InstrumentError(drivers::ErrorKind::TooDark,
                                       std::string(last.what()) + " (also with " + tried + ")",
                                       last.deviceCode());
    }
}

void Run::reconnectAfterUnplug(const drivers::InstrumentError& cause, const MeasureHooks& hooks) {
    disconnect();
    const procedure::InstrumentInfo before = info_;
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        const double waited =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (waited > link_.reconnect_timeout_s || cancelled(hooks)) {
            throw cause;
        }
        if (hooks.waiting) {
            hooks.waiting("the meter is unplugged: waiting for it on " +
                          (link_.port.empty() ? std::string("its port") : link_.port) + " (" +
                          std::to_string(static_cast<int>(waited)) + " s)");
        }
        try {
            connect();
        } catch (const std::exception&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            continue;
        }
        if (info_.model != before.model || info_.serial != before.serial) {
            // Fitness was checked for the first meter: another one cannot continue this session.
            const std::string other = info_.model + " " + info_.serial;
            disconnect();
            info_ = before;
            throw drivers::InstrumentError(drivers::ErrorKind::Device,
                                           "a different instrument (" + other + ") came back on " +
                                               link_.port + "; this session was measured with " +
                                               before.model + " " + before.serial);
        }
        if (hooks.reconnected) {
            hooks.reconnected();
        }
        return;
    }
}

MeasureOutcome Run::measure(const MeasureHooks& hooks) {
    if (stage_ != Stage::Measure || runner_.finished() || runner_.paused()) {
        throw std::logic_error("the run has not asked for a reading");
    }
    MeasureOutcome out;
    procedure::Reading reading;
    try {
        reading = readAtLowLight(hooks);
    } catch (const drivers::InstrumentError& e) {
        if (cancelled(hooks)) {
            // Stopped by the operator (the instrument aborted it, or it failed meanwhile): no
            // reading, the operator decides what next.
            stage_ = Stage::Ask;
            out.kind = MeasureOutcome::Kind::Cancelled;
            return out;
        }
        const bool unmeasurable =
            e.kind() == drivers::ErrorKind::TooDark || e.kind() == drivers::ErrorKind::OverRange;
        if (!unmeasurable || !link_.operator_decides_unmeasurable) {
            throw;
        }
        // The stimulus is outside what this instrument can read: the operator decides (retry
        // after checking the aim and the pattern, or skip with a reason), the run goes on.
        problem_ = std::string(e.what()) +
                   (e.kind() == drivers::ErrorKind::TooDark
                        ? ": too little light for this meter. Check the pattern and the aim, then "
                          "retry; or skip this reading with a reason"
                        : ": too bright for this meter. Check the pattern, then retry; or skip "
                          "this reading with a reason");
        stage_ = Stage::Ask;
        out.kind = MeasureOutcome::Kind::NeedsOperator;
        out.message = problem_;
        return out;
    }
    if (cancelled(hooks)) {
        // A family that cannot abort a reading finishes it: it is dropped when it arrives.
        stage_ = Stage::Ask;
        out.kind = MeasureOutcome::Kind::Cancelled;
        return out;
    }
    // Each reading carries its standard uncertainty from the instrument's specification.
    const drivers::Capabilities caps = instrument_->capabilities();
    if (reading.u_luminance_rel <= 0.0) {
        reading.u_luminance_rel = caps.luminance_uncertainty_rel;
    }
    if (reading.u_chromaticity_xy <= 0.0) {
        reading.u_chromaticity_xy = caps.chromaticity_uncertainty_xy;
    }
    runner_.record(reading);
    problem_.clear();
    stage_ = Stage::Show;
    if (journal_.reading) {
        // Throws (disk full) before anything shows the reading.
        journal_.reading(runner_.readings().back());
    }
    out.reading = runner_.readings().back();
    return out;
}

}  // namespace cm::app

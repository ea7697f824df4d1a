// SPDX-License-Identifier: Apache-2.0
// The run: steps through a procedure, yielding typed requests (show pattern, aim, ask the
// operator, measure) and taking the operator's decisions as values. It owns the instrument link
// (reconnect after an unplug), the reading retries and the journal hooks; the CLI and the GUI only
// render its requests.
#pragma once

#include "app/common/correction_file.h"
#include "app/common/run/run_request.h"
#include "drivers/instrument/spot_instrument.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace cm::app {

/// How the run reaches its instrument.
struct InstrumentLink {
    /// Opens the instrument (again after an unplug), given the readings the run holds so far.
    /// Throws on failure.
    std::function<std::unique_ptr<drivers::SpotInstrument>(std::size_t readings_taken)> open;
    /// Applied to every reading (the raw XYZ is kept beside it).
    std::optional<CorrectionFile> correction;
    /// The port as the operator named it, for messages ("" for in-process meters).
    std::string port;
    /// After an unplug, wait this long for the meter to come back on `port` and reconnect without
    /// leaving the session; 0: the instrument error ends measure() (the caller may reconnect()).
    double reconnect_timeout_s = 0.0;
    /// Too dark / over range: ask the operator to retry or skip (true), or end measure() with
    /// the instrument error (false: unattended simulations, `resume --skip-next` then).
    bool operator_decides_unmeasurable = false;
};

/// Where the run writes. Each hook is called before the front end is told (a reading is shown
/// only once journaled). All optional (benchmarks run without a journal).
struct RunJournal {
    std::function<void(const procedure::RecordedReading&)> reading;
    std::function<void(const procedure::SkippedTask&)> skip;
    std::function<void(const procedure::RecordedReading& dropped)> retract;
    std::function<void(const std::string& reason)> pause;
    std::function<void()> stop;
};

/// Called by measure() while it blocks (from a helper thread for `elapsed`).
struct MeasureHooks {
    /// Seconds since the reading started, once a second from the 2nd second on.
    std::function<void(int seconds)> elapsed;
    /// Polled; a reading that arrives once it returns true is discarded (Cancelled).
    std::function<bool()> cancelled;
    /// Waiting for an unplugged meter to come back: a one-line status, once a second.
    std::function<void(const std::string& status)> waiting;
    /// The meter came back and the run reconnected to it.
    std::function<void()> reconnected;
};

class Run {
public:
    /// `runner` holds the procedure and any readings restored from the journal.
    Run(procedure::ProcedureRunner runner, InstrumentLink link, RunJournal journal = {});
    ~Run();
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    /// Opens the instrument and identifies it. Throws drivers::InstrumentError (Disconnected
    /// when the port cannot be opened).
    void connect();
    bool connected() const { return instrument_ != nullptr; }
    /// Drops the instrument (a fault); connect() again to continue where the run stood.
    void disconnect();
    /// The instrument as identified at connect() (model, serial, firmware, calibration date).
    const procedure::InstrumentInfo& instrumentInfo() const { return info_; }
    drivers::Capabilities capabilities() const;
    bool corrected() const { return link_.correction.has_value(); }

    /// What the run needs now. Calling it again without answering an AskOperator repeats it.
    Request next();
    /// Answers the pending AskOperator. A skip without a reason is refused
    /// (std::invalid_argument); so is a decision when none is asked for (std::logic_error).
    DecisionResult decide(const Decision& decision);
    /// Takes the reading a Measure request asked for: transient faults are retried, an unplugged
    /// meter is waited for (InstrumentLink::reconnect_timeout_s), an unmeasurable stimulus goes
    /// back to the operator. Other instrument errors are thrown; the run stays at its task.
    MeasureOutcome measure(const MeasureHooks& hooks = {});

    const procedure::ProcedureRunner& runner() const { return runner_; }
    std::size_t totalTasks() const { return runner_.taskCount(); }

private:
    enum class Stage { Show, Aim, Ask, Measure, Stopped };
    procedure::Reading readOnce(const MeasureHooks& hooks);
    /// readOnce(); on too dark, the low-light ladder (low_light.h) before giving up. The
    /// instrument is back at its defaults afterwards.
    procedure::Reading readAtLowLight(const MeasureHooks& hooks);
    void reconnectAfterUnplug(const drivers::InstrumentError& cause, const MeasureHooks& hooks);
    Request make(Request::Kind kind) const;

    procedure::ProcedureRunner runner_;
    InstrumentLink link_;
    RunJournal journal_;
    std::unique_ptr<drivers::SpotInstrument> instrument_;
    std::unique_ptr<CorrectedInstrument> corrected_;
    procedure::InstrumentInfo info_;
    Stage stage_ = Stage::Show;
    std::string problem_;
    Request::Problem problemKind_ = Request::Problem::None;
    std::string problemCode_;
};

}  // namespace cm::app

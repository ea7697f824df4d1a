// SPDX-License-Identifier: Apache-2.0
// What a run asks of its front end (typed requests) and what the operator answers (decisions as
// values): the one vocabulary the CLI and the GUI render.
#pragma once

#include "libmeasure/procedure/runner.h"

#include <optional>
#include <string>

namespace cm::app {

/// One thing the run needs now. Every request but AskOperator is answered by doing it (the run
/// moves on when `next()` is called again); AskOperator waits for `Run::decide()`, Measure for
/// `Run::measure()`.
struct Request {
    enum class Kind {
        ShowPattern,  ///< put `stimulus` on screen (every task; `task->new_stimulus` when it
                      ///< changed)
        AimAtPoint,   ///< aim the meter at `task->point` from the step's seat
        AskOperator,  ///< the operator decides: measure, skip (reason), retake, pause or stop
        Measure,      ///< call Run::measure(): the instrument integrates
        Paused,       ///< the operator paused the session; readings are journaled, resume later
        Stopped,      ///< the operator stopped the run
        Finished,     ///< every task measured or skipped
    };
    Kind kind = Kind::Finished;
    std::optional<procedure::MeasurementTask> task;
    std::size_t total_tasks = 0;
    /// ShowPattern: what the projector or wall shows ("code:X,Y,Z" for a code-value step).
    std::string stimulus;
    /// AskOperator: the instruction (what to show, where to aim, from where, through what).
    std::string instruction;
    /// AskOperator after a reading the instrument could not make (too dark, over range): why, and
    /// what was tried. Answer with Measure (retry) or Skip (with a reason).
    std::string problem;
    /// The same problem as values, for a front end that words it in its own language: what
    /// could not be read, and the instrument's own code for it (empty when it gives none).
    enum class Problem { None, TooDark, OverRange };
    Problem problem_kind = Problem::None;
    std::string problem_code;
};

/// The operator's answer to an AskOperator request.
struct Decision {
    enum class Kind { Measure, Retake, Skip, Pause, Stop };
    Kind kind = Kind::Measure;
    /// Skip: required (kept in the report). Pause: optional.
    std::string reason;
    /// Retake: go back to this task index (every later reading is taken again); -1 = the last one.
    int retake_to = -1;

    static Decision measure() { return {Kind::Measure, {}, -1}; }
    static Decision skip(std::string reason) { return {Kind::Skip, std::move(reason), -1}; }
    static Decision retake(int to = -1) { return {Kind::Retake, {}, to}; }
    static Decision pause(std::string reason) { return {Kind::Pause, std::move(reason), -1}; }
    static Decision stop() { return {Kind::Stop, {}, -1}; }
};

/// What a decision changed, for the front end to say so.
struct DecisionResult {
    std::optional<procedure::SkippedTask> skipped;
    std::vector<procedure::RecordedReading> dropped;  ///< retake: readings taken back, newest first
};

/// What Run::measure() ended with.
struct MeasureOutcome {
    enum class Kind {
        Recorded,       ///< `reading` is journaled
        NeedsOperator,  ///< the instrument could not measure (too dark, over range): AskOperator
        Cancelled,      ///< the operator cancelled the reading (it was discarded)
    };
    Kind kind = Kind::Recorded;
    std::optional<procedure::RecordedReading> reading;
    std::string message;
};

}  // namespace cm::app

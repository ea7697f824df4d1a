// SPDX-License-Identifier: Apache-2.0
// The procedure runner: a state machine over a profile's steps that any front end drives.
// It never talks to devices; the front end performs each task and hands back the reading.
#pragma once

#include "libmeasure/geometry/point_layout.h"
#include "libmeasure/procedure/profile.h"
#include "libmeasure/procedure/reading.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cm::procedure {

/// What the operator (or a simulated operator) must do next to produce one reading.
struct MeasurementTask {
    std::size_t index = 0;  ///< position in the flattened task list
    const Step* step = nullptr;
    geometry::MeasurementPoint point;
    int repeat = 0;             ///< 0-based
    bool new_stimulus = false;  ///< the pattern (or eyewear) differs from the previous task's
};

/// The operator's instruction for a task: what to show, where to aim, from where, through what.
std::string operatorInstruction(const MeasurementTask& task, const Profile& profile);

/// What happened in a run, in order: the stream every front end (CLI, GUI) renders.
struct RunnerEvent {
    enum class Kind {
        TaskReady,        ///< the next task waits; `text` is the operator instruction
        ReadingRecorded,  ///< a reading was recorded for the task
        Skipped,          ///< the task was skipped; `text` is the reason
        Retaken,          ///< the last reading was dropped; its task is current again
        Paused,           ///< `text` is the reason
        Resumed,
        NoteAdded,  ///< `text` is the note
        Finished,   ///< every task has a reading or a skip
    };
    Kind kind = Kind::TaskReady;
    std::size_t task_index = 0;
    std::string step_id;
    std::string point_id;
    int repeat = 0;
    bool new_step = false;  ///< TaskReady: the first task of a step (a new pattern to show)
    std::string text;
};

const char* toString(RunnerEvent::Kind kind);

struct SkippedTask {
    std::string step_id;
    std::string point_id;
    int repeat = 0;
    std::string reason;
};
void to_json(nlohmann::json& j, const SkippedTask& s);

class ProcedureRunner {
public:
    /// `points` are the profile layout's points on the actual screen. Throws std::invalid_argument
    /// if a step names a point that is not in the layout.
    ProcedureRunner(Profile profile, std::vector<geometry::MeasurementPoint> points);

    const Profile& profile() const { return profile_; }
    std::size_t taskCount() const { return tasks_.size(); }
    std::size_t position() const { return next_; }
    bool finished() const { return next_ >= tasks_.size(); }

    /// The task waiting for a reading; nullopt when finished.
    std::optional<MeasurementTask> current() const;

    /// Records the reading for the current task and advances.
    void record(Reading reading);
    /// Skips the current task with a reason (kept for the report) and advances.
    void skip(const std::string& reason);
    /// Drops the last recorded reading and goes back to its task (operator retake).
    bool retakeLast();

    /// Restores readings from a journal (resume after a crash): each reading is matched to its
    /// task; the runner continues at the first task without one. Unknown readings are rejected.
    void restore(const std::vector<RecordedReading>& readings,
                 const std::vector<SkippedTask>& skipped = {});

    const std::vector<RecordedReading>& readings() const { return readings_; }
    const std::vector<SkippedTask>& skipped() const { return skipped_; }
    void addNote(std::string note);

    /// Pause between tasks: record() and skip() refuse until resume(). What was recorded stays.
    void pause(const std::string& reason);
    void resume();
    bool paused() const { return paused_; }

    /// Receives every event from now on; the current task is announced at once.
    void setListener(std::function<void(const RunnerEvent&)> listener);
    const std::vector<std::string>& notes() const { return notes_; }

private:
    struct Slot {
        const Step* step;
        std::size_t point_index;
        int repeat;
    };
    MeasurementTask taskAt(std::size_t i) const;
    void emit(RunnerEvent::Kind kind, std::size_t task, std::string text = {}) const;
    void announceCurrent() const;

    Profile profile_;
    std::vector<geometry::MeasurementPoint> points_;
    std::vector<Slot> tasks_;
    std::size_t next_ = 0;
    std::vector<RecordedReading> readings_;
    std::vector<SkippedTask> skipped_;
    std::vector<std::string> notes_;
    bool paused_ = false;
    std::function<void(const RunnerEvent&)> listener_;
};

}  // namespace cm::procedure

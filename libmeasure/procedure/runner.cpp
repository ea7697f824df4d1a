// SPDX-License-Identifier: Apache-2.0
// Procedure runner: flattens steps × points × repeats into tasks and tracks progress through them.
#include "libmeasure/procedure/runner.h"

#include <algorithm>
#include <stdexcept>

namespace cm::procedure {

ProcedureRunner::ProcedureRunner(Profile profile, std::vector<geometry::MeasurementPoint> points)
    : profile_(std::move(profile)), points_(std::move(points)) {
    for (const Step& step : profile_.steps) {
        for (const std::string& pid : step.points) {
            auto it =
                std::find_if(points_.begin(), points_.end(),
                             [&](const geometry::MeasurementPoint& p) { return p.id == pid; });
            if (it == points_.end()) {
                throw std::invalid_argument("profile '" + profile_.id + "' step '" + step.id +
                                            "' names point '" + pid + "', which layout '" +
                                            profile_.geometry.layout + "' does not have");
            }
            for (int r = 0; r < step.repeats; ++r) {
                tasks_.push_back({&step, static_cast<std::size_t>(it - points_.begin()), r});
            }
        }
    }
}

MeasurementTask ProcedureRunner::taskAt(std::size_t i) const {
    const Slot& s = tasks_[i];
    MeasurementTask t;
    t.index = i;
    t.step = s.step;
    t.point = points_[s.point_index];
    t.repeat = s.repeat;
    t.new_stimulus = i == 0 || tasks_[i - 1].step->stimulus != s.step->stimulus ||
                     tasks_[i - 1].step->eyewear != s.step->eyewear;
    return t;
}

std::optional<MeasurementTask> ProcedureRunner::current() const {
    if (finished()) {
        return std::nullopt;
    }
    return taskAt(next_);
}

void ProcedureRunner::record(Reading reading) {
    if (finished()) {
        throw std::logic_error("procedure already finished");
    }
    if (paused_) {
        throw std::logic_error("procedure is paused: resume before recording");
    }
    const Slot& s = tasks_[next_];
    readings_.push_back({s.step->id, points_[s.point_index].id, s.repeat, std::move(reading)});
    emit(RunnerEvent::Kind::ReadingRecorded, next_);
    ++next_;
    announceCurrent();
}

void ProcedureRunner::skip(const std::string& reason) {
    if (finished()) {
        throw std::logic_error("procedure already finished");
    }
    if (paused_) {
        throw std::logic_error("procedure is paused: resume before skipping");
    }
    if (reason.empty()) {
        throw std::invalid_argument("a skip needs a reason (it goes into the report)");
    }
    const Slot& s = tasks_[next_];
    skipped_.push_back({s.step->id, points_[s.point_index].id, s.repeat, reason});
    emit(RunnerEvent::Kind::Skipped, next_, reason);
    ++next_;
    announceCurrent();
}

void ProcedureRunner::addNote(std::string note) {
    emit(RunnerEvent::Kind::NoteAdded, next_, note);
    notes_.push_back(std::move(note));
}

void ProcedureRunner::pause(const std::string& reason) {
    if (!paused_) {
        paused_ = true;
        emit(RunnerEvent::Kind::Paused, next_, reason);
    }
}

void ProcedureRunner::resume() {
    if (paused_) {
        paused_ = false;
        emit(RunnerEvent::Kind::Resumed, next_);
        announceCurrent();
    }
}

void ProcedureRunner::setListener(std::function<void(const RunnerEvent&)> listener) {
    listener_ = std::move(listener);
    announceCurrent();
}

void ProcedureRunner::emit(RunnerEvent::Kind kind, std::size_t task, std::string text) const {
    if (!listener_) {
        return;
    }
    RunnerEvent e;
    e.kind = kind;
    e.task_index = task;
    if (task < tasks_.size()) {
        const Slot& s = tasks_[task];
        e.step_id = s.step->id;
        e.point_id = points_[s.point_index].id;
        e.repeat = s.repeat;
        e.new_step = task == 0 || tasks_[task - 1].step != s.step;
    }
    e.text = std::move(text);
    listener_(e);
}

void ProcedureRunner::announceCurrent() const {
    if (finished()) {
        emit(RunnerEvent::Kind::Finished, next_);
    } else if (!paused_) {
        emit(RunnerEvent::Kind::TaskReady, next_, operatorInstruction(taskAt(next_), profile_));
    }
}

const char* toString(RunnerEvent::Kind kind) {
    switch (kind) {
        case RunnerEvent::Kind::TaskReady:
            return "task ready";
        case RunnerEvent::Kind::ReadingRecorded:
            return "reading recorded";
        case RunnerEvent::Kind::Skipped:
            return "skipped";
        case RunnerEvent::Kind::Retaken:
            return "retake";
        case RunnerEvent::Kind::Paused:
            return "paused";
        case RunnerEvent::Kind::Resumed:
            return "resumed";
        case RunnerEvent::Kind::NoteAdded:
            return "note";
        case RunnerEvent::Kind::Finished:
            return "finished";
    }
    return "?";
}

std::string operatorInstruction(const MeasurementTask& task, const Profile& profile) {
    const Step& st = *task.step;
    std::string out = "Show '" + st.stimulus + "'";
    if (st.code_xyz) {
        out += " (X'Y'Z' " + std::to_string((*st.code_xyz)[0]) + "/" +
               std::to_string((*st.code_xyz)[1]) + "/" + std::to_string((*st.code_xyz)[2]) + ")";
    }
    out += "; aim at " + task.point.label + " [" + task.point.id + "]";
    const std::string& seat = profile.seatOf(st);
    out += seat == kSeatNormal ? ", meter normal to the screen in front of the point"
                               : " from seat '" + seat + "'";
    if (st.eyewear != "none") {
        out += ", through the " + st.eyewear + " lens";
    }
    if (st.repeats > 1) {
        out += "; repeat " + std::to_string(task.repeat + 1) + " of " + std::to_string(st.repeats);
    }
    if (!st.instruction.empty()) {
        out += ". " + st.instruction;
    }
    return out;
}

bool ProcedureRunner::retakeLast() {
    if (readings_.empty()) {
        return false;
    }
    const RecordedReading& last = readings_.back();
    for (std::size_t i = 0; i < tasks_.size(); ++i) {
        const Slot& s = tasks_[i];
        if (s.step->id == last.step_id && points_[s.point_index].id == last.point_id &&
            s.repeat == last.repeat) {
            next_ = i;
            readings_.pop_back();
            emit(RunnerEvent::Kind::Retaken, i);
            announceCurrent();
            return true;
        }
    }
    return false;
}

void ProcedureRunner::restore(const std::vector<RecordedReading>& readings,
                              const std::vector<SkippedTask>& skipped) {
    std::vector<bool> done(tasks_.size(), false);
    readings_.clear();
    skipped_.clear();
    // Skips the operator gave are decisions: a resumed run does not ask for those tasks again.
    for (const SkippedTask& k : skipped) {
        for (std::size_t i = 0; i < tasks_.size(); ++i) {
            const Slot& s = tasks_[i];
            if (!done[i] && s.step->id == k.step_id && points_[s.point_index].id == k.point_id &&
                s.repeat == k.repeat) {
                done[i] = true;
                skipped_.push_back(k);
                break;
            }
        }
    }
    for (const RecordedReading& r : readings) {
        bool matched = false;
        for (std::size_t i = 0; i < tasks_.size(); ++i) {
            const Slot& s = tasks_[i];
            if (!done[i] && s.step->id == r.step_id && points_[s.point_index].id == r.point_id &&
                s.repeat == r.repeat) {
                done[i] = true;
                matched = true;
                break;
            }
        }
        if (!matched) {
            throw std::invalid_argument("stored reading for step '" + r.step_id + "', point '" +
                                        r.point_id + "', repeat " + std::to_string(r.repeat) +
                                        " does not belong to profile '" + profile_.id + "'");
        }
        readings_.push_back(r);
    }
    next_ = static_cast<std::size_t>(std::find(done.begin(), done.end(), false) - done.begin());
    announceCurrent();
}

}  // namespace cm::procedure

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
    const Slot& s = tasks_[next_];
    readings_.push_back({s.step->id, points_[s.point_index].id, s.repeat, std::move(reading)});
    ++next_;
}

void ProcedureRunner::skip(const std::string& reason) {
    if (finished()) {
        throw std::logic_error("procedure already finished");
    }
    const Slot& s = tasks_[next_];
    skipped_.push_back({s.step->id, points_[s.point_index].id, s.repeat, reason});
    ++next_;
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
            return true;
        }
    }
    return false;
}

void ProcedureRunner::restore(const std::vector<RecordedReading>& readings) {
    std::vector<bool> done(tasks_.size(), false);
    readings_.clear();
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
}

}  // namespace cm::procedure

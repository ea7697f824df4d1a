// SPDX-License-Identifier: Apache-2.0
// The run worker: starts or resumes a session through app/common/run and renders the run's
// requests as signals; the operator's decisions come from RunControls.
#include "app/gui/run_worker.h"

#include "app/common/certification.h"
#include "app/common/patterns/pattern_set.h"
#include "app/common/run/run_checks.h"
#include "app/common/run/run_session.h"
#include "app/common/session/session_store.h"
#include "app/gui/run_text.h"
#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/evaluation/evaluate_profile.h"
#include "libmeasure/patterns/preview.h"

#include <map>

namespace cm::gui {

namespace {

/// A field run waits this long for an unplugged meter (Stop ends the wait at once).
constexpr double kReconnectWaitS = 600.0;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

/// The pattern file and preview colour of each step (from the profile's pattern set plan).
struct PatternLooks {
    std::map<std::string, std::string> file;
    patterns::Encoding encoding = patterns::Encoding::DciGamma26;

    explicit PatternLooks(const procedure::Profile& profile) {
        try {
            const app::PatternSet set = app::planPatternSet(profile, {});
            encoding = set.encoding;
            for (const auto& step : set.steps) {
                if (!step.files.empty()) {
                    file[step.id] = step.files.front();
                }
            }
        } catch (const std::exception&) {
            // A stimulus the pattern writer does not know (e.g. "off"): no file, no swatch.
        }
    }
    QColor swatch(const procedure::Step& step) const {
        try {
            const patterns::PatternSpec spec =
                patterns::resolvePattern(step.stimulus, step.code_xyz, encoding);
            if (spec.frames.empty()) {
                return {};
            }
            const auto rgb = patterns::previewColour(spec.frames.front().first, encoding);
            return QColor(rgb[0], rgb[1], rgb[2]);
        } catch (const std::exception&) {
            return {};  // "off" (display switched off) and the like
        }
    }
};

InstrumentView instrumentView(const app::SessionRun& session, const std::string& port) {
    InstrumentView v;
    const procedure::InstrumentInfo& i = session.run().instrumentInfo();
    v.family = instrumentFamilyText(i.family);
    v.model = instrumentModelText(i.model);
    v.serial = qs(i.serial);
    v.firmware = qs(i.firmware);
    v.calibration_date = qs(i.calibration_date.empty() ? session.record().options.calibration_date
                                                       : i.calibration_date);
    v.port = qs(port);
    for (const auto& c : session.record().fitness) {
        v.checks << fitnessCheckText(c);
    }
    v.any_not_fit = evaluation::anyNotFit(session.record().fitness);
    return v;
}

}  // namespace

app::RunDescription describeRun(const RunRequest& q) {
    app::RunDescription d;
    d.profile = q.profile;
    d.site = q.site;
    d.auditorium = q.auditorium;
    d.operator_name = q.operator_name;
    if (q.simulate) {
        d.simulate = q.theatre_file;
    } else {
        d.port = q.port;
        d.screen_width_m = q.screen_width_m;
        d.screen_height_m = q.screen_height_m;
        d.screen_text =
            QStringLiteral("%1x%2").arg(q.screen_width_m).arg(q.screen_height_m).toStdString();
        d.screen_type = q.screen_type;
    }
    d.instrument = q.family;
    d.correction_file = q.correction_file;
    d.decision_rule = q.decision_rule;
    d.provisional = q.provisional;
    d.notes = q.notes;
    d.options.allow_unfit = q.allow_unfit;
    d.options.allow_uncorrected = q.allow_uncorrected;
    d.seed = q.seed;
    d.time_scale = q.time_scale;
    d.fault = q.fault;
    d.fault_at = q.fault_at;
    d.out_dir = q.out_dir;
    return d;
}

RunWorker::RunWorker(RunRequest request, std::shared_ptr<RunControls> controls)
    : request_(std::move(request)), controls_(std::move(controls)) {}

void RunWorker::run() {
    try {
        runImpl();
    } catch (const std::exception& e) {
        emit failed(qs(e.what()));
    }
}

void RunWorker::runImpl() {
    const RunRequest& q = request_;
    app::SessionStore store(q.db.empty() ? app::SessionStore::defaultPath() : q.db);

    // Every input is checked (and a field run's port opened) before the session exists.
    app::PreparedSimulation sim;
    if (!q.resume_session.empty()) {
        sim = app::prepareResume(store, q.resume_session, q.port);
    } else {
        if (!q.simulate && q.port.empty()) {
            throw app::RunInputError(
                tr("No serial port chosen for the instrument: pick the port the meter is "
                   "plugged into (Detect lists them). Nothing was started.")
                    .toStdString());
        }
        const app::RunDescription d = describeRun(q);
        sim = app::prepareRun(d);
        if (sim.field) {
            try {
                app::fieldLink(sim, q.port, 0.0).open(0)->identify();
            } catch (const std::exception& e) {
                throw app::RunInputError(
                    tr("Cannot open the instrument on %1: %2. Check the port and that the meter "
                       "is switched on. Nothing was started.")
                        .arg(qs(q.port), qs(e.what()))
                        .toStdString());
            }
        }
        app::storeRun(sim, d, store);
    }
    const std::string sid = sim.info.id;
    // Held while this run writes; refused if a CLI resume (or another GUI) is writing the session.
    app::SessionLock sessionLock(store, sid);
    store.setStatus(sid, "running");

    std::unique_ptr<app::SimulatedOperator> simOperator;
    app::InstrumentLink link;
    if (sim.field) {
        link = app::fieldLink(sim, q.port, kReconnectWaitS);
    } else {
        app::SimulatedLink s = app::simulatedLink(sim);
        simOperator = std::make_unique<app::SimulatedOperator>(s.theatre, sim.seat);
        link = std::move(s.link);
    }
    // The GUI always has an operator: a stimulus the meter cannot read goes back to them.
    link.operator_decides_unmeasurable = true;
    app::SessionRun session(sim, store, std::move(link));
    app::Run& run = session.run();
    const procedure::Profile& profile = run.runner().profile();
    const PatternLooks looks(profile);

    RunLayout layout;
    layout.session_id = qs(sid);
    layout.profile_title = qs(profile.title);
    layout.screen_width_m = sim.config.screen.width_m;
    layout.screen_height_m = sim.config.screen.height_m;
    layout.points = sim.points;
    layout.total_tasks = static_cast<int>(run.totalTasks());
    layout.already_taken = static_cast<int>(run.runner().readings().size());
    emit layoutReady(layout);

    const bool needDone = sim.field || q.confirm_each_task;
    const evaluation::EvaluationOptions evalOptions = app::simulationSetup(sim).evaluation;
    const auto taskView = [&](const app::Request& r) {
        const procedure::MeasurementTask& t = *r.task;
        TaskView v;
        v.index = static_cast<int>(t.index);
        v.total = static_cast<int>(r.total_tasks);
        v.step = qs(t.step->id);
        v.stimulus = qs(t.step->stimulus);
        v.eyewear = qs(t.step->eyewear);
        v.point = qs(t.point.id);
        v.point_label = qs(t.point.label);
        v.instruction = operatorInstructionText(t, profile);  // r.instruction is the CLI's
        v.repeat = t.repeat;
        v.repeats = t.step->repeats;
        v.new_stimulus = t.new_stimulus;
        v.waits_for_operator = needDone || !r.problem.empty();
        v.pattern = qs(r.stimulus);
        const auto f = looks.file.find(t.step->id);
        v.pattern_file = f == looks.file.end() ? QString() : qs(f->second);
        v.swatch = looks.swatch(*t.step);
        v.problem = runProblemText(r);  // r.problem is the CLI's
        for (const std::string& id : t.step->points) {
            v.step_points << qs(id);
        }
        return v;
    };

    bool checked = false;
    for (;;) {
        try {
            if (!run.connected()) {
                if (!checked) {
                    try {
                        session.begin();  // fitness and room checks before the first reading
                    } catch (const app::RunRefused&) {
                        store.setStatus(sid, "refused");
                        throw;
                    }
                    checked = true;
                } else {
                    run.connect();
                }
                emit instrumentReady(instrumentView(session, q.port));
            }
            const app::Request r = run.next();
            const int index = r.task ? static_cast<int>(r.task->index) : -1;
            switch (r.kind) {
                case app::Request::Kind::ShowPattern:
                    emit taskStarted(taskView(r));
                    if (simOperator) {
                        simOperator->perform(r);
                    }
                    break;
                case app::Request::Kind::AimAtPoint:
                    if (simOperator) {
                        simOperator->perform(r);
                    }
                    break;
                case app::Request::Kind::AskOperator: {
                    if (!r.problem.empty()) {
                        emit taskStarted(taskView(r));  // the page waits for the operator again
                    }
                    const auto d = controls_->awaitTask(index, needDone || !r.problem.empty());
                    switch (d.next) {
                        case RunControls::Next::Stop:
                            run.decide(app::Decision::stop());
                            break;
                        case RunControls::Next::Skip: {
                            if (d.reason.find_first_not_of(" \t") == std::string::npos) {
                                break;  // the page asks for the reason; none: not skipped
                            }
                            const auto res = run.decide(app::Decision::skip(d.reason));
                            emit taskSkipped(index, qs(res.skipped->reason));
                            break;
                        }
                        case RunControls::Next::Retake:
                            run.decide(app::Decision::retake(d.retake_index));
                            emit retaken(static_cast<int>(run.runner().position()),
                                         static_cast<int>(run.runner().readings().size()));
                            break;
                        case RunControls::Next::Measure:
                            run.decide(app::Decision::measure());
                            controls_->beginMeasurement();
                            emit measuring(index);
                            break;
                    }
                    break;
                }
                case app::Request::Kind::Measure: {
                    app::MeasureHooks hooks;
                    hooks.cancelled = [this] { return controls_->measurementCancelled(); };
                    hooks.elapsed = [this, index](int s) { emit measuringFor(index, s); };
                    hooks.waiting = [this](const std::string& status) {
                        emit waitingForMeter(qs(status));
                    };
                    hooks.reconnected = [this] { emit recovered(); };
                    const app::MeasureOutcome m = run.measure(hooks);
                    if (m.kind == app::MeasureOutcome::Kind::Cancelled) {
                        emit readingCancelled(index);
                    } else if (m.reading) {
                        const procedure::RecordedReading& rec = *m.reading;
                        ReadingView v;
                        v.task_index = index;
                        v.step = qs(rec.step_id);
                        v.point = qs(rec.point_id);
                        v.repeat = rec.repeat;
                        v.luminance_cdm2 = rec.reading.xyz_cdm2.Y;
                        const auto xy = colorimetry::toXY(rec.reading.xyz_cdm2);
                        v.x = xy.x;
                        v.y = xy.y;
                        v.readings_taken = static_cast<int>(run.runner().readings().size());
                        v.evaluation = std::make_shared<const evaluation::Evaluation>(
                            evaluation::evaluateProfile(profile, run.runner().readings(),
                                                        evalOptions));
                        emit readingRecorded(v);
                    }
                    break;
                }
                case app::Request::Kind::Paused:
                case app::Request::Kind::Stopped:
                    emit stopped(qs(sid), static_cast<int>(run.runner().readings().size()));
                    return;
                case app::Request::Kind::Finished: {
                    report::CertificationReport rep = session.report();
                    store.setStatus(sid, "complete");
                    emit finished(
                        std::make_shared<const report::CertificationReport>(std::move(rep)));
                    return;
                }
            }
        } catch (const drivers::InstrumentError& e) {
            run.disconnect();
            store.setStatus(sid, "interrupted");
            controls_->clearRetry();
            emit faulted(qs(e.what()), static_cast<int>(run.runner().readings().size()));
            if (!controls_->awaitRetry()) {
                emit stopped(qs(sid), static_cast<int>(run.runner().readings().size()));
                return;
            }
            store.setStatus(sid, "running");
            emit recovered();
        }
    }
}

}  // namespace cm::gui

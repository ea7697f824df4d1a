// SPDX-License-Identifier: Apache-2.0
// The run worker: prepares a simulated, real or resumed session and drives the shared run loop.
#include "app/gui/run_worker.h"

#include "app/common/certification.h"
#include "app/common/correction_file.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/run/instrument_models.h"
#include "app/common/run/run_checks.h"
#include "app/common/session/session_store.h"
#include "app/common/simulated_session.h"
#include "drivers/families.h"
#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/evaluation/evaluate_profile.h"

#include <functional>

namespace cm::gui {

namespace {

// Control flow out of runProcedure when the operator decides; none of these is an error.
struct SkipRequest {
    std::string reason;
};
struct RetakeRequest {
    int index;
};
struct StopRequest {};
struct ReadingCancelled {};

/// Waits for the operator's go (pause, Done, Skip, Retake, Stop); then, in a simulation, shows the
/// pattern and aims the meter in the virtual theatre like the CLI's simulated operator.
class GuiOperator final : public app::Operator {
public:
    GuiOperator(RunControls& controls, app::Operator* automatic, bool need_done,
                std::function<void(int)> on_measuring)
        : controls_(controls),
          automatic_(automatic),
          need_done_(need_done),
          on_measuring_(std::move(on_measuring)) {}

    void perform(const procedure::MeasurementTask& task) override {
        const auto d = controls_.awaitTask(static_cast<int>(task.index), need_done_);
        switch (d.next) {
            case RunControls::Next::Stop:
                throw StopRequest{};
            case RunControls::Next::Skip:
                throw SkipRequest{d.reason};
            case RunControls::Next::Retake:
                throw RetakeRequest{d.retake_index};
            case RunControls::Next::Measure:
                break;
        }
        if (automatic_ != nullptr) {
            automatic_->perform(task);
        }
        controls_.beginMeasurement();
        on_measuring_(static_cast<int>(task.index));
    }

private:
    RunControls& controls_;
    app::Operator* automatic_;
    bool need_done_;
    std::function<void(int)> on_measuring_;
};

/// Discards a reading that was cancelled while the instrument integrated: a driver cannot be
/// interrupted mid-command, so the reading is dropped when it arrives and never recorded.
class CancellableInstrument final : public drivers::SpotInstrument {
public:
    CancellableInstrument(drivers::SpotInstrument& inner, RunControls& controls)
        : inner_(inner), controls_(controls) {}
    procedure::InstrumentInfo identify() override { return inner_.identify(); }
    drivers::Capabilities capabilities() const override { return inner_.capabilities(); }
    procedure::Reading measure() override {
        procedure::Reading r = inner_.measure();
        if (controls_.measurementCancelled()) {
            throw ReadingCancelled{};
        }
        return r;
    }

private:
    drivers::SpotInstrument& inner_;
    RunControls& controls_;
};

/// The instrument of a run, rebuilt after a fault (a replugged meter, a restarted simulator).
struct Rig {
    std::unique_ptr<drivers::virt::PtySimulator> simulator;
    std::unique_ptr<drivers::SpotInstrument> instrument;
    std::unique_ptr<app::CorrectedInstrument> corrected;
    /// Driver before simulator: the driver still holds the simulator's pseudo-terminal.
    void reset() {
        corrected.reset();
        instrument.reset();
        simulator.reset();
    }
    drivers::SpotInstrument& meter() {
        return corrected ? static_cast<drivers::SpotInstrument&>(*corrected) : *instrument;
    }
};

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

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

    app::CertificationSetup setup;
    app::PreparedSimulation sim;
    std::shared_ptr<drivers::virt::VirtualTheatre> theatre;
    std::unique_ptr<app::SimulatedOperator> simOperator;
    std::string sid;
    std::string correction_json;
    std::function<Rig(bool first, std::size_t taken)> makeRig;

    if (q.simulate || !q.resume_session.empty()) {
        if (!q.resume_session.empty()) {
            const app::SessionInfo info = store.session(q.resume_session);
            if (info.theatre_json.empty()) {
                throw std::runtime_error("session " + info.id + " was measured on " + info.source +
                                         " before field sessions were journaled with their site; "
                                         "it cannot be resumed");
            }
            sim = app::prepareSimulation(info);
            if (sim.field && q.port.empty()) {
                throw std::runtime_error("session " + info.id + " is a field session (" +
                                         info.source +
                                         "): choose the instrument's serial port, then Resume");
            }
        } else {
            app::SessionInfo info;
            const std::filesystem::path profileFile = app::findProfileFile(q.profile);
            info.profile_json = app::readTextFile(profileFile);
            info.profile_id = app::loadProfileFile(profileFile).id;
            info.theatre_json = app::readTextFile(q.theatre_file);
            info.theatre_file = q.theatre_file;
            info.source =
                "simulation of " + std::filesystem::path(q.theatre_file).filename().string();
            info.seed = q.seed;
            info.time_scale = q.time_scale;
            info.operator_name = q.operator_name;
            info.site = q.site;
            info.instrument_family = q.family;
            info.decision_rule = q.decision_rule;
            info.out_dir = q.out_dir.empty() ? "" : std::filesystem::absolute(q.out_dir).string();
            sim = app::prepareSimulation(info);
            drivers::virt::parseFault(q.fault);  // a bad name fails before any reading
            sim.fault = q.fault;
            sim.fault_at_measurement = q.fault_at;
            sim.info.id = store.createSession(sim.info);
            app::RunRecord record;
            record.options.allow_unfit = q.allow_unfit;
            record.options.allow_uncorrected = q.allow_uncorrected;
            store.setRunOptions(sim.info.id, app::toJson(record));
            sim.info = store.session(sim.info.id);
            sim.info.seed =
                sim.info.seed >= 0 ? sim.info.seed : static_cast<long long>(sim.config.noise.seed);
        }
        sid = sim.info.id;
        store.setStatus(sid, "running");
        setup = app::simulationSetup(sim);
        correction_json = sim.info.correction_json;
        if (sim.field) {
            // A field session resumed: the real instrument on the port chosen now, the operator
            // presses Done for each task.
            const drivers::Family* family = drivers::findFamily(sim.info.instrument_family);
            if (family == nullptr) {
                throw std::runtime_error("unknown instrument family '" +
                                         sim.info.instrument_family + "'");
            }
            makeRig = [family, port = q.port](bool, std::size_t) {
                return Rig{nullptr, drivers::openInstrument(*family, port), nullptr};
            };
        } else {
            theatre = std::make_shared<drivers::virt::VirtualTheatre>(sim.config);
            simOperator = std::make_unique<app::SimulatedOperator>(theatre, sim.seat);
            makeRig = [&](bool first, std::size_t taken) {
                app::PreparedSimulation s = sim;
                if (!first) {
                    s.fault = "none";  // the replugged meter runs clean, as `resume` does
                }
                app::SimulatedRig r = app::makeSimulatedRig(s, theatre, taken);
                return Rig{std::move(r.simulator), std::move(r.instrument), nullptr};
            };
        }
    } else {
        const drivers::Family* family = drivers::findFamily(q.family);
        if (family == nullptr) {
            throw std::runtime_error("unknown instrument family '" + q.family + "'");
        }
        const std::filesystem::path profileFile = app::findProfileFile(q.profile);
        setup.profile = app::loadProfileFile(profileFile);
        if (!(q.screen_width_m > 0 && q.screen_height_m > 0)) {
            throw std::runtime_error("screen width and height must be positive (metres)");
        }
        setup.points = geometry::pointLayout(setup.profile.geometry.layout,
                                             {q.screen_width_m, q.screen_height_m},
                                             setup.profile.geometry.inset_fraction_of_width);
        setup.seat.id = q.seat;
        setup.site = {
            q.site, q.auditorium, q.screen_width_m, q.screen_height_m, setup.profile.display_type,
            q.seat};
        app::SessionInfo info;
        info.profile_json = app::readTextFile(profileFile);
        info.profile_id = setup.profile.id;
        // Journaled as a field session (site and screen kept), so it can be resumed here or
        // with `cinemeasure resume SESSION --port`.
        // The site record's name is the auditorium (the site is the session's own field), so a
        // resumed report never reads "site / site".
        info.theatre_json = app::fieldSiteJson(q.auditorium, q.screen_width_m, q.screen_height_m,
                                               setup.profile.display_type);
        info.theatre_file = "field site";
        info.source = "field: " + q.family + " on " + q.port;
        info.operator_name = q.operator_name;
        info.site = q.site;
        info.instrument_family = q.family;
        info.decision_rule = q.decision_rule;
        info.out_dir = q.out_dir;
        sid = store.createSession(info);
        {
            app::RunRecord record;
            record.options.allow_unfit = q.allow_unfit;
            record.options.allow_uncorrected = q.allow_uncorrected;
            store.setRunOptions(sid, app::toJson(record));
        }
        const app::SessionInfo stored = store.session(sid);
        sim = app::prepareSimulation(stored);  // the field site, for the fitness checks
        setup.run.operator_name = q.operator_name;
        setup.run.source = info.source;
        setup.run.started_utc = stored.created_utc;
        setup.run.session_id = sid;
        setup.run.software_version = CINEMEASURE_VERSION;
        setup.run.git_revision = CINEMEASURE_GIT_REVISION;
        setup.evaluation.rule = evaluation::parseDecisionRule(q.decision_rule);
        setup.evaluation.instrument_models = app::shippedInstrumentModels();
        makeRig = [family, port = q.port](bool, std::size_t) {
            return Rig{nullptr, drivers::openInstrument(*family, port), nullptr};
        };
    }
    // Held while this run writes; refused if a CLI resume (or another GUI) is writing the session.
    app::SessionLock sessionLock(store, sid);
    procedure::ProcedureRunner runner(setup.profile, setup.points);
    const procedure::Profile& profile = runner.profile();
    runner.restore(store.readings(sid), store.skips(sid));

    RunLayout layout;
    layout.session_id = qs(sid);
    layout.profile_title = qs(profile.title);
    layout.screen_width_m = setup.site.screen_width_m;
    layout.screen_height_m = setup.site.screen_height_m;
    layout.points = setup.points;
    layout.total_tasks = static_cast<int>(runner.taskCount());
    layout.already_taken = static_cast<int>(runner.readings().size());
    emit layoutReady(layout);

    const bool needDone = !theatre || q.confirm_each_task;
    GuiOperator op(*controls_, simOperator.get(), needDone, [this](int i) { emit measuring(i); });
    app::CertificationObserver observer;
    observer.taskStarted = [&](const procedure::MeasurementTask& t) {
        TaskView v;
        v.index = static_cast<int>(t.index);
        v.total = static_cast<int>(runner.taskCount());
        v.step = qs(t.step->id);
        v.stimulus = qs(t.step->stimulus);
        v.eyewear = qs(t.step->eyewear);
        v.point = qs(t.point.id);
        v.point_label = qs(t.point.label);
        v.instruction = qs(t.step->instruction);
        v.repeat = t.repeat;
        v.repeats = t.step->repeats;
        v.new_stimulus = t.new_stimulus;
        v.waits_for_operator = needDone;
        emit taskStarted(v);
    };
    const auto sink = [&](const procedure::RecordedReading& r) {
        store.appendReading(sid, r);
        ReadingView v;
        v.task_index = static_cast<int>(runner.position()) - 1;
        v.step = qs(r.step_id);
        v.point = qs(r.point_id);
        v.repeat = r.repeat;
        v.luminance_cdm2 = r.reading.xyz_cdm2.Y;
        const auto xy = colorimetry::toXY(r.reading.xyz_cdm2);
        v.x = xy.x;
        v.y = xy.y;
        v.readings_taken = static_cast<int>(runner.readings().size());
        v.evaluation = std::make_shared<const evaluation::Evaluation>(
            evaluation::evaluateProfile(profile, runner.readings(), setup.evaluation));
        emit readingRecorded(v);
    };

    Rig rig;
    bool haveRig = false;
    bool firstRig = true;
    bool fitnessChecked = false;
    procedure::InstrumentInfo instrumentInfo;
    while (!runner.finished()) {
        try {
            if (!haveRig) {
                try {
                    rig = makeRig(firstRig, runner.readings().size());
                    if (!correction_json.empty()) {
                        rig.corrected = std::make_unique<app::CorrectedInstrument>(
                            *rig.instrument,
                            app::parseCorrection(correction_json, sid + " (stored correction)"));
                    }
                    instrumentInfo = rig.instrument->identify();
                } catch (const drivers::InstrumentError&) {
                    throw;
                } catch (const std::exception& e) {
                    // A port that cannot be opened is an instrument problem the operator can fix.
                    throw drivers::InstrumentError(drivers::ErrorKind::Disconnected, e.what());
                }
                haveRig = true;
                firstRig = false;
            }
            if (!fitnessChecked) {
                // The same checks as the CLI, before the first reading (throws RunRefused).
                app::RunRecord record = app::runRecordFromJson(store.runOptions(sid));
                app::checkRun(sim, instrumentInfo, rig.instrument->capabilities(),
                              rig.corrected != nullptr, record);
                store.setRunOptions(sid, app::toJson(record));
                setup.fitness = record.fitness;
                setup.conditions = record.conditions;
                setup.calibration_date = record.options.calibration_date;
                setup.calibration_certificate = record.options.calibration_certificate;
                fitnessChecked = true;
            }
            CancellableInstrument meter(rig.meter(), *controls_);
            app::runProcedure(runner, meter, op, sink, observer);
        } catch (const SkipRequest& s) {
            runner.skip(s.reason.empty() ? "skipped by the operator" : s.reason);
            store.appendSkip(sid, runner.skipped().back());
            emit taskSkipped(static_cast<int>(runner.position()) - 1,
                             qs(runner.skipped().back().reason));
        } catch (const RetakeRequest& r) {
            // Back to the retaken task: every later reading is taken again after it.
            while (!runner.readings().empty() && static_cast<int>(runner.position()) > r.index) {
                runner.retakeLast();
                store.retractLastReading(sid, "operator retake");
            }
            emit retaken(static_cast<int>(runner.position()),
                         static_cast<int>(runner.readings().size()));
        } catch (const ReadingCancelled&) {
            emit readingCancelled(static_cast<int>(runner.position()));
        } catch (const StopRequest&) {
            store.setStatus(sid, "interrupted");
            emit stopped(qs(sid), static_cast<int>(runner.readings().size()));
            return;
        } catch (const drivers::InstrumentError& e) {
            rig.reset();
            haveRig = false;
            store.setStatus(sid, "interrupted");
            controls_->clearRetry();
            emit faulted(qs(e.what()), static_cast<int>(runner.readings().size()));
            if (!controls_->awaitRetry()) {
                emit stopped(qs(sid), static_cast<int>(runner.readings().size()));
                return;
            }
            store.setStatus(sid, "running");
            emit recovered();
        }
    }
    if (instrumentInfo.model.empty() && !runner.readings().empty()) {
        instrumentInfo = runner.readings().front().reading.instrument;  // resumed when complete
    }
    setup.run.finished_utc = drivers::utcNowIso8601();
    report::CertificationReport rep = app::buildReport(setup, runner, instrumentInfo);
    rep.notes = store.notes(sid);
    rep.skipped = store.skips(sid);
    store.setStatus(sid, "complete");
    emit finished(std::make_shared<const report::CertificationReport>(std::move(rep)));
}

}  // namespace cm::gui

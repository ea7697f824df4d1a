// Certification run loop shared by the CLI and the GUI.
#include "app/common/certification.h"

#include "app/common/data_paths.h"
#include "libmeasure/evaluation/evaluate_profile.h"

#include <stdexcept>

namespace cm::app {

SimulatedOperator::SimulatedOperator(std::shared_ptr<drivers::virt::VirtualTheatre> theatre,
                                     geometry::Seat seat)
    : theatre_(std::move(theatre)), seat_(std::move(seat)) {}

std::string SimulatedOperator::stimulusFor(const procedure::Step& step) {
    // A "code" step shows a full field of its own code values (grey ramps, HDR levels).
    if (step.stimulus == "code" && step.code_xyz) {
        return drivers::virt::codeStimulus(*step.code_xyz);
    }
    return step.stimulus;
}

void SimulatedOperator::perform(const procedure::MeasurementTask& task) {
    theatre_->setTask(task.index);
    theatre_->show({stimulusFor(*task.step), task.step->eyewear});
    if (task.step->seat == procedure::kSeatNormal) {
        // The meter 2 m in front of the point, on its normal (IDMS §8.1 sampled uniformity).
        const geometry::Seat normal{procedure::kSeatNormal, task.point.position.x_m, 2.0,
                                    task.point.position.y_m};
        theatre_->aimAt({normal, task.point.position});
        return;
    }
    const geometry::Seat* seat =
        task.step->seat.empty() ? &seat_ : theatre_->config().findSeat(task.step->seat);
    if (seat == nullptr) {
        throw std::runtime_error("the virtual theatre has no seat '" + task.step->seat + "'");
    }
    theatre_->aimAt({*seat, task.point.position});
}

drivers::virt::TheatreConfig loadTheatreConfig(const std::filesystem::path& file) {
    const std::string text = readTextFile(file);
    const nlohmann::json doc = util::parseJson(text, file.string());
    return drivers::virt::parseTheatreConfig(util::JsonView(doc, file.string()));
}

void runProcedure(procedure::ProcedureRunner& runner, drivers::SpotInstrument& instrument,
                  Operator& op, const ReadingSink& sink, const CertificationObserver& observer) {
    constexpr int kMaxAttempts = 3;  // transient faults (timeouts, garbled replies) get retries
    const drivers::Capabilities caps = instrument.capabilities();
    while (auto task = runner.current()) {
        if (observer.taskStarted) {
            observer.taskStarted(*task);
        }
        try {
            op.perform(*task);
        } catch (const OperatorSkip& skip) {
            runner.skip(skip.reason.empty() ? "skipped by the operator" : skip.reason);
            if (observer.skipped) {
                observer.skipped(runner.skipped().back());
            }
            continue;
        } catch (const OperatorRetake&) {
            if (!runner.readings().empty()) {
                const procedure::RecordedReading dropped = runner.readings().back();
                runner.retakeLast();
                if (observer.retaken) {
                    observer.retaken(dropped);
                }
            }
            continue;
        } catch (const OperatorPause& pause) {
            runner.pause(pause.reason.empty() ? "paused by the operator" : pause.reason);
            if (observer.paused) {
                observer.paused(pause.reason);
            }
            return;
        }
        procedure::Reading reading;
        for (int attempt = 1;; ++attempt) {
            try {
                reading = instrument.measure();
                break;
            } catch (const drivers::InstrumentError& e) {
                const bool transient = e.kind() == drivers::ErrorKind::Timeout ||
                                       e.kind() == drivers::ErrorKind::Protocol;
                if (!transient || attempt >= kMaxAttempts) {
                    throw;
                }
            }
        }
        // Each reading carries its standard uncertainty from the instrument's specification.
        if (reading.u_luminance_rel <= 0.0) {
            reading.u_luminance_rel = caps.luminance_uncertainty_rel;
        }
        if (reading.u_chromaticity_xy <= 0.0) {
            reading.u_chromaticity_xy = caps.chromaticity_uncertainty_xy;
        }
        runner.record(reading);
        if (sink) {
            sink(runner.readings().back());
        }
        // Shown only once journaled: a reading the store refused (disk full) is never displayed.
        if (observer.readingTaken) {
            observer.readingTaken(*task, reading);
        }
    }
}

report::CertificationReport buildReport(const CertificationSetup& setup,
                                        const procedure::ProcedureRunner& runner,
                                        const procedure::InstrumentInfo& instrument) {
    report::CertificationReport rep;
    rep.run = setup.run;
    rep.site = setup.site;
    rep.profile = runner.profile();
    rep.points = setup.points;
    rep.instruments = {instrument};
    rep.readings = runner.readings();
    rep.skipped = runner.skipped();
    rep.notes = runner.notes();
    rep.evaluation =
        evaluation::evaluateProfile(runner.profile(), runner.readings(), setup.evaluation);
    rep.run.decision_rule = evaluation::toString(setup.evaluation.rule);
    rep.run.provisional_limits =
        setup.evaluation.provisional_as_informative ? "informative" : "binding";
    rep.complete = runner.finished();
    return rep;
}

}  // namespace cm::app

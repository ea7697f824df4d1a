// SPDX-License-Identifier: Apache-2.0
// Certification run loop shared by the CLI and the GUI.
#include "app/common/certification.h"

#include "app/common/data_paths.h"
#include "libmeasure/evaluation/evaluate_profile.h"

#include <algorithm>
#include <stdexcept>

namespace cm::app {

SimulatedOperator::SimulatedOperator(std::shared_ptr<drivers::virt::VirtualTheatre> theatre,
                                     geometry::Seat seat)
    : theatre_(std::move(theatre)), seat_(std::move(seat)) {}

void SimulatedOperator::perform(const Request& request) {
    if (!request.task) {
        return;
    }
    const procedure::MeasurementTask& task = *request.task;
    if (request.kind == Request::Kind::ShowPattern) {
        theatre_->show({request.stimulus, task.step->eyewear});
        return;
    }
    if (request.kind != Request::Kind::AimAtPoint) {
        return;
    }
    theatre_->setTask(task.index);
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

void driveUnattended(Run& run, SimulatedOperator& op, const RunObserver& observer) {
    for (;;) {
        const Request r = run.next();
        if (observer.request) {
            observer.request(r);
        }
        switch (r.kind) {
            case Request::Kind::ShowPattern:
            case Request::Kind::AimAtPoint:
                op.perform(r);
                break;
            case Request::Kind::AskOperator:
                run.decide(Decision::measure());
                break;
            case Request::Kind::Measure: {
                const MeasureOutcome m = run.measure();
                if (m.reading && observer.recorded) {
                    observer.recorded(r, *m.reading);
                }
                break;
            }
            case Request::Kind::Paused:
            case Request::Kind::Stopped:
            case Request::Kind::Finished:
                return;
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
    procedure::InstrumentInfo ins = instrument;
    if (ins.calibration_date.empty()) {
        ins.calibration_date = setup.calibration_date;
    }
    if (ins.calibration_certificate.empty()) {
        ins.calibration_certificate = setup.calibration_certificate;
    }
    rep.instruments = {ins};
    rep.readings = runner.readings();
    rep.skipped = runner.skipped();
    rep.notes = runner.notes();
    rep.evaluation =
        evaluation::evaluateProfile(runner.profile(), runner.readings(), setup.evaluation);
    rep.run.decision_rule = evaluation::toString(setup.evaluation.rule);
    rep.run.provisional_limits =
        setup.evaluation.provisional_as_informative ? "informative" : "binding";
    const bool anyProvisional =
        std::any_of(rep.profile.figures.begin(), rep.profile.figures.end(),
                    [](const procedure::FigureSpec& f) { return f.tolerance.provisional; });
    if (!setup.evaluation.provisional_as_informative && anyProvisional) {
        rep.run.provisional_warning =
            "limits read only in drafts were made binding (--provisional binding): the verdict "
            "rests on unconfirmed numbers";
    }
    rep.fitness = setup.fitness;
    if (evaluation::anyNotFit(rep.fitness)) {
        // Measured with an instrument the profile does not allow (accepted for a rehearsal): the
        // figures are reported, no overall verdict is stated.
        rep.evaluation.overall = evaluation::Verdict::NotEvaluated;
        rep.overall_note = "instrument not fit for this profile (see fitness): no overall verdict";
    }
    rep.conditions = setup.conditions;
    if (!rep.conditions.ambient_step.empty()) {
        // The device-off reading (mean of its repeats): the room light black figures include.
        double sum = 0.0;
        int n = 0;
        for (const auto& r : rep.readings) {
            if (r.step_id == rep.conditions.ambient_step) {
                sum += r.reading.xyz_cdm2.Y;
                ++n;
            }
        }
        rep.conditions.ambient_cdm2 = n > 0 ? sum / n : -1.0;
    }
    rep.complete = runner.finished();
    return rep;
}

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// One certification run: a profile's procedure driven through any spot instrument, with an
// operator who performs each task, readings journaled as they arrive, and the report model out.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "drivers/virtual/virtual_theatre.h"
#include "libmeasure/report/certification_report.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace cm::app {

/// Thrown by an Operator's perform() instead of getting ready: the runner skips the task (with the
/// reason, kept for the report), retakes the last reading, or pauses (readings kept; resume later).
struct OperatorSkip {
    std::string reason;
};
struct OperatorRetake {};
struct OperatorPause {
    std::string reason;
};

/// Whoever puts the pattern on screen and aims the meter.
class Operator {
public:
    virtual ~Operator() = default;
    virtual void perform(const procedure::MeasurementTask& task) = 0;
};

/// The simulated operator: shows the stimulus and aims the meter in the virtual theatre.
class SimulatedOperator final : public Operator {
public:
    SimulatedOperator(std::shared_ptr<drivers::virt::VirtualTheatre> theatre, geometry::Seat seat);
    void perform(const procedure::MeasurementTask& task) override;
    /// What the virtual projector shows for a step ("code" steps become "code:X,Y,Z").
    static std::string stimulusFor(const procedure::Step& step);

private:
    std::shared_ptr<drivers::virt::VirtualTheatre> theatre_;
    geometry::Seat seat_;
};

/// Progress callbacks for a renderer (CLI text now, GUI later). All optional.
struct CertificationObserver {
    std::function<void(const procedure::MeasurementTask&)> taskStarted;
    std::function<void(const procedure::MeasurementTask&, const procedure::Reading&)> readingTaken;
    /// Journal hooks for operator decisions (the session store keeps them).
    std::function<void(const procedure::SkippedTask&)> skipped;
    std::function<void(const procedure::RecordedReading& dropped)> retaken;
    std::function<void(const std::string& reason)> paused;
};

/// Loads and validates a virtual theatre config file.
drivers::virt::TheatreConfig loadTheatreConfig(const std::filesystem::path& file);

struct CertificationSetup {
    procedure::Profile profile;
    report::SiteInfo site;
    report::RunInfo run;
    geometry::Seat seat;
    std::vector<geometry::MeasurementPoint> points;
    evaluation::EvaluationOptions evaluation;
    /// Checked before the first reading (app/common/run), carried into the report.
    std::vector<evaluation::FitnessCheck> fitness;
    report::RoomConditionsRecord conditions;
    /// Instrument calibration as the operator stated it (used where the instrument gives none).
    std::string calibration_date;
    std::string calibration_certificate;
    /// Provisional policy as requested: "binding" or "informative".
    std::string provisional_policy = "informative";
};

/// Called with each reading once the runner has recorded it; the session store journals it here.
using ReadingSink = std::function<void(const procedure::RecordedReading&)>;

/// Runs every remaining task, or until the operator pauses (then `runner.paused()` is true and
/// the caller keeps the session for resuming). Instrument errors are retried (bounded) and then
/// rethrown; the readings taken so far are in `runner` and were handed to `sink`, so the caller can
/// report and resume.
void runProcedure(procedure::ProcedureRunner& runner, drivers::SpotInstrument& instrument,
                  Operator& op, const ReadingSink& sink, const CertificationObserver& observer);

/// Builds the report model from a finished (or partial) run.
report::CertificationReport buildReport(const CertificationSetup& setup,
                                        const procedure::ProcedureRunner& runner,
                                        const procedure::InstrumentInfo& instrument);

}  // namespace cm::app

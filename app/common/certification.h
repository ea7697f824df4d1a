// SPDX-License-Identifier: Apache-2.0
// One certification run: a profile's procedure driven through any spot instrument, with an
// operator who performs each task, readings journaled as they arrive, and the report model out.
#pragma once

#include "app/common/run/run.h"
#include "drivers/instrument/spot_instrument.h"
#include "drivers/virtual/virtual_theatre.h"
#include "libmeasure/report/certification_report.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace cm::app {

/// The simulated operator: shows the stimulus and aims the meter in the virtual theatre, as the
/// run requests (ShowPattern, AimAtPoint).
class SimulatedOperator final {
public:
    SimulatedOperator(std::shared_ptr<drivers::virt::VirtualTheatre> theatre, geometry::Seat seat);
    void perform(const Request& request);

private:
    std::shared_ptr<drivers::virt::VirtualTheatre> theatre_;
    geometry::Seat seat_;
};

/// What an unattended run tells its front end: each request as it is met, and each reading once
/// journaled.
struct RunObserver {
    std::function<void(const Request&)> request;
    std::function<void(const Request&, const procedure::RecordedReading&)> recorded;
};

/// Runs every remaining task unattended (a simulation: the simulated operator shows and aims,
/// every task is measured). Instrument errors are thrown; the run stays at the failed task and the
/// readings so far were journaled.
void driveUnattended(Run& run, SimulatedOperator& op, const RunObserver& observer = {});

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

/// Builds the report model from a finished (or partial) run.
report::CertificationReport buildReport(const CertificationSetup& setup,
                                        const procedure::ProcedureRunner& runner,
                                        const procedure::InstrumentInfo& instrument);

}  // namespace cm::app

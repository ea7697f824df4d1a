// SPDX-License-Identifier: Apache-2.0
// A certification against the virtual theatre, journaled in the session store: started by
// `certify --simulate`, continued by `resume`, with identical readings either way.
#pragma once

#include "app/common/certification.h"
#include "app/common/session/session_store.h"
#include "drivers/virtual/pty_simulator.h"
#include "drivers/virtual/theatre_config.h"
#include "libmeasure/report/certification_report.h"

#include <filesystem>
#include <optional>

namespace cm::app {

/// Everything validated and ready before the first reading.
struct PreparedSimulation {
    SessionInfo info;
    procedure::Profile profile;
    drivers::virt::TheatreConfig config;
    geometry::Seat seat;
    std::vector<geometry::MeasurementPoint> points;
    /// Fault to inject into the instrument simulator for this run only (tests, rehearsals).
    std::string fault = "none";
    int fault_at_measurement = 1;
    /// A field session: a real instrument and a human operator; `config` holds only the site
    /// (screen size and type, seat ids), no light model.
    bool field = false;
};

/// The stored description of a real site for a field session (schema "cinemeasure-site").
std::string fieldSiteJson(const std::string& name, double width_m, double height_m,
                          const std::string& screen_type);

/// Parses and cross-checks the stored profile and theatre text. Throws util::DataError or
/// std::runtime_error with a one-line reason; nothing has been measured yet.
PreparedSimulation prepareSimulation(const SessionInfo& info);

/// Instrument families that have a simulator ("virtual" runs in-process; the others run their
/// simulator on a pseudo-terminal and the real driver over the serial transport).
std::vector<std::string> simulatedFamilies();

/// The report setup (site, run info, decision rule) of a simulated session.
CertificationSetup simulationSetup(const PreparedSimulation& sim);

/// Rebuilds the report of a stored session from its readings (no measuring).
report::CertificationReport reportFromStore(const PreparedSimulation& sim,
                                            const SessionStore& store);

/// The session's next unmeasured, unskipped task (none when finished). The task's step pointer
/// refers to `sim.profile`.
std::optional<procedure::MeasurementTask> nextTask(const PreparedSimulation& sim,
                                                   const SessionStore& store);

/// Writes report.json, report.csv and report.pdf atomically into `dir`.
/// report.json, report.csv and report.pdf in `dir` (PDF and CSV headers in `lang`, "en" or
/// "zh_CN"); a signature of an earlier report.json is removed.
void writeReportFiles(const report::CertificationReport& report, const std::filesystem::path& dir,
                      const std::string& lang = "en");

}  // namespace cm::app

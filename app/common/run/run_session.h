// SPDX-License-Identifier: Apache-2.0
// A run of a stored session: the run description checked in one place and journaled, a resume
// read back from the journal, the instrument link (simulated or on a serial port), the fitness
// checks before the first reading, and the report. The CLI and the GUI start and resume here.
#pragma once

#include "app/common/run/run.h"
#include "app/common/run/run_record.h"
#include "app/common/simulated_session.h"
#include "libmeasure/errors.h"

#include <memory>
#include <string>
#include <vector>

namespace cm::app {

/// Something the operator asked for that cannot run; nothing was measured or stored.
class RunInputError : public errors::InputError {
public:
    using errors::InputError::InputError;
};

/// Everything a new run needs, as the operator gave it.
struct RunDescription {
    std::string profile;  ///< id or .json path
    std::string site;
    std::string auditorium;
    std::string operator_name;
    /// Simulation: the virtual theatre config; empty for a field run (then `port`).
    std::string simulate;
    std::string port;
    std::string instrument = "virtual";  ///< family id
    /// Field runs: the screen in metres ("WxH" as typed, for messages).
    double screen_width_m = 0.0;
    double screen_height_m = 0.0;
    std::string screen_text;
    std::string screen_type = "projector";
    /// Options: colorimeter correction file, decision rule, provisional policy, notes.
    std::string correction_file;
    std::string decision_rule = "simple";
    std::string provisional = "informative";
    std::vector<std::string> notes;
    RunOptions options;
    /// Simulations only.
    long long seed = -1;
    double time_scale = 0.0;
    std::string fault = "none";
    int fault_at = 1;
    std::string out_dir;
};

/// Checks every input of `d` (the typed-in ones through checkRunInputs (run_inputs.h): port,
/// site, auditorium, operator, screen, correction file, report folder; then profile, simulation
/// or field site, family, correction contents, decision rule, provisional policy, fault,
/// calibration date) before anything is stored or measured. Throws RunInputError naming what is
/// wrong, or errors::StorageError when the report folder cannot be made or written.
PreparedSimulation prepareRun(const RunDescription& d);

/// Journals the prepared run as a new session (its notes and run options too); sets the id.
/// `created` is called with the new id before anything else is written (to take the lock).
void storeRun(PreparedSimulation& sim, const RunDescription& d, SessionStore& store,
              const std::function<void(const std::string& id)>& created = {});

/// A stored session read back for resuming. A field session needs `port` (the port now).
/// Throws RunInputError, or the store's own error (unknown id, unreadable journal).
PreparedSimulation prepareResume(const SessionStore& store, const std::string& session_id,
                                 const std::string& port);

/// The serial port a stored field session was measured on, from its source ("field: k10a on
/// /dev/ttyUSB0" gives "/dev/ttyUSB0"); empty for a simulated session. Resuming a field session
/// needs a port: this is the one to propose.
std::string fieldSessionPort(const SessionInfo& info);

/// Warnings the operator should see before the first reading (profile for another screen type,
/// draft limits made binding).
std::vector<std::string> runWarnings(const PreparedSimulation& sim);

/// The instrument of a simulated session: the in-process virtual meter, or the family's simulator
/// on a pseudo-terminal with the real driver over the serial transport. Reopening (after a fault)
/// starts a fresh simulator that runs clean, as `resume` does.
struct SimulatedLink {
    InstrumentLink link;
    std::shared_ptr<drivers::virt::VirtualTheatre> theatre;
};
SimulatedLink simulatedLink(const PreparedSimulation& sim);

/// The instrument of a field session on `port`; an unplugged meter is waited for
/// `reconnect_timeout_s` and the run goes on with it.
InstrumentLink fieldLink(const PreparedSimulation& sim, const std::string& port,
                         double reconnect_timeout_s);

/// One stored session being measured: readings and skips restored from the journal, every
/// reading, skip, retake and pause journaled, the fitness checks before the first reading.
class SessionRun {
public:
    SessionRun(PreparedSimulation sim, SessionStore& store, InstrumentLink link);
    /// Connects to the instrument and checks its fitness for the profile (journaled). Throws
    /// drivers::InstrumentError (port) or RunRefused (fitness, warm-up).
    void begin();
    Run& run() { return *run_; }
    const Run& run() const { return *run_; }
    const PreparedSimulation& session() const { return sim_; }
    const RunRecord& record() const { return record_; }
    /// The report of what has been measured so far (complete when the run finished).
    report::CertificationReport report() const;

private:
    PreparedSimulation sim_;
    SessionStore& store_;
    std::unique_ptr<Run> run_;
    RunRecord record_;
};

}  // namespace cm::app

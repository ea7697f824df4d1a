// SPDX-License-Identifier: Apache-2.0
// Any meter ArgyllCMS supports, driven through its `spotread` program as a subprocess on a
// pseudo-terminal (as DisplayCAL does): one interactive spotread session, a key press per
// reading, restarted when it fails.
#pragma once

#include "drivers/argyll/protocol.h"
#include "drivers/instrument/spot_instrument.h"
#include "drivers/transport/child_process.h"

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace cm::drivers::argyll {

struct ArgyllOptions {
    /// spotread's "-c" list number ("2") or the port path as spotread lists it
    /// ("/dev/ttyUSB0"); empty: the first entry with an identified instrument.
    std::string port;
    bool spectrum = true;  ///< ask for the spectrum (-s); ignored data if none printed
    std::string program = "spotread";
    /// Session start (port probe, about 2 s per USB-serial port, and instrument set-up), and
    /// each reading (up to ~20 s for a spectroradiometer at low light, Argyll's own time-outs
    /// beneath).
    std::chrono::milliseconds run_timeout{120000};
    std::map<std::string, std::string> env;  ///< extra environment (ARGYLL_* settings)
};

/// spotread's port list (runs `spotread -?`, which probes the USB-serial ports).
/// Throws InstrumentError Disconnected when spotread cannot be run.
std::vector<PortEntry> listMeters(const ArgyllOptions& options = {});

class ArgyllDevice final : public SpotInstrument {
public:
    /// Runs `spotread -?` once to find the port; throws InstrumentError Disconnected when
    /// spotread is missing or does not list the port.
    explicit ArgyllDevice(ArgyllOptions options);
    /// Ends the spotread session (Q), so the instrument is released.
    ~ArgyllDevice() override;
    ArgyllDevice(const ArgyllDevice&) = delete;
    ArgyllDevice& operator=(const ArgyllDevice&) = delete;

    procedure::InstrumentInfo identify() override;
    Capabilities capabilities() const override;
    /// A key press in the running spotread session (started on first use, and again when it has
    /// ended or failed); spotread's output up to its next prompt is the reading.
    procedure::Reading measure() override;

    /// spotread sessions started so far (one per device unless one failed).
    int sessionsStarted() const { return sessions_started_; }
    /// The running spotread's process id; -1 when no session runs.
    pid_t sessionPid() const { return session_ ? session_->pid() : -1; }

private:
    /// Starts spotread and waits for its first reading prompt (falls back to no spectrum for a
    /// meter without one). Throws the classified failure when spotread ends instead.
    void startSession();
    /// Q to spotread (and to its retry prompt), up to 2 s to exit, then killed.
    void endSession();
    procedure::Reading toReading(const std::string& output) const;

    ArgyllOptions options_;
    std::chrono::steady_clock::duration lastReading_{};
    PortEntry port_;
    procedure::InstrumentInfo info_;
    std::unique_ptr<ChildProcess> session_;
    int sessions_started_ = 0;
};

}  // namespace cm::drivers::argyll

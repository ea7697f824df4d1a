// SPDX-License-Identifier: Apache-2.0
// Any meter ArgyllCMS supports, driven through its `spotread` program as a subprocess on a
// pseudo-terminal (as DisplayCAL does): one spotread run per reading.
#pragma once

#include "drivers/argyll/protocol.h"
#include "drivers/instrument/spot_instrument.h"

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
    /// One run: port probe (about 2 s per USB-serial port), instrument set-up, the reading
    /// (up to ~20 s for a spectroradiometer at low light, Argyll's own time-outs beneath).
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
    procedure::InstrumentInfo identify() override;
    Capabilities capabilities() const override;
    procedure::Reading measure() override;

private:
    /// One spotread run for a reading; its output.
    std::string run();
    procedure::Reading toReading(const std::string& output) const;

    ArgyllOptions options_;
    std::chrono::steady_clock::duration lastRun_{};
    PortEntry port_;
    procedure::InstrumentInfo info_;
};

}  // namespace cm::drivers::argyll

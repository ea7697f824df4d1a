// SPDX-License-Identifier: Apache-2.0
// PR-6xx simulator on a pseudo-terminal: answers the remote-mode protocol byte for byte, reads the
// virtual theatre at the current aim, takes as long as the instrument would, and injects faults.
#pragma once

#include "drivers/pr6xx/protocol.h"
#include "drivers/virtual/pty_simulator.h"

#include <memory>
#include <string>

namespace cm::drivers::pr6xx {

using virt::Fault;
using virt::parseFault;

struct SimulatorOptions {
    std::string model = "PR-670";
    std::string serial = "67012345";
    std::string firmware = "1.3.2";
    virt::SimulatorCommon common;
};

class Pr6xxSimulator final : public virt::PtySimulator {
public:
    Pr6xxSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre, SimulatorOptions options);
    ~Pr6xxSimulator() override { stop(); }

private:
    void onByte(char c) override;
    std::string handle(const std::string& command);
    /// Measures, then answers data code 2 (XYZ) or 5 (spectrum); empty when nothing is sent.
    std::string measureReply(int code);
    /// Data set `code` (1, 2, 3, 4, 5, 6, 7, 12) of a stored measurement; -2000 for others.
    struct Stored {
        colorimetry::XYZ xyz;
        std::vector<double> spectrum;
    };
    std::string dataReply(int code, const Stored& m) const;
    static bool isDataCode(int code);
    std::string dataReply(int code) const;
    /// R<code>,<n>: recall a stored measurement (0 the last, n the n-th, + the next).
    std::string recall(const std::string& command);
    /// F: the source frequency, or -3 when the light is too weak to sync on.
    std::string frequency();
    /// Replies to a whole command; remembers a negative status for I.
    std::string answer(const std::string& command);
    WavelengthGrid grid() const;
    void reply(const std::string& line);
    /// SH / SN setup commands (sensitivity, cycles to average).
    std::string setup(const std::string& command);
    /// Adaptive exposure ceiling in force: standard, or the model's maximum after SH1.
    double ceilingMs() const;

    SimulatorOptions options_;
    bool remote_ = false;
    double last_exposure_ms_ = 0.0;
    bool extended_ = false;  ///< SH1
    int cycles_ = 1;         ///< SN<n>
    /// An injected too-dark fault stays while the run tries longer integration or averaging, so
    /// the operator is still asked; it ends at the next reading with the default settings.
    bool darkFault_ = false;
    bool haveData_ = false;
    colorimetry::XYZ last_;
    std::vector<double> lastSpectrum_;
    std::vector<Stored> stored_;  ///< every measurement, for R (the instrument's own memory)
    std::size_t recalled_ = 0;    ///< index after the last recalled one, for R<code>,+
    int lastError_ = 0;           ///< reported by I, cleared by C
    bool echo_ = false;           ///< E toggles full-duplex echo
    bool resetEnabled_ = false;   ///< ZEnableReset arms the factory resets
    std::string title_;           ///< L<text>
    std::string collected_;
};

}  // namespace cm::drivers::pr6xx

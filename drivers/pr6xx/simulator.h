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
    std::string dataReply(int code) const;
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
    std::string collected_;
};

}  // namespace cm::drivers::pr6xx

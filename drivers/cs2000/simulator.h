// SPDX-License-Identifier: Apache-2.0
// CS-2000 simulator on a pseudo-terminal (same bytes as the instrument, faults injectable).
#pragma once

#include "drivers/virtual/pty_simulator.h"

#include <string>

namespace cm::drivers::cs2000 {

struct SimulatorOptions {
    std::string model = "CS-2000A";
    std::string serial = "2001234";
    int variation = 0;
    virt::SimulatorCommon common;
};

class Cs2000Simulator final : public virt::PtySimulator {
public:
    Cs2000Simulator(std::shared_ptr<const virt::VirtualTheatre> theatre, SimulatorOptions options);
    ~Cs2000Simulator() override { stop(); }

    /// Measurement time the instrument announces, seconds (2 … 242, longer in the dark).
    static int measurementTime_s(double luminance_cdm2);

private:
    void onByte(char c) override;
    void handle(const std::string& command);
    void measure();
    void reply(const std::string& line);

    SimulatorOptions options_;
    bool remote_ = false;
    bool haveData_ = false;
    colorimetry::XYZ last_;
    std::vector<double> lastSpectrum_;  ///< 380–780 nm at 1 nm
};

}  // namespace cm::drivers::cs2000

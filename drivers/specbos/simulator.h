// SPDX-License-Identifier: Apache-2.0
// specbos simulator on a pseudo-terminal, faults injectable.
#pragma once

#include "drivers/virtual/pty_simulator.h"

#include <string>

namespace cm::drivers::specbos {

struct SimulatorOptions {
    std::string idn = "JETI_SB1211";
    std::string serial = "61234";
    std::string firmware = "4.2.1";
    virt::SimulatorCommon common;
};

class SpecbosSimulator final : public virt::PtySimulator {
public:
    SpecbosSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre, SimulatorOptions options);
    ~SpecbosSimulator() override { stop(); }

private:
    void onByte(char c) override;
    void handle(const std::string& command);
    void init();
    /// *para:wavbeg?, *para:wavend?, *fetch:sprad; false for any other command.
    bool handleSpectral(const std::string& command);
    /// Simulated wavelength range (the 1211's 380–780 nm), 1 nm steps.
    static constexpr double kWavBeg_nm = 380.0;
    static constexpr double kWavEnd_nm = 780.0;
    void line(const std::string& text);
    void nak(int code);

    SimulatorOptions options_;
    std::string collected_;
    int lastError_ = 0;
    bool haveData_ = false;
    colorimetry::XYZ last_;
    double maxtin_ms_ = 3000.0;
};

}  // namespace cm::drivers::specbos

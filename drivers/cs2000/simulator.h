// SPDX-License-Identifier: Apache-2.0
// CS-2000 simulator on a pseudo-terminal (same bytes as the instrument, faults injectable).
#pragma once

#include "drivers/virtual/pty_simulator.h"

#include <atomic>
#include <chrono>
#include <optional>
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
    /// Measurements stopped by MEAS,0 during the real measurement.
    int cancelledMeasurements() const { return cancelled_; }

private:
    void onByte(char c) override;
    /// Completes a measurement in progress when its time has come.
    void onIdle() override;
    void handle(const std::string& command);
    void measure();
    /// The end of the real measurement: its data and the completion line.
    void complete();
    void reply(const std::string& line);

    /// The real measurement in progress: the instrument keeps listening (for MEAS,0) while it
    /// integrates; any other command gets ER00.
    struct Measuring {
        std::chrono::steady_clock::time_point due;
        std::chrono::steady_clock::time_point started;
        double seconds = 0.0;  ///< simulated duration
        colorimetry::XYZ light;
        int n = 0;
    };
    std::optional<Measuring> measuring_;
    std::atomic<int> cancelled_{0};

    SimulatorOptions options_;
    bool remote_ = false;
    bool haveData_ = false;
    colorimetry::XYZ last_;
    std::vector<double> lastSpectrum_;  ///< 380–780 nm at 1 nm
};

}  // namespace cm::drivers::cs2000

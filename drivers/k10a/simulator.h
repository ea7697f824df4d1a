// SPDX-License-Identifier: Apache-2.0
// K10-A simulator on a pseudo-terminal: fixed-length binary replies, faults injectable.
#pragma once

#include "drivers/virtual/pty_simulator.h"

#include <chrono>
#include <string>
#include <vector>

namespace cm::drivers::k10a {

struct SimulatorOptions {
    std::string model = "K-10-A";
    std::string serial = "K10A01234";
    std::string firmware = "v01.09fh";
    /// Stored calibration names (slots 1..n of 96); the factory calibration is not a slot.
    std::vector<std::string> calibrations = {"Klein DLP Lux", "Klein SMPTE C"};
    virt::SimulatorCommon common;
};

class K10aSimulator final : public virt::PtySimulator {
public:
    K10aSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre, SimulatorOptions options);
    ~K10aSimulator() override { stop(); }

    /// Commands received that the K10 does not know (answered with silence, see README).
    int unknownCommands() const { return unknown_; }

private:
    void onByte(char c) override;
    void onIdle() override;
    void handle(const std::string& command);
    void n5();
    void sendFlickerPacket();

    SimulatorOptions options_;
    std::string line_;
    bool awaitingD1Index_ = false;
    int d1Index_ = -1;
    bool streaming_ = false;
    std::chrono::steady_clock::time_point nextPacket_;
    bool autoRange_ = true;
    bool blackCalArmed_ = false;
    int unknown_ = 0;
    int rangeFaultsLeft_ = 0;
    char rangeStatus_ = '0';
};

}  // namespace cm::drivers::k10a

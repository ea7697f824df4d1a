// SPDX-License-Identifier: Apache-2.0
// K10-A simulator on a pseudo-terminal: fixed-length binary replies, faults injectable.
#pragma once

#include "drivers/virtual/pty_simulator.h"

#include <string>

namespace cm::drivers::k10a {

struct SimulatorOptions {
    std::string model = "K-10-A";
    std::string serial = "K10A01234";
    std::string firmware = "v01.09fh";
    virt::SimulatorCommon common;
};

class K10aSimulator final : public virt::PtySimulator {
public:
    K10aSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre, SimulatorOptions options);
    ~K10aSimulator() override { stop(); }

private:
    void onByte(char c) override;
    void handle(const std::string& command);
    void n5();

    SimulatorOptions options_;
    int rangeFaultsLeft_ = 0;
    char rangeStatus_ = '0';
};

}  // namespace cm::drivers::k10a

// SPDX-License-Identifier: Apache-2.0
// Template family simulator on a pseudo-terminal.
#pragma once

#include "drivers/virtual/pty_simulator.h"

#include <string>

namespace cm::drivers::template_family {

struct SimulatorOptions {
    std::string model = "TPL-1";
    std::string serial = "T0001";
    std::string firmware = "1.0";
    virt::SimulatorCommon common;
};

class TemplateSimulator final : public virt::PtySimulator {
public:
    TemplateSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre,
                      SimulatorOptions options);
    ~TemplateSimulator() override { stop(); }

private:
    void onByte(char c) override;
    void measure();

    SimulatorOptions options_;
};

}  // namespace cm::drivers::template_family

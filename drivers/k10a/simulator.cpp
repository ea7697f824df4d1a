// SPDX-License-Identifier: Apache-2.0
// K10-A pty simulator.
#include "drivers/k10a/simulator.h"

#include "drivers/k10a/protocol.h"

namespace cm::drivers::k10a {

K10aSimulator::K10aSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre,
                             SimulatorOptions options)
    : PtySimulator(std::move(theatre), options.common), options_(std::move(options)) {}

void K10aSimulator::onByte(char c) {
    if (auto cmd = takeLine(c)) {
        handle(*cmd);
    }
}

void K10aSimulator::n5() {
    constexpr double kFieldOfView_deg = 5.0;
    const auto [n, faultNow] = nextMeasurement();
    sleepSimulated(0.4);
    if (faultNow) {
        switch (common_.fault) {
            case virt::Fault::Unplug:
                unplug();
                return;
            case virt::Fault::DropReply:
                return;
            case virt::Fault::Slow:
                sleepSimulated(10.0);
                break;
            case virt::Fault::Garbage:
                send(std::string("N5\x01\x02#",
                                 5));  // short frame: the driver times out waiting for 15
                return;
            case virt::Fault::OverRange:
            case virt::Fault::TooDark:
                // A range condition persists across the driver's 4 retries.
                rangeFaultsLeft_ = 5;
                rangeStatus_ = common_.fault == virt::Fault::OverRange ? 'v' : 'u';
                break;
            case virt::Fault::ErrorCode:
                send(formatN5({0, 0, 0}, 'B'));
                return;
            case virt::Fault::None:
                break;
        }
    }
    if (rangeFaultsLeft_ > 0) {
        --rangeFaultsLeft_;
        send(formatN5({0, 0, 0}, rangeStatus_));
        return;
    }
    send(formatN5(noisy(truth(kFieldOfView_deg), n)));
}

void K10aSimulator::handle(const std::string& cmd) {
    if (cmd == "P0") {
        send(formatP0(options_.model, options_.serial));
    } else if (cmd == "P2") {
        send(formatP2(options_.firmware));
    } else if (cmd == "J8" || cmd == "J7" || cmd == "L0" || cmd == "L1" ||
               (cmd.size() == 2 && cmd[0] == 'J' && cmd[1] >= '1' && cmd[1] <= '6')) {
        send(formatShort(cmd));
    } else if (cmd == "N5") {
        n5();
    }
    // Unknown commands get no reply, as the instrument (the driver times out).
}

}  // namespace cm::drivers::k10a

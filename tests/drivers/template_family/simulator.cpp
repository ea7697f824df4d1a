// SPDX-License-Identifier: Apache-2.0
// Template family simulator: answers ID and MEAS from the virtual theatre, with the common faults.
#include "simulator.h"

#include "protocol.h"

namespace cm::drivers::template_family {

TemplateSimulator::TemplateSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre,
                                     SimulatorOptions options)
    : PtySimulator(std::move(theatre), options.common), options_(std::move(options)) {}

void TemplateSimulator::onByte(char c) {
    const auto cmd = takeLine(c);
    if (!cmd) {
        return;
    }
    if (*cmd == "ID") {
        send(formatIdentity({options_.model, options_.serial, options_.firmware}));
    } else if (*cmd == "MEAS") {
        measure();
    } else {
        send(formatError(9));
    }
}

void TemplateSimulator::measure() {
    const auto [n, faultNow] = nextMeasurement();
    sleepSimulated(1.0);
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
                send("\x7f\x80zz\r\n");
                return;
            case virt::Fault::OverRange:
                send(formatError(1));
                return;
            case virt::Fault::TooDark:
                send(formatError(2));
                return;
            case virt::Fault::ErrorCode:
                send(formatError(9));
                return;
            case virt::Fault::None:
                break;
        }
    }
    send(formatMeasurement(noisy(truth(2.0), n)));
}

}  // namespace cm::drivers::template_family

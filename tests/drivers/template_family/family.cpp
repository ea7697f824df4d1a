// SPDX-License-Identifier: Apache-2.0
// Registers the template family; the only place that says it exists.
#include "device.h"
#include "drivers/families.h"
#include "protocol.h"
#include "simulator.h"

namespace cm::drivers::template_family {

namespace {

Family templateFamily() {
    Family f;
    f.id = "template";
    f.description = "Template Instruments " +
                    joinModelNames(models(), [](const ModelInfo& m) { return m.name; });
    f.link = "USB CDC-ACM /dev/ttyACM*, 9600 8N1";
    f.line = {9600, 8, 'N', 1, false};
    // 1209 is pid.codes' open-source vendor id; 0001 is its test product id.
    for (const ModelInfo& m : models()) {
        f.usb.push_back({"1209", "0001", m.usb_product, "", true, false, "pid.codes test id"});
    }
    f.makeDevice = deviceMaker<TemplateDevice>();
    f.makeSimulator = simulatorMaker<TemplateSimulator, SimulatorOptions>();
    return f;
}

const FamilyRegistration kRegistration{templateFamily()};

}  // namespace

}  // namespace cm::drivers::template_family

// SPDX-License-Identifier: Apache-2.0
// Registers the CS-2000 family: models from the model table, link, USB identity, driver, simulator.
#include "drivers/cs2000/device.h"
#include "drivers/cs2000/simulator.h"
#include "drivers/families.h"

namespace cm::drivers::cs2000 {

namespace {

Family cs2000Family() {
    Family f;
    f.id = "cs2000";
    f.description =
        "Konica Minolta " + joinModelNames(models(), [](const ModelInfo& m) { return m.name; });
    f.link = "USB CDC /dev/ttyACM* or RS-232C, 9600 8N1, no flow control";
    f.spectral = true;
    f.line = {9600, 8, 'N', 1, false};
    // 132b is Konica Minolta's vendor id (usb.ids); the CS-2000's product id is in no public
    // source we found (technical note KMSE-TI-08002 names only the Windows driver), so the
    // product string decides.
    f.usb = {
        {"132b", "", "CS-2000", "", false, false,
         "vendor 132b Konica Minolta (usb.ids); product id not published"},
    };
    f.makeDevice = deviceMaker<Cs2000Device>();
    f.makeSimulator = simulatorMaker<Cs2000Simulator, SimulatorOptions>();
    return f;
}

const FamilyRegistration kRegistration{cs2000Family()};

}  // namespace

}  // namespace cm::drivers::cs2000

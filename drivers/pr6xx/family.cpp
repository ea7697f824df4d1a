// SPDX-License-Identifier: Apache-2.0
// Registers the PR-6xx family: models from the model table, link, USB identity, driver, simulator.
#include "drivers/families.h"
#include "drivers/pr6xx/device.h"
#include "drivers/pr6xx/simulator.h"

namespace cm::drivers::pr6xx {

namespace {

Family pr6xxFamily() {
    Family f;
    f.id = "pr6xx";
    f.description = "Photo Research SpectraScan " +
                    joinModelNames(models(), [](const ModelInfo& m) { return m.model; });
    f.link = "USB CDC-ACM /dev/ttyACM*, 9600 8N1 (ignored by the device)";
    f.spectral = true;
    f.line = {9600, 8, 'N', 1, false};
    // The PR-655/670 manual documents a USB virtual COM port but no VID:PID, nor does any public
    // source we found (usb.ids, Linux cdc-acm, ArgyllCMS): matched by descriptor text only.
    const std::string unknown = "VID:PID not published (manual, usb.ids, Linux, ArgyllCMS)";
    f.usb = {
        {"", "", "PR-6", "", false, false, unknown},
        {"", "", "SpectraScan", "", false, false, unknown},
        {"", "", "", "Photo Research", false, false, unknown},
    };
    f.makeDevice = deviceMaker<Pr6xxDevice>();
    f.makeSimulator = simulatorMaker<Pr6xxSimulator, SimulatorOptions>();
    return f;
}

const FamilyRegistration kRegistration{pr6xxFamily()};

}  // namespace

}  // namespace cm::drivers::pr6xx

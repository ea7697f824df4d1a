// SPDX-License-Identifier: Apache-2.0
// Registers the specbos family: models from the model table, link, USB identity, driver,
// simulator.
#include "drivers/families.h"
#include "drivers/specbos/device.h"
#include "drivers/specbos/simulator.h"

namespace cm::drivers::specbos {

namespace {

Family specbosFamily() {
    Family f;
    f.id = "specbos";
    f.description = "JETI " + joinModelNames(models(), [](const ModelInfo& m) { return m.model; });
    f.link = "FTDI USB-serial /dev/ttyUSB*, 115200 8N1 (the unit's configured rate)";
    f.spectral = true;
    f.line = {115200, 8, 'N', 1, false};
    const std::string argyll = "ArgyllCMS usb/55-Argyll.rules: FTDI chip of JETI meters";
    const std::string text = "descriptor text not published; FTDI default strings are generic";
    f.usb = {
        // JETI's own vendor id on an FTDI chip: Linux ftdi_sio_ids.h (JETI_VID 0x0c6c,
        // JETI_SPC1201_PID 0x04b2) and usb.ids ("Specbos 1201").
        {"0c6c", "04b2", "", "", true, false, "Linux ftdi_sio_ids.h JETI_SPC1201_PID; usb.ids"},
        {"0c6c", "", "", "", true, false, "vendor 0c6c JETI Technische Instrumente (usb.ids)"},
        {"0403", "6001", "", "", true, true, argyll + " (FT232R)"},
        {"0403", "6015", "", "", true, true, argyll + " (FT231X)"},
        {"0403", "", "specbos", "", false, false, text},
        {"0403", "", "", "JETI", false, false, text},
    };
    f.makeDevice = deviceMaker<SpecbosDevice>();
    f.makeSimulator = simulatorMaker<SpecbosSimulator, SimulatorOptions>();
    return f;
}

const FamilyRegistration kRegistration{specbosFamily()};

}  // namespace

}  // namespace cm::drivers::specbos

// SPDX-License-Identifier: Apache-2.0
// Registers the K10-A family: link, USB identity, driver, simulator.
#include "drivers/families.h"
#include "drivers/k10a/device.h"
#include "drivers/k10a/simulator.h"

namespace cm::drivers::k10a {

namespace {

Family k10aFamily() {
    Family f;
    f.id = "k10a";
    f.description = "Klein Instruments K10-A";
    f.link = "FTDI USB-serial /dev/ttyUSB*, 9600 8N1";
    f.spectral = false;
    f.line = {9600, 8, 'N', 1, false};
    // ArgyllCMS usb/55-Argyll.rules (2.1.3) lists the FTDI FT232R (0403:6001) and FT231X
    // (0403:6015) as the serial chips of the Klein and JETI meters; many other devices use them.
    const std::string argyll = "ArgyllCMS usb/55-Argyll.rules: FTDI chip of Klein meters";
    const std::string text = "descriptor text not published; FTDI default strings are generic";
    f.usb = {
        {"0403", "6001", "", "", true, true, argyll + " (FT232R)"},
        {"0403", "6015", "", "", true, true, argyll + " (FT231X)"},
        {"0403", "", "K-10", "", false, false, text},
        {"0403", "", "", "Klein", false, false, text},
    };
    f.makeDevice = deviceMaker<K10aDevice>();
    f.makeSimulator = simulatorMaker<K10aSimulator, SimulatorOptions>();
    return f;
}

const FamilyRegistration kRegistration{k10aFamily()};

}  // namespace

}  // namespace cm::drivers::k10a

// SPDX-License-Identifier: Apache-2.0
// Layering probe, must compile (control): a spot-meter consumer includes what its layer publishes.
#include "drivers/families.h"
#include "drivers/k10a/device.h"
#include "drivers/transport/serial_port.h"
#include "libmeasure/colorimetry/tristimulus.h"

int layeringProbeSpotIncludesSpot() {
    return static_cast<int>(cm::drivers::familyIds().size());
}

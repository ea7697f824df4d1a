// SPDX-License-Identifier: Apache-2.0
// Layering probe, must NOT compile: a spot-meter library includes a camera driver header.
#include "drivers/camera/device.h"

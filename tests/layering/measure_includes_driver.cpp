// SPDX-License-Identifier: Apache-2.0
// Layering probe, must NOT compile: libmeasure (pure computation) includes a driver header.
#include "drivers/families.h"

// SPDX-License-Identifier: Apache-2.0
// What the run tries after a too-dark reading before it asks the operator: longer integration,
// then averaging, within the instrument's limits (issue 15 item 4).
#pragma once

#include "drivers/instrument/spot_instrument.h"

#include <string>
#include <vector>

namespace cm::app {

/// The settings to try, in order, after a too-dark reading at the defaults: the longest
/// auto-exposure ceiling the instrument allows; then, where averaging lowers the level it can read
/// (LowLightControl::averaging_lowers_floor), that ceiling with the most averages the model table
/// allows. Empty when the instrument can do neither (the operator is asked at once).
std::vector<drivers::LowLightSettings> lowLightLadder(const drivers::LowLightControl& control);

/// "exposure ceiling 30 s, 4 averages" (only what differs from the defaults; "" for {}).
std::string describeLowLight(const drivers::LowLightSettings& settings);

}  // namespace cm::app

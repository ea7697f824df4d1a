// SPDX-License-Identifier: Apache-2.0
// The low-light escalation ladder and its description.
#include "app/common/run/low_light.h"

#include <cstdio>

namespace cm::app {

std::vector<drivers::LowLightSettings> lowLightLadder(const drivers::LowLightControl& c) {
    std::vector<drivers::LowLightSettings> ladder;
    drivers::LowLightSettings s;
    if (c.canRaiseIntegration()) {
        s.integration_limit_s = c.integration_max_s;
        ladder.push_back(s);
    }
    if (c.averaging_lowers_floor && c.canAverage()) {
        s.averages = c.averages_max;
        ladder.push_back(s);
    }
    return ladder;
}

std::string describeLowLight(const drivers::LowLightSettings& s) {
    std::string out;
    if (s.integration_limit_s > 0.0) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "exposure ceiling %g s", s.integration_limit_s);
        out = buf;
    }
    if (s.averages > 1) {
        out += (out.empty() ? "" : ", ") + std::to_string(s.averages) + " averages";
    }
    return out;
}

}  // namespace cm::app

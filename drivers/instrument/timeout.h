// SPDX-License-Identifier: Apache-2.0
// One rule for every driver's protocol timeouts: scaled with a simulator's clock, never below 1 s.
#pragma once

#include <algorithm>
#include <chrono>

namespace cm::drivers {

/// `ms` milliseconds of instrument time times `timeout_scale` (1 for hardware, the simulator's
/// time scale under test), but never below 1 s: a real port needs that much slack for USB latency.
inline std::chrono::milliseconds scaledTimeout(double ms, double timeout_scale) {
    return std::chrono::milliseconds(static_cast<long long>(std::max(1000.0, ms * timeout_scale)));
}

}  // namespace cm::drivers

// SPDX-License-Identifier: Apache-2.0
// Instrument error kinds and shared helpers.
#include "drivers/instrument/spot_instrument.h"

#include <chrono>
#include <ctime>

namespace cm::drivers {

const char* toString(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Timeout:
            return "timeout";
        case ErrorKind::OverRange:
            return "over range";
        case ErrorKind::TooDark:
            return "too dark";
        case ErrorKind::Disconnected:
            return "disconnected";
        case ErrorKind::Protocol:
            return "protocol error";
        case ErrorKind::Device:
            return "instrument error";
    }
    return "?";
}

InstrumentError::InstrumentError(ErrorKind kind, const std::string& message,
                                 std::string device_code)
    : errors::InstrumentError(std::string(toString(kind)) + ": " + message),
      kind_(kind),
      device_code_(std::move(device_code)) {}

std::string utcNowIso8601() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace cm::drivers

// SPDX-License-Identifier: Apache-2.0
// A byte stream to an instrument (serial port, pseudo-terminal, later TCP). Drivers talk to this,
// never to a file descriptor, so the same driver runs on hardware and on a simulator.
#pragma once

#include <chrono>
#include <string>

namespace cm::drivers {

class ByteTransport {
public:
    virtual ~ByteTransport() = default;
    virtual void write(const std::string& bytes) = 0;
    /// Reads until `terminator` has arrived (returned without it) or throws InstrumentError
    /// Timeout (with what arrived so far in the message) / Disconnected.
    virtual std::string readUntil(const std::string& terminator,
                                  std::chrono::milliseconds timeout) = 0;
    /// Reads exactly `count` bytes (fixed-length binary replies), or throws like readUntil.
    virtual std::string readExactly(std::size_t count, std::chrono::milliseconds timeout) = 0;
    /// Discards anything pending (resynchronise after garbage or a late reply).
    virtual void flushInput() = 0;
    /// Human-readable name for messages, e.g. "/dev/ttyACM0".
    virtual std::string name() const = 0;
};

}  // namespace cm::drivers

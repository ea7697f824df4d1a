// SPDX-License-Identifier: Apache-2.0
// Serial port on POSIX termios with explicit line settings; also opens pseudo-terminals.
#pragma once

#include "drivers/transport/byte_transport.h"

#include <string>

namespace cm::drivers {

struct LineSettings {
    int baud = 9600;
    int data_bits = 8;
    char parity = 'N';  ///< 'N', 'E' or 'O'
    int stop_bits = 1;
    bool rts_cts = false;
};

class SerialPort final : public ByteTransport {
public:
    /// Opens and configures the port (raw mode, the given line settings). Throws InstrumentError
    /// Disconnected with the OS reason when the port cannot be opened or configured.
    SerialPort(std::string path, const LineSettings& settings);
    ~SerialPort() override;
    SerialPort(const SerialPort&) = delete;
    SerialPort& operator=(const SerialPort&) = delete;

    void write(const std::string& bytes) override;
    std::string readUntil(const std::string& terminator,
                          std::chrono::milliseconds timeout) override;
    std::string readExactly(std::size_t count, std::chrono::milliseconds timeout) override;
    void flushInput() override;
    std::string name() const override { return path_; }

    /// Closes and opens the port again with the same settings (after an unplug).
    void reconnect();
    /// The termios settings as applied, for tests that check line settings.
    LineSettings applied() const;

private:
    void open();
    /// Waits for more bytes into pending_; false on timeout, throws on hang-up.
    bool fill(std::chrono::steady_clock::time_point deadline);
    std::string path_;
    LineSettings settings_;
    int fd_ = -1;
    std::string pending_;  ///< bytes read past the last terminator
};

}  // namespace cm::drivers

// SPDX-License-Identifier: Apache-2.0
// The serial transport discards stale input on open (#20 case 13): bytes the instrument sent
// before the port was opened are never taken for the reply to the first command.
#include "drivers/transport/pty_pair.h"
#include "drivers/transport/serial_port.h"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <chrono>
#include <string>

using namespace cm::drivers;

TEST_CASE("serial port: stale input from before the open is flushed", "[transport][serial]") {
    PtyPair pty;
    const std::string stale = "ER 00 stale reply from the last session\r\n";
    REQUIRE(::write(pty.masterFd(), stale.data(), stale.size()) ==
            static_cast<ssize_t>(stale.size()));
    SerialPort port(pty.slavePath(), LineSettings{});
    const std::string fresh = "OK 00\r\n";
    REQUIRE(::write(pty.masterFd(), fresh.data(), fresh.size()) ==
            static_cast<ssize_t>(fresh.size()));
    CHECK(port.readUntil("\r\n", std::chrono::milliseconds(2000)) == "OK 00");
}

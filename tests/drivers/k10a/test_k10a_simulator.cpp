// SPDX-License-Identifier: Apache-2.0
// The K10-A simulator against the bytes another client (ArgyllCMS kleink10.c / inst.c) sends: the
// 9600-baud port probe, the calibration list and matrices, the T2 flicker stream, black
// calibration, and silence for a command the K10 does not know.
#include "drivers/k10a/protocol.h"
#include "drivers/k10a/simulator.h"
#include "drivers/transport/serial_port.h"

#include "tests/drivers/white_theatre.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace cm;
using namespace cm::drivers;
using namespace std::chrono_literals;

namespace {

struct K10Bench {
    k10a::K10aSimulator sim{test::whiteTheatre(), {}};
    std::unique_ptr<SerialPort> port;
    K10Bench() {
        sim.start();
        port = std::make_unique<SerialPort>(sim.devicePath(), LineSettings{9600, 8, 'N', 1, false});
    }
};

bool silentFor(ByteTransport& port, std::chrono::milliseconds wait) {
    try {
        port.readExactly(1, wait);
    } catch (const InstrumentError& e) {
        return e.kind() == ErrorKind::Timeout;
    }
    return false;
}

}  // namespace

TEST_CASE("k10a simulator: Argyll port probe (semicolon, then D024 CR LF) is answered D4 + list",
          "[k10a][simulator][argyll]") {
    K10Bench b;
    // inst.c fast_ser_dev_type: ";" alone, 0.2 s for an echo (an echo means "not a K10").
    b.port->write(";");
    CHECK(silentFor(*b.port, 250ms));
    b.port->write("D024\r\n");
    // Argyll waits 0.2 s for the first bytes and requires them to start "D4".
    const std::string head = b.port->readExactly(2, 200ms);
    CHECK(head == "D4");
    const std::string rest = b.port->readExactly(k10a::kD7Length - 2, 1000ms);
    CHECK(rest.substr(rest.size() - 3) == "<0>");
    // Then "P0\r", read up to '>': "P0K-10" identifies a K10.
    b.port->write("P0\r");
    const std::string p0 = b.port->readUntil(">", 500ms);
    CHECK(p0.rfind("P0K-10", 0) == 0);
    CHECK(b.sim.unknownCommands() == 0);
}

TEST_CASE("k10a simulator: D7 calibration list and D1 matrix read", "[k10a][simulator]") {
    K10Bench b;
    b.port->write("D7\r");
    const std::string d7 = b.port->readExactly(k10a::kD7Length, 2000ms);
    const auto names = k10a::parseCalibrationList(d7);
    REQUIRE(names.size() == 2);
    CHECK(names[0] == "Klein DLP Lux");
    // D1, then the raw index byte + CR; index 13 equals CR and must still be taken as an index.
    for (char ix : {'\x01', '\x0d'}) {
        b.port->write("D1\r");
        CHECK(b.port->readExactly(k10a::kD1EchoLength, 1000ms) == "D1");
        b.port->write(std::string{ix, '\r'});
        double m[3][3];
        k10a::parseCalibrationMatrix(b.port->readExactly(k10a::kD1MatrixLength, 1000ms), m);
        CHECK(m[0][0] == Approx(1.0).epsilon(1e-4));
        CHECK(m[1][1] == Approx(1.0).epsilon(1e-4));
        CHECK(m[0][1] == 0.0);
    }
}

TEST_CASE("k10a simulator: calibration-matrix numbers use 2^(exp-15)", "[k10a][protocol]") {
    // Hand-worked: mantissa 0x4000 = 16384, exponent 1 → 16384 · 2^(1−15) = 1.0 (Argyll
    // KleinCal2double); the same bytes as a measurement are 16384 · 2^(1−16) = 0.5.
    const std::uint8_t b[3] = {0x40, 0x00, 0x01};
    CHECK(k10a::decodeCalibrationValue(b) == 1.0);
    CHECK(k10a::decodeValue(b) == 0.5);
}

TEST_CASE("k10a simulator: Argyll's flicker read (N5, J7, J<g>, T2 stream, N5 stops it)",
          "[k10a][simulator][argyll]") {
    K10Bench b;
    b.port->write("N5\r");
    const std::string n5 = b.port->readExactly(k10a::kN5Length, 2000ms);
    b.port->write("J7\r");
    CHECK(b.port->readExactly(k10a::kShortLength, 1000ms) == "J7<0>");
    b.port->write("J1\r");
    CHECK(b.port->readExactly(k10a::kShortLength, 1000ms) == "J1<0>");
    b.port->write("T2\r");
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 4; ++i) {
        const std::string packet = b.port->readExactly(k10a::kFlickerPacketLength, 2000ms);
        CHECK(packet[3 * 11] == n5[11]);  // range byte as in the N5 frame
        CHECK(packet[3 * 13] == '0');     // status character
    }
    // 4 packets of 32 samples at 256 Hz: the 4th cannot arrive before 3 packet periods.
    CHECK(std::chrono::steady_clock::now() - t0 >= 3 * 125ms - 20ms);
    b.port->write("N5\r");
    b.port->readUntil("<0>", 1000ms);  // what Argyll's abort_flicker drains
    CHECK(silentFor(*b.port, 300ms));  // the stream stopped
}

TEST_CASE("k10a simulator: black calibration M6, B9, B7 + commit key", "[k10a][simulator]") {
    K10Bench b;
    b.port->write("M6\r");
    const std::string m6 = b.port->readExactly(k10a::kM6Length, 2000ms);
    const int th1 = static_cast<unsigned char>(m6[14]);
    const int th2 = static_cast<unsigned char>(m6[15]);
    CHECK((th1 >= 50 && th1 <= 200 && th2 >= 50 && th2 <= 200));
    b.port->write("B9\r");
    const std::string b9 = b.port->readExactly(k10a::kB9Length, 15000ms);
    CHECK(b9.substr(0, 2) == "B9");
    CHECK(b9.substr(40) == "<0>");
    b.port->write("B7\r");
    CHECK(b.port->readExactly(2, 2000ms) == "B7");
    b.port->write("{00000000}@%#\r");
    CHECK(b.port->readExactly(3, 2000ms) == "<0>");
}

TEST_CASE("k10a simulator: a command the K10 does not know gets no reply", "[k10a][simulator]") {
    K10Bench b;
    b.port->write("Q9\r");
    CHECK(silentFor(*b.port, 300ms));
    CHECK(b.sim.unknownCommands() == 1);
    b.port->write("P2\r");  // and the simulator still answers afterwards
    CHECK(k10a::parseP2(b.port->readExactly(k10a::kP2Length, 1000ms)) == "v01.09fh");
}

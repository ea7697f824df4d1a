// SPDX-License-Identifier: Apache-2.0
// PR-6xx: protocol replies and error codes, and the driver against the simulator over a real pty.
#include "drivers/pr6xx/device.h"
#include "drivers/pr6xx/protocol.h"
#include "drivers/pr6xx/simulator.h"
#include "drivers/transport/serial_port.h"

#include "tests/drivers/white_theatre.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace cm;
using namespace cm::drivers;

namespace {

std::shared_ptr<virt::VirtualTheatre> theatre() {
    return test::whiteTheatre();
}

constexpr double kFast = 0.001;  // simulated seconds → real seconds in tests

std::unique_ptr<pr6xx::Pr6xxDevice> connect(const pr6xx::Pr6xxSimulator& sim) {
    return std::make_unique<pr6xx::Pr6xxDevice>(
        std::make_unique<SerialPort>(sim.devicePath(), LineSettings{}), kFast);
}

ErrorKind kindOf(pr6xx::Pr6xxDevice& d) {
    try {
        d.measure();
    } catch (const InstrumentError& e) {
        return e.kind();
    }
    FAIL("no error");
    return ErrorKind::Device;
}

}  // namespace

TEST_CASE("pr6xx protocol: status formats, reply parsing, every error code mapped",
          "[pr6xx][protocol]") {
    CHECK(pr6xx::formatStatus(0) == "00000");
    CHECK(pr6xx::formatStatus(-8) == "-0008");
    CHECK(pr6xx::formatStatus(-1000) == "-1000");
    const auto r = pr6xx::parseReply("00000,0,4.792e+01,4.293e+01,4.581e+01");
    CHECK(r.status == 0);
    const auto xyz = pr6xx::parseXYZ(r);
    CHECK(xyz.X == Approx(47.92));
    CHECK(xyz.Z == Approx(45.81));
    CHECK(pr6xx::formatXYZReply({42.94, 48.0, 45.82}) == "00000,0,4.294e+01,4.800e+01,4.582e+01");
    CHECK(pr6xx::errorKind(-2) == ErrorKind::OverRange);
    CHECK(pr6xx::errorKind(-8) == ErrorKind::TooDark);
    CHECK(pr6xx::errorKind(-12) == ErrorKind::Device);
    for (int code : {-1, -2, -3, -4, -8, -9, -10, -12, -1000, -1001, -1009, -1010, -1035, -2000}) {
        CHECK(pr6xx::errorText(code) != "instrument error");
    }
    CHECK_THROWS_AS(pr6xx::parseReply("garbage"), InstrumentError);
    CHECK_THROWS_AS(pr6xx::parseXYZ(pr6xx::parseReply("00000,0,4.7e+01")), InstrumentError);
    try {
        pr6xx::parseXYZ(pr6xx::parseReply("-0008"));
        FAIL("no error");
    } catch (const InstrumentError& e) {
        CHECK(e.kind() == ErrorKind::TooDark);
        CHECK(e.deviceCode() == "-8");
        CHECK_THAT(e.what(), Catch::Contains("weak light"));
    }
}

TEST_CASE("pr6xx driver against the simulator on a pty: identify, line settings, a reading",
          "[pr6xx][sim]") {
    auto t = theatre();
    pr6xx::Pr6xxSimulator sim(
        t, {"PR-670", "67099999", "1.3.2", {kFast, 42, pr6xx::Fault::None, 1, nullptr}});
    sim.start();
    auto port =
        std::make_unique<SerialPort>(sim.devicePath(), LineSettings{9600, 8, 'N', 1, false});
    const LineSettings applied = port->applied();
    CHECK(applied.baud == 9600);
    CHECK(applied.data_bits == 8);
    CHECK(applied.parity == 'N');
    CHECK(applied.stop_bits == 1);
    CHECK_FALSE(applied.rts_cts);
    pr6xx::Pr6xxDevice dev(std::move(port), kFast);
    const auto id = dev.identify();
    CHECK(id.model == "PR-670");
    CHECK(id.serial == "67099999");
    CHECK(id.firmware == "1.3.2");
    const auto r = dev.measure();
    CHECK(r.xyz_cdm2.Y == Approx(48.0).epsilon(0.02));
    CHECK(colorimetry::toXY(r.xyz_cdm2).x == Approx(0.314).margin(0.002));
    CHECK(r.instrument.serial == "67099999");
    CHECK(r.raw_reply.rfind("00000,0,", 0) == 0);
    CHECK(r.integration_time_s == Approx(600.0 / 48.0 / 1000.0).epsilon(0.1));  // adaptive exposure
    // Black: 0.024 cd/m² wants 600 / 0.024 = 25 s of adaptive exposure. At standard sensitivity
    // (the default) the ceiling is 6 s (manual: SE 6..6000 ms standard): read at 6 s.
    t->show({"black", "none"});
    const auto b = dev.measure();
    CHECK(b.xyz_cdm2.Y == Approx(0.024).margin(0.004));
    CHECK(b.integration_time_s == Approx(6.0));
    CHECK(b.averages == 1);
    CHECK(b.integration_limit_s == 0.0);
    // Extended sensitivity (SH1, up to 30 s) and 4 cycles (SN4): the full 25 s, recorded.
    const auto ll = dev.capabilities().low_light;
    CHECK(ll.integration_default_s == 6.0);
    CHECK(ll.integration_max_s == 30.0);
    CHECK(ll.averages_in_instrument);
    dev.setLowLight({30.0, 4});
    const auto e = dev.measure();
    CHECK(e.xyz_cdm2.Y == Approx(0.024).margin(0.004));
    CHECK(e.integration_time_s == Approx(25.0).epsilon(0.01));
    CHECK(e.averages == 4);
    CHECK(e.integration_limit_s == 30.0);
    // Back to the defaults.
    dev.setLowLight({});
    CHECK(dev.measure().integration_time_s == Approx(6.0));
}

TEST_CASE("pr6xx simulator: SH and SN as the manual gives them", "[pr6xx][sim][low-light]") {
    // The PR-655 has no extended sensitivity: SH is "not applicable to model" (-1035); SN takes
    // 1..99 cycles, anything else is -1012.
    auto t = theatre();
    pr6xx::Pr6xxSimulator sim655(
        t, {"PR-655", "65500001", "2.0", {kFast, 1, pr6xx::Fault::None, 1, nullptr}});
    sim655.start();
    auto dev = connect(sim655);
    dev->identify();
    const auto ll = dev->capabilities().low_light;
    CHECK(ll.integration_default_s == 6.0);
    CHECK_FALSE(ll.canRaiseIntegration());
    CHECK(ll.averages_max == 4);
    // The commands themselves, on a second simulator in remote mode.
    pr6xx::Pr6xxSimulator raw(
        t, {"PR-655", "65500002", "2.0", {kFast, 1, pr6xx::Fault::None, 1, nullptr}});
    raw.start();
    auto port = std::make_unique<SerialPort>(raw.devicePath(), LineSettings{});
    port->write(pr6xx::kRemoteModeKeyword);
    CHECK(port->readUntil("\r\n", std::chrono::milliseconds(2000)) == pr6xx::kRemoteModeReply);
    auto ask = [&](const std::string& cmd) {
        port->write(cmd + "\r");
        return port->readUntil("\r\n", std::chrono::milliseconds(2000));
    };
    CHECK(ask("SH1") == "-1035");
    CHECK(ask("SN0") == "-1012");
    CHECK(ask("SN100") == "-1012");
    CHECK(ask("SN99") == "00000");
    CHECK(ask("SN1") == "00000");
}

TEST_CASE("pr6xx: a PR-655 without the extended range reports weak light at cinema black",
          "[pr6xx][faults]") {
    // The fault matrix for every family is in tests/drivers/test_families.cpp.
    auto t = theatre();
    t->show({"black", "none"});
    pr6xx::Pr6xxSimulator sim655(
        t, {"PR-655", "65500001", "2.0", {kFast, 1, pr6xx::Fault::None, 1, nullptr}});
    sim655.start();
    auto dev = connect(sim655);
    CHECK(kindOf(*dev) == ErrorKind::TooDark);
}

TEST_CASE("pr6xx: a port that does not exist is a clear disconnected error", "[pr6xx][edge]") {
    try {
        SerialPort p("/dev/ttyACM-does-not-exist", LineSettings{});
        FAIL("opened");
    } catch (const InstrumentError& e) {
        CHECK(e.kind() == ErrorKind::Disconnected);
        CHECK_THAT(e.what(), Catch::Contains("/dev/ttyACM-does-not-exist"));
    }
}

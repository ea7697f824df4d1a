// SPDX-License-Identifier: Apache-2.0
// Parsers of spotread's output, on text as ArgyllCMS 2.3.1 prints it (spectro/spotread.c).
#include "drivers/argyll/protocol.h"

#include <catch2/catch.hpp>

using namespace cm::drivers;

TEST_CASE("argyll protocol: port list and version from spotread -?", "[argyll][protocol]") {
    const std::string usage =
        "Measure spot values, Version 2.3.1\n"
        "Author: Graeme W. Gill, licensed under the GPL Version 2 or later\n"
        "usage: spotread [-options] [logfile]\n"
        " -v                   Verbose mode\n"
        " -c listno            Set instrument port from the following list "
        "(default 1)\n"
        "    1 = '/dev/ttyS0'\n"
        "    2 = '/dev/ttyUSB90 (JETI specbos)'\n"
        "    3 = 'usb:/bus1/dev4/ (i1 DisplayPro, ColorMunki Display)'\n"
                              "    4 = '/dev/ttyUSB91' (Klein K-10)\n"
        " -t                   Use transmission measurement mode\n";
    const auto ports = argyll::parsePortList(usage);
    REQUIRE(ports.size() == 4);
    CHECK(ports[0].number == 1);
    CHECK(ports[0].instrument.empty());
    CHECK(ports[1].path == "/dev/ttyUSB90");
    CHECK(ports[1].instrument == "JETI specbos");
    CHECK(ports[2].path == "usb:/bus1/dev4/");
    CHECK(ports[2].instrument == "i1 DisplayPro, ColorMunki Display");
    CHECK(ports[3].path == "/dev/ttyUSB91");
    CHECK(ports[3].instrument == "Klein K-10");
    CHECK(argyll::findPort(ports, "2") == &ports[1]);
    CHECK(argyll::findPort(ports, "/dev/ttyUSB90") == &ports[1]);
    CHECK(argyll::findPort(ports, "/dev/ttyUSB0") == nullptr);
    CHECK(argyll::parseVersion(usage) == "2.3.1");
    CHECK(argyll::parsePortList("").empty());
}

TEST_CASE("argyll protocol: a reading with and without spectrum", "[argyll][protocol]") {
    const std::string plain =
        "Place instrument on spot to be measured,\n"
        "\n Result is XYZ: 45.123456 48.000000 52.250000, Yxy: 48.000000 "
        "0.309826 0.329571\n";
    const auto r = argyll::parseReading(plain);
    CHECK(r.xyz_cdm2.X == 45.123456);
    CHECK(r.xyz_cdm2.Y == 48.0);
    CHECK(r.spectral_radiance.empty());
    const std::string spectral = plain +
                                 "Spectrum from 380.000 to 384.000 nm in 5 steps\n"
                                 "1.5, 2, 2.5, 3, 1000\n"
                                 "Peak value 1000.000000 at (aprox.) 384.0 nm\n";
    const auto s = argyll::parseReading(spectral);
    REQUIRE(s.spectral_radiance.size() == 5);
    CHECK(s.spectrum_start_nm == 380.0);
    CHECK(s.spectrum_step_nm == 1.0);
    CHECK(s.spectral_radiance[0] == Approx(0.0015));  // mW → W
    CHECK(s.spectral_radiance[4] == Approx(1.0));
    CHECK_THROWS_AS(argyll::parseReading(plain + "Spectrum from 380.000 to 384.000 nm in 5 "
                                                 "steps\n1, 2\n"),
                    InstrumentError);
}

TEST_CASE("argyll protocol: failures map to the driver error classes", "[argyll][protocol]") {
    auto kindOf = [](const std::string& out) {
        try {
            argyll::parseReading(out);
        } catch (const InstrumentError& e) {
            return e.kind();
        }
        FAIL("no error");
        return ErrorKind::Protocol;
    };
    CHECK(kindOf("\n\nSpot read failed due to misread (Bottom under range)\n") ==
          ErrorKind::TooDark);
    CHECK(kindOf("\n\nSpot read failed due to misread (Top over range)\n") == ErrorKind::OverRange);
    CHECK(kindOf("\n\nGot fatal error 'Hardware Failure' (Underexposure)\n") == ErrorKind::TooDark);
    CHECK(kindOf("\n\nGot fatal error 'Misread' (Overexposure)\n") == ErrorKind::OverRange);
    CHECK(kindOf("\n\nSpot read failed due to communication problem.\n") ==
          ErrorKind::Disconnected);
    CHECK(kindOf("Instrument initialisation failed with 'Communications failure' (x)!\n") ==
          ErrorKind::Disconnected);
    CHECK(kindOf("\n\nGot fatal error 'Communications failure' (Communications timeout)\n") ==
          ErrorKind::Timeout);
    CHECK(kindOf("\n\nSpot read failed due to misread (Firmware error)\n") == ErrorKind::Device);
    CHECK(kindOf("garbage") == ErrorKind::Protocol);
    CHECK(kindOf("") == ErrorKind::Protocol);
}

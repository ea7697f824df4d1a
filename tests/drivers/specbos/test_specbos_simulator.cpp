// SPDX-License-Identifier: Apache-2.0
// The specbos simulator against the commands another client (ArgyllCMS specbos.c) sends: its
// set-up sequence, the measuring-head and laser polling, the XYZ / photometric / chromaticity /
// spectral fetches, and NAK + "Error Code: 4" for an unknown command.
#include "drivers/specbos/device.h"
#include "drivers/specbos/protocol.h"
#include "drivers/specbos/simulator.h"
#include "drivers/transport/serial_port.h"
#include "libmeasure/colorimetry/observer.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include "tests/drivers/white_theatre.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace cm;
using namespace cm::drivers;
using namespace std::chrono_literals;

namespace {

struct SpecbosBench {
    specbos::SpecbosSimulator sim{test::whiteTheatre(), {}};
    std::unique_ptr<SerialPort> port;
    SpecbosBench() {
        sim.start();
        port =
            std::make_unique<SerialPort>(sim.devicePath(), LineSettings{921600, 8, 'N', 1, false});
    }
    /// Sends a command and returns the first reply byte run up to CR, ACK or NAK (as Argyll's
    /// specbos_fcommand with one terminator), terminator included.
    std::string command(const std::string& cmd) {
        port->write(cmd + "\r");
        std::string out;
        for (;;) {
            const std::string c = port->readExactly(1, 2000ms);
            out += c;
            if (c == "\r" || c[0] == specbos::kAck || c[0] == specbos::kNak) {
                return out;
            }
        }
    }
};

const std::string kAck(1, specbos::kAck);
const std::string kNak(1, specbos::kNak);

colorimetry::Observer cie1931() {
    std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) + "/cie/cie1931_2deg_xyz_1nm.csv");
    std::stringstream ss;
    ss << in.rdbuf();
    return colorimetry::parseObserverCsv(ss.str(), "cie1931_2deg_xyz_1nm.csv", "CIE 1931 2°");
}

}  // namespace

TEST_CASE("specbos simulator: Argyll's set-up sequence is accepted",
          "[specbos][simulator][argyll]") {
    SpecbosBench b;
    CHECK(b.command("*idn?") == "JETI_SB1211\r");
    CHECK(b.command("*para:spnum?") == "spectrometer number: 61234\r");
    // specbos_init_inst, in Argyll's order: the first of these was NAKed (error 4) before.
    CHECK(b.command("*conf:default") == kAck);
    CHECK(b.command("*para:calibn 0") == kAck);
    CHECK(b.command("*para:expo 1") == kAck);
    CHECK(b.command("*conf:maxtin 3000") == kAck);
    CHECK(b.command("*conf:func 6") == kAck);
    CHECK(b.command("*conf:form 4") == kAck);
    CHECK(b.command("*para:wavbeg?") == "Predefined start wave: 350\r");
    CHECK(b.command("*para:wavend?") == "Predefined end wave: 1000\r");
    CHECK(b.command("*conf:wran 350 830 1") == kAck);
    CHECK(b.command("*conf:aver 1") == kAck);
    CHECK(b.command("*vers?").rfind("firmware version: ", 0) == 0);
    // The diffuser / laser polling thread and the pre-measurement laser off.
    CHECK(b.command("*contr:mhead?") == "mhead: 0\r");
    CHECK(b.command("*contr:laser?") == "laser: 0\r");
    CHECK(b.command("*contr:laser 0") == kAck);
    // Keywords are case-insensitive.
    CHECK(b.command("*CONF:DEFAULT") == kAck);
}

TEST_CASE(
    "specbos simulator: out-of-range and malformed set-up arguments are NAKed with the "
    "argument error",
    "[specbos][simulator]") {
    SpecbosBench b;
    CHECK(b.command("*conf:wran 300 780 1") == kNak);  // below the predefined start
    CHECK(b.command("*stat:err?") == "Error Code: 10\r");
    CHECK(b.command("*conf:wran 380 1100 1") == kNak);
    CHECK(b.command("*stat:err?") == "Error Code: 11\r");
    CHECK(b.command("*conf:maxtin 0") == kNak);
    CHECK(b.command("*conf:aver x") == kNak);
    CHECK(b.command("*stat:err?") == "Error Code: 8\r");
}

TEST_CASE("specbos simulator: unknown command → NAK, then *stat:err? → Error Code: 4",
          "[specbos][simulator]") {
    SpecbosBench b;
    CHECK(b.command("*conf:nosuch 1") == kNak);
    CHECK(b.command("*stat:err?") == "Error Code: 4\r");
}

TEST_CASE(
    "specbos simulator: *init, then XYZ, photometric, chromaticity and spectral fetches "
    "agree",
    "[specbos][simulator][argyll]") {
    SpecbosBench b;
    REQUIRE(b.command("*conf:wran 380 780 1") == kAck);
    b.port->write("*init\r");
    std::string reply;
    do {
        reply = b.port->readExactly(1, 30000ms);
    } while (reply[0] == specbos::kEnq);
    REQUIRE(reply[0] == specbos::kBel);
    b.port->write("*fetch:XYZ\r");
    const double X = specbos::parseLabelled(b.port->readUntil("\r", 1000ms), "X");
    const double Y = specbos::parseLabelled(b.port->readUntil("\r", 1000ms), "Y");
    const double Z = specbos::parseLabelled(b.port->readUntil("\r", 1000ms), "Z");
    REQUIRE(Y > 1.0);
    const std::string lum = b.command("*fetch:PHOTOmetric");
    CHECK(std::strtod(lum.c_str() + lum.find(':') + 1, nullptr) == Approx(Y).epsilon(1e-4));
    double x = 0, y = 0;
    REQUIRE(std::sscanf(b.command("*fetch:CHROMXY").c_str(), "Chrom_x: %lf Chrom_y: %lf", &x, &y) ==
            2);
    CHECK(x == Approx(X / (X + Y + Z)).margin(1e-4));
    CHECK(y == Approx(Y / (X + Y + Z)).margin(1e-4));
    // Spectrum: 2 header lines, 401 values (380..780 @ 1 nm), closing empty line.
    b.port->write("*fetch:sprad\r");
    b.port->readUntil("\r", 1000ms);
    b.port->readUntil("\r", 1000ms);
    std::vector<double> wl, v;
    for (int nm = 380; nm <= 780; ++nm) {
        wl.push_back(nm);
        v.push_back(std::strtod(b.port->readUntil("\r", 1000ms).c_str(), nullptr));
    }
    CHECK(b.port->readUntil("\r", 1000ms).empty());
    // The spectrum integrated with the published CIE 1931 table gives the instrument's XYZ to
    // within the 1 % of the analytic CMF fit the simulator uses plus the 380–780 truncation.
    const auto xyz = colorimetry::absoluteXYZ(colorimetry::Spectrum(wl, v), cie1931());
    CHECK(xyz.Y == Approx(Y).epsilon(0.02));
    CHECK(xyz.X == Approx(X).epsilon(0.02));
    CHECK(xyz.Z == Approx(Z).epsilon(0.03));
}

TEST_CASE("specbos simulator: *conf:maxtin and *conf:aver within the firmware's limits",
          "[specbos][sim][low-light]") {
    // Firmware limits as a public JETI driver checks them: ceiling 1000..60000 ms, 1..10000
    // averages; outside them the instrument answers NAK and error 10 (argument 1).
    SpecbosBench b;
    CHECK(b.command("*conf:maxtin 60000") == kAck);
    CHECK(b.command("*conf:maxtin 999") == kNak);
    CHECK(b.command("*stat:err?") == "Error Code: 10\r");
    CHECK(b.command("*conf:maxtin 60001") == kNak);
    CHECK(b.command("*conf:aver 10000") == kAck);
    CHECK(b.command("*conf:aver 0") == kNak);
    CHECK(b.command("*conf:aver 4") == kAck);
}

TEST_CASE("specbos driver: low light raises *conf:maxtin, then *conf:aver, and records them",
          "[specbos][low-light]") {
    // A white of 0.008 cd/m²: the 1211 reads 0.2 cd/m² at its 3 s ceiling, 0.01 at 60 s and
    // 0.005 at 60 s with 4 averages (the simulators' signal-to-noise model, t · √n).
    auto t = test::whiteTheatre();
    auto cfg = t->config();
    cfg.stimuli["white"].centre_cdm2 = 0.008;
    cfg.ambient_cdm2 = 0.0;
    auto dim = std::make_shared<virt::VirtualTheatre>(cfg);
    dim->show({"white", "none"});
    dim->aimAt({cfg.reference_seat, {0, 0}});
    specbos::SpecbosSimulator sim(dim, {});
    sim.start();
    specbos::SpecbosDevice dev(
        std::make_unique<SerialPort>(sim.devicePath(), LineSettings{115200, 8, 'N', 1, false}));
    dev.identify();
    const auto ll = dev.capabilities().low_light;
    CHECK(ll.integration_default_s == 3.0);
    CHECK(ll.integration_max_s == 60.0);
    CHECK(ll.averages_max == 4);
    auto kind = [&] {
        try {
            dev.measure();
            return std::string("read");
        } catch (const InstrumentError& e) {
            return std::string(toString(e.kind()));
        }
    };
    CHECK(kind() == "too dark");
    dev.setLowLight({60.0, 0});
    CHECK(kind() == "too dark");
    dev.setLowLight({60.0, 4});
    const auto r = dev.measure();
    CHECK(r.xyz_cdm2.Y == Approx(0.008).epsilon(0.05));
    CHECK(r.averages == 4);
    CHECK(r.integration_limit_s == 60.0);
    dev.setLowLight({});
    CHECK(kind() == "too dark");
}

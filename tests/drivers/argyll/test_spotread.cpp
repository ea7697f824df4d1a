// SPDX-License-Identifier: Apache-2.0
// ArgyllCMS spotread (an independent implementation of the K-10 and specbos protocols) reads our
// k10a and specbos simulators, raw and through the argyll family, and gets the simulated white.
//
// How spotread is made to find a simulator (ArgyllCMS spectro/icoms_ux.c, usbio_lx.c, inst.c):
// - its serial list comes from readdir("/dev") and takes names starting "ttyUSB" (also ttyS<n>,
//   ttyHS, rfcomm) by name only, so a symlink /dev/ttyUSB9x -> /dev/pts/N is listed and opened;
//   ttyUSB names count as "fast serial" and are probed for K10 (9600: ";" then "D024\r\n") and
//   specbos (921600/115200/38400: "*idn?\r"). Baud changes are no-ops on a pty. No /sys lookup
//   is involved, so no bind mount or USB identity is needed. Creating the link needs root
//   (CI runs as root); otherwise the tests SKIP.
// - its USB scan reads /dev/bus/usb/<bus>/; when that holds no bus directory it falls back to
//   opening every character device in /dev and blocks on a tty. Containers often lack
//   /dev/bus/usb, so the tests create an empty /dev/bus/usb/001 when there is none (harmless:
//   an empty bus).
// Every port spotread finds is probed, so these tests hold one CTest resource lock.
#include "drivers/argyll/device.h"
#include "drivers/argyll/protocol.h"
#include "drivers/families.h"
#include "drivers/k10a/simulator.h"
#include "drivers/specbos/simulator.h"
#include "drivers/transport/child_process.h"

#include "tests/drivers/white_theatre.h"
#include "tests/skip.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>
#include <filesystem>
#include <system_error>

using namespace cm;
using namespace cm::drivers;
using namespace std::chrono_literals;

namespace {

// The meters' stated accuracy (calibration/instruments/spot-meter-uncertainty.json,
// systematic_per_run): K-10-A luminance ±3 %, x,y ±0.004; specbos 1211 ±2 %, ±0.002.
constexpr double kK10aLuminanceRel = 0.03;
constexpr double kK10aXy = 0.004;
constexpr double kSpecbosLuminanceRel = 0.02;
constexpr double kSpecbosXy = 0.002;
// Acceptance angles the simulators integrate over (drivers' model tables).
constexpr double kK10aField_deg = 5.0;
constexpr double kSpecbosField_deg = 2.0;

void requireSpotreadHere() {
    if (findInPath("spotread").empty()) {
        test::skipTest("ArgyllCMS spotread not installed (Debian package argyll)");
    }
    if (::geteuid() != 0) {
        test::skipTest("linking /dev/ttyUSB9x to a simulator's pty needs root");
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path bus = "/dev/bus/usb";
    if (!fs::exists(bus) || fs::is_empty(bus)) {
        fs::create_directories(bus / "001", ec);
        if (ec) {
            test::skipTest("cannot create /dev/bus/usb/001 (spotread's USB scan would block)");
        }
    }
}

/// /dev/ttyUSB<n> → the simulator's pty slave, removed again on scope exit.
class PortLink {
public:
    PortLink(const std::string& slave, const std::string& link) : link_(link) {
        std::filesystem::remove(link_);
        std::filesystem::create_symlink(slave, link_);
    }
    ~PortLink() {
        std::error_code ec;
        std::filesystem::remove(link_, ec);
    }
    const std::string& path() const { return link_; }

private:
    std::string link_;
};

colorimetry::XYZ truthAt(const virt::VirtualTheatre& t, double field_deg) {
    return t.spotMean(t.presentation(), t.aim(), field_deg);
}

void checkWhite(const colorimetry::XYZ& got, const colorimetry::XYZ& truth, double lum_rel,
                double xy) {
    const double sg = got.X + got.Y + got.Z;
    const double st = truth.X + truth.Y + truth.Z;
    REQUIRE(sg > 0);
    CHECK(got.Y == Approx(truth.Y).epsilon(lum_rel));
    CHECK(got.X / sg == Approx(truth.X / st).margin(xy));
    CHECK(got.Y / sg == Approx(truth.Y / st).margin(xy));
}

int listNumber(const std::string& path, const std::string& instrumentWord) {
    const auto r = runChild({"spotread", "-?"}, 60s);
    const auto ports = argyll::parsePortList(r.output);
    const argyll::PortEntry* p = argyll::findPort(ports, path);
    INFO(r.output);
    REQUIRE(p != nullptr);
    CHECK(p->instrument.find(instrumentWord) != std::string::npos);
    return p->number;
}

}  // namespace

TEST_CASE("spotread detects the k10a simulator and reads its white", "[argyll][k10a][spotread]") {
    requireSpotreadHere();
    auto theatre = test::whiteTheatre();
    k10a::K10aSimulator sim(theatre, {});
    sim.start();
    PortLink link(sim.devicePath(), "/dev/ttyUSB90");
    const int n = listNumber(link.path(), "K-10");
    const auto r = runChild({"spotread", "-e", "-x", "-O", "-c", std::to_string(n)}, 90s);
    INFO(r.output);
    REQUIRE_FALSE(r.timed_out);
    const auto reading = argyll::parseReading(r.output);
    checkWhite(reading.xyz_cdm2, truthAt(*theatre, kK10aField_deg), kK10aLuminanceRel, kK10aXy);
}

TEST_CASE("spotread detects the specbos simulator, sets it up and reads its white and spectrum",
          "[argyll][specbos][spotread]") {
    requireSpotreadHere();
    auto theatre = test::whiteTheatre();
    specbos::SpecbosSimulator sim(theatre, {});
    sim.start();
    PortLink link(sim.devicePath(), "/dev/ttyUSB91");
    const int n = listNumber(link.path(), "specbos");
    const auto r = runChild({"spotread", "-e", "-x", "-s", "-O", "-c", std::to_string(n)}, 90s);
    INFO(r.output);
    REQUIRE_FALSE(r.timed_out);
    const auto reading = argyll::parseReading(r.output);
    checkWhite(reading.xyz_cdm2, truthAt(*theatre, kSpecbosField_deg), kSpecbosLuminanceRel,
               kSpecbosXy);
    // Argyll caps the specbos range at 830 nm: 350..830 @ 1 nm.
    CHECK(reading.spectrum_start_nm == 350.0);
    CHECK(reading.spectrum_step_nm == Approx(1.0));
    CHECK(reading.spectral_radiance.size() == 481);
}

TEST_CASE("argyll family: list, identify and one reading per request from the k10a simulator",
          "[argyll][k10a][family]") {
    requireSpotreadHere();
    auto theatre = test::whiteTheatre();
    k10a::K10aSimulator sim(theatre, {});
    sim.start();
    PortLink link(sim.devicePath(), "/dev/ttyUSB92");
    const Family* f = findFamily("argyll");
    REQUIRE(f != nullptr);
    auto dev = openInstrument(*f, link.path());
    const auto id = dev->identify();
    CHECK(id.family == "argyll");
    CHECK(id.model.find("K-10") != std::string::npos);
    const int before = sim.measurementsServed();
    const auto r = dev->measure();
    CHECK(sim.measurementsServed() > before);  // a new reading, not a replay
    checkWhite(r.xyz_cdm2, truthAt(*theatre, kK10aField_deg), kK10aLuminanceRel, kK10aXy);
    CHECK(r.spectral_radiance.empty());  // a colorimeter: no spectrum
    CHECK(r.instrument.family == "argyll");
}

TEST_CASE("argyll family: one spotread session for many readings, restarted when it dies",
          "[argyll][k10a][family][session]") {
    // spotread started per reading re-probes every USB-serial port and sets the instrument up
    // again (2–5 s); the session takes a reading per key press, as DisplayCAL drives it.
    requireSpotreadHere();
    auto theatre = test::whiteTheatre();
    k10a::K10aSimulator sim(theatre, {});
    sim.start();
    PortLink link(sim.devicePath(), "/dev/ttyUSB94");
    argyll::ArgyllOptions o;
    o.port = link.path();
    o.spectrum = false;  // a colorimeter (with -s spotread would end once: a start without it)
    argyll::ArgyllDevice dev(o);
    for (int i = 0; i < 3; ++i) {
        const int before = sim.measurementsServed();
        const auto r = dev.measure();
        CHECK(sim.measurementsServed() > before);  // a new reading each time, not a replay
        checkWhite(r.xyz_cdm2, truthAt(*theatre, kK10aField_deg), kK10aLuminanceRel, kK10aXy);
    }
    CHECK(dev.sessionsStarted() == 1);
    // spotread dies (killed, crashed): the next reading starts a new session and reads.
    const pid_t pid = dev.sessionPid();
    REQUIRE(pid > 0);
    ::kill(pid, SIGKILL);
    const auto r = dev.measure();
    checkWhite(r.xyz_cdm2, truthAt(*theatre, kK10aField_deg), kK10aLuminanceRel, kK10aXy);
    CHECK(dev.sessionsStarted() == 2);
    CHECK(dev.sessionPid() != pid);
}

TEST_CASE("argyll family: XYZ and spectrum from the specbos simulator",
          "[argyll][specbos][family]") {
    requireSpotreadHere();
    auto theatre = test::whiteTheatre();
    specbos::SpecbosSimulator sim(theatre, {});
    sim.start();
    PortLink link(sim.devicePath(), "/dev/ttyUSB93");
    auto dev = openInstrument(*findFamily("argyll"), link.path());
    const auto r = dev->measure();
    checkWhite(r.xyz_cdm2, truthAt(*theatre, kSpecbosField_deg), kSpecbosLuminanceRel, kSpecbosXy);
    REQUIRE(r.spectral_radiance.size() == 481);
    CHECK(r.spectrum_start_nm == 350.0);
    // Peak radiance of a white in W/(sr m² nm): positive and finite.
    CHECK(*std::max_element(r.spectral_radiance.begin(), r.spectral_radiance.end()) > 0.0);
}

TEST_CASE("argyll family: a port spotread does not list is a Disconnected error",
          "[argyll][family]") {
    if (findInPath("spotread").empty()) {
        test::skipTest("ArgyllCMS spotread not installed (Debian package argyll)");
    }
    if (!std::filesystem::exists("/dev/bus/usb") || std::filesystem::is_empty("/dev/bus/usb")) {
        test::skipTest("no /dev/bus/usb bus directory: spotread's USB scan would block");
    }
    try {
        argyll::ArgyllOptions o;
        o.port = "/dev/ttyUSB-not-there";
        argyll::ArgyllDevice dev(o);
        FAIL("no error");
    } catch (const InstrumentError& e) {
        CHECK(e.kind() == ErrorKind::Disconnected);
    }
}

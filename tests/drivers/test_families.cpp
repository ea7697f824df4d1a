// SPDX-License-Identifier: Apache-2.0
// Every instrument family: its driver against its simulator over a real pty, the line settings it
// opens, a reading of the reference white, and each injected fault mapped to the named error
// with the driver usable again afterwards.
#include "drivers/cs2000/protocol.h"
#include "drivers/families.h"
#include "drivers/instrument/timeout.h"
#include "drivers/k10a/protocol.h"
#include "drivers/specbos/protocol.h"

#include "tests/drivers/white_theatre.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace cm;
using namespace cm::drivers;

namespace {

std::shared_ptr<virt::VirtualTheatre> whiteTheatre() {
    return test::whiteTheatre();
}

constexpr double kFast = 0.001;

ErrorKind failureOf(SpotInstrument& d) {
    try {
        d.measure();
    } catch (const InstrumentError& e) {
        return e.kind();
    }
    FAIL("no error");
    return ErrorKind::Device;
}

}  // namespace

TEST_CASE("each family: identify, white reading and line settings through its simulator",
          "[instruments]") {
    auto t = whiteTheatre();
    const std::map<std::string, std::string> expectedModel = {{"pr6xx", "PR-670"},
                                                              {"cs2000", "CS-2000A"},
                                                              {"k10a", "K-10-A"},
                                                              {"specbos", "specbos 1211"}};
    for (const Family& f : families()) {
        INFO(f.id);
        virt::SimulatorCommon c;
        c.time_scale = kFast;
        auto sim = f.makeSimulator(t, c);
        sim->start();
        SerialPort probe(sim->devicePath(), f.line);
        CHECK(probe.applied().baud == f.line.baud);
        CHECK(probe.applied().parity == 'N');
        auto dev = openInstrument(f, sim->devicePath(), kFast);
        const auto id = dev->identify();
        CHECK(id.family == f.id);
        CHECK(id.model == expectedModel.at(f.id));
        CHECK_FALSE(id.serial.empty());
        CHECK_FALSE(id.firmware.empty());
        const auto r = dev->measure();
        CHECK(r.xyz_cdm2.Y == Approx(48.0).epsilon(0.03));
        CHECK(colorimetry::toXY(r.xyz_cdm2).x == Approx(0.314).margin(0.003));
        CHECK(r.instrument.serial == id.serial);
    }
}

TEST_CASE("each family: every injected fault gives the named error, then readings resume",
          "[instruments][faults]") {
    auto t = whiteTheatre();
    using F = virt::Fault;
    // Expected generic error per family and fault (the CS-2000 has no "too dark" code: ER02).
    const std::map<std::string, std::map<F, ErrorKind>> expected = {
        {"pr6xx",
         {{F::OverRange, ErrorKind::OverRange},
          {F::TooDark, ErrorKind::TooDark},
          {F::ErrorCode, ErrorKind::Device},
          {F::Garbage, ErrorKind::Protocol},
          {F::DropReply, ErrorKind::Timeout},
          {F::Unplug, ErrorKind::Disconnected}}},
        {"cs2000",
         {{F::OverRange, ErrorKind::OverRange},
          {F::TooDark, ErrorKind::Device},
          {F::ErrorCode, ErrorKind::Device},
          {F::Garbage, ErrorKind::Protocol},
          {F::DropReply, ErrorKind::Timeout},
          {F::Unplug, ErrorKind::Disconnected}}},
        {"k10a",
         {{F::OverRange, ErrorKind::OverRange},
          {F::TooDark, ErrorKind::TooDark},
          {F::ErrorCode, ErrorKind::Device},
          {F::Garbage, ErrorKind::Timeout},
          {F::DropReply, ErrorKind::Timeout},
          {F::Unplug, ErrorKind::Disconnected}}},
        {"specbos",
         {{F::OverRange, ErrorKind::OverRange},
          {F::TooDark, ErrorKind::TooDark},
          {F::ErrorCode, ErrorKind::Device},
          {F::Garbage, ErrorKind::Protocol},
          {F::DropReply, ErrorKind::Timeout},
          {F::Unplug, ErrorKind::Disconnected}}},
    };
    for (const Family& f : families()) {
        for (const auto& [fault, kind] : expected.at(f.id)) {
            INFO(f.id << " fault " << static_cast<int>(fault));
            virt::SimulatorCommon c;
            c.time_scale = kFast;
            c.fault = fault;
            // The K10-A averages two N5 readings at 48 cd/m², so its second reading is N5 number 3.
            c.fault_at_measurement = f.id == "k10a" ? 3 : 2;
            auto sim = f.makeSimulator(t, c);
            sim->start();
            auto dev = openInstrument(f, sim->devicePath(), kFast);
            CHECK(dev->measure().xyz_cdm2.Y > 40.0);  // the first reading is clean
            CHECK(failureOf(*dev) == kind);
            if (kind != ErrorKind::Disconnected) {
                CHECK(dev->measure().xyz_cdm2.Y == Approx(48.0).epsilon(0.03));
            }
        }
    }
}

TEST_CASE("cs2000 protocol: replies, identity, two-line measurement, error codes",
          "[cs2000][protocol]") {
    const auto id =
        cs2000::parseIdentity(cs2000::parseReply(cs2000::formatIdentity("CS-2000A", 0, "2001234")));
    CHECK(id.name == "CS-2000A ");  // 9 characters, space padded
    CHECK(cs2000::findModel(id.name) != nullptr);
    CHECK(cs2000::parseMeasurementTime(cs2000::parseReply("OK00,242")) == 242);
    const auto xyz = cs2000::parseXYZ(cs2000::parseReply("OK00,4.2941e+01,4.8000e+01,4.5824e+01"));
    CHECK(xyz.Y == Approx(48.0));
    CHECK(cs2000::errorKind("ER10") == ErrorKind::OverRange);
    for (const char* code : {"ER00", "ER02", "ER05", "ER10", "ER17", "ER20", "ER30", "ER51", "ER52",
                             "ER71", "ER81", "ER82", "ER83", "ER99"}) {
        CHECK(cs2000::errorText(code) != "instrument error");
    }
    CHECK_THROWS_AS(cs2000::parseReply("HELLO"), InstrumentError);
    CHECK_THROWS_AS(cs2000::check(cs2000::parseReply("ER20"), "MEDR"), InstrumentError);
}

TEST_CASE("k10a protocol: the 3-byte float and fixed-length frames", "[k10a][protocol]") {
    // Hand-worked: b0 0x60, b1 0x00 → m = 0x6000 = 24576; exponent 6 → 24576 · 2^(6−16) = 24.0.
    const std::uint8_t b[3] = {0x60, 0x00, 0x06};
    CHECK(k10a::decodeValue(b) == 24.0);
    const std::uint8_t neg[3] = {0xE0, 0x00, 0x06};
    CHECK(k10a::decodeValue(neg) == -24.0);
    for (double v : {48.0, 0.0123, 1234.5, 0.0004}) {
        std::uint8_t e[3];
        k10a::encodeValue(v, e);
        CHECK(k10a::decodeValue(e) == Approx(v).epsilon(1e-4));  // 15-bit mantissa
    }
    const std::string n5 = k10a::formatN5({42.94, 48.0, 45.82});
    CHECK(n5.size() == k10a::kN5Length);
    CHECK(k10a::parseN5(n5).Y == Approx(48.0).epsilon(1e-4));
    CHECK(k10a::parseP0(k10a::formatP0("K-10-A", "K10A01234")).model == "K-10-A");
    CHECK(k10a::parseP2(k10a::formatP2("v01.09fh")) == "v01.09fh");
    CHECK(k10a::errorKind('v') == ErrorKind::OverRange);
    CHECK(k10a::errorKind('u') == ErrorKind::TooDark);
    CHECK_THROWS_AS(k10a::parseN5(n5.substr(0, 10)), InstrumentError);
    CHECK(k10a::readingsToAverage(0.01) == 20);
    CHECK(k10a::readingsToAverage(48.0) == 2);
    CHECK(k10a::readingsToAverage(100.0) == 1);
}

TEST_CASE("specbos protocol: error reports and labelled values", "[specbos][protocol]") {
    CHECK(specbos::parseErrorCode("Error Code: 121") == 121);
    CHECK(specbos::errorKind(120) == ErrorKind::OverRange);
    CHECK(specbos::errorKind(121) == ErrorKind::TooDark);
    CHECK(specbos::errorKind(123) == ErrorKind::Device);
    CHECK(specbos::parseLabelled("Y: 47.993", "Y") == Approx(47.993));
    CHECK_THROWS_AS(specbos::parseLabelled("Z: 1", "Y"), InstrumentError);
    CHECK(specbos::parseSerial("spectrometer number: 61234") == "61234");
    CHECK(specbos::findByIdn("JETI_SB1211 v2") != nullptr);
    CHECK(specbos::findByIdn("SB05") != nullptr);
    CHECK(specbos::findByIdn("ACME") == nullptr);
}

TEST_CASE("ports: USB descriptors from public sources map to the right family",
          "[instruments][usb]") {
    // JETI's own vendor id on its FTDI chip (Linux ftdi_sio_ids.h JETI_SPC1201_PID; usb.ids
    // "0c6c:04b2 Specbos 1201"): specbos, whatever the strings say.
    CHECK(likelyFamilies({"0c6c", "04b2", "", "", ""}) == "specbos");
    CHECK(likelyFamilies({"0C6C", "04B2", "JETI", "specbos 1201", "S1"}) == "specbos");
    // The generic FTDI bridges Argyll lists for Klein and JETI (55-Argyll.rules): "could be",
    // never claimed, with FTDI's default strings.
    const std::string bridge = likelyFamilies({"0403", "6001", "FTDI", "FT232R USB UART", "A9XYZ"});
    CHECK(bridge == "k10a or specbos? (generic USB-serial bridge: try read)");
    CHECK(likelyFamilies({"0403", "6015", "FTDI", "FT231X USB UART", "D1"}).find("?") !=
          std::string::npos);
    // A bridge whose strings name the maker is claimed by that family only.
    CHECK(likelyFamilies({"0403", "6001", "Klein Instruments", "K-10-A", "K1"}) == "k10a");
    CHECK(likelyFamilies({"0403", "6015", "JETI", "specbos 1211", "J1"}) == "specbos");
    // CDC-ACM spectroradiometers by their descriptor text; Konica Minolta's vendor id (usb.ids).
    CHECK(likelyFamilies({"132b", "ffff", "KONICA MINOLTA", "CS-2000", "1"}) == "cs2000");
    CHECK(likelyFamilies({"1234", "5678", "Photo Research, Inc.", "PR-670", "1"}) == "pr6xx");
    // Neither: another FTDI-based device is not offered at all; a Konica Minolta printer is not a
    // CS-2000 (usb.ids 132b:2049 Magicolor 2490MF).
    CHECK(likelyFamilies({"0403", "6010", "FTDI", "Dual RS232", "X"}).empty());
    CHECK(likelyFamilies({"132b", "2049", "KONICA MINOLTA", "magicolor 2490MF", "X"}).empty());
    CHECK(likelyFamilies({"2341", "0043", "Arduino", "Uno", "X"}).empty());
}

TEST_CASE("udev rules: one plugdev rule per specific USB row, generic bridges only commented",
          "[instruments][usb][udev]") {
    const std::string rules = udevRulesForAllFamilies();
    CHECK(rules.find("SUBSYSTEM==\"tty\", ATTRS{idVendor}==\"0c6c\", ATTRS{idProduct}==\"04b2\", "
                     "GROUP=\"plugdev\", MODE=\"0660\", TAG+=\"uaccess\"") != std::string::npos);
    std::istringstream in(rules);
    std::string line;
    int active = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.find("ATTRS") == std::string::npos) {
            continue;
        }
        ++active;
        CHECK(line.find("GROUP=\"plugdev\"") != std::string::npos);
        if (line.find("idVendor}==\"0403\"") != std::string::npos) {
            INFO(line);
            CHECK((line.find("ATTRS{product}") != std::string::npos ||
                   line.find("ATTRS{manufacturer}") != std::string::npos));
        }
    }
    CHECK(active >= 8);
    CHECK(
        rules.find("#SUBSYSTEM==\"tty\", ATTRS{idVendor}==\"0403\", ATTRS{idProduct}==\"6001\"") !=
        std::string::npos);
    CHECK(rules.find("UNCONFIRMED") != std::string::npos);  // PR-6xx and CS-2000 say so
}

TEST_CASE("one timeout rule for every driver: scaled, never below 1 s", "[instruments]") {
    CHECK(scaledTimeout(3000, 1.0) == std::chrono::milliseconds(3000));
    CHECK(scaledTimeout(75000, 0.001) == std::chrono::milliseconds(1000));  // floor
    CHECK(scaledTimeout(2'000'000, 0.01) == std::chrono::milliseconds(20000));
}

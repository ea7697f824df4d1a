// SPDX-License-Identifier: Apache-2.0
// The test-only template family (tests/drivers/template_family) registers itself and appears in
// the registry, the USB matching, the udev rules and, through a CLI linked with it, in help, sim,
// read, families and certify, with no edit anywhere but its folder and one CMake line.
#include "drivers/families.h"

#include "tests/app/cli_run.h"
#include "tests/drivers/white_theatre.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

using namespace cm;
using namespace cm::drivers;

namespace {

constexpr double kFast = 0.001;

/// Starts `cinemeasure sim template` in the background: its pid and pty path.
std::pair<int, std::string> startSim(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const auto pathFile = dir / "path.txt";
    const std::string cmd = std::string(CINEMEASURE_CLI) + " sim template --virtual " +
                            test::virtualTheatre("projector-reference.json") +
                            " --time-scale 0.001 > " + pathFile.string() + " 2>&1 & echo $!";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    int pid = 0;
    REQUIRE(std::fscanf(p, "%d", &pid) == 1);
    pclose(p);
    std::string device;
    for (int i = 0; i < 500 && device.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::ifstream in(pathFile);
        std::getline(in, device);
    }
    return {pid, device};
}

}  // namespace

TEST_CASE("template family: registered beside the shipped families, sorted by id",
          "[families][template]") {
    const Family* f = findFamily("template");
    REQUIRE(f != nullptr);
    CHECK(f->description == "Template Instruments TPL-1 and TPL-2");  // from its model table
    const auto ids = familyIds();
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    for (const char* shipped : {"cs2000", "k10a", "pr6xx", "specbos"}) {
        CHECK(findFamily(shipped) != nullptr);
    }
    CHECK(familyList() == "argyll, cs2000, k10a, pr6xx, specbos or template");
    Family twice = *f;
    CHECK_THROWS_AS(registerFamily(twice), std::logic_error);
    twice.id = "Bad Id";
    CHECK_THROWS_AS(registerFamily(twice), std::logic_error);
}

TEST_CASE("template family: ports recognise it by VID:PID and product string",
          "[families][template][usb]") {
    CHECK(likelyFamilies({"1209", "0001", "Template Instruments", "Template Meter TPL-2", "T7"}) ==
          "template");
    // Same test id, another product string: not ours.
    CHECK(likelyFamilies({"1209", "0001", "pid.codes", "Some Other Gadget", "X"}).empty());
    CHECK(udevRulesForAllFamilies().find("ATTRS{idVendor}==\"1209\", ATTRS{idProduct}==\"0001\", "
                                         "ATTRS{product}==\"*Template Meter TPL-1*\"") !=
          std::string::npos);
}

TEST_CASE("template family: driver against its simulator, white reading and faults",
          "[families][template][instruments]") {
    const Family& f = *findFamily("template");
    auto t = test::whiteTheatre();
    virt::SimulatorCommon c;
    c.time_scale = kFast;
    c.fault = virt::Fault::TooDark;
    c.fault_at_measurement = 2;
    auto sim = f.makeSimulator(t, c);
    sim->start();
    auto dev = openInstrument(f, sim->devicePath(), kFast);
    CHECK(dev->identify().model == "TPL-1");
    CHECK(dev->measure().xyz_cdm2.Y == Approx(48.0).epsilon(0.03));  // the reference white
    try {
        dev->measure();
        FAIL("no error");
    } catch (const InstrumentError& e) {
        CHECK(e.kind() == ErrorKind::TooDark);
        CHECK(e.deviceCode() == "2");
    }
    CHECK(dev->measure().xyz_cdm2.Y == Approx(48.0).epsilon(0.03));
}

TEST_CASE("template family: the CLI lists it in help, families and udev rules",
          "[families][template][cli]") {
    const auto help = test::cli("sim --help");
    CHECK_THAT(help.output, Catch::Contains("cs2000, k10a, pr6xx, specbos or template"));
    CHECK_THAT(test::cli("read --help").output, Catch::Contains("template"));
    CHECK_THAT(test::cli("certify --help").output, Catch::Contains("template"));
    const auto list = test::cli("families --json");
    REQUIRE(list.exit_code == 0);
    const auto j = nlohmann::json::parse(list.output);
    bool found = false;
    for (const auto& fam : j) {
        found = found || fam["id"] == "template";
    }
    CHECK(found);
    CHECK_THAT(test::cli("families --udev-rules").output,
               Catch::Contains("*Template Meter TPL-2*"));
}

TEST_CASE("template family: sim and read from the shell, and a whole certification",
          "[families][template][cli][e2e]") {
    const auto dir = test::freshDir("template-family");
    const auto [pid, device] = startSim(dir);
    REQUIRE(device.rfind("/dev/pts/", 0) == 0);
    const auto r = test::cli("read --instrument template --port " + device + " --json");
    ::kill(pid, SIGTERM);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.output);
    CHECK(j["model"] == "TPL-1");
    CHECK(j["Y"].get<double>() == Approx(48.0).epsilon(0.03));
    const auto out = dir / "certify";
    const auto c =
        test::cli("certify --profile st431-1-review --simulate " +
                  test::virtualTheatre("projector-reference.json") +
                  " --instrument template --time-scale 0.001 --quiet --out " + out.string());
    INFO(c.output);
    REQUIRE(c.exit_code == 0);
    CHECK(test::readJson(out / "report.json")["instruments"][0]["model"] == "TPL-1");
    std::filesystem::remove_all(dir);
}

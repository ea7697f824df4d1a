// SPDX-License-Identifier: Apache-2.0
// The instrument path from the shell: `sim pr6xx` on a pty read by `read --port`, and a full
// ST 431-1 certification through the PR-6xx simulator and driver.
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <csignal>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using cm::test::cli;

TEST_CASE("cli: sim pr6xx prints its device path and read --port takes a reading from it",
          "[cli][pr6xx]") {
    const fs::path out = cm::test::freshDir("simread");
    fs::create_directories(out);
    const fs::path pathFile = out / "path.txt";
    const std::string cmd = std::string(CINEMEASURE_CLI) + " sim pr6xx --virtual " +
                            cm::test::virtualTheatre("projector-reference.json") +
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
    REQUIRE(device.rfind("/dev/pts/", 0) == 0);
    const auto r = cli("read --instrument pr6xx --port " + device + " --json");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.output);
    CHECK(j["model"] == "PR-670");
    CHECK(j["Y"].get<double>() == Approx(48.0).epsilon(0.02));  // reference white at the centre
    CHECK(j["raw_reply"].get<std::string>().rfind("00000,0,", 0) == 0);
    // PR-670: its spectrum on 380–780 nm at 2 nm, integrating to its own XYZ (CIE 1931 table)
    // within the rounding of the transmitted values.
    CHECK(j["spectrum"]["values"].size() == 201);
    CHECK(std::abs(j["spectrum"]["delta_Y_pct"].get<double>()) < 0.1);
    ::kill(pid, SIGTERM);
    const auto gone = cli("read --instrument pr6xx --port /dev/ttyACM-missing");
    CHECK(gone.exit_code == 3);
    CHECK_THAT(gone.output, Catch::Contains("cannot open"));
    fs::remove_all(out);
}

TEST_CASE("cli: ST 431-1 certification through the PR-6xx simulator and driver",
          "[cli][pr6xx][e2e]") {
    const fs::path out = cm::test::freshDir("pr6xx-certify");
    const auto r = cli("certify --profile st431-1-review --simulate " +
                       cm::test::virtualTheatre("projector-dim-corners.json") +
                       " --instrument pr6xx --time-scale 0.001 --quiet --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    std::ifstream in(out / "report.json");
    const auto j = nlohmann::json::parse(in);
    CHECK(j["instruments"][0]["model"] == "PR-670");
    CHECK(j["overall_verdict"] == "FAIL");  // the dim corners, through the real wire protocol
    int failed = 0;
    for (const auto& f : j["figures"]) {
        if (f["verdict"] == "FAIL") {
            ++failed;
            CHECK(f["id"].get<std::string>().rfind("corner_", 0) == 0);
        }
    }
    CHECK(failed == 4);
    fs::remove_all(out);
}

// SPDX-License-Identifier: Apache-2.0
// `cinemeasure camera ...` and `cinemeasure sim camera` end to end over TCP and libgphoto2.
#include "cli_run.h"
#include "drivers/camera/ptpip_simulator.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

using namespace cm::test;
namespace cam = cm::drivers::camera;

namespace {

/// libgphoto2 writes $HOME/.gphoto/settings: a private HOME for this test process.
void privateHome() {
    static const bool done = [] {
        const auto h = freshDir("camera-home");
        std::filesystem::create_directories(h);
        ::setenv("HOME", h.c_str(), 1);
        return true;
    }();
    (void)done;
}

std::vector<std::uint8_t> readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("CLI camera config and capture against the PTP/IP simulator", "[cli][camera]") {
    privateHome();
    cam::PtpIpSimulator sim({});
    sim.start();
    const auto port = sim.portString();
    auto r = cli("camera config --port " + port + " --iso 800 --aperture f/5.6 --json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.output);
    CHECK(j["model"] == "PTPIP Simulator");
    CHECK(j["settings"]["ISO"]["value"] == 800.0);
    CHECK(j["settings"]["aperture"]["text"] == "f/5.6");

    r = cli("camera config --port " + port + " --iso 500");
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("ISO 500 is not offered") != std::string::npos);

    const auto out = freshDir("camera-capture");
    r = cli("camera capture --port " + port + " --shutter 1/125 --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("IMG_0001.TIF") != std::string::npos);
    const auto st = sim.stats();
    REQUIRE(st.produced.size() == 1);
    CHECK(readAll(out / "IMG_0001.TIF") == st.produced[0].bytes);
    CHECK(st.last_settings.iso == 800);
    CHECK(st.card.empty());
}

TEST_CASE("CLI camera capture reconnects once after a disconnect mid-download", "[cli][camera]") {
    privateHome();
    cam::PtpIpSimulatorOptions o;
    o.fault = cam::SimulatorFault::Unplug;
    cam::PtpIpSimulator sim(o);
    sim.start();
    const auto out = freshDir("camera-unplug");
    const auto r = cli("camera capture --port " + sim.portString() + " --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("reconnecting to retry") != std::string::npos);
    CHECK(readAll(out / "IMG_0001.TIF") == sim.stats().produced[0].bytes);
    CHECK(sim.stats().card.empty());
    CHECK(sim.stats().connections == 2);
}

TEST_CASE("CLI camera capture on a full card fails with the instrument exit code",
          "[cli][camera]") {
    privateHome();
    cam::PtpIpSimulatorOptions o;
    o.card_free_images = 0;
    cam::PtpIpSimulator sim(o);
    sim.start();
    const auto r = cli("camera capture --port " + sim.portString() + " --out " +
                       freshDir("camera-full").string());
    CHECK(r.exit_code == 3);
    CHECK(r.output.find("card full") != std::string::npos);
    CHECK(sim.stats().captures == 0);
}

TEST_CASE("CLI sim camera prints its port and serves until SIGTERM", "[cli][camera]") {
    privateHome();
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(fds[1], 1);
        ::close(fds[0]);
        ::execl(CINEMEASURE_CLI, CINEMEASURE_CLI, "sim", "camera", "--time-scale", "0", nullptr);
        ::_exit(127);
    }
    ::close(fds[1]);
    FILE* in = ::fdopen(fds[0], "r");
    char line[256] = {};
    const bool got = std::fgets(line, sizeof line, in) != nullptr;  // blocks until printed
    std::string port = line;
    port.erase(port.find_last_not_of("\r\n") + 1);
    Run r{-1, ""};
    if (got) {
        r = cli("camera capture --port " + port + " --out " + freshDir("camera-simcli").string() +
                " --json");
    }
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::fclose(in);
    REQUIRE(got);
    CHECK(port.rfind("ptpip:127.0.0.1:", 0) == 0);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.output)[0]["bytes"].get<int>() > 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

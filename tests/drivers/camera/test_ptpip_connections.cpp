// SPDX-License-Identifier: Apache-2.0
// PTP/IP simulator connection hygiene (#20 case 11): connections that never identify themselves
// are dropped after a timeout, their number is capped, and running out of descriptors does not
// make the serving loop spin.
#include "drivers/camera/protocol.h"
#include "drivers/camera/ptpip_simulator.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <thread>
#include <vector>

using namespace cm::drivers::camera;
using namespace cm::drivers::camera::ptpip;

namespace {

int connectTo(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    return fd;
}

/// True when the peer closed the connection within `ms`.
bool closedWithin(int fd, int ms) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, ms) <= 0) {
        return false;
    }
    char c = 0;
    return ::recv(fd, &c, 1, 0) <= 0;
}

}  // namespace

TEST_CASE("PTP/IP simulator: silent connections time out, the rest still connects",
          "[camera][ptpip][connections]") {
    PtpIpSimulatorOptions o;
    o.pending_timeout_s = 0.3;
    PtpIpSimulator sim(o);
    sim.start();
    std::vector<int> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(connectTo(sim.port()));
    }
    for (const int fd : idle) {
        CHECK(closedWithin(fd, 5000));  // kept forever before
        ::close(fd);
    }
    // A host that identifies itself is served.
    const int host = connectTo(sim.port());
    InitCommandRequest req;
    req.friendly_name = "test host";
    const Bytes init = encodeInitCommandRequest(req);
    REQUIRE(::send(host, init.data(), init.size(), 0) == static_cast<ssize_t>(init.size()));
    pollfd p{host, POLLIN, 0};
    REQUIRE(::poll(&p, 1, 5000) == 1);
    std::uint8_t buf[256];
    const ssize_t n = ::recv(host, buf, sizeof buf, 0);
    REQUIRE(n >= 8);
    CHECK(parseFrame({buf, static_cast<std::size_t>(n)}).packet.type == PacketType::InitCommandAck);
    ::close(host);
    CHECK(sim.stats().dropped >= 3);
}

TEST_CASE("PTP/IP simulator: unidentified connections are capped", "[camera][ptpip][connections]") {
    PtpIpSimulatorOptions o;
    o.max_pending = 4;
    o.pending_timeout_s = 60;
    PtpIpSimulator sim(o);
    sim.start();
    std::vector<int> fds;
    for (int i = 0; i < 20; ++i) {
        fds.push_back(connectTo(sim.port()));
    }
    int closed = 0;
    for (const int fd : fds) {
        closed += closedWithin(fd, 300) ? 1 : 0;
        ::close(fd);
    }
    CHECK(closed >= 16);  // all 20 held before
}

TEST_CASE("PTP/IP simulator: out of descriptors, the loop waits instead of spinning",
          "[camera][ptpip][connections]") {
    int ready[2];
    int result[2];
    REQUIRE(::pipe(ready) == 0);
    REQUIRE(::pipe(result) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        PtpIpSimulatorOptions o;
        o.max_pending = 1000;
        o.pending_timeout_s = 60;
        PtpIpSimulator sim(o);
        // A handful of descriptors left: accepting soon fails with EMFILE.
        const int probe = ::dup(0);
        rlimit lim{static_cast<rlim_t>(probe + 6), static_cast<rlim_t>(probe + 6)};
        ::close(probe);
        ::setrlimit(RLIMIT_NOFILE, &lim);
        sim.start();
        const std::uint16_t port = sim.port();
        (void)!::write(ready[1], &port, sizeof port);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // connections arrive
        const long before = sim.stats().poll_rounds;
        std::this_thread::sleep_for(std::chrono::seconds(1));
        const long rounds = sim.stats().poll_rounds - before;
        (void)!::write(result[1], &rounds, sizeof rounds);
        ::_exit(0);
    }
    std::uint16_t port = 0;
    REQUIRE(::read(ready[0], &port, sizeof port) == sizeof port);
    std::vector<int> fds;
    for (int i = 0; i < 10; ++i) {
        fds.push_back(connectTo(port));  // completed by the kernel's backlog (8) even unaccepted
    }
    long rounds = -1;
    REQUIRE(::read(result[0], &rounds, sizeof rounds) == sizeof rounds);
    ::waitpid(child, nullptr, 0);
    for (const int fd : fds) {
        ::close(fd);
    }
    for (const int fd : {ready[0], ready[1], result[0], result[1]}) {
        ::close(fd);
    }
    INFO("serving-loop rounds in 1 s: " << rounds);
    // Idle, the loop wakes every 50 ms; a spin on the readable listening socket runs it
    // hundreds of thousands of times a second.
    CHECK(rounds < 1000);
}

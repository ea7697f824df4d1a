// SPDX-License-Identifier: Apache-2.0
// CS-2000: a long reading cancelled from another thread with MEAS,0 (the protocol's own abort),
// against the simulator on a real pty; the instrument stays usable and nothing is half-read.
#include "drivers/cs2000/device.h"
#include "drivers/cs2000/simulator.h"
#include "drivers/transport/serial_port.h"

#include "tests/drivers/white_theatre.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace cm;
using namespace cm::drivers;

TEST_CASE("cs2000: a long reading is cancelled with MEAS,0 and the next reading works",
          "[cs2000][cancel]") {
    // At cinema black the CS-2000 announces its longest measurement (242 s). At 1/100 of real
    // time that is 2.4 s here; the cancel comes as soon as the measurement has started, so the
    // simulated instrument must not have spent those 242 s.
    auto t = test::whiteTheatre();
    t->show({"black", "none"});
    const double scale = 0.01;
    cs2000::Cs2000Simulator sim(
        t, {"CS-2000A", "2000001", 0, {scale, 3, virt::Fault::None, 1, nullptr}});
    sim.start();
    REQUIRE(cs2000::Cs2000Simulator::measurementTime_s(0.0) == 242);
    cs2000::Cs2000Device dev(std::make_unique<SerialPort>(sim.devicePath(), LineSettings{}), scale);
    dev.identify();
    std::atomic<bool> done{false};
    std::thread canceller([&] {
        // Ask until the driver accepts (it does once the instrument is in its real measurement).
        while (!done && !dev.requestCancel()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    bool cancelled = false;
    try {
        dev.measure();
    } catch (const MeasurementCancelled&) {
        cancelled = true;
    }
    done = true;
    canceller.join();
    CHECK(cancelled);
    CHECK(sim.cancelledMeasurements() == 1);
    CHECK(sim.simulatedSeconds() < 100.0);  // far less than the announced 242 s
    // The instrument is idle again: a bright reading goes through on the same connection.
    t->show({"white", "none"});
    const auto r = dev.measure();
    CHECK(r.xyz_cdm2.Y == Approx(48.0).epsilon(0.05));
    // A cancel while nothing is being measured is declined, and the next reading is not hurt.
    CHECK_FALSE(dev.requestCancel());
    CHECK(dev.measure().xyz_cdm2.Y == Approx(48.0).epsilon(0.05));
}

// SPDX-License-Identifier: Apache-2.0
// Driver benchmark: readings through the real driver, serial transport and pty simulator at
// time-scale 1, against a sleep of the same simulated instrument time (the floor). The ratio minus
// one is the software's overhead per reading relative to the instrument's own time.
#include "app/bench/bench.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "drivers/families.h"

#include <chrono>
#include <thread>

namespace cm::bench {
namespace {

struct Rig {
    std::shared_ptr<drivers::virt::VirtualTheatre> theatre;
    std::unique_ptr<drivers::virt::PtySimulator> sim;
    std::unique_ptr<drivers::SpotInstrument> device;
};

Rig& rig() {
    static Rig r = [] {
        Rig x;
        x.theatre = std::make_shared<drivers::virt::VirtualTheatre>(
            app::loadTheatreConfig(app::dataDir() / "virtual" / "projector-reference.json"));
        x.theatre->show({"white", "none"});
        x.theatre->aimAt({x.theatre->config().reference_seat, {0, 0}});
        drivers::virt::SimulatorCommon c;
        c.time_scale = 1.0;
        const drivers::Family* f = drivers::findFamily("pr6xx");
        x.sim = f->makeSimulator(x.theatre, c);
        x.sim->start();
        x.device = drivers::openInstrument(*f, x.sim->devicePath());
        x.device->identify();
        return x;
    }();
    return r;
}

// PR-670 at 48 cd/m²: exposure 600/48 = 12.5 ms, an equal dark exposure, 1 s overhead.
constexpr double kInstrumentTime_s = 2 * 0.0125 + 1.0;

const Registrar kReading({
    "drivers",
    "PR-670 reading via driver + pty simulator (time-scale 1)",
    "sleep of the simulated instrument time (1.025 s)",
    [](std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
            doNotOptimise(rig().device->measure().xyz_cdm2.Y);
        }
    },
    [](std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
            std::this_thread::sleep_for(std::chrono::duration<double>(kInstrumentTime_s));
        }
    },
    [](double s) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "overhead/reading=%.2f%%",
                      100.0 * (s - kInstrumentTime_s) / kInstrumentTime_s);
        return std::string(buf);
    },
});

}  // namespace
}  // namespace cm::bench

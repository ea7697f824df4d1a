// SPDX-License-Identifier: Apache-2.0
// The family table.
#include "drivers/families.h"

#include "drivers/argyll/device.h"
#include "drivers/cs2000/device.h"
#include "drivers/cs2000/simulator.h"
#include "drivers/k10a/device.h"
#include "drivers/k10a/simulator.h"
#include "drivers/pr6xx/device.h"
#include "drivers/pr6xx/simulator.h"
#include "drivers/specbos/device.h"
#include "drivers/specbos/simulator.h"

namespace cm::drivers {

namespace {
template <typename Device>
auto deviceMaker() {
    return [](std::unique_ptr<ByteTransport> t, double scale) -> std::unique_ptr<SpotInstrument> {
        return std::make_unique<Device>(std::move(t), scale);
    };
}
template <typename Sim, typename Options>
auto simulatorMaker() {
    return [](std::shared_ptr<const virt::VirtualTheatre> theatre,
              const virt::SimulatorCommon& common) -> std::unique_ptr<virt::PtySimulator> {
        Options o;
        o.common = common;
        return std::make_unique<Sim>(std::move(theatre), o);
    };
}
}  // namespace

const std::vector<Family>& families() {
    static const std::vector<Family> kFamilies = {
        {"pr6xx",
         "Photo Research SpectraScan PR-655, PR-670, PR-680",
         {9600, 8, 'N', 1, false},
         deviceMaker<pr6xx::Pr6xxDevice>(),
         simulatorMaker<pr6xx::Pr6xxSimulator, pr6xx::SimulatorOptions>(),
         nullptr},
        {"cs2000",
         "Konica Minolta CS-2000, CS-2000A",
         {9600, 8, 'N', 1, false},
         deviceMaker<cs2000::Cs2000Device>(),
         simulatorMaker<cs2000::Cs2000Simulator, cs2000::SimulatorOptions>(),
         nullptr},
        {"k10a",
         "Klein Instruments K10-A",
         {9600, 8, 'N', 1, false},
         deviceMaker<k10a::K10aDevice>(),
         simulatorMaker<k10a::K10aSimulator, k10a::SimulatorOptions>(),
         nullptr},
        {"specbos",
         "JETI specbos 1211, 1201",
         {115200, 8, 'N', 1, false},
         deviceMaker<specbos::SpecbosDevice>(),
         simulatorMaker<specbos::SpecbosSimulator, specbos::SimulatorOptions>(),
         nullptr},
        {"argyll",
         "Any meter ArgyllCMS supports, through its spotread program (port: spotread -c number "
         "or path)",
         {9600, 8, 'N', 1, false},  // unused: spotread opens the port itself
         nullptr,
         nullptr,
         [](const std::string& port, double) -> std::unique_ptr<SpotInstrument> {
             argyll::ArgyllOptions o;
             o.port = port;
             return std::make_unique<argyll::ArgyllDevice>(o);
         }},
    };
    return kFamilies;
}

const Family* findFamily(const std::string& id) {
    for (const auto& f : families()) {
        if (f.id == id) {
            return &f;
        }
    }
    return nullptr;
}

std::vector<std::string> familyIds() {
    std::vector<std::string> ids;
    for (const auto& f : families()) {
        ids.push_back(f.id);
    }
    return ids;
}

std::unique_ptr<SpotInstrument> openInstrument(const Family& family, const std::string& port,
                                               double timeout_scale) {
    if (family.openPort) {
        return family.openPort(port, timeout_scale);
    }
    return family.makeDevice(std::make_unique<SerialPort>(port, family.line), timeout_scale);
}

}  // namespace cm::drivers

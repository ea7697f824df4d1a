// SPDX-License-Identifier: Apache-2.0
// The instrument families cinemeasure drives: one table row per family (driver + simulator +
// line settings), so the CLI, the GUI and the tests never switch on family names.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "drivers/transport/byte_transport.h"
#include "drivers/transport/serial_port.h"
#include "drivers/virtual/pty_simulator.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cm::drivers {

struct Family {
    std::string id;           ///< command-line id: pr6xx, cs2000, k10a, specbos, argyll
    std::string description;  ///< models covered
    LineSettings line;        ///< what the driver opens the port with
    std::function<std::unique_ptr<SpotInstrument>(std::unique_ptr<ByteTransport>,
                                                  double timeout_scale)>
        makeDevice;
    std::function<std::unique_ptr<virt::PtySimulator>(std::shared_ptr<const virt::VirtualTheatre>,
                                                      const virt::SimulatorCommon&)>
        makeSimulator;  ///< empty for a family without a simulator of its own (argyll)
    /// For a family that does not speak bytes on the port itself (argyll runs a program): opens
    /// the instrument from the port name; when set, openInstrument uses it instead of makeDevice.
    std::function<std::unique_ptr<SpotInstrument>(const std::string& port, double timeout_scale)>
        openPort;
};

const std::vector<Family>& families();
/// nullptr when unknown.
const Family* findFamily(const std::string& id);
std::vector<std::string> familyIds();

/// Opens `port` with the family's line settings and returns the driver.
std::unique_ptr<SpotInstrument> openInstrument(const Family& family, const std::string& port,
                                               double timeout_scale = 1.0);

}  // namespace cm::drivers

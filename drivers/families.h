// SPDX-License-Identifier: Apache-2.0
// The instrument families cinemeasure drives. Each family folder registers itself (its
// family.cpp): driver, simulator, line settings, models, USB identity and help text. The CLI, the
// GUI and the tests read this registry and never switch on family names. See drivers/README.md.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "drivers/transport/byte_transport.h"
#include "drivers/transport/serial_port.h"
#include "drivers/usb_id.h"
#include "drivers/virtual/pty_simulator.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cm::drivers {

struct Family {
    std::string id;           ///< command-line id (lower case, no spaces): pr6xx, k10a, ...
    std::string description;  ///< maker and the models covered, from the family's model table
    /// The description in Chinese where it holds more than names (front ends join model names
    /// themselves otherwise).
    std::string description_zh;
    std::string link;        ///< how it connects (help text): "USB CDC-ACM /dev/ttyACM*, 9600 8N1"
    bool spectral = false;   ///< delivers a spectrum (spectroradiometer), not only XYZ
    LineSettings line;       ///< what the driver opens the port with
    std::vector<UsbId> usb;  ///< how `ports` recognises it; the udev rules are made from these
    std::function<std::unique_ptr<SpotInstrument>(std::unique_ptr<ByteTransport>,
                                                  double timeout_scale)>
        makeDevice;
    /// Empty for a family without a simulator.
    std::function<std::unique_ptr<virt::PtySimulator>(std::shared_ptr<const virt::VirtualTheatre>,
                                                      const virt::SimulatorCommon&)>
        makeSimulator;
    /// For a family that opens its own link (a subprocess, a socket) instead of a serial port with
    /// `line`: then openInstrument calls this and makeDevice may be empty.
    std::function<std::unique_ptr<SpotInstrument>(const std::string& port, double timeout_scale)>
        openPort;
};

/// Adds a family to the registry; throws std::logic_error for a duplicate or malformed id or
/// neither makeDevice nor openPort. Called from a family's registration object during static
/// initialisation.
void registerFamily(Family family);

/// A family's registration: `static const FamilyRegistration r{makeFamily()};` in its family.cpp.
/// The family folder is built as a CMake OBJECT library (cinemeasure_add_family) so the linker
/// keeps this object even though nothing refers to it by name.
struct FamilyRegistration {
    explicit FamilyRegistration(Family family) { registerFamily(std::move(family)); }
};

/// Every registered family, sorted by id.
const std::vector<Family>& families();
/// nullptr when unknown.
const Family* findFamily(const std::string& id);
std::vector<std::string> familyIds();
/// The families that have a simulator (`sim`, `certify --simulate`).
std::vector<std::string> simulatedFamilyIds();
/// The ids for help and error texts: "cs2000, k10a, pr6xx or specbos".
std::string familyList(const std::string& last_separator = " or ");
/// The same for simulatedFamilyIds().
std::string simulatedFamilyList(const std::string& last_separator = " or ");

/// One family a port's USB descriptors match, and how.
struct UsbMatch {
    const Family* family = nullptr;
    const UsbId* id = nullptr;
};
/// Families whose USB table matches `d`, specific rows first (a generic bridge only says
/// "could be"); each family once.
std::vector<UsbMatch> matchUsb(const UsbDescriptor& d);
/// The `ports` column: "pr6xx", "k10a or specbos? (generic FTDI bridge, try read)", "" ...
std::string likelyFamilies(const UsbDescriptor& d);

/// udev rules for every registered family (packaging/60-cinemeasure-meters.rules is this text).
std::string udevRulesForAllFamilies();

/// Opens `port` with the family's line settings and returns the driver.
std::unique_ptr<SpotInstrument> openInstrument(const Family& family, const std::string& port,
                                               double timeout_scale = 1.0);

/// Makers for a family's registration: a device class constructed from (transport, scale) and a
/// simulator class constructed from (theatre, options with a `common` member).
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

/// "A, B and C" from a model table's names (help text built from the table, not typed twice).
template <typename Table, typename Name>
std::string joinModelNames(const Table& table, Name name_of) {
    std::string out;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (i > 0) {
            out += i + 1 == table.size() ? " and " : ", ";
        }
        out += name_of(table[i]);
    }
    return out;
}

}  // namespace cm::drivers

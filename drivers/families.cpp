// SPDX-License-Identifier: Apache-2.0
// The family registry: filled by each family's registration object, read by everything else.
#include "drivers/families.h"

#include <algorithm>
#include <stdexcept>

namespace cm::drivers {

namespace {

/// Function-local so that it exists before the first registration, whatever the order in which
/// the family objects are initialised.
std::vector<Family>& registry() {
    static std::vector<Family> families;
    return families;
}

bool validId(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

}  // namespace

void registerFamily(Family family) {
    if (!validId(family.id)) {
        throw std::logic_error("instrument family id '" + family.id +
                               "' must be lower-case letters, digits, '-' or '_'");
    }
    if (!family.makeDevice && !family.openPort) {
        throw std::logic_error("instrument family '" + family.id + "' registers without a driver");
    }
    auto& all = registry();
    if (std::any_of(all.begin(), all.end(), [&](const Family& f) { return f.id == family.id; })) {
        throw std::logic_error("instrument family '" + family.id + "' is registered twice");
    }
    all.push_back(std::move(family));
    std::sort(all.begin(), all.end(), [](const Family& a, const Family& b) { return a.id < b.id; });
}

const std::vector<Family>& families() {
    return registry();
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

std::vector<std::string> simulatedFamilyIds() {
    std::vector<std::string> ids;
    for (const auto& f : families()) {
        if (f.makeSimulator) {
            ids.push_back(f.id);
        }
    }
    return ids;
}

namespace {

std::string joinIds(const std::vector<std::string>& ids, const std::string& last_separator) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) {
            out += i + 1 == ids.size() ? last_separator : ", ";
        }
        out += ids[i];
    }
    return out;
}

}  // namespace

std::string familyList(const std::string& last_separator) {
    return joinIds(familyIds(), last_separator);
}

std::string simulatedFamilyList(const std::string& last_separator) {
    return joinIds(simulatedFamilyIds(), last_separator);
}

std::vector<UsbMatch> matchUsb(const UsbDescriptor& d) {
    std::vector<UsbMatch> specific;
    std::vector<UsbMatch> bridges;
    for (const Family& f : families()) {
        const UsbId* best = nullptr;
        for (const UsbId& id : f.usb) {
            if (matches(id, d) &&
                (best == nullptr || (best->generic_bridge && !id.generic_bridge))) {
                best = &id;
            }
        }
        if (best != nullptr) {
            (best->generic_bridge ? bridges : specific).push_back({&f, best});
        }
    }
    specific.insert(specific.end(), bridges.begin(), bridges.end());
    return specific;
}

std::string likelyFamilies(const UsbDescriptor& d) {
    const auto found = matchUsb(d);
    std::string sure;
    std::string maybe;
    for (const UsbMatch& m : found) {
        std::string& into = m.id->generic_bridge ? maybe : sure;
        into += (into.empty() ? "" : " or ") + m.family->id;
    }
    if (!sure.empty()) {
        return sure;
    }
    if (!maybe.empty()) {
        return maybe + "? (generic USB-serial bridge: try read)";
    }
    return "";
}

std::string udevRulesForAllFamilies() {
    std::string out =
        "# udev rules for the spot meters cinemeasure drives: the tty node goes to group plugdev\n"
        "# (mode 0660) and to the user at the seat (uaccess). Made from the family tables by\n"
        "# `cinemeasure families --udev-rules`; a test keeps this file equal to that output.\n"
        "ACTION==\"remove\", GOTO=\"cinemeasure_meters_end\"\n"
        "SUBSYSTEM!=\"tty\", GOTO=\"cinemeasure_meters_end\"\n\n";
    for (const Family& f : families()) {
        out += udevRules(f.id, f.description, f.usb) + "\n";
    }
    out += "LABEL=\"cinemeasure_meters_end\"\n";
    return out;
}

std::unique_ptr<SpotInstrument> openInstrument(const Family& family, const std::string& port,
                                               double timeout_scale) {
    if (family.openPort) {
        return family.openPort(port, timeout_scale);
    }
    return family.makeDevice(std::make_unique<SerialPort>(port, family.line), timeout_scale);
}

}  // namespace cm::drivers

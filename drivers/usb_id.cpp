// SPDX-License-Identifier: Apache-2.0
// USB identity matching and udev rules from the family tables.
#include "drivers/usb_id.h"

#include <algorithm>
#include <cctype>

namespace cm::drivers {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return lower(haystack).find(lower(needle)) != std::string::npos;
}

}  // namespace

bool matches(const UsbId& id, const UsbDescriptor& d) {
    if (id.vid.empty() && id.pid.empty() && id.product.empty() && id.manufacturer.empty()) {
        return false;  // an empty row would claim every port
    }
    if (!id.vid.empty() && lower(id.vid) != lower(d.vid)) {
        return false;
    }
    if (!id.pid.empty() && lower(id.pid) != lower(d.pid)) {
        return false;
    }
    if (!id.product.empty() && !contains(d.product, id.product)) {
        return false;
    }
    return id.manufacturer.empty() || contains(d.manufacturer, id.manufacturer);
}

std::string udevRules(const std::string& family_id, const std::string& description,
                      const std::vector<UsbId>& ids) {
    std::string out = "# " + family_id + ": " + description + "\n";
    for (const UsbId& id : ids) {
        std::string match;
        if (!id.vid.empty()) {
            match += ", ATTRS{idVendor}==\"" + lower(id.vid) + "\"";
        }
        if (!id.pid.empty()) {
            match += ", ATTRS{idProduct}==\"" + lower(id.pid) + "\"";
        }
        if (!id.product.empty()) {
            match += ", ATTRS{product}==\"*" + id.product + "*\"";
        }
        if (!id.manufacturer.empty()) {
            match += ", ATTRS{manufacturer}==\"*" + id.manufacturer + "*\"";
        }
        const std::string status = id.confirmed ? "confirmed" : "UNCONFIRMED";
        out += "# " + status + ": " + id.source + "\n";
        const std::string rule =
            "SUBSYSTEM==\"tty\"" + match + ", GROUP=\"plugdev\", MODE=\"0660\", TAG+=\"uaccess\"\n";
        if (match.empty()) {
            continue;
        }
        if (id.generic_bridge && id.product.empty() && id.manufacturer.empty()) {
            // Would hand every device built on this bridge chip to plugdev: left to the admin.
            out +=
                "# generic USB-serial bridge, not granted (uncomment to grant every such "
                "device):\n#" +
                rule;
        } else {
            out += rule;
        }
    }
    return out;
}

}  // namespace cm::drivers

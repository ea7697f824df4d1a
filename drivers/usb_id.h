// SPDX-License-Identifier: Apache-2.0
// USB identity of an instrument as data: the VID:PID and descriptor strings a family is known by,
// how sure we are of each, matching a port's USB descriptors against them, and udev rules made
// from the same rows.
#pragma once

#include <string>
#include <vector>

namespace cm::drivers {

/// One way a family's instruments show up on USB. Every non-empty field must match.
struct UsbId {
    std::string vid;           ///< 4 lower-case hex digits; empty: any vendor
    std::string pid;           ///< 4 lower-case hex digits; empty: any product of the vendor
    std::string product;       ///< text the USB product string contains; empty: not checked
    std::string manufacturer;  ///< text the USB manufacturer string contains; empty: not checked
    bool confirmed = false;    ///< seen in a public source (`source`), not inferred
    /// A USB-serial bridge (FTDI) that other devices use too: matching it says "could be this
    /// family", never "is"; no udev rule is made from it.
    bool generic_bridge = false;
    std::string source;  ///< where the row comes from, or why it is not confirmed
};

/// What udev/sysfs reports for a USB serial port.
struct UsbDescriptor {
    std::string vid;  ///< as sysfs idVendor: 4 hex digits
    std::string pid;
    std::string manufacturer;
    std::string product;
    std::string serial;
};

/// True when every non-empty field of `id` matches `d` (hex digits and text case-insensitive).
bool matches(const UsbId& id, const UsbDescriptor& d);

/// udev rules for `family_id`'s rows: each specific row becomes one rule giving the tty node to
/// group plugdev (mode 0660, and the seat user through uaccess); generic bridges and rows without
/// any field are written as comments only. Unconfirmed rows say so in their comment.
std::string udevRules(const std::string& family_id, const std::string& description,
                      const std::vector<UsbId>& ids);

}  // namespace cm::drivers

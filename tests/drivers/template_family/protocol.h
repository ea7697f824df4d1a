// SPDX-License-Identifier: Apache-2.0
// Template family protocol (test only): "ID" and "MEAS" + CR; replies "OK,..." or "ERR,n" + CR LF.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <string>
#include <vector>

namespace cm::drivers::template_family {

inline constexpr const char* kCommandTerminator = "\r";
inline constexpr const char* kReplyTerminator = "\r\n";

/// The model table: what the family's help text and USB identity are built from.
struct ModelInfo {
    const char* name;
    const char* usb_product;  ///< USB product string of the model
};
const std::vector<ModelInfo>& models();

struct Identity {
    std::string model;
    std::string serial;
    std::string firmware;
};

/// "OK,<model>,<serial>,<firmware>" → identity; InstrumentError(Protocol) otherwise.
Identity parseIdentity(const std::string& line);
/// "OK,<X>,<Y>,<Z>" → XYZ; "ERR,<n>" → InstrumentError of errorKind(n); else Protocol.
colorimetry::XYZ parseMeasurement(const std::string& line);
/// 1 over range, 2 too dark, anything else a device error.
ErrorKind errorKind(int code);

std::string formatIdentity(const Identity& id);
std::string formatMeasurement(const colorimetry::XYZ& xyz);
std::string formatError(int code);

}  // namespace cm::drivers::template_family

// SPDX-License-Identifier: Apache-2.0
// Konica Minolta CS-2000 / CS-2000A communication protocol (technical note KMSE-TI-08002,
// "CS-2000 Communication Protocol", 2008): framing, replies, error codes, model table.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <string>
#include <vector>

namespace cm::drivers::cs2000 {

/// Commands and replies end in CR LF (the instrument accepts CR, LF or CR LF).
inline constexpr const char* kTerminator = "\r\n";

struct ModelInfo {
    const char* name;           ///< as IDDR reports it (9 characters, space padded)
    double min_luminance_cdm2;  ///< data sheet minimum at 1°
    double max_luminance_cdm2;
    double acceptance_angle_deg;
};
const std::vector<ModelInfo>& models();
const ModelInfo* findModel(const std::string& name);  ///< trailing spaces ignored

struct Reply {
    std::string code;  ///< "OK00", "ER10", ...
    std::vector<std::string> fields;
    bool ok() const { return code == "OK00"; }
};

/// "OK00[,f...]" or "ERnn"; anything else throws InstrumentError(Protocol).
Reply parseReply(const std::string& line);
ErrorKind errorKind(const std::string& code);
std::string errorText(const std::string& code);
/// Throws the mapped InstrumentError unless the reply is OK00.
void check(const Reply& reply, const std::string& command);

/// IDDR → name, variation, serial.
struct Identity {
    std::string name;
    std::string variation;
    std::string serial;
};
Identity parseIdentity(const Reply& reply);
/// MEAS,1's first reply: the measurement time in seconds ("OK00,ttt").
int parseMeasurementTime(const Reply& reply);
/// MEDR,2,0,01 → X, Y, Z.
colorimetry::XYZ parseXYZ(const Reply& reply);

std::string formatIdentity(const std::string& name, int variation, const std::string& serial);
std::string formatXYZ(const colorimetry::XYZ& xyz);

}  // namespace cm::drivers::cs2000

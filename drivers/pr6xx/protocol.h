// SPDX-License-Identifier: Apache-2.0
// Photo Research PR-655 / PR-670 / PR-680 remote-mode protocol: framing, replies, error codes,
// model table. Source: "PR-655/PR-670 User Manual", Remote Control Mode chapter (see README.md).
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <optional>
#include <string>
#include <vector>

namespace cm::drivers::pr6xx {

/// Remote mode is entered by the five characters P, H, O, T, O, each written on its own; the
/// instrument answers "REMOTE MODE".
inline constexpr const char* kRemoteModeKeyword = "PHOTO";
inline constexpr const char* kRemoteModeReply = "REMOTE MODE";
/// Commands end in CR; replies end in CR LF.
inline constexpr const char* kCommandTerminator = "\r";
inline constexpr const char* kReplyTerminator = "\r\n";

/// Per-model facts (a table, not if-chains in the driver).
struct ModelInfo {
    const char* model;
    double max_exposure_ms;       ///< adaptive exposure ceiling (655: 6 s; 670/680 extended: 30 s)
    double min_luminance_cdm2;    ///< below this the instrument reports -8 weak light
    double max_luminance_cdm2;    ///< above this -2 overload
    double acceptance_angle_deg;  ///< standard 1° aperture
};

const std::vector<ModelInfo>& models();
/// nullptr for an unknown model name.
const ModelInfo* findModel(const std::string& model);

/// A parsed reply: status code (0 = ok) and the comma-separated fields after it.
struct Reply {
    int status = 0;
    std::vector<std::string> fields;
};

/// Parses "qqqqq[,f1,f2,...]". Throws InstrumentError(Protocol) for anything else.
Reply parseReply(const std::string& line);

/// Error code → generic kind and the manual's text (measurement -1…-12, parsing -1000…-2000).
ErrorKind errorKind(int code);
std::string errorText(int code);

/// XYZ from a data-code-2 reply ("qqqqq,U,X,Y,Z"); throws InstrumentError for errors and bad
/// fields.
colorimetry::XYZ parseXYZ(const Reply& reply);

/// Formats a reply exactly as the instrument does: status as 5 digits ("00000", "-0008").
std::string formatStatus(int code);
std::string formatXYZReply(
    const colorimetry::XYZ& xyz);  ///< "00000,0,X,Y,Z" with d.ddde+ee numbers

}  // namespace cm::drivers::pr6xx

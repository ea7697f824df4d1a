// SPDX-License-Identifier: Apache-2.0
// JETI specbos 1211 / 1201 protocol: "*" commands + CR, text replies, ACK/NAK/BEL control bytes.
// Source: ArgyllCMS spectro/specbos.c as summarised in the project spec (§4).
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <string>
#include <vector>

namespace cm::drivers::specbos {

inline constexpr char kAck = '\x06';
inline constexpr char kNak = '\x15';
inline constexpr char kBel = '\x07';
inline constexpr char kEnq = '\x05';
inline constexpr const char* kTerminator = "\r";

struct ModelInfo {
    const char* idn;            ///< *idn? answer prefix
    const char* model;          ///< our display name
    double max_exposure_ms;     ///< auto-exposure ceiling used (*conf:maxtin), as Argyll sets it
    double min_luminance_cdm2;  ///< below this: error 121 underexposed
};
const std::vector<ModelInfo>& models();
const ModelInfo* findByIdn(const std::string& idn);

/// "*stat:err?" answer → error number ("Error Code: 121 ...").
int parseErrorCode(const std::string& line);
ErrorKind errorKind(int code);
std::string errorText(int code);

/// "*para:spnum?" → "spectrometer number: <n>".
std::string parseSerial(const std::string& line);
/// One "<label>: <value>" line of *fetch:XYZ.
double parseLabelled(const std::string& line, const std::string& label);

}  // namespace cm::drivers::specbos

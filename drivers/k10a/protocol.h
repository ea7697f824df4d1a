// SPDX-License-Identifier: Apache-2.0
// Klein Instruments K10-A protocol: two-letter commands + CR, fixed-length replies with a binary
// XYZ payload. Source: ArgyllCMS spectro/kleink10.c as summarised in the project spec (§3).
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <cstdint>
#include <string>

namespace cm::drivers::k10a {

inline constexpr const char* kCommandTerminator = "\r";

/// Reply lengths in bytes (fixed; replies have no terminator).
inline constexpr std::size_t kP0Length = 21;    ///< "P0" + model(7) + serial(9) + "<0>"
inline constexpr std::size_t kP2Length = 13;    ///< "P2" + firmware(8) + "<0>"
inline constexpr std::size_t kShortLength = 5;  ///< e.g. "J8<0>", "L0<0>"
inline constexpr std::size_t kN5Length = 15;    ///< "N5" + X(3) + Y(3) + Z(3) + range(1) + "<e>"

/// The K10's 3-byte float: 15-bit mantissa m = (b0 & 0x7F) << 8 | b1, sign b0 bit 7,
/// exponent b2 as signed int8; value = ±m · 2^(exp − 16).
double decodeValue(const std::uint8_t b[3]);
void encodeValue(double v, std::uint8_t out[3]);

/// Status character e in "<e>": '0' ok; others map to an error.
ErrorKind errorKind(char status);
std::string errorText(char status);

struct Identity {
    std::string model;
    std::string serial;
};
/// Each parser checks the echo, the length and the status; InstrumentError otherwise.
Identity parseP0(const std::string& reply);
std::string parseP2(const std::string& reply);
colorimetry::XYZ parseN5(const std::string& reply);

std::string formatP0(const std::string& model, const std::string& serial);
std::string formatP2(const std::string& firmware);
std::string formatN5(const colorimetry::XYZ& xyz, char status = '0');
std::string formatShort(const std::string& echo, char status = '0');

/// Readings averaged at a luminance, as Argyll does for the K10's low-light noise:
/// < 0.2 cd/m² 20, < 2 → 10, < 20 → 4, < 50 → 2, else 1.
int readingsToAverage(double luminance_cdm2);

}  // namespace cm::drivers::k10a

// SPDX-License-Identifier: Apache-2.0
// Klein Instruments K10-A protocol: two-letter commands + CR, fixed-length replies with a binary
// XYZ payload. Source: ArgyllCMS spectro/kleink10.c as summarised in the project spec (§3).
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cm::drivers::k10a {

inline constexpr const char* kCommandTerminator = "\r";

/// Reply lengths in bytes (fixed; replies have no terminator).
inline constexpr std::size_t kP0Length = 21;    ///< "P0" + model(7) + serial(9) + "<0>"
inline constexpr std::size_t kP2Length = 13;    ///< "P2" + firmware(8) + "<0>"
inline constexpr std::size_t kShortLength = 5;  ///< e.g. "J8<0>", "L0<0>"
inline constexpr std::size_t kN5Length = 15;    ///< "N5" + X(3) + Y(3) + Z(3) + range(1) + "<e>"
inline constexpr std::size_t kCalibrationSlots = 96;
inline constexpr std::size_t kCalibrationNameLength = 20;
inline constexpr std::size_t kD7Length = 1925;           ///< "D7" + 96 names x 20 + "<0>"
inline constexpr std::size_t kD1EchoLength = 2;          ///< "D1", then the host sends the index
inline constexpr std::size_t kD1MatrixLength = 131;      ///< 128-byte record + "<0>"
inline constexpr std::size_t kM6Length = 20;             ///< "M6" + 15 count bytes + "<e>"
inline constexpr std::size_t kB9Length = 43;             ///< "B9" + 19 x 16-bit counts + "<e>"
inline constexpr std::size_t kFlickerPacketLength = 96;  ///< 32 samples x 3 bytes (T2 stream)
inline constexpr double kFlickerSampleRate_Hz = 256.0;   ///< T2 stream rate (Argyll kleink10.c)

/// The K10's 3-byte float: 15-bit mantissa m = (b0 & 0x7F) << 8 | b1, sign b0 bit 7,
/// exponent b2 as signed int8; value = ±m · 2^(exp − 16).
double decodeValue(const std::uint8_t b[3]);
void encodeValue(double v, std::uint8_t out[3]);

/// Calibration-matrix entries use the same layout scaled by 2^(exp − 15) (Argyll KleinCal2double).
double decodeCalibrationValue(const std::uint8_t b[3]);
void encodeCalibrationValue(double v, std::uint8_t out[3]);

/// The two-letter command the K10 acts on for one CR-terminated input line. Argyll's port probe
/// sends ";D024\r\n" and documents that a K10 answers "D4" + its calibration list; we read that as
/// the K10 skipping bytes that cannot start a command and taking the command letter plus the last
/// character before CR (so "D024" acts as "D4"). Inferred, no vendor document. Empty when the line
/// holds no command letter.
std::string commandOf(const std::string& line);

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
/// D7 (or the probe's D4): echo + 96 names of 20 bytes + "<0>"; slots past `names` are 0xFF-filled
/// (empty), names are space padded.
std::string formatCalibrationList(const std::string& echo, const std::vector<std::string>& names);
/// Names of the non-empty slots of a D7 reply (trailing spaces removed), in slot order.
std::vector<std::string> parseCalibrationList(const std::string& reply);
/// Reply to the index byte after D1: name(20) at 0, format byte 'K' at 21 (Klein; 'C' = CalMan),
/// the row-major 3x3 matrix at offset 101 in the calibration layout, then "<0>".
std::string formatCalibrationMatrix(const std::string& name, const double matrix[3][3]);
void parseCalibrationMatrix(const std::string& reply, double matrix[3][3]);
/// One T2 packet: 32 triples; byte 0 of triple i carries byte i of an N5-like frame (`frame`,
/// zero-padded), bytes 1–2 a big-endian 16-bit sample (Argyll k10_read_flicker_samples).
std::string formatFlickerPacket(const std::string& frame, const std::uint16_t samples[32]);
/// M6: "M6" + 15 count bytes (black-cal thresholds TH1/TH2 at reply bytes 14/15) + "<e>".
std::string formatM6(std::uint8_t th1, std::uint8_t th2, char status = '0');
/// B9: "B9" + 19 big-endian 16-bit counts + "<e>".
std::string formatB9(const std::uint16_t counts[19], char status = '0');

/// The most N5 readings the driver averages into one reading when asked to (SpotInstrument::
/// setLowLight): Argyll's own low-light count is at most 20; four times that halves the noise
/// again, for about 32 s a reading (a project choice).
inline constexpr int kMaxAveragedReadings = 80;

/// Readings averaged at a luminance, as Argyll does for the K10's low-light noise:
/// < 0.2 cd/m² 20, < 2 → 10, < 20 → 4, < 50 → 2, else 1.
int readingsToAverage(double luminance_cdm2);

}  // namespace cm::drivers::k10a

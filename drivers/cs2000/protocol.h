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

/// Spectral data (MEDR,1,<fmt>,<block>): 380–780 nm at 1 nm in four blocks, 01 = 380–479,
/// 02 = 480–579, 03 = 580–679 (100 values each), 04 = 680–780 (101 values); W·sr⁻¹·m⁻²·nm⁻¹.
inline constexpr double kSpectrumStart_nm = 380.0;
inline constexpr double kSpectrumEnd_nm = 780.0;
inline constexpr double kSpectrumStep_nm = 1.0;
inline constexpr int kSpectralBlocks = 4;
/// Spectral bandwidth (FWHM) from the data sheet: 5 nm or less.
inline constexpr double kBandwidth_nm = 5.0;
/// The command that reads block 1..4 in alphanumeric format: "MEDR,1,0,01" …
std::string spectralBlockCommand(int block);
/// First wavelength and number of values of block 1..4.
double spectralBlockStart_nm(int block);
int spectralBlockSize(int block);
/// Values of block `block` from its reply; throws InstrumentError for errors, a wrong count or
/// a field that is not a number.
std::vector<double> parseSpectralBlock(const Reply& reply, int block);
/// The reply for block `block` of a 401-value spectrum (380–780 nm at 1 nm).
std::string formatSpectralBlock(const std::vector<double>& spectrum, int block);

std::string formatIdentity(const std::string& name, int variation, const std::string& serial);
std::string formatXYZ(const colorimetry::XYZ& xyz);

}  // namespace cm::drivers::cs2000

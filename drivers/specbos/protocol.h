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
    double min_luminance_cdm2;  ///< at that ceiling, one exposure: below it error 121 underexposed
    /// Averages (*conf:aver) the run asks for when a stimulus is too dark (a project choice).
    int low_light_averages;
};
/// Firmware limits (JETI command set as a public Python driver checks them before sending):
/// *conf:maxtin 1000..60000 ms, *conf:aver 1..10000.
inline constexpr double kMinCeiling_ms = 1000.0;
inline constexpr double kMaxCeiling_ms = 60000.0;
inline constexpr int kMaxAverages = 10000;
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

/// Spectral radiance (*fetch:sprad, with *conf:func 6 radiometric and ASCII format): two header
/// lines, then one value per line in W·sr⁻¹·m⁻²·nm⁻¹ from the start to the end wavelength, then
/// an empty line (ArgyllCMS specbos.c reads 2 + bands + 1 CR-terminated lines and skips the
/// first two). The header text is not documented; we send "sprad" and the unit.
inline constexpr int kSpradHeaderLines = 2;
/// "*para:wavbeg?" → "Predefined start wave: <nm>", "*para:wavend?" → "Predefined end wave: <nm>".
inline constexpr const char* kWavBegLabel = "Predefined start wave";
inline constexpr const char* kWavEndLabel = "Predefined end wave";
/// Optical bandwidth (FWHM) of the specbos 1211 from its data sheet, nm.
inline constexpr double kBandwidth_nm = 4.5;
/// One value line of *fetch:sprad; throws InstrumentError(Protocol) for anything but a number.
double parseSpectralValue(const std::string& line);
/// The whole *fetch:sprad reply (lines without their CR; the last one empty).
std::vector<std::string> formatSprad(const std::vector<double>& values);

}  // namespace cm::drivers::specbos

// SPDX-License-Identifier: Apache-2.0
// Photo Research PR-655 / PR-670 / PR-680 remote-mode protocol: framing, replies, error codes,
// model table. Source: "PR-655/PR-670 User Manual", Remote Control Mode chapter (see README.md).
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <optional>
#include <string>
#include <utility>
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
    double min_luminance_cdm2;    ///< at max_exposure_ms, one cycle: below it -8 weak light
    double max_luminance_cdm2;    ///< above this -2 overload
    double acceptance_angle_deg;  ///< standard 1° aperture
    /// Spectral grid as D120 reports it and the optical bandwidth (FWHM) from the data sheet.
    double spectrum_start_nm;
    double spectrum_end_nm;
    double spectrum_step_nm;
    double bandwidth_nm;
    /// Low light (manual, setup commands): the adaptive ceiling at standard sensitivity (SH0,
    /// the default); whether SH1 (extended sensitivity, up to max_exposure_ms) exists; the cycles
    /// the run averages (SN<n>, the instrument takes 1..99) when a stimulus is too dark.
    double standard_exposure_ms;
    bool extended_sensitivity;
    int low_light_cycles;
    /// Shortest fixed exposure SE accepts (manual: PR-655 3 ms, PR-670 6 ms; -1010 below).
    double min_exposure_ms;
};

/// SN accepts 1..99 cycles to average (manual, setup commands; -1012 otherwise).
inline constexpr int kMaxCycles = 99;

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

/// The spectral grid from a D120 (hardware configuration) reply
/// "00000,<points>,<?>,<start nm>,<end nm>,<step nm>,…" (manual example for the PR-670:
/// "00000,201,0.00,380,780,2,256,7,247"). Throws InstrumentError for errors, missing fields or a
/// point count that does not match start/end/step.
struct WavelengthGrid {
    double start_nm = 380.0;
    double end_nm = 780.0;
    double step_nm = 2.0;
    int points = 201;
};
WavelengthGrid parseHardwareConfig(const Reply& reply);
std::string formatHardwareConfig(const WavelengthGrid& grid);

/// First line of a data-code-5 (spectral) reply: "qqqqq,U,peak nm,integrated radiometric,
/// integrated photon". Throws InstrumentError for an error status or bad fields.
struct SpectralHeader {
    double peak_nm = 0.0;
    double radiance_W_sr_m2 = 0.0;  ///< Σ L(λ) Δλ
    double photon_radiance = 0.0;   ///< photons · s⁻¹ · sr⁻¹ · m⁻²
};
SpectralHeader parseSpectralHeader(const Reply& reply);
/// One data line "wl,value" (nm, W·sr⁻¹·m⁻²·nm⁻¹). Throws InstrumentError(Protocol) otherwise.
std::pair<double, double> parseSpectralLine(const std::string& line);
/// The whole data-code-5 reply for samples `values` on `grid` (lines without terminators).
std::vector<std::string> formatSpectralReply(const WavelengthGrid& grid,
                                             const std::vector<double>& values);

/// Formats a reply exactly as the instrument does: status as 5 digits ("00000", "-0008").
std::string formatStatus(int code);
std::string formatXYZReply(
    const colorimetry::XYZ& xyz);  ///< "00000,0,X,Y,Z" with d.ddde+ee numbers

}  // namespace cm::drivers::pr6xx

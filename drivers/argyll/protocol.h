// SPDX-License-Identifier: Apache-2.0
// ArgyllCMS spotread as an instrument protocol: the command lines we run and pure parsers of what
// spotread prints (its usage text with the port list, a reading, a spectrum, a failure). Formats
// read from ArgyllCMS spectro/spotread.c (2.3.1 / 3.2.0) and checked against Debian's spotread.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <optional>
#include <string>
#include <vector>

namespace cm::drivers::argyll {

/// One row of the "-c listno" list in `spotread -?`: "    2 = '/dev/ttyUSB0' (Klein K-10)".
struct PortEntry {
    int number = 0;          ///< what "-c" takes
    std::string path;        ///< device path, or a USB description for USB instruments
    std::string instrument;  ///< instrument Argyll identified there; empty when not probed
};

/// The port list in spotread's usage text (empty when it lists none).
std::vector<PortEntry> parsePortList(const std::string& usage);
/// "2.3.1" from "Measure spot values, Version 2.3.1"; empty when absent.
std::string parseVersion(const std::string& usage);
/// The entry whose number (decimal string) or path equals `port`; nullptr when none.
const PortEntry* findPort(const std::vector<PortEntry>& ports, const std::string& port);

/// What one spotread run measured.
struct SpotreadReading {
    colorimetry::XYZ xyz_cdm2;  ///< "Result is XYZ: X Y Z" (emissive mode: absolute, cd/m²)
    /// "Spectrum from A to B nm in N steps" + N values; converted from Argyll's
    /// mW/(sr m² nm) to W/(sr m² nm). Empty when spotread printed none.
    double spectrum_start_nm = 0.0;
    double spectrum_step_nm = 0.0;
    std::vector<double> spectral_radiance;
};

/// Parses a run's output; throws InstrumentError (classified with classifyFailure) when the
/// output holds no result line.
SpotreadReading parseReading(const std::string& output);

/// The driver error class for a failed run, from spotread's messages ("Spot read failed due to
/// misread (…)", "Got fatal error '…' (…)", "Instrument initialisation failed …", "No
/// instrument at port …"); the message carries the instrument's own words.
InstrumentError classifyFailure(const std::string& output);

/// Arguments for one emissive reading on list entry `port_number`: -e (emissive, absolute),
/// -x (XYZ + Yxy), -O (one reading, then exit), -s (print spectrum) when asked, -c port.
std::vector<std::string> readingArguments(int port_number, bool spectrum);
/// The same for an interactive session (no -O): spotread takes a reading per key press.
std::vector<std::string> sessionArguments(int port_number, bool spectrum);

/// spotread's prompt for the next reading ("… any other key to take a reading: "), printed once
/// the instrument is set up and after every reading (spotread.c).
inline constexpr const char* kReadPrompt = "any other key to take a reading";
/// spotread's prompt after a communication failure or a user abort ("Hit Esc or Q to give up,
/// any other key to retry: ").
inline constexpr const char* kRetryPrompt = "to give up, any other key to retry";
/// The key that takes a reading: not a letter (letters are FWA references and commands: r, s, f,
/// F, h, k, t), not Esc or Q.
inline constexpr const char* kReadKey = " ";

}  // namespace cm::drivers::argyll

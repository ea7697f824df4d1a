// SPDX-License-Identifier: Apache-2.0
// Loads the CIE tables shipped in calibration/cie (observers, illuminants, daylight basis,
// Robertson lines) once per process.
#pragma once

#include "libmeasure/colorimetry/cct.h"
#include "libmeasure/colorimetry/daylight.h"
#include "libmeasure/colorimetry/observer.h"

#include <filesystem>
#include <string>

namespace cm::app {

struct CieData {
    colorimetry::Observer cie1931_2;
    colorimetry::Observer cie1964_10;
    std::vector<colorimetry::RobertsonLine> robertson;
    colorimetry::DaylightBasis daylight;
    /// "1931_2" or "1964_10"; throws std::invalid_argument otherwise.
    const colorimetry::Observer& observer(const std::string& id) const;
};

/// Loads from `dir` (default: dataDir()/cie). Errors name file and line.
CieData loadCieData(const std::filesystem::path& dir);
/// The process-wide copy from dataDir()/cie, loaded on first use.
const CieData& cieData();
/// A CIE illuminant's relative SPD by name ("A", "C", "D65", "F1", "F2", "F7", "F11").
colorimetry::Spectrum loadIlluminant(const std::string& name);

/// Reads a spectrum file: .sp (CGATS, ArgyllCMS) or CSV by extension.
colorimetry::Spectrum loadSpectrumFile(const std::filesystem::path& file);

}  // namespace cm::app

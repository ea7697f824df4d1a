// SPDX-License-Identifier: Apache-2.0
// Loads the CIE tables shipped in calibration/cie (observers, illuminants, daylight basis,
// Robertson lines) once per process.
#pragma once

#include "libmeasure/colorimetry/cct.h"
#include "libmeasure/colorimetry/daylight.h"
#include "libmeasure/colorimetry/observer.h"

#include <filesystem>
#include <memory>
#include <string>

namespace cm::app {

struct CieData {
    colorimetry::Observer cie1931_2;
    colorimetry::Observer cie1964_10;
    /// CIE 170-2:2015 cone-fundamental-based XYZ functions (CVRL lin2012xyz2e/10e, 390–830 nm).
    colorimetry::Observer cie2015_2;
    colorimetry::Observer cie2015_10;
    std::vector<colorimetry::RobertsonLine> robertson;
    colorimetry::DaylightBasis daylight;
    /// "1931_2", "1964_10", "2015_2" or "2015_10"; throws std::invalid_argument otherwise.
    const colorimetry::Observer& observer(const std::string& id) const;
};

/// The observer ids observer() knows, in that order.
std::vector<std::string> observerIds();

/// Loads from `dir` (default: dataDir()/cie). Errors name file and line.
CieData loadCieData(const std::filesystem::path& dir);
/// The process-wide copy from dataDir()/cie, loaded on first use.
const CieData& cieData();
/// The process-wide observer `id` ("1931_2", "1964_10") as a shared pointer (it lives as long as
/// the process), for code that keeps one, such as the instrument simulators.
std::shared_ptr<const colorimetry::Observer> cieObserverPtr(const std::string& id);
/// A CIE illuminant's relative SPD by name ("A", "C", "D65", "F1", "F2", "F7", "F11").
colorimetry::Spectrum loadIlluminant(const std::string& name);

/// Reads a spectrum file: .sp (CGATS, ArgyllCMS) or CSV by extension.
colorimetry::Spectrum loadSpectrumFile(const std::filesystem::path& file);

}  // namespace cm::app

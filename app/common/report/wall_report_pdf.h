// SPDX-License-Identifier: Apache-2.0
// The LED wall certification as a PDF (cairo): verdict against the limits with their sources, the
// wall as a module map (out-of-limit modules, defects and seams marked), the lists behind it.
#pragma once

#include "app/common/imaging/wall_analysis.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cm::app {

struct WallReportInfo {
    std::string wall;         ///< name of the wall or theatre
    std::string camera;       ///< camera model and port
    std::string calibration;  ///< camera calibration file
    std::string date;         ///< ISO 8601 UTC
    /// One line per capture ("IMG_0001.DNG white 0.125 s ISO 100 f/2.8 level 0.62 accepted").
    std::vector<std::string> captures;
};

/// Writes the PDF through a temporary file; throws std::runtime_error on failure.
void writeWallReportPdf(const WallAnalysis& analysis, const WallLimits& limits,
                        const WallReportInfo& info, const std::filesystem::path& file);

}  // namespace cm::app

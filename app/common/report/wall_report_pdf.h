// The LED wall report as a PDF: the luminance map, module uniformity against its limit, seams and
// pixel defects, from the image analysis (analysis.json written by `analyze` / `wall`).
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>

namespace cm::app {

/// `analysis`: the cinemeasure-image-analysis document; `map_png`: its false-colour luminance map
/// (drawn if readable). Writes through a temporary file; throws std::runtime_error on failure.
void writeWallReportPdf(const nlohmann::json& analysis, const std::filesystem::path& map_png,
                        const std::filesystem::path& file);

}  // namespace cm::app

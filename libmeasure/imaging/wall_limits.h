// SPDX-License-Identifier: Apache-2.0
// Limits of an LED wall certification as a value type: one entry per figure, each with the rule,
// its numbers, the clause it comes from and whether that source is a draft (provisional). Read
// from calibration/led-walls/*.json by app/common/imaging; never written into code.
#pragma once

#include "libmeasure/imaging/pixel_defects.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace cm::imaging {

struct WallLimits {
    std::string id, title, file;

    /// Draft (provisional) limits are informative unless the user asks for them to decide
    /// (`--provisional binding`, as `certify`); a set may forbid that (binding_allowed: false).
    bool binding_allowed = true;
    bool provisional_binding = false;  ///< run-time choice, not read from the file

    enum class LuminanceRule { RatioToWallMean, AdjacentModules };
    LuminanceRule luminance_rule = LuminanceRule::RatioToWallMean;
    double min_ratio = 0.0, max_ratio = 0.0;  ///< module mean / wall mean (RatioToWallMean)
    /// |L_a − L_b| / mean(L_a, L_b) of adjacent modules, % (AdjacentModules); the low-level
    /// limit applies when the pair's mean is at or below low_level_below_cdm2.
    double max_step_pct = 0.0, low_level_max_step_pct = 0.0, low_level_below_cdm2 = 0.0;
    std::string luminance_source;
    bool luminance_provisional = true;

    enum class ChromaticityRule { DxyToWall, DuvAdjacent };
    ChromaticityRule chromaticity_rule = ChromaticityRule::DxyToWall;
    double max_abs_dxy = 0.0;  ///< CIE 1931 x and y, module vs wall (DxyToWall)
    /// CIE 1976 Δu'v' of adjacent modules (DuvAdjacent); low-level limit at or below the level.
    double max_duv = 0.0, low_level_max_duv = 0.0, duv_low_level_below_cdm2 = 0.0;
    std::string chromaticity_source;
    bool chromaticity_provisional = true;

    /// Seam lines: the LED line each side of a module border against its own module's interior.
    double seam_threshold_pct = 3.0;
    bool seam_is_limit = false;  ///< false: seam lines are listed for information only
    std::string seam_source;
    bool seam_provisional = true;

    /// Dead LEDs: emitter below dead_below_ratio × its module's median.
    double dead_below_ratio = 0.5;
    std::optional<int> max_dead;  ///< nullopt: counted for information only
    std::string dead_source;
    bool dead_provisional = true;

    /// Stuck LEDs: above stuck_above_ratio × the module median and by stuck_min_excess_cdm2.
    double stuck_above_ratio = 2.0, stuck_min_excess_cdm2 = 1.0;
    std::optional<int> max_stuck;
    std::string stuck_source;
    bool stuck_provisional = true;

    /// Adjacent-pixel rule: each LED against the median of its (up to 8) neighbours.
    double adjacent_max_pct = 4.0;
    bool adjacent_is_limit = false;
    std::string adjacent_source;
    bool adjacent_provisional = true;

    DefectOptions defectOptions() const {
        return {dead_below_ratio, stuck_above_ratio, stuck_min_excess_cdm2};
    }
};
/// The limits as analysis.json states them: each rule with its source and provisional flag.
void to_json(nlohmann::ordered_json& j, const WallLimits& l);

}  // namespace cm::imaging

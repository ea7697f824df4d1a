// SPDX-License-Identifier: Apache-2.0
// The one LED wall analysis: per-LED area and emitter values in, every figure out (module
// luminance and chromaticity, seam lines, dead, stuck, the adjacent-pixel rule, saturation), each
// with its value, U (k = 2), limit, source and verdict; the wall verdict uses every figure and
// names those that failed. Used by `analyze`, `wall` and anything else that judges a wall.
#pragma once

#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/imaging/led_layout.h"
#include "libmeasure/imaging/module_uniformity.h"
#include "libmeasure/imaging/pixel_defects.h"
#include "libmeasure/imaging/seams.h"
#include "libmeasure/imaging/wall_limits.h"

#include <nlohmann/json_fwd.hpp>

#include <opencv2/core.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cm::imaging {

/// Per-LED measurements of one frame (one value per LED, layout.gridSize()).
struct WallCells {
    cv::Mat area_xyz;   ///< CV_32FC3 XYZ cd/m², area average of each cell; empty (monochrome)
    cv::Mat area_Y;     ///< CV_32FC1 luminance cd/m², area average of each cell
    cv::Mat emitter_Y;  ///< CV_32FC1 luminance of each LED's emitter window (may be empty
                        ///< when evaluateWall is given a defect frame's)
    cv::Mat area_px;    ///< CV_32FC1 cell area in camera pixels (the averaging weights)
    int saturated_cells = 0;
};

struct ModuleVerdict {
    RegionStats stats;  ///< area-weighted mean luminance and xy (NaN xy when monochrome)
    GridIndex cabinet;
    double u_ratio_k2 = 0.0;      ///< U of ratio_to_wall from the cells' spread
    double worst_step_pct = 0.0;  ///< largest luminance step to a neighbour
    double worst_duv = 0.0;       ///< largest Δu'v' to a neighbour
    int defects = 0;
    bool luminance_pass = true;     ///< within the luminance limit (deciding or not)
    bool chromaticity_pass = true;  ///< within the chromaticity limit (deciding or not)
    bool pass = true;               ///< both: within every module limit
    /// The module's mark as the verdict reads it: "pass" or "fail" when the limits decide, "info"
    /// when a draft (provisional) limit is only informative (not --provisional binding) and no
    /// deciding limit failed. Per rule likewise ("not measured" for chromaticity from a
    /// monochrome camera).
    std::string verdict = "pass", luminance_verdict = "pass", chromaticity_verdict = "pass";
};

/// The worse of the two LED lines at one border segment.
struct SeamLine {
    SeamOrientation orientation = SeamOrientation::Vertical;
    int border = 0;          ///< module border index (as in seams.h)
    int segment = 0;         ///< module row (vertical border) or column (horizontal)
    int line_px = 0;         ///< LED column (vertical) or row (horizontal) of the worse line
    double depth_pct = 0.0;  ///< line / own-module interior − 1: < 0 dark, > 0 bright
    double u_k2_pct = 0.0;
    bool beyond = false;  ///< |depth| ≥ threshold
};

struct AdjacentFinding {
    int x_px = 0, y_px = 0;
    GridIndex module;
    double deviation_pct = 0.0;  ///< LED / median of its neighbours − 1
};

/// A figure's limit as a rule and its numbers, not words: each front end words it (the CLI, PDF
/// and JSON in app/common/present/wall_text.h, the GUI in its language).
struct WallFigureLimit {
    enum class Rule {
        None,             ///< no limit (the wall mean)
        RatioToWallMean,  ///< module mean within min … max % of the wall mean
        AdjacentStep,  ///< adjacent modules ≤ max % (≤ low_level_max % at or below the level)
        DxyToWall,     ///< module vs wall |Δx|, |Δy| ≤ max (CIE 1931)
        DuvAdjacent,  ///< adjacent modules Δu'v' ≤ max (≤ low_level_max at or below the level)
        SeamDepth,    ///< |depth| < max %
        DeadBelow,    ///< count ≤ max_count (none: information); dead below ratio × median
        StuckAbove,   ///< count ≤ max_count (none: information); stuck above ratio × median
        AdjacentPixel,  ///< each LED within ±max % of its neighbours' median
        NoSaturation,   ///< no saturated cell (0)
    };
    Rule rule = Rule::None;
    double min = 0.0, max = 0.0;  ///< % (RatioToWallMean, steps, seams), xy or u'v' as the rule
    double low_level_max = 0.0, low_level_below_cdm2 = 0.0;
    double ratio = 0.0;                           ///< DeadBelow, StuckAbove: × the module median
    std::optional<int> max_count = std::nullopt;  ///< DeadBelow, StuckAbove
};

/// What a figure adds to its value, as a kind and its numbers (worded by each front end).
struct WallFigureNote {
    enum class Kind {
        None,
        ModulesOutside,  ///< `count` of `of` modules outside the limit
        Monochrome,      ///< not measured: a monochrome camera gives luminance only
        SeamsBeyond,     ///< `count` of `of` border segments beyond ±threshold_pct; worst line
        LedsBeyond,      ///< `count` LEDs beyond the limit
        RetakeShorter,   ///< retake with a shorter exposure
    };
    Kind kind = Kind::None;
    int count = 0, of = 0;
    double threshold_pct = 0.0;  ///< SeamsBeyond
    bool has_worst = false;      ///< SeamsBeyond: the worst line below is known
    SeamOrientation worst_orientation = SeamOrientation::Vertical;
    int worst_line_px = 0;    ///< LED column (vertical) or row (horizontal)
    bool worst_dark = false;  ///< the worst line is dark (else bright)
};

/// Where a figure's limit comes from: the limits data (its text in WallFigure::source), or one of
/// the method's own facts (worded by each front end).
enum class WallFigureSource {
    Limits,               ///< the wall limits file's source text for this rule
    AreaAverage,          ///< the wall mean: area average of all modules
    MeasurementValidity,  ///< saturation: a clipped cell has no known luminance
};

struct WallFigure {
    /// "module_luminance", "seams", "dead_pixels", …; its name for people follows from the
    /// limit's rule (app/common/present/wall_text.h words it, the GUI in its language).
    std::string id;
    double value = 0.0;
    double u_k2 = 0.0;  ///< expanded uncertainty, k = 2, same unit; 0 for counts
    std::string unit;
    WallFigureLimit limit;  ///< the rule and its numbers (also when it does not decide)
    bool has_limit = false;
    bool measured = true;  ///< false: the frame cannot give it (e.g. chromaticity, monochrome)
    bool pass = true;
    WallFigureSource source_kind = WallFigureSource::Limits;
    std::string source;  ///< Limits: the text from the limits data; empty otherwise
    bool provisional = true;
    WallFigureNote note;
    /// has_limit and the limit decides the verdict: confirmed, or provisional with
    /// WallLimits::provisional_binding. A provisional limit otherwise is informative: its value,
    /// limit and pass/fail are reported but do not decide.
    bool deciding = false;
};

// JSON as in analysis.json (ordered: the file keeps the order written here).
void to_json(nlohmann::ordered_json& j, const ModuleVerdict& m);
/// `line_px` is written as x_px (vertical seam) or y_px (horizontal).
void to_json(nlohmann::ordered_json& j, const SeamLine& s);
void to_json(nlohmann::ordered_json& j, const AdjacentFinding& d);
// A WallFigure's JSON words its limit and note: app/common/present/wall_text.h.

struct WallEvaluation {
    double wall_mean_cdm2 = 0.0;
    double wall_mean_u_k2_cdm2 = 0.0;
    colorimetry::ChromaticityXY wall_xy;
    /// U (k = 2) of wall_xy, Euclidean in CIE 1931 xy, from the calibration (NaN: monochrome).
    double wall_xy_u_k2 = 0.0;
    std::vector<ModuleVerdict> modules;  ///< row-major
    int modules_failing = 0;
    std::vector<SeamLine> seam_lines;  ///< one per interior border segment
    std::vector<PixelDefect> defects;  ///< dead and stuck, row-major
    int dead = 0, stuck = 0;
    std::vector<AdjacentFinding> adjacent;  ///< LEDs beyond the adjacent-pixel limit
    double worst_adjacent_pct = 0.0;
    int saturated_cells = 0;
    std::vector<WallFigure> figures;
    std::vector<std::string> failed;  ///< ids of the deciding figures that failed
    /// Ids of informative (draft, not binding) figures whose limit is not met.
    std::vector<std::string> informative_failed;
    /// A limit other than the validity check (saturation) decided: false when every figure with
    /// a limit is informative, and then the verdict is "not judged", never "pass".
    bool judged = false;
    bool provisional_binding = false;  ///< draft limits decided (the user asked for it)
    std::string verdict;               ///< "pass", "fail" or "not judged"
    bool pass = false;                 ///< verdict == "pass"
};

/// `uniformity` from a full-field frame (white or grey); `defect_emitter_Y`, when given, the
/// emitter luminance of a frame taken for dead/stuck LEDs (else the uniformity frame's).
/// `luminance_u_rel_k2`: relative expanded uncertainty of the camera's luminance scale (from its
/// calibration) for the absolute wall mean; ratios and steps do not depend on it.
/// `chromaticity_u_xy`: standard uncertainty of one measured chromaticity, Euclidean in xy
/// (chromaticityUncertaintyXY of the calibration). The wall's xy gets U = 2·u; a difference of
/// two chromaticities (module vs wall, adjacent modules) U = 2·√2·u, their calibration errors
/// taken as independent (an upper bound: a common matrix error cancels in a difference); in
/// u'v' the same through the Jacobian of (u', v') over (x, y) at the wall's xy, for an error of
/// equal spread in any direction: u_u'v' = u·‖J‖_F/√2. Throws std::invalid_argument when the
/// grids do not match the layout.
WallEvaluation evaluateWall(const WallCells& uniformity, const cv::Mat* defect_emitter_Y,
                            const LedWallLayout& layout, const WallLimits& limits,
                            double luminance_u_rel_k2, double chromaticity_u_xy = 0.0);

/// The figure with this id in `e` (its `failed` and `informative_failed` hold ids), or null.
const WallFigure* findFigure(const WallEvaluation& e, const std::string& id);

/// Seam lines per border segment on an area luminance grid (CV_32FC1): each of the two LED lines
/// at the border against the `reference_px` interior lines behind it in its own module (so a
/// module-to-module step, a separate figure, does not read as a seam); the worse line is kept.
std::vector<SeamLine> measureSeamLines(const cv::Mat& luminance, const LedWallLayout& layout,
                                       double threshold_pct, int reference_px = 3);

/// The adjacent-pixel rule (DCI direct view §6.6.1.2 reads ±4 % between adjacent pixels): every
/// LED against the median of its up to 8 neighbours in the same module (at least 3: a module
/// corner has exactly 3); LEDs beyond ±max_pct are returned, the worst |deviation| in
/// `worst_pct`, the robust spread of the deviations (σ, %, from a regular subsample of at most
/// ~2.6 × 10⁵ LEDs) in `sigma_pct`.
std::vector<AdjacentFinding> adjacentPixelRule(const cv::Mat& emitter_Y,
                                               const LedWallLayout& layout, double max_pct,
                                               double& worst_pct, double& sigma_pct);

}  // namespace cm::imaging

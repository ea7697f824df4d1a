// SPDX-License-Identifier: Apache-2.0
// JSON of the LED wall value types, in the order analysis.json lists their members.
#include "libmeasure/imaging/led_layout.h"
#include "libmeasure/imaging/pixel_defects.h"
#include "libmeasure/imaging/wall_evaluation.h"
#include "libmeasure/imaging/wall_limits.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace cm::imaging {

namespace {

using Json = nlohmann::ordered_json;

/// NaN and infinities (not measured) are null.
Json num(double v) {
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

}  // namespace

void to_json(Json& j, const ModuleVerdict& m) {
    j = {{"col", m.stats.index.col},
         {"row", m.stats.index.row},
         {"cabinet_col", m.cabinet.col},
         {"cabinet_row", m.cabinet.row},
         {"mean_cdm2", num(m.stats.mean_cdm2)},
         {"x", num(m.stats.xy.x)},
         {"y", num(m.stats.xy.y)},
         {"ratio_to_wall", num(m.stats.ratio_to_wall)},
         {"ratio_U_k2", num(m.u_ratio_k2)},
         {"worst_step_pct", num(m.worst_step_pct)},
         {"worst_duv", num(m.worst_duv)},
         {"pixels", m.stats.pixels_used},
         {"defects", m.defects},
         {"luminance_verdict", m.luminance_verdict},
         {"chromaticity_verdict", m.chromaticity_verdict},
         {"verdict", m.verdict}};
}

void to_json(Json& j, const SeamLine& s) {
    const bool v = s.orientation == SeamOrientation::Vertical;
    j = {{"orientation", v ? "vertical" : "horizontal"},
         {"border", s.border},
         {"segment", s.segment},
         {v ? "x_px" : "y_px", s.line_px},
         {"depth_pct", num(s.depth_pct)},
         {"U_k2_pct", num(s.u_k2_pct)},
         {"kind", s.depth_pct > 0 ? "bright" : "dark"}};
}

void to_json(Json& j, const PixelDefect& d) {
    j = {{"x_px", d.x_px},
         {"y_px", d.y_px},
         {"module_col", d.module.col},
         {"module_row", d.module.row},
         {"x_in_module", d.x_in_module},
         {"y_in_module", d.y_in_module},
         {"kind", d.kind == DefectKind::Dead ? "dead" : "stuck"},
         {"ratio", num(d.ratio)},
         {"luminance_cdm2", num(d.luminance_cdm2)}};
}

void to_json(Json& j, const AdjacentFinding& d) {
    j = {{"x_px", d.x_px},
         {"y_px", d.y_px},
         {"module_col", d.module.col},
         {"module_row", d.module.row},
         {"deviation_pct", num(d.deviation_pct)}};
}

void to_json(Json& j, const WallLimits& l) {
    j = Json::object();
    j["id"] = l.id;
    j["title"] = l.title;
    j["file"] = l.file;
    j["binding_allowed"] = l.binding_allowed;
    if (l.luminance_rule == WallLimits::LuminanceRule::RatioToWallMean) {
        j["module_luminance"] = {
            {"rule", "ratio-to-wall-mean"}, {"min_ratio", l.min_ratio}, {"max_ratio", l.max_ratio}};
    } else {
        j["module_luminance"] = {{"rule", "adjacent-modules"},
                                 {"max_step_pct", l.max_step_pct},
                                 {"low_level_max_step_pct", l.low_level_max_step_pct},
                                 {"low_level_below_cdm2", l.low_level_below_cdm2}};
    }
    j["module_luminance"]["source"] = l.luminance_source;
    j["module_luminance"]["provisional"] = l.luminance_provisional;
    if (l.chromaticity_rule == WallLimits::ChromaticityRule::DxyToWall) {
        j["module_chromaticity"] = {{"rule", "dxy-to-wall"}, {"max_abs_dxy", l.max_abs_dxy}};
    } else {
        j["module_chromaticity"] = {{"rule", "duv-adjacent-modules"},
                                    {"max_duv", l.max_duv},
                                    {"low_level_max_duv", l.low_level_max_duv},
                                    {"low_level_below_cdm2", l.duv_low_level_below_cdm2}};
    }
    j["module_chromaticity"]["source"] = l.chromaticity_source;
    j["module_chromaticity"]["provisional"] = l.chromaticity_provisional;
    j["seams"] = {{"threshold_pct", l.seam_threshold_pct},
                  {"limit", l.seam_is_limit},
                  {"source", l.seam_source},
                  {"provisional", l.seam_provisional}};
    auto count = [](const std::optional<int>& v) { return v ? Json(*v) : Json(nullptr); };
    j["dead_pixels"] = {{"below_ratio", l.dead_below_ratio},
                        {"max_count", count(l.max_dead)},
                        {"source", l.dead_source},
                        {"provisional", l.dead_provisional}};
    j["stuck_pixels"] = {{"above_ratio", l.stuck_above_ratio},
                         {"max_count", count(l.max_stuck)},
                         {"source", l.stuck_source},
                         {"provisional", l.stuck_provisional}};
    j["adjacent_pixels"] = {{"max_pct", l.adjacent_max_pct},
                            {"limit", l.adjacent_is_limit},
                            {"source", l.adjacent_source},
                            {"provisional", l.adjacent_provisional}};
}

void to_json(Json& j, const LedWallLayout& l) {
    j = {{"modules_across", l.modules_across},
         {"modules_down", l.modules_down},
         {"module_px", {l.module_w_px, l.module_h_px}},
         {"cabinet_modules", {l.cabinet_w_modules, l.cabinet_h_modules}},
         {"pixel_pitch_mm", l.pixel_pitch_mm}};
}

}  // namespace cm::imaging

// LED wall analysis: limits file, one pass from raw to per-module verdicts, result files.
#include "app/common/imaging/wall_analysis.h"

#include "app/common/data_paths.h"
#include "app/common/imaging/image_files.h"
#include "libmeasure/imaging/area_integration.h"
#include "libmeasure/imaging/lattice_registration.h"
#include "libmeasure/imaging/rectify.h"
#include "libmeasure/util/json_view.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace cm::app {

namespace {

std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        throw util::DataError(file.string(), "$", "cannot be read");
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

nlohmann::json num(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

/// CIE 1976 UCS u', v' of CIE 1931 x, y (CIE 015:2018 eq. 8.2).
std::pair<double, double> uvOf(colorimetry::ChromaticityXY xy) {
    const double d = -2.0 * xy.x + 12.0 * xy.y + 3.0;
    return {4.0 * xy.x / d, 9.0 * xy.y / d};
}

}  // namespace

WallLimits loadWallLimits(const std::filesystem::path& file) {
    const std::string src = file.string();
    const nlohmann::json doc = util::parseJson(readText(file), src);
    const util::JsonView root(doc, src);
    root.allowOnly({"schema", "version", "id", "title", "module_luminance", "module_chromaticity",
                    "seams", "pixel_defects"});
    if (root.string("schema") != "cinemeasure-led-wall-limits") {
        root.at("schema").fail("expected \"cinemeasure-led-wall-limits\"");
    }
    if (root.at("version").integer(1, 1) != 1) {
        root.at("version").fail("expected 1");
    }
    WallLimits l;
    l.file = src;
    l.id = root.string("id");
    l.title = root.string("title");

    const util::JsonView lum = root.at("module_luminance");
    lum.allowOnly({"rule", "min_ratio", "max_ratio", "max_step_pct", "low_level_max_step_pct",
                   "low_level_below_cdm2", "source", "provisional", "note"});
    if (lum.at("rule").oneOf({"ratio-to-wall-mean", "adjacent-modules"}) == "ratio-to-wall-mean") {
        l.luminance_rule = WallLimits::LuminanceRule::RatioToWallMean;
        l.min_ratio = lum.at("min_ratio").number(0.0, 1.0);
        l.max_ratio = lum.at("max_ratio").number(1.0, 10.0);
    } else {
        l.luminance_rule = WallLimits::LuminanceRule::AdjacentModules;
        l.max_step_pct = lum.at("max_step_pct").number(0.0, 100.0);
        l.low_level_max_step_pct = lum.at("low_level_max_step_pct").number(0.0, 100.0);
        l.low_level_below_cdm2 = lum.at("low_level_below_cdm2").number(0.0, 1e6);
    }
    l.luminance_source = lum.string("source");
    l.luminance_provisional = lum.at("provisional").boolean();

    const util::JsonView chr = root.at("module_chromaticity");
    chr.allowOnly({"rule", "max_abs_dxy", "max_duv", "low_level_max_duv", "low_level_below_cdm2",
                   "source", "provisional"});
    if (chr.at("rule").oneOf({"dxy-to-wall", "duv-adjacent-modules"}) == "dxy-to-wall") {
        l.chromaticity_rule = WallLimits::ChromaticityRule::DxyToWall;
        l.max_abs_dxy = chr.at("max_abs_dxy").number(0.0, 1.0);
    } else {
        l.chromaticity_rule = WallLimits::ChromaticityRule::DuvAdjacent;
        l.max_duv = chr.at("max_duv").number(0.0, 1.0);
        l.low_level_max_duv = chr.at("low_level_max_duv").number(0.0, 1.0);
        l.duv_low_level_below_cdm2 = chr.at("low_level_below_cdm2").number(0.0, 1e6);
    }
    l.chromaticity_source = chr.string("source");
    l.chromaticity_provisional = chr.at("provisional").boolean();

    const util::JsonView seams = root.at("seams");
    seams.allowOnly({"threshold_pct", "limit", "source", "provisional"});
    l.seam_threshold_pct = seams.at("threshold_pct").number(0.1, 100.0);
    l.seam_is_limit = seams.at("limit").boolean();
    l.seam_source = seams.string("source");
    l.seam_provisional = seams.at("provisional").boolean();

    const util::JsonView def = root.at("pixel_defects");
    def.allowOnly({"max_count", "dead_below_ratio", "stuck_above_ratio", "stuck_min_excess_cdm2",
                   "source", "provisional"});
    if (!def.at("max_count").raw().is_null()) {
        l.max_pixel_defects = static_cast<int>(def.at("max_count").integer(0, 1000000));
    }
    l.defect_options.dead_below_ratio = def.at("dead_below_ratio").number(0.0, 1.0);
    l.defect_options.stuck_above_ratio = def.at("stuck_above_ratio").number(1.0, 1e6);
    l.defect_options.stuck_min_excess_cdm2 = def.at("stuck_min_excess_cdm2").number(0.0, 1e6);
    l.defect_source = def.string("source");
    l.defect_provisional = def.at("provisional").boolean();
    return l;
}

std::filesystem::path wallLimitsFile(const std::string& id_or_path) {
    const std::filesystem::path p(id_or_path);
    if (p.has_extension() || p.has_parent_path()) {
        return p;
    }
    return dataDir() / "led-walls" / (id_or_path + ".json");
}

namespace {

/// Per-LED XYZ (cd/m²) of one frame at the reference sensitivity of the calibration: the area
/// average of each LED cell (what a spot meter reads) and of its emitter window (for defects).
struct WallCells {
    cv::Mat area_xyz;     ///< CV_32FC3
    cv::Mat emitter_xyz;  ///< CV_32FC3
    cv::Mat area_px;      ///< CV_32FC1
    int saturated = 0;
};

WallCells wallCells(const WallFrame& f, const imaging::CameraCalibration& cal,
                    const imaging::ScreenQuad& quad, cv::Size grid) {
    imaging::Linearisation lin = imaging::Linearisation::forFrame(f.frame);
    // DN/s at these settings = sensitivity × DN/s at the reference: fold it into the exposure.
    lin.exposure_s = f.frame.exposure_s * f.relative_sensitivity;
    lin.vignetting = cal.vignetting;
    // The given or found corners only start the registration: edges and LED lattice refine them.
    const imaging::WallRegistration reg = imaging::registerWall(f.frame, quad, grid);
    imaging::CellSignals c = imaging::integrateCells(f.frame, lin, reg.mapping);
    imaging::applyMatrix(c.mean, cal.rgb_to_xyz);
    imaging::applyMatrix(c.emitter, cal.rgb_to_xyz);
    return {c.mean, c.emitter, c.area_px, c.saturated_cells};
}

imaging::ScreenQuad findQuad(const imaging::RawFrame& f, const std::string& file) {
    cv::Mat green;
    cv::extractChannel(f.rgb, green, 1);
    try {
        return imaging::findScreenQuad(green);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(file + ": " + e.what());
    }
}

}  // namespace

WallAnalysis analyzeWall(const WallFrame& uni, const WallFrame* defectFrame,
                         const imaging::CameraCalibration& cal,
                         const imaging::LedWallLayout& layout, const WallLimits& limits,
                         const imaging::ScreenQuad* corners) {
    layout.validate();
    WallAnalysis a;
    a.layout = layout;
    const cv::Size grid = layout.gridSize();
    a.corners = corners ? *corners : findQuad(uni.frame, uni.file);
    const WallCells cells = wallCells(uni, cal, a.corners, grid);
    imaging::luminanceMap(cells.area_xyz, a.luminance);
    a.saturated_cells = cells.saturated;

    // Defects from each LED's emitter window: on the defect frame (a mid-level pattern shows both
    // dead and stuck pixels) when there is one.
    const cv::Mat emitterY = imaging::luminanceMap(cells.emitter_xyz);
    if (defectFrame != nullptr) {
        // The camera has not moved, but the corners are found again: cheap, and a knock between
        // the two captures then costs nothing.
        const imaging::ScreenQuad q =
            corners ? *corners : findQuad(defectFrame->frame, defectFrame->file);
        const WallCells d = wallCells(*defectFrame, cal, q, grid);
        a.defects = imaging::detectPixelDefects(imaging::luminanceMap(d.emitter_xyz), layout,
                                                limits.defect_options);
    } else {
        a.defects = imaging::detectPixelDefects(emitterY, layout, limits.defect_options);
    }
    // Module figures are area averages over everything the module emits, defects included: what
    // a spot meter whose field covers the module reads.
    const imaging::UniformityResult u =
        imaging::moduleUniformity(cells.area_xyz, layout, {0.0, 1e9, 1.0, 1.0});
    a.wall_mean_cdm2 = u.wall_mean_cdm2;
    a.wall_xy = u.wall_xy;

    const int W = layout.modules_across, H = layout.modules_down;
    a.modules.resize(u.modules.size());
    for (std::size_t i = 0; i < u.modules.size(); ++i) {
        a.modules[i].stats = u.modules[i];
        a.modules[i].cabinet = layout.cabinetOfModule(u.modules[i].index);
    }
    auto at = [&](int c, int r) -> ModuleVerdict& {
        return a.modules[static_cast<std::size_t>(r * W + c)];
    };
    for (const auto& d : a.defects) {
        ++at(d.module.col, d.module.row).defects;
    }
    // Pairs of adjacent modules (right and down neighbours), each pair once.
    auto pair = [&](ModuleVerdict& m, ModuleVerdict& n) {
        const double la = m.stats.mean_cdm2, lb = n.stats.mean_cdm2;
        const double mean = 0.5 * (la + lb);
        const double step = 100.0 * std::abs(la - lb) / mean;
        const double stepLimit = mean <= limits.low_level_below_cdm2 ? limits.low_level_max_step_pct
                                                                     : limits.max_step_pct;
        const auto [ua, va] = uvOf(m.stats.xy);
        const auto [ub, vb] = uvOf(n.stats.xy);
        const double duv = std::hypot(ua - ub, va - vb);
        const double duvLimit =
            mean <= limits.duv_low_level_below_cdm2 ? limits.low_level_max_duv : limits.max_duv;
        for (ModuleVerdict* v : {&m, &n}) {
            v->worst_step_pct = std::max(v->worst_step_pct, std::isfinite(step) ? step : 1e9);
            v->worst_duv = std::max(v->worst_duv, std::isfinite(duv) ? duv : 1e9);
            if (limits.luminance_rule == WallLimits::LuminanceRule::AdjacentModules &&
                !(step <= stepLimit)) {
                v->luminance_pass = false;
            }
            if (limits.chromaticity_rule == WallLimits::ChromaticityRule::DuvAdjacent &&
                !(duv <= duvLimit)) {
                v->chromaticity_pass = false;
            }
        }
    };
    for (int r = 0; r < H; ++r) {
        for (int c = 0; c < W; ++c) {
            if (c + 1 < W) {
                pair(at(c, r), at(c + 1, r));
            }
            if (r + 1 < H) {
                pair(at(c, r), at(c, r + 1));
            }
        }
    }
    for (ModuleVerdict& m : a.modules) {
        if (limits.luminance_rule == WallLimits::LuminanceRule::RatioToWallMean) {
            m.luminance_pass = m.stats.ratio_to_wall >= limits.min_ratio &&
                               m.stats.ratio_to_wall <= limits.max_ratio;
        }
        if (limits.chromaticity_rule == WallLimits::ChromaticityRule::DxyToWall) {
            m.chromaticity_pass = std::abs(m.stats.dx) <= limits.max_abs_dxy &&
                                  std::abs(m.stats.dy) <= limits.max_abs_dxy;
        }
        m.pass = m.luminance_pass && m.chromaticity_pass;
        a.modules_failing += m.pass ? 0 : 1;
    }
    for (const auto& s :
         imaging::measureSeams(a.luminance, layout, {limits.seam_threshold_pct, 1, 3})) {
        if (s.detected) {
            a.seams.push_back(s);
        }
    }
    a.seams_pass = !limits.seam_is_limit || a.seams.empty();
    a.defects_pass = !limits.max_pixel_defects ||
                     static_cast<int>(a.defects.size()) <= *limits.max_pixel_defects;
    a.pass = a.modules_failing == 0 && a.seams_pass && a.defects_pass && a.saturated_cells == 0;
    return a;
}

nlohmann::ordered_json wallAnalysisJson(const WallAnalysis& a, const WallLimits& l) {
    nlohmann::ordered_json j;
    j["verdict"] = a.pass ? "pass" : "fail";
    nlohmann::ordered_json lim;
    lim["id"] = l.id;
    lim["title"] = l.title;
    lim["file"] = l.file;
    if (l.luminance_rule == WallLimits::LuminanceRule::RatioToWallMean) {
        lim["module_luminance"] = {
            {"rule", "ratio-to-wall-mean"}, {"min_ratio", l.min_ratio}, {"max_ratio", l.max_ratio}};
    } else {
        lim["module_luminance"] = {{"rule", "adjacent-modules"},
                                   {"max_step_pct", l.max_step_pct},
                                   {"low_level_max_step_pct", l.low_level_max_step_pct},
                                   {"low_level_below_cdm2", l.low_level_below_cdm2}};
    }
    lim["module_luminance"]["source"] = l.luminance_source;
    lim["module_luminance"]["provisional"] = l.luminance_provisional;
    if (l.chromaticity_rule == WallLimits::ChromaticityRule::DxyToWall) {
        lim["module_chromaticity"] = {{"rule", "dxy-to-wall"}, {"max_abs_dxy", l.max_abs_dxy}};
    } else {
        lim["module_chromaticity"] = {{"rule", "duv-adjacent-modules"},
                                      {"max_duv", l.max_duv},
                                      {"low_level_max_duv", l.low_level_max_duv},
                                      {"low_level_below_cdm2", l.duv_low_level_below_cdm2}};
    }
    lim["module_chromaticity"]["source"] = l.chromaticity_source;
    lim["module_chromaticity"]["provisional"] = l.chromaticity_provisional;
    lim["seams"] = {{"threshold_pct", l.seam_threshold_pct},
                    {"limit", l.seam_is_limit},
                    {"source", l.seam_source},
                    {"provisional", l.seam_provisional}};
    lim["pixel_defects"] = {
        {"max_count", l.max_pixel_defects ? nlohmann::json(*l.max_pixel_defects) : nullptr},
        {"source", l.defect_source},
        {"provisional", l.defect_provisional}};
    j["limits"] = lim;
    j["corners_px"] = nlohmann::json::array();
    for (const auto& c : a.corners) {
        j["corners_px"].push_back({c.x, c.y});
    }
    j["layout"] = {{"modules_across", a.layout.modules_across},
                   {"modules_down", a.layout.modules_down},
                   {"module_px", {a.layout.module_w_px, a.layout.module_h_px}},
                   {"cabinet_modules", {a.layout.cabinet_w_modules, a.layout.cabinet_h_modules}},
                   {"pixel_pitch_mm", a.layout.pixel_pitch_mm}};
    j["wall"] = {{"mean_cdm2", num(a.wall_mean_cdm2)},
                 {"x", num(a.wall_xy.x)},
                 {"y", num(a.wall_xy.y)},
                 {"modules", a.modules.size()},
                 {"modules_failing", a.modules_failing},
                 {"seams_detected", a.seams.size()},
                 {"seams_pass", a.seams_pass},
                 {"pixel_defects", a.defects.size()},
                 {"pixel_defects_pass", a.defects_pass},
                 {"saturated_cells", a.saturated_cells}};
    j["modules"] = nlohmann::json::array();
    for (const auto& m : a.modules) {
        j["modules"].push_back({{"col", m.stats.index.col},
                                {"row", m.stats.index.row},
                                {"cabinet_col", m.cabinet.col},
                                {"cabinet_row", m.cabinet.row},
                                {"mean_cdm2", num(m.stats.mean_cdm2)},
                                {"x", num(m.stats.xy.x)},
                                {"y", num(m.stats.xy.y)},
                                {"ratio_to_wall", num(m.stats.ratio_to_wall)},
                                {"worst_step_pct", num(m.worst_step_pct)},
                                {"worst_duv", num(m.worst_duv)},
                                {"pixels", m.stats.pixels_used},
                                {"defects", m.defects},
                                {"verdict", m.pass ? "pass" : "fail"}});
    }
    j["seams"] = nlohmann::json::array();
    for (const auto& s : a.seams) {
        j["seams"].push_back(
            {{"orientation",
              s.orientation == imaging::SeamOrientation::Vertical ? "vertical" : "horizontal"},
             {"border", s.border},
             {"segment", s.segment},
             {"contrast_pct", num(s.contrast_pct)},
             {"kind", s.contrast_pct > 0 ? "bright" : "dark"}});
    }
    j["defects"] = nlohmann::json::array();
    for (const auto& d : a.defects) {
        j["defects"].push_back({{"x_px", d.x_px},
                                {"y_px", d.y_px},
                                {"module_col", d.module.col},
                                {"module_row", d.module.row},
                                {"x_in_module", d.x_in_module},
                                {"y_in_module", d.y_in_module},
                                {"kind", d.kind == imaging::DefectKind::Dead ? "dead" : "stuck"},
                                {"ratio", num(d.ratio)},
                                {"luminance_cdm2", num(d.luminance_cdm2)}});
    }
    return j;
}

void writeWallResults(const std::filesystem::path& dir, const WallAnalysis& a,
                      const WallLimits& limits, const nlohmann::ordered_json& meta) {
    ensureWritableDirectory(dir);
    std::ostringstream csv;
    csv << "module_col,module_row,cabinet_col,cabinet_row,mean_cdm2,x,y,ratio_to_wall,"
           "worst_step_pct,worst_duv,pixels,defects,verdict\n";
    for (const auto& m : a.modules) {
        char line[256];
        std::snprintf(line, sizeof line, "%d,%d,%d,%d,%.6g,%.5f,%.5f,%.5f,%.3f,%.5f,%d,%d,%s\n",
                      m.stats.index.col, m.stats.index.row, m.cabinet.col, m.cabinet.row,
                      m.stats.mean_cdm2, m.stats.xy.x, m.stats.xy.y, m.stats.ratio_to_wall,
                      m.worst_step_pct, m.worst_duv, m.stats.pixels_used, m.defects,
                      m.pass ? "pass" : "fail");
        csv << line;
    }
    writeFileAtomically(dir / "modules.csv", csv.str());

    // Luminance map: 16 bit with its scale; +∞ (saturated) as 65535, NaN as 0.
    double maxY = 0.0;
    for (int y = 0; y < a.luminance.rows; ++y) {
        const float* p = a.luminance.ptr<float>(y);
        for (int x = 0; x < a.luminance.cols; ++x) {
            if (std::isfinite(p[x])) {
                maxY = std::max(maxY, double(p[x]));
            }
        }
    }
    const double scale = maxY > 0 ? maxY / 65000.0 : 1.0;  // cd/m² per DN
    cv::Mat y16(a.luminance.size(), CV_16UC1);
    for (int y = 0; y < a.luminance.rows; ++y) {
        const float* p = a.luminance.ptr<float>(y);
        auto* o = y16.ptr<std::uint16_t>(y);
        for (int x = 0; x < a.luminance.cols; ++x) {
            const float v = p[x];
            o[x] = static_cast<std::uint16_t>(std::isinf(v) ? 65535
                                              : std::isfinite(v)
                                                  ? std::clamp(std::lround(v / scale), 0L, 65000L)
                                                  : 0);
        }
    }
    imaging_io::writeTiff16(
        dir / "luminance.tif", y16,
        nlohmann::json({{"cdm2_per_dn", scale}, {"quantity", "luminance"}}).dump());
    // False colour over ±15 % of the wall mean, where module differences show.
    const double lo = 0.85 * a.wall_mean_cdm2, hi = 1.15 * a.wall_mean_cdm2;
    imaging_io::writeFalseColourPng(dir / "luminance.png", a.luminance, lo, hi > lo ? hi : lo + 1);

    nlohmann::ordered_json j;
    j["schema"] = "cinemeasure-led-wall-analysis";
    j["version"] = 1;
    for (auto it = meta.begin(); it != meta.end(); ++it) {
        j[it.key()] = it.value();
    }
    j["luminance_map"] = {{"tiff", "luminance.tif"},
                          {"png", "luminance.png"},
                          {"cdm2_per_dn", scale},
                          {"saturated_dn", 65535},
                          {"png_range_cdm2", {lo, hi}}};
    const nlohmann::ordered_json analysis = wallAnalysisJson(a, limits);
    for (auto it = analysis.begin(); it != analysis.end(); ++it) {
        j[it.key()] = it.value();
    }
    writeFileAtomically(dir / "analysis.json", j.dump(2) + "\n");
}

}  // namespace cm::app

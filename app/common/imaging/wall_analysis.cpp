// SPDX-License-Identifier: Apache-2.0
// LED wall analysis: limits file, one pass from raw to per-module verdicts, result files.
#include "app/common/imaging/wall_analysis.h"

#include "app/common/data_paths.h"
#include "app/common/imaging/image_files.h"
#include "app/common/present/wall_text.h"
#include "libmeasure/imaging/area_integration.h"
#include "libmeasure/imaging/huge_pages.h"
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
#include <stdexcept>

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

}  // namespace

void setWallProvisionalPolicy(WallLimits& limits, const std::string& policy) {
    if (policy != "informative" && policy != "binding") {
        throw std::invalid_argument("--provisional: expected informative or binding, not '" +
                                    policy + "'");
    }
    if (policy == "binding" && !limits.binding_allowed) {
        throw std::invalid_argument(limits.id +
                                    ": these draft limits are informative only (binding_allowed: "
                                    "false); --provisional binding is refused");
    }
    limits.provisional_binding = policy == "binding";
}

WallLimits loadWallLimits(const std::filesystem::path& file) {
    const std::string src = file.string();
    const nlohmann::json doc = util::parseJson(readText(file), src);
    const util::JsonView root(doc, src);
    root.allowOnly({"schema", "version", "id", "title", "module_luminance", "module_chromaticity",
                    "seams", "dead_pixels", "stuck_pixels", "adjacent_pixels", "binding_allowed"});
    if (root.string("schema") != "cinemeasure-led-wall-limits") {
        root.at("schema").fail("expected \"cinemeasure-led-wall-limits\"");
    }
    // Version 2: dead, stuck and adjacent-pixel rules are separate entries (version 1 had one
    // "pixel_defects" entry that mixed them).
    if (root.at("version").integer(2, 2) != 2) {
        root.at("version").fail("expected 2");
    }
    WallLimits l;
    l.file = src;
    l.id = root.string("id");
    l.title = root.string("title");
    l.binding_allowed = root.booleanOr("binding_allowed", true);

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

    auto maxCount = [](const util::JsonView& v) -> std::optional<int> {
        if (v.at("max_count").raw().is_null()) {
            return std::nullopt;
        }
        return static_cast<int>(v.at("max_count").integer(0, 1000000000));
    };
    const util::JsonView dead = root.at("dead_pixels");
    dead.allowOnly({"below_ratio", "max_count", "source", "provisional"});
    l.dead_below_ratio = dead.at("below_ratio").number(0.0, 0.999);
    l.max_dead = maxCount(dead);
    l.dead_source = dead.string("source");
    l.dead_provisional = dead.at("provisional").boolean();

    const util::JsonView stuck = root.at("stuck_pixels");
    stuck.allowOnly({"above_ratio", "min_excess_cdm2", "max_count", "source", "provisional"});
    l.stuck_above_ratio = stuck.at("above_ratio").number(1.001, 1e6);
    l.stuck_min_excess_cdm2 = stuck.at("min_excess_cdm2").number(0.0, 1e6);
    l.max_stuck = maxCount(stuck);
    l.stuck_source = stuck.string("source");
    l.stuck_provisional = stuck.at("provisional").boolean();

    const util::JsonView adj = root.at("adjacent_pixels");
    adj.allowOnly({"max_pct", "limit", "source", "provisional"});
    l.adjacent_max_pct = adj.at("max_pct").number(0.1, 100.0);
    l.adjacent_is_limit = adj.at("limit").boolean();
    l.adjacent_source = adj.string("source");
    l.adjacent_provisional = adj.at("provisional").boolean();
    return l;
}

std::filesystem::path wallLimitsFile(const std::string& id_or_path) {
    const std::filesystem::path p(id_or_path);
    if (p.has_extension() || p.has_parent_path()) {
        return p;
    }
    return dataDir() / "led-walls" / (id_or_path + ".json");
}

WallFrameCells wallFrameCells(const WallFrame& f, const imaging::CameraCalibration& cal,
                              const imaging::ScreenQuad& quad, cv::Size grid,
                              imaging::CellParts parts) {
    const bool mono = f.frame.rgb.channels() == 1;
    if (mono && !(cal.cdm2_per_dn_s > 0.0)) {
        throw std::invalid_argument(f.file +
                                    ": a monochrome image needs a camera calibration with "
                                    "a luminance scale (cdm2_per_dn_s)");
    }
    imaging::Linearisation lin = imaging::Linearisation::forFrame(f.frame);
    // DN/s at these settings = sensitivity × DN/s at the reference: fold it into the exposure.
    lin.exposure_s = f.frame.exposure_s * f.relative_sensitivity;
    lin.vignetting = cal.vignetting;
    if (!cal.flat_gain.empty()) {
        if (cal.flat_gain.size() != f.frame.rgb.size()) {
            throw std::invalid_argument(
                f.file + ": the calibration's flat field is " + std::to_string(cal.flat_gain.cols) +
                " × " + std::to_string(cal.flat_gain.rows) + " px, the image is not");
        }
        lin.flat_gain = cal.flat_gain;
    }
    WallFrameCells out;
    // The given or found corners only start the registration: edges and LED lattice refine them.
    out.registration = imaging::registerWall(f.frame, quad, grid, cal.lens);
    // Defects need only the emitters' luminance: Y = the matrix's second row · RGB, mixed while
    // integrating (a monochrome frame's one channel is its luminance already).
    const cv::Vec3d yRow(cal.rgb_to_xyz[1][0], cal.rgb_to_xyz[1][1], cal.rgb_to_xyz[1][2]);
    imaging::CellSignals c = imaging::integrateCells(f.frame, lin, out.registration.mapping, 0.6,
                                                     parts, mono ? nullptr : &yRow);
    imaging::WallCells& w = out.cells;
    if (mono) {
        if (!c.mean.empty()) {
            w.area_Y = c.mean * cal.cdm2_per_dn_s;
        }
        if (!c.emitter.empty()) {
            w.emitter_Y = c.emitter * cal.cdm2_per_dn_s;
        }
    } else {
        if (!c.mean.empty()) {
            imaging::applyMatrix(c.mean, cal.rgb_to_xyz);
            w.area_xyz = c.mean;
            imaging::luminanceMap(c.mean, w.area_Y);
        }
        w.emitter_Y = c.emitter;
    }
    w.area_px = c.area_px;
    w.saturated_cells = c.saturated_cells;
    return out;
}

namespace {

imaging::ScreenQuad findQuad(const imaging::RawFrame& f, const std::string& file) {
    cv::Mat signal;
    imaging::createLarge(signal, f.rgb.size(), CV_16UC1);  // extractChannel keeps this buffer
    cv::extractChannel(f.rgb, signal, f.rgb.channels() == 3 ? 1 : 0);
    try {
        return imaging::findScreenQuad(signal);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(file + ": " + e.what());
    }
}

/// Relative expanded uncertainty of the calibration's luminance scale: stated, or else twice the
/// rms of the matrix fit's luminance residuals (a lower bound: the meter's own U is not in it).
double luminanceURel(const imaging::CameraCalibration& cal) {
    return cal.luminance_u_rel_k2 > 0 ? cal.luminance_u_rel_k2 : 0.02 * cal.rms_delta_Y_pct;
}

}  // namespace

WallAnalysis analyzeWall(const WallFrame& uni, const WallFrame* defectFrame,
                         const imaging::CameraCalibration& cal,
                         const imaging::LedWallLayout& layout, const WallLimits& limits,
                         const imaging::ScreenQuad* corners) {
    layout.validate();
    const cv::Size grid = layout.gridSize();
    // With a defect frame, the uniformity frame gives the area averages and the defect frame the
    // emitters; otherwise the one frame gives both.
    const WallFrameCells u =
        wallFrameCells(uni, cal, corners ? *corners : findQuad(uni.frame, uni.file), grid,
                       defectFrame ? imaging::CellParts::AreaOnly : imaging::CellParts::Both);
    cv::Mat defectY;
    if (defectFrame != nullptr) {
        // The camera has not moved, but the frame is registered again: cheap, and a knock
        // between the two captures then costs nothing.
        defectY =
            wallFrameCells(*defectFrame, cal,
                           corners ? *corners : findQuad(defectFrame->frame, defectFrame->file),
                           grid, imaging::CellParts::EmitterOnly)
                .cells.emitter_Y;
    }
    WallAnalysis a;
    static_cast<imaging::WallEvaluation&>(a) =
        imaging::evaluateWall(u.cells, defectFrame ? &defectY : nullptr, layout, limits,
                              luminanceURel(cal), imaging::chromaticityUncertaintyXY(cal));
    a.layout = layout;
    a.corners = u.registration.mapping.corners();
    a.luminance = u.cells.area_Y;
    a.lattice_used = u.registration.lattice_used;
    a.lattice_leds = u.registration.lattice_leds;
    a.lattice_rms_px = u.registration.lattice_rms_px;
    a.corner_shift_px = u.registration.corner_shift_px;
    return a;
}

nlohmann::ordered_json wallAnalysisJson(const WallAnalysis& a, const WallLimits& l) {
    // Each value type writes itself (libmeasure/imaging/to_json.cpp), the figures worded by
    // present::wallFigureJson from their typed limits and notes; the order is the file's.
    nlohmann::ordered_json j;
    j["verdict"] = a.verdict;
    j["verdict_text"] = present::wallVerdictText(a);
    j["provisional"] = a.provisional_binding ? "binding" : "informative";
    if (a.provisional_binding) {
        j["warning"] = present::wallBindingWarning(a);
    }
    j["failed"] = present::wallFigureNames(a, a.failed);
    j["informative_failed"] = present::wallFigureNames(a, a.informative_failed);
    j["figures"] = nlohmann::ordered_json::array();
    for (const auto& f : a.figures) {
        j["figures"].push_back(present::wallFigureJson(f));
    }
    j["limits"] = l;
    j["corners_px"] = nlohmann::json::array();
    for (const auto& c : a.corners) {
        j["corners_px"].push_back({c.x, c.y});
    }
    j["registration"] = {{"lattice_used", a.lattice_used},
                         {"lattice_leds", a.lattice_leds},
                         {"lattice_rms_px", a.lattice_rms_px},
                         {"corner_shift_px", a.corner_shift_px}};
    j["layout"] = a.layout;
    std::size_t seamsBeyond = 0;
    for (const auto& s : a.seam_lines) {
        seamsBeyond += s.beyond ? 1 : 0;
    }
    j["wall"] = {{"mean_cdm2", num(a.wall_mean_cdm2)},
                 {"mean_U_k2_cdm2", num(a.wall_mean_u_k2_cdm2)},
                 {"x", num(a.wall_xy.x)},
                 {"y", num(a.wall_xy.y)},
                 {"xy_U_k2", num(a.wall_xy_u_k2)},
                 {"modules", a.modules.size()},
                 {"modules_failing", a.modules_failing},
                 {"seam_lines_beyond", seamsBeyond},
                 {"dead", a.dead},
                 {"stuck", a.stuck},
                 {"adjacent_beyond", a.adjacent.size()},
                 {"saturated_cells", a.saturated_cells}};
    j["modules"] = nlohmann::ordered_json(a.modules);
    j["seam_lines"] = nlohmann::json::array();
    for (const auto& s : a.seam_lines) {
        if (s.beyond) {
            j["seam_lines"].push_back(s);
        }
    }
    j["defects"] = nlohmann::ordered_json(a.defects);
    j["adjacent_pixels"] = nlohmann::json::array();
    for (std::size_t i = 0; i < a.adjacent.size() && i < 10000; ++i) {
        j["adjacent_pixels"].push_back(a.adjacent[i]);
    }
    return j;
}

void writeWallResults(const std::filesystem::path& dir, const WallAnalysis& a,
                      const WallLimits& limits, const nlohmann::ordered_json& meta) {
    ensureWritableDirectory(dir);
    std::ostringstream csv;
    csv << "module_col,module_row,cabinet_col,cabinet_row,mean_cdm2,x,y,ratio_to_wall,"
           "ratio_U_k2,worst_step_pct,worst_duv,pixels,defects,luminance_verdict,"
           "chromaticity_verdict,verdict\n";
    for (const auto& m : a.modules) {
        char line[320];
        std::snprintf(
            line, sizeof line, "%d,%d,%d,%d,%.6g,%.5f,%.5f,%.5f,%.5f,%.3f,%.5f,%d,%d,%s,%s,%s\n",
            m.stats.index.col, m.stats.index.row, m.cabinet.col, m.cabinet.row, m.stats.mean_cdm2,
            m.stats.xy.x, m.stats.xy.y, m.stats.ratio_to_wall, m.u_ratio_k2, m.worst_step_pct,
            m.worst_duv, m.stats.pixels_used, m.defects, m.luminance_verdict.c_str(),
            m.chromaticity_verdict.c_str(), m.verdict.c_str());
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

// SPDX-License-Identifier: Apache-2.0
// cinemeasure.imaging: the LED wall analysis (app/common/imaging/wall_analysis.h) and the
// libmeasure/imaging steps on numpy arrays. numpy buffers are wrapped as cv::Mat headers (no copy)
// and result maps are handed back as arrays sharing the cv::Mat's memory. The wall result is
// imaging::evaluateWall's (libmeasure/imaging/wall_evaluation.h), bound field by field.
#include "python/bindings.h"

#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/imaging/camera_calibration_file.h"
#include "app/common/imaging/image_files.h"
#include "app/common/imaging/wall_analysis.h"
#include "app/common/present/wall_text.h"
#include "drivers/virtual/camera_renderer.h"
#include "libmeasure/imaging/camera_matrix.h"
#include "libmeasure/imaging/module_uniformity.h"
#include "libmeasure/imaging/pixel_defects.h"
#include "libmeasure/imaging/seams.h"
#include "libmeasure/imaging/wall_evaluation.h"

namespace cm::python {

namespace {

namespace fs = std::filesystem;
namespace im = cm::imaging;

/// A cv::Mat header over a C-contiguous numpy array of the given element type and channel count
/// (2-D for one channel, (H, W, C) otherwise). Never copies: a wrong dtype or layout is an error,
/// so the caller sees what the analysis needs instead of a silent gigabyte copy.
template <class T>
cv::Mat matView(const py::handle& obj, int channels, const char* what) {
    const auto a = py::array::ensure(obj);
    const bool shapeOk =
        channels == 1 ? a && a.ndim() == 2 : a && a.ndim() == 3 && a.shape(2) == channels;
    if (!shapeOk || !a.dtype().is(py::dtype::of<T>()) || !(a.flags() & py::array::c_style)) {
        throw py::value_error(
            std::string(what) + ": expected a C-contiguous " +
            py::str(py::dtype::of<T>()).cast<std::string>() + " array of shape " +
            (channels == 1 ? "(H, W)" : "(H, W, " + std::to_string(channels) + ")"));
    }
    const int type = CV_MAKETYPE(cv::DataType<T>::depth, channels);
    return cv::Mat(static_cast<int>(a.shape(0)), static_cast<int>(a.shape(1)), type,
                   const_cast<void*>(a.data()));
}

/// A numpy array sharing a cv::Mat's memory (the Mat's reference count keeps it alive).
py::array arrayOf(const cv::Mat& mat) {
    auto* keep = new cv::Mat(mat);
    py::capsule owner(keep, [](void* p) { delete static_cast<cv::Mat*>(p); });
    const int ch = mat.channels();
    const auto elem = static_cast<py::ssize_t>(mat.elemSize1());
    std::vector<py::ssize_t> shape{mat.rows, mat.cols};
    std::vector<py::ssize_t> strides{static_cast<py::ssize_t>(mat.step[0]),
                                     static_cast<py::ssize_t>(mat.step[1])};
    if (ch > 1) {
        shape.push_back(ch);
        strides.push_back(elem);
    }
    py::dtype dt = mat.depth() == CV_32F   ? py::dtype::of<float>()
                   : mat.depth() == CV_16U ? py::dtype::of<std::uint16_t>()
                   : mat.depth() == CV_8U  ? py::dtype::of<std::uint8_t>()
                                           : py::dtype::of<double>();
    return py::array(dt, shape, strides, keep->data, owner);
}

im::LedWallLayout layoutOf(const py::handle& obj) {
    if (py::isinstance<py::str>(obj) ||
        py::isinstance(obj, py::module_::import("os").attr("PathLike"))) {
        const auto cfg = app::loadTheatreConfig(obj.cast<fs::path>());
        if (!cfg.led) {
            throw py::value_error(obj.cast<fs::path>().string() +
                                  ": --layout needs a config with an led section");
        }
        return drivers::virt::ledLayoutOf(cfg);
    }
    const auto d = obj.cast<py::dict>();
    im::LedWallLayout l;
    auto get = [&](const char* key, auto& field) {
        if (d.contains(key)) {
            field = d[key].cast<std::remove_reference_t<decltype(field)>>();
        }
    };
    get("modules_across", l.modules_across);
    get("modules_down", l.modules_down);
    get("module_w_px", l.module_w_px);
    get("module_h_px", l.module_h_px);
    get("cabinet_w_modules", l.cabinet_w_modules);
    get("cabinet_h_modules", l.cabinet_h_modules);
    get("pixel_pitch_mm", l.pixel_pitch_mm);
    l.validate();
    return l;
}

py::dict layoutDict(const im::LedWallLayout& l) {
    py::dict d;
    d["modules_across"] = l.modules_across;
    d["modules_down"] = l.modules_down;
    d["module_w_px"] = l.module_w_px;
    d["module_h_px"] = l.module_h_px;
    d["cabinet_w_modules"] = l.cabinet_w_modules;
    d["cabinet_h_modules"] = l.cabinet_h_modules;
    d["pixel_pitch_mm"] = l.pixel_pitch_mm;
    return d;
}

py::dict statsDict(const im::RegionStats& s) {
    py::dict d;
    d["col"] = s.index.col;
    d["row"] = s.index.row;
    d["mean_cdm2"] = numberOrNone(s.mean_cdm2);
    d["x"] = numberOrNone(s.xy.x);
    d["y"] = numberOrNone(s.xy.y);
    d["ratio_to_wall"] = numberOrNone(s.ratio_to_wall);
    d["dx"] = numberOrNone(s.dx);
    d["dy"] = numberOrNone(s.dy);
    d["pixels_used"] = s.pixels_used;
    d["pass"] = s.pass;
    return d;
}

py::tuple moduleOf(const im::GridIndex& g) {
    return py::make_tuple(g.col, g.row);
}

const char* orientationOf(im::SeamOrientation o) {
    return o == im::SeamOrientation::Vertical ? "vertical" : "horizontal";
}

py::dict seamLineDict(const im::SeamLine& s) {
    py::dict d;
    d["orientation"] = orientationOf(s.orientation);
    d["border"] = s.border;
    d["segment"] = s.segment;
    d["line_px"] = s.line_px;
    d["depth_pct"] = numberOrNone(s.depth_pct);
    d["u_k2_pct"] = numberOrNone(s.u_k2_pct);
    d["kind"] = s.depth_pct > 0 ? "bright" : "dark";
    d["beyond"] = s.beyond;
    return d;
}

py::dict defectDict(const im::PixelDefect& p) {
    py::dict d;
    d["x_px"] = p.x_px;
    d["y_px"] = p.y_px;
    d["module"] = moduleOf(p.module);
    d["x_in_module"] = p.x_in_module;
    d["y_in_module"] = p.y_in_module;
    d["kind"] = p.kind == im::DefectKind::Dead ? "dead" : "stuck";
    d["ratio"] = numberOrNone(p.ratio);
    d["luminance_cdm2"] = numberOrNone(p.luminance_cdm2);
    return d;
}

py::dict adjacentDict(const im::AdjacentFinding& a) {
    py::dict d;
    d["x_px"] = a.x_px;
    d["y_px"] = a.y_px;
    d["module"] = moduleOf(a.module);
    d["deviation_pct"] = numberOrNone(a.deviation_pct);
    return d;
}

py::dict figureDict(const im::WallFigure& f) {
    py::dict d;
    d["id"] = f.id;
    d["name"] = app::present::wallFigureName(f);
    d["value"] = numberOrNone(f.value);
    d["u_k2"] = numberOrNone(f.u_k2);
    d["unit"] = f.unit;
    d["limit"] = f.has_limit ? py::object(py::str(app::present::wallLimitText(f.limit)))
                             : py::object(py::none());
    d["measured"] = f.measured;
    d["pass"] = f.pass;
    d["verdict"] = !f.measured    ? "not measured"
                   : !f.has_limit ? "information"
                   : f.pass       ? "pass"
                                  : "fail";
    d["source"] = app::present::wallSourceText(f);
    d["provisional"] = f.provisional;
    d["deciding"] = f.deciding;
    d["note"] = app::present::wallNoteText(f.note);
    return d;
}

py::dict moduleVerdictDict(const im::ModuleVerdict& m) {
    py::dict d = statsDict(m.stats);
    d["cabinet"] = moduleOf(m.cabinet);
    d["ratio_u_k2"] = numberOrNone(m.u_ratio_k2);
    d["worst_step_pct"] = numberOrNone(m.worst_step_pct);
    d["worst_duv"] = numberOrNone(m.worst_duv);
    d["defects"] = m.defects;
    d["luminance_pass"] = m.luminance_pass;
    d["chromaticity_pass"] = m.chromaticity_pass;
    return d;
}

/// The evaluation field by field from the value type (not through analysis.json, which keeps
/// only the seam lines beyond the threshold and caps the adjacent-pixel list).
py::dict analysisDict(const app::WallAnalysis& a, const app::WallLimits& lim) {
    const auto j = app::wallAnalysisJson(a, lim);
    py::dict d;
    d["verdict"] = a.verdict;
    d["verdict_text"] = app::present::wallVerdictText(a);
    d["pass"] = a.pass;
    d["judged"] = a.judged;
    d["provisional"] = a.provisional_binding ? "binding" : "informative";
    d["warning"] = app::present::wallBindingWarning(a);
    d["failed"] = py::cast(app::present::wallFigureNames(a, a.failed));
    d["informative_failed"] = py::cast(app::present::wallFigureNames(a, a.informative_failed));
    py::list figures;
    for (const auto& f : a.figures) {
        figures.append(figureDict(f));
    }
    d["figures"] = figures;
    py::dict wall;
    wall["mean_cdm2"] = numberOrNone(a.wall_mean_cdm2);
    wall["mean_u_k2_cdm2"] = numberOrNone(a.wall_mean_u_k2_cdm2);
    wall["x"] = numberOrNone(a.wall_xy.x);
    wall["y"] = numberOrNone(a.wall_xy.y);
    wall["modules"] = a.modules.size();
    wall["modules_failing"] = a.modules_failing;
    wall["dead"] = a.dead;
    wall["stuck"] = a.stuck;
    wall["adjacent_beyond"] = a.adjacent.size();
    wall["worst_adjacent_pct"] = numberOrNone(a.worst_adjacent_pct);
    wall["saturated_cells"] = a.saturated_cells;
    d["wall"] = wall;
    py::list modules;
    for (const auto& m : a.modules) {
        modules.append(moduleVerdictDict(m));
    }
    d["modules"] = modules;
    py::list seams;
    for (const auto& s : a.seam_lines) {
        seams.append(seamLineDict(s));
    }
    d["seam_lines"] = seams;
    py::list dead;
    py::list stuck;
    for (const auto& p : a.defects) {
        (p.kind == im::DefectKind::Dead ? dead : stuck).append(defectDict(p));
    }
    d["dead"] = dead;
    d["stuck"] = stuck;
    py::list adjacent;
    for (const auto& f : a.adjacent) {
        adjacent.append(adjacentDict(f));
    }
    d["adjacent"] = adjacent;
    d["corners_px"] = toPython(nlohmann::json(j["corners_px"]));
    d["registration"] = toPython(nlohmann::json(j["registration"]));
    d["layout"] = layoutDict(a.layout);
    d["limits"] = toPython(nlohmann::json(j["limits"]));
    d["luminance"] = arrayOf(a.luminance);
    return d;
}

im::RawFrame frameOf(const py::handle& rgb, double exposure_s, double black, double white) {
    im::RawFrame f;
    f.rgb = matView<std::uint16_t>(rgb, 3, "rgb");
    f.exposure_s = exposure_s;
    f.black_level_dn = black;
    f.white_level_dn = white;
    return f;
}

/// A keyword argument that has no safe default: TypeError naming it and what it is when absent.
double requiredLevel(const py::object& value, const char* name, const char* what) {
    if (value.is_none()) {
        throw py::type_error(std::string("analyze_wall() needs ") + name + ": the frame's " + what +
                             " (read_image gives it); there is no default");
    }
    return value.cast<double>();
}

}  // namespace

void bindImaging(py::module_& m) {
    m.def(
        "read_image",
        [](const fs::path& file) {
            const im::RawFrame f = app::imaging_io::readImage(file);
            py::dict d;
            d["rgb"] = arrayOf(f.rgb);
            d["exposure_s"] = f.exposure_s;
            d["iso"] = f.iso;
            d["black_level_dn"] = f.black_level_dn;
            d["white_level_dn"] = f.white_level_dn;
            d["make"] = f.make;
            d["model"] = f.model;
            return d;
        },
        py::arg("path"),
        "A DNG, camera raw (LibRaw, linear, no white balance) or 16-bit TIFF as `cinemeasure "
        "analyze` reads it: dict rgb ((H, W, 3) uint16 camera RGB in DN, sharing the decoder's "
        "memory), exposure_s, iso, black_level_dn, white_level_dn, make, model.");
    m.def(
        "layout", [](const py::handle& obj) { return layoutDict(layoutOf(obj)); },
        py::arg("config_or_dict"),
        "The LED wall layout of a virtual theatre config with an led section (path) or of a dict "
        "(modules_across, modules_down, module_w_px, module_h_px, cabinet_w_modules, "
        "cabinet_h_modules, pixel_pitch_mm), validated.");
    m.def(
        "analyze_wall",
        [](const py::handle& rgb, const py::handle& layout, const py::object& calibration,
           const std::string& limits, const py::object& defect_rgb, const py::object& exposure,
           const py::object& black, const py::object& white, double relative_sensitivity,
           const std::string& provisional) {
            // No defaults for what scales every figure (issue 14: never a silent 1 s, 0 DN,
            // 65535 DN): the caller passes the frame's own values, as read_image gives them.
            const double exposure_s = requiredLevel(exposure, "exposure_s", "exposure time in s");
            const double black_level_dn =
                requiredLevel(black, "black_level_dn", "black level in DN");
            const double white_level_dn =
                requiredLevel(white, "white_level_dn", "saturation level in DN");
            const auto l = layoutOf(layout);
            const fs::path calFile = calibration.is_none()
                                         ? app::dataDir() / "cameras" / "virtual-camera.json"
                                         : calibration.cast<fs::path>();
            const auto cal = app::loadCameraCalibration(calFile);
            auto lim = app::loadWallLimits(app::wallLimitsFile(limits));
            app::setWallProvisionalPolicy(lim, provisional);  // ValueError on a bad word
            app::WallFrame uni;
            uni.frame = frameOf(rgb, exposure_s, black_level_dn, white_level_dn);
            uni.stimulus = "white";
            uni.relative_sensitivity = relative_sensitivity;
            std::optional<app::WallFrame> def;
            if (!defect_rgb.is_none()) {
                def.emplace(uni);
                def->frame = frameOf(defect_rgb, exposure_s, black_level_dn, white_level_dn);
                def->stimulus = "grey:0.5";
            }
            app::WallAnalysis a;
            {
                // The frames are read in place: the caller must not resize them meanwhile, which
                // Python cannot do while they are referenced here.
                py::gil_scoped_release release;
                a = app::analyzeWall(uni, def ? &*def : nullptr, cal, l, lim);
            }
            return analysisDict(a, lim);
        },
        py::arg("rgb"), py::arg("layout"), py::kw_only(), py::arg("calibration") = py::none(),
        py::arg("limits") = "dyt8-2023-draft", py::arg("defect_rgb") = py::none(),
        py::arg("exposure_s") = py::none(), py::arg("black_level_dn") = py::none(),
        py::arg("white_level_dn") = py::none(), py::arg("relative_sensitivity") = 1.0,
        py::arg("provisional") = "informative",
        "The LED wall analysis of `cinemeasure wall` on a camera frame: rgb is (H, W, 3) uint16 "
        "linear camera RGB (read in place), the wall showing white; defect_rgb the optional "
        "grey:0.5 frame for dead/stuck pixels. layout: config path or dict (see layout()). "
        "calibration: camera calibration JSON (default calibration/cameras/virtual-camera.json). "
        "exposure_s, black_level_dn, white_level_dn: the frame's own (read_image gives them); "
        "required, TypeError when missing. "
        "limits: 'dyt8-2023-draft' (DY/T 8-2023 draft, provisional; docs/standards/dyt8.md), "
        "'dci-dvd-1.2' or a limits file. provisional: 'informative' (default: draft limits are "
        "reported but do not decide) or 'binding' (they decide; warning set). Returns "
        "imaging::evaluateWall's result as a dict: verdict ('pass', 'fail' or 'not judged' when "
        "only informative draft limits apply), verdict_text, pass, judged, provisional, warning, "
        "failed (names of deciding figures that failed), informative_failed, figures (id, name, "
        "value, u_k2 (k = 2), unit, limit, measured, pass, verdict, source, provisional, "
        "deciding, note), wall, modules (area "
        "averages), seam_lines (every interior border segment's worse LED line: line_px, "
        "depth_pct, u_k2_pct, kind, beyond), dead, stuck (LED positions), adjacent (LEDs beyond "
        "the adjacent-pixel limit), corners_px, registration, layout, limits, and luminance "
        "((rows, cols) float32 cd/m², area average per LED, no copy).");
    m.def(
        "module_uniformity",
        [](const py::handle& xyz, const py::handle& layout, double min_ratio, double max_ratio,
           double max_abs_dx, double max_abs_dy, const py::object& exclude) {
            const cv::Mat grid = matView<float>(xyz, 3, "xyz");
            const cv::Mat mask =
                exclude.is_none() ? cv::Mat() : matView<std::uint8_t>(exclude, 1, "exclude");
            const auto r = im::moduleUniformity(
                grid, layoutOf(layout), {min_ratio, max_ratio, max_abs_dx, max_abs_dy}, mask);
            py::dict d;
            d["wall_mean_cdm2"] = numberOrNone(r.wall_mean_cdm2);
            d["wall_xy"] = py::make_tuple(r.wall_xy.x, r.wall_xy.y);
            py::list mods;
            for (const auto& s : r.modules) {
                mods.append(statsDict(s));
            }
            py::list cabs;
            for (const auto& s : r.cabinets) {
                cabs.append(statsDict(s));
            }
            d["modules"] = mods;
            d["cabinets"] = cabs;
            d["modules_failing"] = r.modules_failing;
            d["cabinets_failing"] = r.cabinets_failing;
            return d;
        },
        py::arg("xyz"), py::arg("layout"), py::kw_only(), py::arg("min_ratio"),
        py::arg("max_ratio"), py::arg("max_abs_dx"), py::arg("max_abs_dy"),
        py::arg("exclude") = py::none(),
        "Per-module and per-cabinet mean luminance and CIE 1931 xy against the wall mean. xyz: "
        "(rows, cols, 3) float32 XYZ in cd/m², one sample per LED pixel (read in place); NaN and "
        "samples flagged non-zero in `exclude` ((rows, cols) uint8) are left out. Limits are "
        "parameters: the DY/T 8-2023 draft (A.2 #3, #7; provisional) puts modules at 0.9–1.1 and "
        "±0.015 in x and y.");
    m.def(
        "measure_seams",
        [](const py::handle& luminance, const py::handle& layout, double threshold_pct, int line_px,
           int reference_px) {
            const auto seams =
                im::measureSeams(matView<float>(luminance, 1, "luminance"), layoutOf(layout),
                                 {threshold_pct, line_px, reference_px});
            py::list out;
            for (const auto& s : seams) {
                py::dict d;
                d["orientation"] =
                    s.orientation == im::SeamOrientation::Vertical ? "vertical" : "horizontal";
                d["border"] = s.border;
                d["segment"] = s.segment;
                d["contrast_pct"] = numberOrNone(s.contrast_pct);
                d["detected"] = s.detected;
                out.append(d);
            }
            return out;
        },
        py::arg("luminance"), py::arg("layout"), py::kw_only(), py::arg("threshold_pct"),
        py::arg("line_px") = 1, py::arg("reference_px") = 3,
        "Every interior module border segment of a (rows, cols) float32 luminance grid (cd/m², "
        "read in place): median of the border lines over the median of the interior behind "
        "them, − 1, in % (> 0 bright seam, < 0 dark); detected when |contrast| ≥ threshold_pct.");
    m.def(
        "measure_seam_lines",
        [](const py::handle& luminance, const py::handle& layout, double threshold_pct,
           int reference_px) {
            const auto lines = im::measureSeamLines(matView<float>(luminance, 1, "luminance"),
                                                    layoutOf(layout), threshold_pct, reference_px);
            py::list out;
            for (const auto& s : lines) {
                out.append(seamLineDict(s));
            }
            return out;
        },
        py::arg("luminance"), py::arg("layout"), py::kw_only(), py::arg("threshold_pct"),
        py::arg("reference_px") = 3,
        "The seam lines of analyze_wall on a (rows, cols) float32 luminance grid (cd/m², read in "
        "place): at every interior border segment each of the two LED lines against the "
        "reference_px interior lines behind it in its own module; the worse line is kept "
        "(line_px, depth_pct: < 0 dark, > 0 bright; beyond when |depth| ≥ threshold_pct).");
    m.def(
        "detect_pixel_defects",
        [](const py::handle& luminance, const py::handle& layout, double dead_below_ratio,
           double stuck_above_ratio, double stuck_min_excess_cdm2) {
            const auto defects = im::detectPixelDefects(
                matView<float>(luminance, 1, "luminance"), layoutOf(layout),
                {dead_below_ratio, stuck_above_ratio, stuck_min_excess_cdm2});
            py::list out;
            for (const auto& p : defects) {
                out.append(defectDict(p));
            }
            return out;
        },
        py::arg("luminance"), py::arg("layout"), py::kw_only(), py::arg("dead_below_ratio"),
        py::arg("stuck_above_ratio"), py::arg("stuck_min_excess_cdm2") = 0.0,
        "Dead and stuck LED pixels of a (rows, cols) float32 luminance grid (read in place): each "
        "pixel against its module's median; dead below dead_below_ratio, stuck above "
        "stuck_above_ratio and by at least stuck_min_excess_cdm2. Row-major order.");
}

}  // namespace cm::python

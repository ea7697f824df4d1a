// SPDX-License-Identifier: Apache-2.0
// LED wall job inputs, simulator and outputs, shared by `cinemeasure wall` and the GUI.
#include "app/common/imaging/wall_setup.h"

#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/imaging/camera_calibration_file.h"
#include "app/common/imaging/rendered_frame_source.h"
#include "drivers/camera/device.h"
#include "drivers/virtual/camera_renderer.h"
#include "libmeasure/util/json_view.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cm::app {

namespace cam = drivers::camera;

namespace {

std::filesystem::path calibrationFileOf(const std::string& given) {
    return given.empty() ? dataDir() / "cameras" / "virtual-camera.json"
                         : std::filesystem::path(given);
}

drivers::virt::TheatreConfig ledConfig(const std::string& file) {
    drivers::virt::TheatreConfig cfg = loadTheatreConfig(file);
    if (!cfg.led) {
        throw std::invalid_argument(file + ": not an LED wall (no led section)");
    }
    return cfg;
}

}  // namespace

std::string utcNowIso8601() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::pair<double, double> calibrationReference(const std::filesystem::path& file) {
    std::ifstream in(file);
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_object() && doc.contains("exposure_reference")) {
        const util::JsonView r(doc.at("exposure_reference"), file.string(), "$.exposure_reference");
        return {r.at("iso").number(1, 1e6), r.at("f_number").number(0.5, 128)};
    }
    return {100.0, 2.8};
}

WallSetup prepareWallJob(const WallRunSpec& spec) {
    if (spec.layout_file.empty()) {
        throw std::invalid_argument("a wall job needs a layout: a config with an led section");
    }
    WallSetup s;
    WallJobOptions& o = s.options;
    s.layout_file = spec.layout_file;
    s.layout_config = ledConfig(spec.layout_file);
    o.layout = drivers::virt::ledLayoutOf(s.layout_config);
    o.limits = loadWallLimits(wallLimitsFile(spec.limits));
    setWallProvisionalPolicy(o.limits, spec.provisional);
    s.calibration_file = calibrationFileOf(spec.calibration);
    o.calibration = loadCameraCalibration(s.calibration_file);
    std::tie(o.calibration_iso, o.calibration_f_number) = calibrationReference(s.calibration_file);
    o.iso = cam::parseSettingInput(cam::Setting::Iso, spec.iso);
    o.f_number = cam::parseSettingInput(cam::Setting::Aperture, spec.aperture);
    o.format = cam::parseImageFormat(spec.format);
    o.patterns.push_back(
        parseWallPattern(spec.uniformity_pattern, WallPattern::Role::Uniformity, 0.125));
    if (spec.defect_pattern != "none") {
        o.patterns.push_back(
            parseWallPattern(spec.defect_pattern, WallPattern::Role::Defects, 0.5));
    }
    o.port = spec.port;
    o.model = spec.model;
    o.captures_dir = spec.out / "captures";
    if (spec.simulate) {
        s.theatre_config = spec.theatre_file.empty() || spec.theatre_file == spec.layout_file
                               ? s.layout_config
                               : loadTheatreConfig(spec.theatre_file);
    }
    return s;
}

std::unique_ptr<cam::PtpIpSimulator> startWallSimulator(WallSetup& setup, const WallRunSpec& spec) {
    const drivers::virt::TheatreConfig& cfg = setup.theatre_config;
    const std::string& cfgFile = spec.theatre_file.empty() ? spec.layout_file : spec.theatre_file;
    auto theatre = std::make_shared<const drivers::virt::VirtualTheatre>(cfg);
    auto generator = std::make_shared<VirtualPatternGenerator>();
    RenderedFrameSourceOptions ro;
    ro.camera.width_px = spec.width_px;
    ro.camera.height_px = spec.height_px;
    ro.camera.supersample = 1;  // the sensor resolves the LED pixels; no aliasing to hide
    if (!spec.seat.empty()) {
        const geometry::Seat* seat = cfg.findSeat(spec.seat);
        if (!seat) {
            throw std::invalid_argument(cfgFile + ": no seat '" + spec.seat + "'");
        }
        ro.camera.seat = *seat;
    }
    // An unknown stimulus is an input error, caught here rather than in the camera.
    drivers::virt::CameraSetup probe;
    probe.width_px = probe.height_px = 16;
    for (const auto& p : setup.options.patterns) {
        drivers::virt::renderCameraFrame(*theatre, p.stimulus, probe);
    }
    cam::PtpIpSimulatorOptions so;
    so.fault = cam::parseSimulatorFault(spec.fault);
    so.fault_at = spec.fault_at;
    so.time_scale = spec.time_scale;
    so.source = renderedFrameSource(theatre, generator, ro);
    auto sim = std::make_unique<cam::PtpIpSimulator>(so);
    sim->start();
    setup.options.port = sim->portString();
    setup.options.model.clear();
    setup.options.show = [generator](const std::string& s) { generator->show(s); };
    return sim;
}

WallOutputMeta wallJobMeta(const WallSetup& setup, const WallJobResult& r,
                           const std::string& date_utc) {
    const WallJobOptions& o = setup.options;
    WallOutputMeta m;
    nlohmann::ordered_json& meta = m.json;
    meta["wall"] = setup.layout_config.name;
    meta["layout_file"] = setup.layout_file;
    meta["date"] = date_utc;
    meta["camera"] = {{"model", r.camera_model}, {"port", o.port}};
    meta["camera_calibration"] = setup.calibration_file.string();
    meta["calibration_reference"] = {{"iso", o.calibration_iso},
                                     {"f_number", o.calibration_f_number}};
    meta["captures"] = nlohmann::json::array();
    for (const auto& c : r.captures) {
        const std::string rel = (std::filesystem::path("captures") / c.file.filename()).string();
        // The same record as captures.json, the file named relative to the analysis.
        nlohmann::ordered_json cj = c;
        cj["file"] = rel;
        meta["captures"].push_back(std::move(cj));
        char line[256];
        std::snprintf(line, sizeof line, "%s  %s (%s)  %g s  ISO %g  f/%g  level %.2f  %s",
                      rel.c_str(), c.stimulus.c_str(), c.role.c_str(), c.exposure_s, c.iso,
                      c.f_number, c.level, c.accepted ? "used" : c.note.c_str());
        m.info.captures.push_back(line);
    }
    m.info.wall = setup.layout_config.name;
    m.info.camera = r.camera_model + " on " + o.port;
    // The file's name, not the build machine's absolute path.
    m.info.calibration = setup.calibration_file.filename().string();
    m.info.date = date_utc;
    return m;
}

void writeWallOutputs(const std::filesystem::path& out, const WallAnalysis& analysis,
                      const WallLimits& limits, const WallOutputMeta& meta) {
    ensureWritableDirectory(out);
    writeWallResults(out, analysis, limits, meta.json);
    writeWallReportPdf(analysis, limits, meta.info, out / "report.pdf");
}

std::array<double, 8> parseCornerList(const std::string& s) {
    std::vector<double> v;
    std::stringstream ss(s);
    for (std::string tok; std::getline(ss, tok, ',');) {
        char* end = nullptr;
        const double x = std::strtod(tok.c_str(), &end);
        if (end == tok.c_str() || *end != '\0' || !std::isfinite(x)) {
            throw std::invalid_argument("--corners: '" + tok + "' is not a number");
        }
        v.push_back(x);
    }
    if (v.size() != 8) {
        throw std::invalid_argument(
            "--corners: expected 8 numbers x,y of top-left, top-right, bottom-right, bottom-left");
    }
    std::array<double, 8> out{};
    std::copy(v.begin(), v.end(), out.begin());
    return out;
}

WallImageInputs loadWallImages(const WallImageSpec& spec) {
    if (spec.images.empty() || spec.images.size() > 2) {
        throw std::invalid_argument(
            "give one or two images: the uniformity frame, then a defect frame");
    }
    WallImageInputs in;
    imaging_io::ImageMetadata sidecar;
    if (!spec.sidecar.empty()) {
        sidecar = imaging_io::readImageSidecar(spec.sidecar);
    }
    for (std::size_t i = 0; i < spec.images.size(); ++i) {
        imaging::RawFrame f = imaging_io::readImage(spec.images[i]);
        imaging_io::applyImageMetadata(f, spec.images[i], sidecar, spec.overrides);
        in.frames.push_back({std::move(f), spec.images[i], i == 0 ? "uniformity" : "defects", 1.0});
    }
    in.layout_file = spec.layout_file;
    in.layout_config = ledConfig(spec.layout_file);
    in.layout = drivers::virt::ledLayoutOf(in.layout_config);
    in.limits = loadWallLimits(wallLimitsFile(spec.limits));
    setWallProvisionalPolicy(in.limits, spec.provisional);
    in.calibration_file = calibrationFileOf(spec.calibration);
    in.calibration = loadCameraCalibration(in.calibration_file);
    if (!spec.corners.empty()) {
        const auto v = parseCornerList(spec.corners);
        in.corners = imaging::ScreenQuad{cv::Point2d(v[0], v[1]), cv::Point2d(v[2], v[3]),
                                         cv::Point2d(v[4], v[5]), cv::Point2d(v[6], v[7])};
    }
    return in;
}

WallAnalysis analyzeWallImages(const WallImageInputs& in) {
    return analyzeWall(in.frames[0], in.frames.size() > 1 ? &in.frames[1] : nullptr, in.calibration,
                       in.layout, in.limits, in.corners ? &*in.corners : nullptr);
}

WallOutputMeta wallImageMeta(const WallImageInputs& in, const std::string& date_utc) {
    WallOutputMeta m;
    nlohmann::ordered_json& meta = m.json;
    meta["wall"] = in.layout_config.name;
    meta["layout_file"] = in.layout_file;
    meta["date"] = date_utc;
    meta["camera_calibration"] = in.calibration_file.string();
    meta["images"] = nlohmann::json::array();
    for (const auto& f : in.frames) {
        meta["images"].push_back({{"file", f.file},
                                  {"role", f.stimulus},
                                  {"exposure_s", f.frame.exposure_s},
                                  {"black_level_dn", f.frame.black_level_dn},
                                  {"white_level_dn", f.frame.white_level_dn},
                                  {"channels", f.frame.rgb.channels()}});
        m.info.captures.push_back(f.file + " (" + f.stimulus + ", " +
                                  std::to_string(f.frame.exposure_s) + " s)");
    }
    m.info.wall = in.layout_config.name;
    m.info.camera = in.frames[0].frame.make + " " + in.frames[0].frame.model;
    m.info.calibration = in.calibration_file.string();
    m.info.date = date_utc;
    return m;
}

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// `cinemeasure wall`: the LED wall job from capture to per-module report, through libgphoto2 with
// a real camera (--port) or the in-process PTP/IP simulator photographing a virtual theatre
// (--simulate).
#include "app/cli/commands.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/imaging/camera_calibration_file.h"
#include "app/common/imaging/image_files.h"
#include "app/common/imaging/rendered_frame_source.h"
#include "app/common/imaging/wall_job.h"
#include "app/common/report/wall_report_pdf.h"
#include "drivers/camera/device.h"
#include "drivers/camera/ptpip_simulator.h"
#include "libmeasure/util/json_view.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>

namespace cm::cli {

namespace {

namespace cam = drivers::camera;

struct WallArgs {
    std::string port, simulate, model, calibration, layout, limits = "dyt8-2023-draft", out;
    std::string provisional = "informative";
    std::string uniformity_pattern = "white@1/8", defect_pattern = "grey:0.5@1/2";
    std::string iso = "100", aperture = "2.8", format = "RAW";
    std::vector<int> size{6144, 3456};
    std::string seat, fault = "none";
    int fault_at = 1;
    double time_scale = 0.0;
    bool no_prompt = false;
    std::vector<std::string> images;  ///< analyse these files instead of capturing
    std::string corners;
    ImageMetadataArgs meta;
};

/// One line per figure (value ± U, limit, verdict) and the verdict naming what failed.
void printWallSummary(const app::WallAnalysis& an, const app::WallLimits& limits) {
    for (const auto& f : an.figures) {
        char v[96];
        if (!f.measured) {
            std::snprintf(v, sizeof v, "not measured");
        } else if (f.u_k2 > 0) {
            std::snprintf(v, sizeof v, "%.4g ± %.2g %s", f.value, f.u_k2, f.unit.c_str());
        } else {
            std::snprintf(v, sizeof v, "%.4g %s", f.value, f.unit.c_str());
        }
        const char* verdict = !f.measured    ? ""
                              : !f.has_limit ? "information"
                              : f.pass       ? "pass"
                              : f.deciding   ? "FAIL"
                                             : "would fail";
        std::printf("  %-58s %-26s %-10s %s%s\n", f.name.c_str(), v, verdict,
                    f.has_limit ? f.limit.c_str() : "",
                    !f.has_limit || !f.provisional ? ""
                    : f.deciding                   ? " (provisional, binding)"
                                                   : " (provisional, informative)");
    }
    if (an.provisional_binding) {
        std::printf("%s\n", imaging::wallBindingWarning(an).c_str());
    }
    // Not judged: the reason ends the verdict line, the limits go on the next.
    std::printf(
        an.verdict == "not judged" ? "verdict: %s\n  against %s\n" : "verdict: %s against %s\n",
        imaging::wallVerdictText(an).c_str(), limits.id.c_str());
    if (!an.informative_failed.empty()) {
        std::printf("  %s\n", imaging::wallInformativeText(an).c_str());
    }
}

std::string utcNow() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/// The calibration's reference exposure, when the file records one (optional member
/// "exposure_reference": {"iso": …, "f_number": …}); the shipped virtual camera's is ISO 100,
/// f/2.8.
std::pair<double, double> calibrationReference(const std::filesystem::path& file) {
    std::ifstream in(file);
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_object() && doc.contains("exposure_reference")) {
        const util::JsonView r(doc.at("exposure_reference"), file.string(), "$.exposure_reference");
        return {r.at("iso").number(1, 1e6), r.at("f_number").number(0.5, 128)};
    }
    return {100.0, 2.8};
}

void runWall(const WallArgs& a) {
    if (!a.images.empty()) {
        if (!a.port.empty() || !a.simulate.empty()) {
            throw errors::InputError("--image analyses files: no --port or --simulate");
        }
        if (a.layout.empty()) {
            throw errors::InputError("--image needs --layout (a config with an led section)");
        }
        analyzeWallImages(a.images, a.meta, a.layout, a.limits, a.provisional, a.calibration,
                          a.corners, a.out);
        return;
    }
    if (a.port.empty() == a.simulate.empty()) {
        throw errors::InputError("give either --port, --simulate or --image");
    }
    const std::string layoutFile = a.layout.empty() ? a.simulate : a.layout;
    if (layoutFile.empty()) {
        throw errors::InputError("--layout is needed with --port (a config with an led section)");
    }
    // Inputs first: nothing is captured unless every input is good.
    app::WallJobOptions o;
    drivers::virt::TheatreConfig layoutCfg;
    std::filesystem::path calFile;
    layoutCfg = app::loadTheatreConfig(layoutFile);
    if (!layoutCfg.led) {
        throw errors::InputError(layoutFile + ": not an LED wall (no led section)");
    }
    o.layout = drivers::virt::ledLayoutOf(layoutCfg);
    o.limits = app::loadWallLimits(app::wallLimitsFile(a.limits));
    app::setWallProvisionalPolicy(o.limits, a.provisional);
    calFile = a.calibration.empty() ? app::dataDir() / "cameras" / "virtual-camera.json"
                                    : std::filesystem::path(a.calibration);
    o.calibration = app::loadCameraCalibration(calFile);
    std::tie(o.calibration_iso, o.calibration_f_number) = calibrationReference(calFile);
    o.iso = cam::parseSettingInput(cam::Setting::Iso, a.iso);
    o.f_number = cam::parseSettingInput(cam::Setting::Aperture, a.aperture);
    o.format = cam::parseImageFormat(a.format);
    o.patterns.push_back(
        app::parseWallPattern(a.uniformity_pattern, app::WallPattern::Role::Uniformity, 0.125));
    if (a.defect_pattern != "none") {
        o.patterns.push_back(
            app::parseWallPattern(a.defect_pattern, app::WallPattern::Role::Defects, 0.5));
    }
    const std::filesystem::path out = a.out;
    o.captures_dir = out / "captures";
    app::ensureWritableDirectory(out);
    o.progress = [](const std::string& s) {
        std::printf("%s\n", s.c_str());
        std::fflush(stdout);
    };

    std::unique_ptr<cam::PtpIpSimulator> sim;
    if (!a.simulate.empty()) {
        auto theatre = std::make_shared<const drivers::virt::VirtualTheatre>(layoutCfg);
        auto generator = std::make_shared<app::VirtualPatternGenerator>();
        app::RenderedFrameSourceOptions ro;
        ro.camera.width_px = a.size.at(0);
        ro.camera.height_px = a.size.at(1);
        ro.camera.supersample = 1;  // the sensor resolves the LED pixels; no aliasing to hide
        if (!a.seat.empty()) {
            const geometry::Seat* s = layoutCfg.findSeat(a.seat);
            if (!s) {
                throw errors::InputError(a.simulate + ": no seat '" + a.seat + "'");
            }
            ro.camera.seat = *s;
        }
        cam::PtpIpSimulatorOptions so;
        so.fault = cam::parseSimulatorFault(a.fault);
        so.fault_at = a.fault_at;
        so.time_scale = a.time_scale;
        so.source = app::renderedFrameSource(theatre, generator, ro);
        sim = std::make_unique<cam::PtpIpSimulator>(so);
        sim->start();
        o.port = sim->portString();
        o.show = [generator](const std::string& s) { generator->show(s); };
        std::printf("simulated camera on %s photographing %s\n", o.port.c_str(),
                    layoutCfg.name.c_str());
        // An unknown stimulus is a usage error, caught here rather than in the camera.
        drivers::virt::CameraSetup probe;
        probe.width_px = probe.height_px = 16;
        for (const auto& p : o.patterns) {
            drivers::virt::renderCameraFrame(*theatre, p.stimulus, probe);
        }
    } else {
        o.port = a.port;
        o.model = a.model;
        const bool prompt = !a.no_prompt;
        o.show = [prompt](const std::string& s) {
            if (!prompt) {
                return;
            }
            std::fprintf(stderr, "Show '%s' full screen on the wall, then press Enter\n",
                         s.c_str());
            std::string line;
            std::getline(std::cin, line);
        };
    }

    app::WallJobResult r;
    try {
        r = app::runWallJob(o);
    } catch (const cam::DownloadStorageError& e) {
        // The disk, not the camera: exit 4 like every other output failure.
        throw errors::StorageError(std::string("storage: ") + e.what() +
                                   "; free space or choose another --out, then re-run");
    } catch (const cam::CameraError& e) {
        errors::throwError(e.errorKind(), std::string(cam::toString(e.kind())) + ": " + e.what() +
                                              "; captures so far are in " +
                                              o.captures_dir.string() +
                                              " (re-run to capture again)");
    } catch (const std::exception& e) {
        errors::throwError(errors::kindOf(e), std::string(e.what()) + "; captures so far are in " +
                                                  o.captures_dir.string());
    }

    nlohmann::ordered_json meta;
    meta["wall"] = layoutCfg.name;
    meta["layout_file"] = layoutFile;
    meta["date"] = utcNow();
    meta["camera"] = {{"model", r.camera_model}, {"port", o.port}};
    meta["camera_calibration"] = calFile.string();
    meta["calibration_reference"] = {{"iso", o.calibration_iso},
                                     {"f_number", o.calibration_f_number}};
    meta["captures"] = nlohmann::json::array();
    app::WallReportInfo info;
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
        info.captures.push_back(line);
    }
    info.wall = layoutCfg.name;
    info.camera = r.camera_model + " on " + o.port;
    // The file's name, not the build machine's absolute path.
    info.calibration = calFile.filename().string();
    info.date = meta["date"];
    app::writeWallResults(out, r.analysis, o.limits, meta);
    app::writeWallReportPdf(r.analysis, o.limits, info, out / "report.pdf");
    printWallSummary(r.analysis, o.limits);
    std::printf("wrote %s\n", (out / "report.pdf").string().c_str());
}

}  // namespace

void addImageMetadataOptions(CLI::App* cmd, ImageMetadataArgs& m) {
    cmd->add_option("--exposure", m.exposure_s,
                    "Exposure time, s (for images whose file does not say it)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--black-level", m.black_level_dn, "Sensor black level, DN (default: file)")
        ->check(CLI::Range(0.0, 65535.0));
    cmd->add_option("--white-level", m.white_level_dn,
                    "Sensor saturation level, DN (default: file)")
        ->check(CLI::Range(1.0, 65535.0));
    cmd->add_option("--sidecar", m.sidecar,
                    "JSON with exposure_s, black_level_dn, white_level_dn, iso for the images")
        ->check(CLI::ExistingFile);
}

void analyzeWallImages(const std::vector<std::string>& images, const ImageMetadataArgs& m,
                       const std::string& layoutFile, const std::string& limitsId,
                       const std::string& provisional, const std::string& calibration,
                       const std::string& corners, const std::string& outDir) {
    if (images.empty() || images.size() > 2) {
        throw errors::InputError(
            "give one or two images: the uniformity frame, then a defect frame");
    }
    // Inputs first: nothing is written unless every input is good.
    std::vector<app::WallFrame> frames;
    drivers::virt::TheatreConfig cfg;
    imaging::LedWallLayout layout;
    app::WallLimits limits;
    imaging::CameraCalibration cal;
    std::filesystem::path calFile;
    std::optional<imaging::ScreenQuad> quad;
    app::imaging_io::ImageMetadata sidecar, flags;
    if (!m.sidecar.empty()) {
        sidecar = app::imaging_io::readImageSidecar(m.sidecar);
    }
    flags.exposure_s = m.exposure_s;
    flags.black_level_dn = m.black_level_dn;
    flags.white_level_dn = m.white_level_dn;
    for (std::size_t i = 0; i < images.size(); ++i) {
        imaging::RawFrame f = app::imaging_io::readImage(images[i]);
        app::imaging_io::applyImageMetadata(f, images[i], sidecar, flags);
        frames.push_back({std::move(f), images[i], i == 0 ? "uniformity" : "defects", 1.0});
    }
    cfg = app::loadTheatreConfig(layoutFile);
    if (!cfg.led) {
        throw errors::InputError(layoutFile + ": not an LED wall (no led section)");
    }
    layout = drivers::virt::ledLayoutOf(cfg);
    limits = app::loadWallLimits(app::wallLimitsFile(limitsId));
    app::setWallProvisionalPolicy(limits, provisional);
    calFile = calibration.empty() ? app::dataDir() / "cameras" / "virtual-camera.json"
                                  : std::filesystem::path(calibration);
    cal = app::loadCameraCalibration(calFile);
    if (!corners.empty()) {
        const auto v = parseCornerNumbers(corners);
        quad = imaging::ScreenQuad{cv::Point2d(v[0], v[1]), cv::Point2d(v[2], v[3]),
                                   cv::Point2d(v[4], v[5]), cv::Point2d(v[6], v[7])};
    }
    app::WallAnalysis an;
    try {
        an = app::analyzeWall(frames[0], frames.size() > 1 ? &frames[1] : nullptr, cal, layout,
                              limits, quad ? &*quad : nullptr);
    } catch (const std::exception& e) {
        // The user's images do not show the wall where expected: input, with the way out.
        throw errors::InputError(std::string(e.what()) +
                                 (corners.empty() ? "; pass --corners" : ""));
    }
    const std::filesystem::path out = outDir;
    nlohmann::ordered_json meta;
    meta["wall"] = cfg.name;
    meta["layout_file"] = layoutFile;
    meta["date"] = utcNow();
    meta["camera_calibration"] = calFile.string();
    meta["images"] = nlohmann::json::array();
    app::WallReportInfo info;
    for (const auto& f : frames) {
        meta["images"].push_back({{"file", f.file},
                                  {"role", f.stimulus},
                                  {"exposure_s", f.frame.exposure_s},
                                  {"black_level_dn", f.frame.black_level_dn},
                                  {"white_level_dn", f.frame.white_level_dn},
                                  {"channels", f.frame.rgb.channels()}});
        info.captures.push_back(f.file + " (" + f.stimulus + ", " +
                                std::to_string(f.frame.exposure_s) + " s)");
    }
    info.wall = cfg.name;
    info.camera = frames[0].frame.make + " " + frames[0].frame.model;
    info.calibration = calFile.string();
    info.date = meta["date"];
    app::ensureWritableDirectory(out);
    app::writeWallResults(out, an, limits, meta);
    app::writeWallReportPdf(an, limits, info, out / "report.pdf");
    printWallSummary(an, limits);
    std::printf("wrote %s\n", (out / "analysis.json").string().c_str());
}

void registerWallCommand(CLI::App& app) {
    auto a = std::make_shared<WallArgs>();
    CLI::App* cmd = app.add_subcommand(
        "wall", "LED wall certification with a camera: capture, analyse, per-module report");
    cmd->add_option("--port", a->port, "libgphoto2 port of the camera (e.g. ptpip:HOST:P:P, usb:)");
    cmd->add_option("--simulate", a->simulate,
                    "Virtual theatre config: run the PTP/IP camera simulator in-process, "
                    "photographing it")
        ->check(CLI::ExistingFile);
    cmd->add_option("--model", a->model, "libgphoto2 model name (default: from the port)");
    cmd->add_option("--camera-calibration", a->calibration,
                    "Camera calibration JSON (default: the virtual camera's)");
    cmd->add_option("--layout", a->layout,
                    "LED wall description, a config with screen and led sections (default: the "
                    "--simulate config)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--limits", a->limits,
                    "Limits: dyt8-2023-draft (default), dci-dvd-1.2, or a limits JSON file");
    cmd->add_option("--provisional", a->provisional,
                    "Draft (provisional) limits: informative (default; reported, not deciding) "
                    "or binding (they decide, with a warning)")
        ->check(CLI::IsMember({"informative", "binding"}));
    cmd->add_option("--out", a->out, "Output directory (captures kept in OUT/captures)")
        ->required();
    cmd->add_option("--uniformity-pattern", a->uniformity_pattern,
                    "Pattern for modules and seams, with the first shutter (default white@1/8)");
    cmd->add_option("--defect-pattern", a->defect_pattern,
                    "Pattern for dead/stuck pixels (default grey:0.5@1/2; none to skip)");
    cmd->add_option("--iso", a->iso, "ISO speed (default 100)");
    cmd->add_option("--aperture", a->aperture, "f-number (default 2.8)");
    cmd->add_option("--format", a->format, "Image format: RAW (default) or TIFF");
    cmd->add_option("--size", a->size,
                    "With --simulate: sensor width and height, px (default 6144 3456)")
        ->expected(2)
        ->check(CLI::Range(16, 20000));
    cmd->add_option("--seat", a->seat, "With --simulate: camera position, a seat id");
    cmd->add_option("--fault", a->fault,
                    "With --simulate: camera fault (unplug, garbage, drop, slow, busy, card-full)");
    cmd->add_option("--fault-at", a->fault_at, "With --simulate: which capture/download it hits");
    cmd->add_option("--time-scale", a->time_scale,
                    "With --simulate: real seconds per camera second (default 0)");
    cmd->add_flag("--no-prompt", a->no_prompt,
                  "With --port: do not wait for Enter before each pattern");
    cmd->add_option("--image", a->images,
                    "Analyse these files instead of capturing: the uniformity frame, then "
                    "optionally a defect frame (16-bit mono/RGB TIFF, DNG, camera raw)");
    cmd->add_option("--corners", a->corners,
                    "With --image: screen corners x,y ×4 (TL, TR, BR, BL), camera pixels");
    addImageMetadataOptions(cmd, a->meta);
    cmd->callback([a] { runWall(*a); });
}

}  // namespace cm::cli

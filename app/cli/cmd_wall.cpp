// `cinemeasure wall`: an LED wall from capture to report. The camera is driven through the real
// libgphoto2 (a real camera on its port, or the PTP/IP simulator serving frames rendered from a
// virtual theatre), every file is downloaded and verified before anything is analysed, and the
// analysis writes the luminance map, the per-module table and a PDF report.
#include "app/cli/commands.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/imaging/rendered_frame_source.h"
#include "app/common/report/wall_report_pdf.h"
#include "drivers/camera/device.h"
#include "drivers/camera/ptpip_simulator.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <memory>

namespace cm::cli {

namespace {

struct WallArgs {
    std::string simulate, port, model, layout, calibration, out;
    std::string stimulus = "grey:0.5";
    std::string shutter = "1/4";
    std::string fault = "none";
    int fault_at = 1;
    int width = 1200, height = 800;
    AnalyzeArgs limits;
};

void runWall(const WallArgs& a) {
    namespace cam = drivers::camera;
    if (a.simulate.empty() == a.port.empty()) {
        throw CommandError(kExitUsage, "give either --simulate CONFIG or --port PORT");
    }
    const std::string layout = a.layout.empty() ? a.simulate : a.layout;
    if (layout.empty()) {
        throw CommandError(kExitUsage, "a real camera needs --layout (the wall's config)");
    }
    // Everything checkable is checked before the camera is touched.
    std::unique_ptr<cam::PtpIpSimulator> simulator;
    std::string port = a.port;
    try {
        const auto cfg = app::loadTheatreConfig(layout);
        if (!cfg.led) {
            throw std::invalid_argument(layout +
                                        ": the wall job needs a config with an led section");
        }
        app::ensureWritableDirectory(a.out);
        if (!a.simulate.empty()) {
            auto theatre = std::make_shared<const drivers::virt::VirtualTheatre>(cfg);
            drivers::virt::CameraSetup setup;
            setup.width_px = a.width;
            setup.height_px = a.height;
            cam::PtpIpSimulatorOptions o;
            o.source = app::renderedFrameSource(theatre, setup, a.stimulus);
            o.fault = cam::parseSimulatorFault(a.fault);
            o.fault_at = a.fault_at;
            simulator = std::make_unique<cam::PtpIpSimulator>(o);
            simulator->start();
            port = simulator->portString();
        }
    } catch (const std::exception& e) {
        throw CommandError(kExitUsage, e.what());
    }
    const std::filesystem::path out = a.out;
    const std::filesystem::path captures = out / "captures";
    std::vector<cam::DownloadedFile> files;
    try {
        cam::CameraDevice dev(a.model, port);
        std::printf("camera: %s on %s\n", dev.deviceModel().c_str(), port.c_str());
        // The calibration holds at ISO 100 and f/2.8; only the shutter is chosen.
        dev.set(cam::Setting::Iso, app::kReferenceIso);
        dev.set(cam::Setting::Aperture, app::kReferenceFNumber);
        dev.set(cam::Setting::Shutter, cam::parseSettingInput(cam::Setting::Shutter, a.shutter));
        dev.setFormat(cam::ImageFormat::Raw);
        try {
            files = dev.capture(captures);
        } catch (const cam::CameraError& e) {
            // One reconnect for a transfer that broke: the file is still on the camera.
            if (dev.pending().empty()) {
                throw;
            }
            std::fprintf(stderr, "camera: %s; reconnecting to fetch the capture again\n", e.what());
            dev.reconnect();
            files = dev.downloadPending(captures);
        }
    } catch (const std::exception& e) {
        throw CommandError(kExitInstrument, std::string("camera: ") + e.what() +
                                                " (files downloaded so far are in " +
                                                captures.string() + "; run again to capture anew)");
    }
    if (files.empty()) {
        throw CommandError(kExitInstrument, "camera: the capture produced no file");
    }
    std::printf("captured %s (%llu bytes, verified)\n", files.front().on_disk.string().c_str(),
                static_cast<unsigned long long>(files.front().bytes));
    AnalyzeArgs an = a.limits;
    an.image = files.front().on_disk.string();
    an.layout = layout;
    an.calibration = a.calibration;
    an.out = a.out;
    runAnalyze(an);
    try {
        std::ifstream in(out / "analysis.json");
        const nlohmann::json analysis = nlohmann::json::parse(in);
        app::writeWallReportPdf(analysis, out / "luminance.png", out / "wall-report.pdf");
        const bool pass = analysis.value("verdict", std::string()) == "pass" &&
                          analysis["seams"].empty() && analysis["defects"].empty();
        std::printf("verdict: %s (modules %s, %zu seams, %zu defective pixels)\nreport: %s\n",
                    pass ? "PASS" : "FAIL", analysis.value("verdict", std::string("?")).c_str(),
                    analysis["seams"].size(), analysis["defects"].size(),
                    (out / "wall-report.pdf").string().c_str());
    } catch (const std::exception& e) {
        throw CommandError(kExitOutput, e.what());
    }
}

}  // namespace

void registerWallCommand(CLI::App& app) {
    auto a = std::make_shared<WallArgs>();
    auto* cmd = app.add_subcommand(
        "wall",
        "LED wall from capture to report: camera (libgphoto2) → per-module uniformity, "
        "seams, defects → PDF");
    cmd->add_option("--simulate", a->simulate,
                    "Virtual theatre config with an led section: serve its rendered frames from "
                    "the PTP/IP camera simulator");
    cmd->add_option("--port", a->port, "A real camera's libgphoto2 port (usb:…, ptpip:…)");
    cmd->add_option("--model", a->model, "libgphoto2 model name (default: from the port)");
    cmd->add_option("--layout", a->layout, "The wall's config (default: the --simulate config)");
    cmd->add_option("--camera-calibration", a->calibration,
                    "Camera calibration JSON (default: calibration/cameras/virtual-camera.json)");
    cmd->add_option("--stimulus", a->stimulus,
                    "What the simulated wall shows (default grey:0.5, so stuck pixels stand out)");
    cmd->add_option("--shutter", a->shutter, "Exposure time (default 1/4 s)");
    cmd->add_option("--size", a->width, "Simulated camera width in pixels (default 1200)")
        ->check(CLI::Range(64, 12000));
    cmd->add_option("--fault", a->fault,
                    "Simulated camera fault: none, unplug, garbage, drop, slow, busy, card-full");
    cmd->add_option("--fault-at", a->fault_at, "Capture or download the fault hits (default 1)");
    cmd->add_option("--min-ratio", a->limits.min_ratio,
                    "Lowest module mean / wall mean (default 0.90, DY/T 8 draft)");
    cmd->add_option("--max-ratio", a->limits.max_ratio,
                    "Highest module mean / wall mean (default 1.10, DY/T 8 draft)");
    cmd->add_option("--out", a->out, "Output directory")->required();
    cmd->callback([a] {
        WallArgs args = *a;
        args.height = args.width * 2 / 3;
        runWall(args);
    });
}

}  // namespace cm::cli

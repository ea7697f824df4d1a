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
#include "app/common/imaging/wall_setup.h"
#include "app/common/present/text_table.h"
#include "app/common/present/wall_text.h"
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
#include <sstream>

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

/// One line per figure (value ± U, verdict, limit), columns aligned in display width, and the
/// verdict naming what failed.
void printWallSummary(const app::WallAnalysis& an, const app::WallLimits& limits) {
    namespace present = app::present;
    std::vector<std::vector<std::string>> rows;
    for (const auto& f : an.figures) {
        const std::string limit =
            !f.has_limit ? ""
            : !f.provisional
                ? present::wallLimitText(f.limit)
                : present::wallLimitText(f.limit) +
                      (f.deciding ? " (provisional, binding)" : " (provisional, informative)");
        rows.push_back({present::wallFigureName(f), present::wallValueText(f),
                        present::wallVerdictWord(f), limit});
    }
    std::istringstream table(present::renderTable(rows, false));
    for (std::string line; std::getline(table, line);) {
        std::printf("  %s\n", line.c_str());
    }
    if (an.provisional_binding) {
        std::printf("%s\n", app::present::wallBindingWarning(an).c_str());
    }
    // Not judged: the reason ends the verdict line, the limits go on the next.
    std::printf(
        an.verdict == "not judged" ? "verdict: %s\n  against %s\n" : "verdict: %s against %s\n",
        app::present::wallVerdictText(an).c_str(), limits.id.c_str());
    if (!an.informative_failed.empty()) {
        std::printf("  %s\n", app::present::wallInformativeText(an).c_str());
    }
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
    if (a.layout.empty() && a.simulate.empty()) {
        throw errors::InputError("--layout is needed with --port (a config with an led section)");
    }
    app::WallRunSpec spec;
    spec.layout_file = a.layout.empty() ? a.simulate : a.layout;
    spec.simulate = !a.simulate.empty();
    spec.theatre_file = a.simulate;
    spec.port = a.port;
    spec.model = a.model;
    spec.calibration = a.calibration;
    spec.limits = a.limits;
    spec.provisional = a.provisional;
    spec.uniformity_pattern = a.uniformity_pattern;
    spec.defect_pattern = a.defect_pattern;
    spec.iso = a.iso;
    spec.aperture = a.aperture;
    spec.format = a.format;
    spec.width_px = a.size.at(0);
    spec.height_px = a.size.at(1);
    spec.seat = a.seat;
    spec.fault = a.fault;
    spec.fault_at = a.fault_at;
    spec.time_scale = a.time_scale;
    spec.out = a.out;
    // Inputs first: nothing is captured unless every input is good.
    app::WallSetup setup;
    try {
        setup = app::prepareWallJob(spec);
    } catch (const std::exception& e) {
        throw errors::InputError(e.what());
    }
    app::WallJobOptions& o = setup.options;
    const std::filesystem::path out = a.out;
    try {
        app::ensureWritableDirectory(out);
    } catch (const std::exception& e) {
        throw errors::StorageError(e.what());
    }
    o.progress = [](const app::WallProgress& step) {
        std::printf("%s\n", app::present::wallProgressText(step).c_str());
        std::fflush(stdout);
    };

    std::unique_ptr<cam::PtpIpSimulator> sim;
    if (spec.simulate) {
        try {
            sim = app::startWallSimulator(setup, spec);
        } catch (const std::exception& e) {
            throw errors::InputError(e.what());
        }
        std::printf("simulated camera on %s photographing %s\n", o.port.c_str(),
                    setup.theatre_config.name.c_str());
    } else {
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
    try {
        app::writeWallOutputs(out, r.analysis, o.limits,
                              app::wallJobMeta(setup, r, app::utcNowIso8601()));
    } catch (const std::exception& e) {
        throw errors::StorageError(e.what());
    }
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
    app::WallImageSpec spec;
    spec.images = images;
    spec.layout_file = layoutFile;
    spec.limits = limitsId;
    spec.provisional = provisional;
    spec.calibration = calibration;
    spec.corners = corners;
    spec.sidecar = m.sidecar;
    spec.overrides.exposure_s = m.exposure_s;
    spec.overrides.black_level_dn = m.black_level_dn;
    spec.overrides.white_level_dn = m.white_level_dn;
    app::WallImageInputs in;
    try {
        in = app::loadWallImages(spec);
    } catch (const std::exception& e) {
        throw errors::InputError(e.what());
    }
    app::WallAnalysis an;
    try {
        an = app::analyzeWallImages(in);
    } catch (const std::exception& e) {
        // The user's images do not show the wall where expected: input, with the way out.
        throw errors::InputError(std::string(e.what()) +
                                 (corners.empty() ? "; pass --corners" : ""));
    }
    const std::filesystem::path out = outDir;
    try {
        app::writeWallOutputs(out, an, in.limits, app::wallImageMeta(in, app::utcNowIso8601()));
    } catch (const std::exception& e) {
        throw errors::StorageError(e.what());
    }
    printWallSummary(an, in.limits);
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

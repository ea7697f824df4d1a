// SPDX-License-Identifier: Apache-2.0
// `cinemeasure camera list|config|capture` and `cinemeasure sim camera`: imaging cameras through
// libgphoto2, and the PTP/IP camera simulator that any libgphoto2 program can connect to.
#include "app/cli/commands.h"
#include "app/common/certification.h"
#include "app/common/imaging/rendered_frame_source.h"
#include "drivers/camera/device.h"
#include "drivers/camera/ptpip_simulator.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>

namespace cm::cli {

namespace {

namespace cam = drivers::camera;

std::atomic<bool> gStopCamera{false};

void onCameraSignal(int) {
    gStopCamera = true;
}

/// Options shared by config and capture.
struct CameraArgs {
    std::string port, model, iso, shutter, aperture, format;
    bool json = false;
};

void addCameraOptions(CLI::App* cmd, const std::shared_ptr<CameraArgs>& a) {
    cmd->add_option("--port", a->port,
                    "libgphoto2 port, e.g. ptpip:127.0.0.1:15740:15740 or usb:001,004")
        ->required();
    cmd->add_option("--model", a->model,
                    "libgphoto2 model name (default: from the port; ptpip: is \"PTP/IP Camera\")");
    cmd->add_option("--iso", a->iso, "ISO speed, e.g. 400");
    cmd->add_option("--shutter", a->shutter, "Exposure time, e.g. 1/125 or 2 (seconds)");
    cmd->add_option("--aperture", a->aperture, "f-number, e.g. 4 or f/4");
    cmd->add_option("--format", a->format, "Image format: RAW, TIFF or JPEG");
    cmd->add_flag("--json", a->json, "Machine-readable output");
}

/// Applies the requested settings in a fixed order.
void applySettings(cam::CameraDevice& dev, const CameraArgs& a) {
    const std::pair<cam::Setting, const std::string*> numeric[] = {
        {cam::Setting::Iso, &a.iso},
        {cam::Setting::Shutter, &a.shutter},
        {cam::Setting::Aperture, &a.aperture}};
    for (const auto& [s, text] : numeric) {
        if (!text->empty()) {
            dev.set(s, cam::parseSettingInput(s, *text));
        }
    }
    if (!a.format.empty()) {
        dev.setFormat(cam::parseImageFormat(a.format));
    }
}

nlohmann::ordered_json settingsJson(cam::CameraDevice& dev) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto s :
         {cam::Setting::Iso, cam::Setting::Shutter, cam::Setting::Aperture, cam::Setting::Format}) {
        const auto v = dev.read(s);
        if (!v) {
            j[cam::toString(s)] = nullptr;
            continue;
        }
        nlohmann::ordered_json e = {{"widget", v->widget}, {"text", v->text}};
        if (v->number) {
            e["value"] = *v->number;
        }
        if (v->format) {
            e["format"] = cam::toString(*v->format);
        }
        e["choices"] = v->choices;
        j[cam::toString(s)] = e;
    }
    return j;
}

void printSettings(cam::CameraDevice& dev) {
    for (const auto s :
         {cam::Setting::Iso, cam::Setting::Shutter, cam::Setting::Aperture, cam::Setting::Format}) {
        const auto v = dev.read(s);
        if (!v) {
            std::printf("%-13s (not offered by this camera)\n", cam::toString(s));
            continue;
        }
        std::string extra;
        if (v->format) {
            extra = std::string(" = ") + cam::toString(*v->format);
        }
        std::printf("%-13s %s%s   [%s: %zu choices]\n", cam::toString(s), v->text.c_str(),
                    extra.c_str(), v->widget.c_str(), v->choices.size());
    }
}

/// The same camera error (same kind, codes and exit code) with its kind named first for the user.
cam::CameraError withKindPrefix(const cam::CameraError& e, const std::string& message) {
    return cam::CameraError(e.kind(), std::string(cam::toString(e.kind())) + ": " + message,
                            e.gphotoCode(), e.ptpCode());
}

bool recoverable(cam::CameraErrorKind k) {
    return k == cam::CameraErrorKind::Disconnected || k == cam::CameraErrorKind::Timeout ||
           k == cam::CameraErrorKind::Protocol;
}

}  // namespace

void registerCameraCommands(CLI::App& app) {
    auto* camera = app.add_subcommand("camera", "Imaging cameras through libgphoto2");
    camera->require_subcommand(1);
    registerCameraCalibrateCommand(camera);
    {
        auto json = std::make_shared<bool>(false);
        auto* cmd = camera->add_subcommand(
            "list", "Cameras libgphoto2 detects (PTP/IP cameras are not discoverable: use --port)");
        cmd->add_flag("--json", *json, "Machine-readable output");
        cmd->callback([json] {
            const auto found = cam::CameraDevice::list();
            if (*json) {
                nlohmann::ordered_json j = nlohmann::ordered_json::array();
                for (const auto& d : found) {
                    j.push_back({{"model", d.model}, {"port", d.port}});
                }
                std::cout << j.dump(2) << "\n";
                return;
            }
            std::printf("%-32s %s\n", "model", "port");
            for (const auto& d : found) {
                std::printf("%-32s %s\n", d.model.c_str(), d.port.c_str());
            }
        });
    }
    {
        auto a = std::make_shared<CameraArgs>();
        auto* cmd = camera->add_subcommand(
            "config", "Show ISO, shutter, aperture and image format (setting those given first)");
        addCameraOptions(cmd, a);
        cmd->callback([a] {
            try {
                cam::CameraDevice dev(a->model, a->port);
                applySettings(dev, *a);
                if (a->json) {
                    nlohmann::ordered_json j = {{"model", dev.deviceModel()},
                                                {"port", a->port},
                                                {"settings", settingsJson(dev)}};
                    std::cout << j.dump(2) << "\n";
                } else {
                    std::printf("%s on %s\n", dev.deviceModel().c_str(), a->port.c_str());
                    printSettings(dev);
                }
            } catch (const cam::CameraError& e) {
                throw withKindPrefix(e, e.what());
            }
        });
    }
    {
        auto a = std::make_shared<CameraArgs>();
        auto out = std::make_shared<std::string>();
        auto keep = std::make_shared<bool>(false);
        auto* cmd = camera->add_subcommand(
            "capture", "Set exposure, capture, download (verified), then delete on the camera");
        addCameraOptions(cmd, a);
        cmd->add_option("--out", *out, "Directory for the downloaded files")->required();
        cmd->add_flag("--keep", *keep, "Leave the files on the camera");
        cmd->callback([a, out, keep] {
            std::unique_ptr<cam::CameraDevice> dev;
            try {
                dev = std::make_unique<cam::CameraDevice>(a->model, a->port);
                applySettings(*dev, *a);
                std::vector<cam::DownloadedFile> files;
                try {
                    files = dev->capture(*out, *keep);
                } catch (const cam::CameraError& e) {
                    // A failed download leaves the file on the camera: one fresh connection
                    // and one more attempt before giving up.
                    if (dev->pending().empty() || !recoverable(e.kind())) {
                        throw;
                    }
                    std::fprintf(stderr, "cinemeasure: %s; reconnecting to retry the download\n",
                                 e.what());
                    dev->reconnect();
                    files = dev->downloadPending(*out, *keep);
                }
                if (a->json) {
                    nlohmann::ordered_json j = nlohmann::ordered_json::array();
                    for (const auto& f : files) {
                        j.push_back({{"camera_path", f.on_camera.full()},
                                     {"file", f.on_disk.string()},
                                     {"bytes", f.bytes},
                                     {"deleted_on_camera", f.deleted_on_camera}});
                    }
                    std::cout << j.dump(2) << "\n";
                } else {
                    for (const auto& f : files) {
                        std::printf("%s -> %s (%llu bytes%s)\n", f.on_camera.full().c_str(),
                                    f.on_disk.c_str(), static_cast<unsigned long long>(f.bytes),
                                    f.deleted_on_camera ? ", deleted on camera" : "");
                    }
                }
            } catch (const cam::CameraError& e) {
                std::string msg = e.what();
                if (dev && !dev->pending().empty()) {
                    msg += "; still on the camera:";
                    for (const auto& p : dev->pending()) {
                        msg += " " + p.full();
                    }
                }
                throw withKindPrefix(e, msg);
            }
        });
    }

    // `sim camera`: a subcommand of the instrument `sim` command.
    CLI::App* sim = app.get_subcommand("sim");
    auto port = std::make_shared<int>(0);
    auto config = std::make_shared<std::string>();
    auto fault = std::make_shared<std::string>("none");
    auto faultAt = std::make_shared<int>(1);
    auto timeScale = std::make_shared<double>(1.0);
    auto stimulus = std::make_shared<std::string>("white");
    auto seat = std::make_shared<std::string>();
    auto size = std::make_shared<std::vector<int>>(std::vector<int>{960, 640});
    auto* cmd = sim->add_subcommand(
        "camera", "Serve a PTP/IP camera on 127.0.0.1 (prints its libgphoto2 port first)");
    cmd->add_option("--port", *port, "TCP port (default 0: any free port)")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--virtual", *config,
                    "Virtual theatre config: frames are rendered views of its screen (DNG when "
                    "the image format is RAW, 16-bit TIFF otherwise); default: a test pattern")
        ->check(CLI::ExistingFile);
    cmd->add_option("--stimulus", *stimulus,
                    "With --virtual: what the screen shows (white, grey:0.5, …; default white)");
    cmd->add_option("--seat", *seat, "With --virtual: camera position, a seat id of the config");
    cmd->add_option("--size", *size,
                    "With --virtual: sensor width and height, px (default 960 640)")
        ->expected(2)
        ->check(CLI::Range(16, 20000));
    cmd->add_option("--fault", *fault, "none, unplug, garbage, drop, slow, busy, card-full");
    cmd->add_option("--fault-at", *faultAt,
                    "Capture (busy, card-full) or download (others) the fault hits (default 1)");
    cmd->add_option("--time-scale", *timeScale,
                    "Real seconds per camera second for exposure + readout (default 1)");
    cmd->callback([=] {
        cam::PtpIpSimulatorOptions o;
        if (!config->empty()) {
            auto theatre = std::make_shared<const drivers::virt::VirtualTheatre>(
                app::loadTheatreConfig(*config));
            app::RenderedFrameSourceOptions ro;
            ro.camera.width_px = (*size)[0];
            ro.camera.height_px = (*size)[1];
            if (!seat->empty()) {
                const geometry::Seat* s = theatre->config().findSeat(*seat);
                if (!s) {
                    throw errors::InputError(*config + ": no seat '" + *seat + "'");
                }
                ro.camera.seat = *s;
            }
            // Checks the stimulus and the size now rather than at the first capture.
            drivers::virt::CameraSetup probe = ro.camera;
            probe.width_px = probe.height_px = 16;
            drivers::virt::renderCameraFrame(*theatre, *stimulus, probe);
            o.source = app::renderedFrameSource(
                theatre, std::make_shared<app::VirtualPatternGenerator>(*stimulus), ro);
        }
        o.port = static_cast<std::uint16_t>(*port);
        o.fault = cam::parseSimulatorFault(*fault);
        o.fault_at = *faultAt;
        o.time_scale = *timeScale;
        cam::PtpIpSimulator simulator(o);
        std::printf("%s\n", simulator.portString().c_str());
        std::fflush(stdout);
        std::signal(SIGINT, onCameraSignal);
        std::signal(SIGTERM, onCameraSignal);
        simulator.serve(gStopCamera);
    });
}

}  // namespace cm::cli

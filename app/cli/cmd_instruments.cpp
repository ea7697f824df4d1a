// SPDX-License-Identifier: Apache-2.0
// `cinemeasure sim FAMILY`, `read`, `ports`: instruments and their simulators from the shell.
#include "app/cli/commands.h"
#include "app/common/certification.h"
#include "app/common/cie_data.h"
#include "app/common/present/chart_data.h"
#include "drivers/families.h"

#include <libudev.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>

namespace cm::cli {

namespace {

std::atomic<bool> gStop{false};

void onSignal(int) {
    gStop = true;
}

/// Guesses the instrument family from USB identity (VID:PID, product text).
std::string likelyInstrument(const std::string& vid, const std::string& product) {
    if (product.find("PR-6") != std::string::npos ||
        product.find("SpectraScan") != std::string::npos ||
        product.find("Photo Research") != std::string::npos) {
        return "pr6xx";
    }
    if (product.find("CS-2000") != std::string::npos ||
        product.find("KONICA") != std::string::npos) {
        return "cs2000";
    }
    if (product.find("K-10") != std::string::npos || product.find("Klein") != std::string::npos) {
        return "k10a";
    }
    if (product.find("specbos") != std::string::npos || product.find("JETI") != std::string::npos) {
        return "specbos";
    }
    if (vid == "0403") {
        return "k10a or specbos (FTDI)";
    }
    return "";
}

}  // namespace

void registerInstrumentCommands(CLI::App& app) {
    {
        auto family = std::make_shared<std::string>();
        auto config = std::make_shared<std::string>();
        auto timeScale = std::make_shared<double>(1.0);
        auto fault = std::make_shared<std::string>("none");
        auto faultAt = std::make_shared<int>(1);
        auto stimulus = std::make_shared<std::string>("white");
        auto seed = std::make_shared<long long>(1);
        auto* cmd = app.add_subcommand(
            "sim", "Serve an instrument simulator on a pseudo-terminal (prints its path first)");
        // Not ->required(): `sim camera` (cmd_camera.cpp) is a subcommand without them.
        cmd->add_option("FAMILY", *family, "pr6xx, cs2000, k10a or specbos")
            ->check(CLI::IsMember(drivers::familyIds()));
        cmd->add_option("--virtual", *config, "Virtual theatre config (required)")
            ->check(CLI::ExistingFile);
        cmd->add_option("--time-scale", *timeScale,
                        "Real seconds per instrument second (default 1: real timing)");
        cmd->add_option("--fault", *fault,
                        "none, unplug, garbage, drop, slow, over-range, too-dark, error-code");
        cmd->add_option("--fault-at", *faultAt, "Measurement number the fault hits (default 1)");
        cmd->add_option("--stimulus", *stimulus,
                        "What the screen shows (default white, aimed at the centre)");
        cmd->add_option("--seed", *seed, "Noise seed");
        cmd->callback([=] {
            if (cmd->got_subcommand("camera")) {
                return;
            }
            if (family->empty() || config->empty()) {
                throw CommandError(kExitUsage, "sim: FAMILY and --virtual are required");
            }
            std::shared_ptr<drivers::virt::VirtualTheatre> theatre;
            try {
                theatre = std::make_shared<drivers::virt::VirtualTheatre>(
                    app::loadTheatreConfig(*config));
                theatre->show({*stimulus, "none"});
                theatre->aimAt({theatre->config().reference_seat, {0, 0}});
                theatre->spotMean(theatre->presentation(), theatre->aim(),
                                  1.0);  // validates the stimulus
                drivers::virt::SimulatorCommon c;
                c.time_scale = *timeScale;
                c.fault = drivers::virt::parseFault(*fault);
                c.fault_at_measurement = *faultAt;
                // Simulated spectroradiometers integrate their spectra with the CIE 1931 table we
                // ship.
                c.observer = app::cieObserverPtr("1931_2");
                c.seed = static_cast<std::uint64_t>(*seed);
                auto sim = drivers::findFamily(*family)->makeSimulator(theatre, c);
                std::printf("%s\n", sim->devicePath().c_str());
                std::fflush(stdout);
                std::signal(SIGINT, onSignal);
                std::signal(SIGTERM, onSignal);
                sim->serve(gStop);
            } catch (const std::exception& e) {
                throw CommandError(kExitUsage, e.what());
            }
        });
    }
    {
        auto family = std::make_shared<std::string>();
        auto port = std::make_shared<std::string>();
        auto json = std::make_shared<bool>(false);
        auto* cmd = app.add_subcommand(
            "read", "Take one reading from an instrument on a serial port (or a simulator's path)");
        cmd->add_option("--instrument", *family, "pr6xx, cs2000, k10a or specbos")
            ->required()
            ->check(CLI::IsMember(drivers::familyIds()));
        cmd->add_option("--port", *port, "Serial device, e.g. /dev/ttyACM0")->required();
        cmd->add_flag("--json", *json, "Machine-readable output");
        cmd->callback([=] {
            try {
                auto dev = drivers::openInstrument(*drivers::findFamily(*family), *port);
                const auto id = dev->identify();
                const auto r = dev->measure();
                const auto xy = colorimetry::toXY(r.xyz_cdm2);
                const auto uv = colorimetry::toUV(r.xyz_cdm2);
                if (*json) {
                    nlohmann::ordered_json j = {{"model", id.model},
                                                {"serial", id.serial},
                                                {"firmware", id.firmware},
                                                {"X", r.xyz_cdm2.X},
                                                {"Y", r.xyz_cdm2.Y},
                                                {"Z", r.xyz_cdm2.Z},
                                                {"x", xy.x},
                                                {"y", xy.y},
                                                {"u_prime", uv.u_prime},
                                                {"v_prime", uv.v_prime},
                                                {"integration_time_s", r.integration_time_s},
                                                {"timestamp_utc", r.timestamp_utc},
                                                {"raw_reply", r.raw_reply}};
                    if (const auto c = app::present::spectralCheck(r)) {
                        // The spectrum, and the instrument's XYZ against it (CIE 1931 table).
                        j["spectrum"] = {{"start_nm", r.spectrum_start_nm},
                                         {"step_nm", r.spectrum_step_nm},
                                         {"values", r.spectral_radiance},
                                         {"delta_Y_pct", c->delta_Y_pct},
                                         {"delta_u_prime_v_prime", c->delta_uv}};
                    }
                    std::cout << j.dump(2) << "\n";
                } else {
                    std::printf(
                        "%s serial %s firmware %s\nL = %.4f cd/m²  x = %.4f  y = %.4f  u' = %.4f  "
                        "v' = %.4f  (%.3f s)\n",
                        id.model.c_str(), id.serial.c_str(), id.firmware.c_str(), r.xyz_cdm2.Y,
                        xy.x, xy.y, uv.u_prime, uv.v_prime, r.integration_time_s);
                    if (const auto c = app::present::spectralCheck(r)) {
                        std::printf(
                            "spectrum %zu values %.0f–%.0f nm; XYZ from it: ΔY %+.3f %%, "
                            "Δu'v' %.5f\n",
                            r.spectral_radiance.size(), r.spectrum_start_nm,
                            r.spectrum_start_nm +
                                r.spectrum_step_nm *
                                    static_cast<double>(r.spectral_radiance.size() - 1),
                            c->delta_Y_pct, c->delta_uv);
                    }
                }
            } catch (const drivers::InstrumentError& e) {
                throw CommandError(kExitInstrument, *port + ": " + e.what());
            }
        });
    }
    {
        auto* cmd = app.add_subcommand(
            "ports",
            "List serial ports with USB VID:PID, product, serial and the likely instrument");
        cmd->callback([] {
            udev* u = udev_new();
            if (u == nullptr) {
                throw CommandError(kExitUsage, "udev is not available");
            }
            udev_enumerate* e = udev_enumerate_new(u);
            udev_enumerate_add_match_subsystem(e, "tty");
            udev_enumerate_scan_devices(e);
            std::printf("%-16s %-9s %-28s %-14s %s\n", "port", "VID:PID", "product", "serial",
                        "likely instrument");
            udev_list_entry* entry = nullptr;
            udev_list_entry_foreach(entry, udev_enumerate_get_list_entry(e)) {
                udev_device* d = udev_device_new_from_syspath(u, udev_list_entry_get_name(entry));
                const char* node = udev_device_get_devnode(d);
                udev_device* usb =
                    udev_device_get_parent_with_subsystem_devtype(d, "usb", "usb_device");
                if (node != nullptr && usb != nullptr) {
                    auto attr = [&](const char* a) {
                        const char* v = udev_device_get_sysattr_value(usb, a);
                        return std::string(v ? v : "");
                    };
                    const std::string vid = attr("idVendor");
                    const std::string product = attr("manufacturer") + " " + attr("product");
                    std::printf("%-16s %-9s %-28s %-14s %s\n", node,
                                (vid + ":" + attr("idProduct")).c_str(),
                                product.substr(0, 28).c_str(), attr("serial").c_str(),
                                likelyInstrument(vid, product).c_str());
                }
                udev_device_unref(d);
            }
            udev_enumerate_unref(e);
            udev_unref(u);
        });
    }
}

}  // namespace cm::cli

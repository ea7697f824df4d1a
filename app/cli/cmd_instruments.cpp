// SPDX-License-Identifier: Apache-2.0
// `cinemeasure sim FAMILY`, `read`, `ports`: instruments and their simulators from the shell.
#include "app/cli/commands.h"
#include "app/common/certification.h"
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
        cmd->add_option("FAMILY", *family, drivers::simulatedFamilyList())
            ->check(CLI::IsMember(drivers::simulatedFamilyIds()));
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
                throw errors::InputError("sim: FAMILY and --virtual are required");
            }
            // A bad config, stimulus or fault is input (libmeasure/errors.h: untyped ones too).
            std::shared_ptr<drivers::virt::VirtualTheatre> theatre;
            theatre =
                std::make_shared<drivers::virt::VirtualTheatre>(app::loadTheatreConfig(*config));
            theatre->show({*stimulus, "none"});
            theatre->aimAt({theatre->config().reference_seat, {0, 0}});
            theatre->spotMean(theatre->presentation(), theatre->aim(),
                              1.0);  // validates the stimulus
            drivers::virt::SimulatorCommon c;
            c.time_scale = *timeScale;
            c.fault = drivers::virt::parseFault(*fault);
            c.fault_at_measurement = *faultAt;
            c.seed = static_cast<std::uint64_t>(*seed);
            auto sim = drivers::findFamily(*family)->makeSimulator(theatre, c);
            std::printf("%s\n", sim->devicePath().c_str());
            std::fflush(stdout);
            std::signal(SIGINT, onSignal);
            std::signal(SIGTERM, onSignal);
            sim->serve(gStop);
        });
    }
    {
        auto family = std::make_shared<std::string>();
        auto port = std::make_shared<std::string>();
        auto json = std::make_shared<bool>(false);
        auto* cmd = app.add_subcommand(
            "read", "Take one reading from an instrument on a serial port (or a simulator's path)");
        cmd->add_option("--instrument", *family, "Instrument family: " + drivers::familyList())
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
                    std::cout << j.dump(2) << "\n";
                } else {
                    std::printf(
                        "%s serial %s firmware %s\nL = %.4f cd/m²  x = %.4f  y = %.4f  u' = %.4f  "
                        "v' = %.4f  (%.3f s)\n",
                        id.model.c_str(), id.serial.c_str(), id.firmware.c_str(), r.xyz_cdm2.Y,
                        xy.x, xy.y, uv.u_prime, uv.v_prime, r.integration_time_s);
                }
            } catch (const drivers::InstrumentError& e) {
                throw errors::InstrumentError(*port + ": " + e.what());
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
                throw errors::InputError("udev is not available");
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
                    const drivers::UsbDescriptor usbId{attr("idVendor"), attr("idProduct"),
                                                       attr("manufacturer"), attr("product"),
                                                       attr("serial")};
                    const std::string product = usbId.manufacturer + " " + usbId.product;
                    std::printf("%-16s %-9s %-28s %-14s %s\n", node,
                                (usbId.vid + ":" + usbId.pid).c_str(),
                                product.substr(0, 28).c_str(), usbId.serial.c_str(),
                                drivers::likelyFamilies(usbId).c_str());
                }
                udev_device_unref(d);
            }
            udev_enumerate_unref(e);
            udev_unref(u);
        });
    }
    {
        auto json = std::make_shared<bool>(false);
        auto udevRules = std::make_shared<bool>(false);
        auto* cmd = app.add_subcommand(
            "families", "List the instrument families: models, link, spectral, USB identity");
        cmd->add_flag("--json", *json, "Machine-readable output");
        cmd->add_flag("--udev-rules", *udevRules,
                      "Print the udev rules made from the USB tables (packaging/)");
        cmd->callback([=] {
            if (*udevRules) {
                std::cout << drivers::udevRulesForAllFamilies();
                return;
            }
            nlohmann::ordered_json all = nlohmann::ordered_json::array();
            for (const drivers::Family& f : drivers::families()) {
                nlohmann::ordered_json usb = nlohmann::ordered_json::array();
                for (const drivers::UsbId& id : f.usb) {
                    usb.push_back({{"vid", id.vid},
                                   {"pid", id.pid},
                                   {"product", id.product},
                                   {"manufacturer", id.manufacturer},
                                   {"confirmed", id.confirmed},
                                   {"generic_bridge", id.generic_bridge},
                                   {"source", id.source}});
                }
                all.push_back({{"id", f.id},
                               {"models", f.description},
                               {"link", f.link},
                               {"spectral", f.spectral},
                               {"baud", f.line.baud},
                               {"usb", usb}});
            }
            if (*json) {
                std::cout << all.dump(2) << "\n";
                return;
            }
            for (const drivers::Family& f : drivers::families()) {
                std::printf("%-10s %s%s\n           %s\n", f.id.c_str(), f.description.c_str(),
                            f.spectral ? " (spectral)" : "", f.link.c_str());
                for (const drivers::UsbId& id : f.usb) {
                    std::string what =
                        (id.vid.empty() ? "*" : id.vid) + ":" + (id.pid.empty() ? "*" : id.pid);
                    if (!id.product.empty()) {
                        what += " product \"" + id.product + "\"";
                    }
                    if (!id.manufacturer.empty()) {
                        what += " maker \"" + id.manufacturer + "\"";
                    }
                    std::printf("           USB %s%s%s\n", what.c_str(),
                                id.generic_bridge ? " (generic bridge)" : "",
                                id.confirmed ? "" : " (unconfirmed)");
                }
            }
        });
    }
}

}  // namespace cm::cli

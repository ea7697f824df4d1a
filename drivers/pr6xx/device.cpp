// SPDX-License-Identifier: Apache-2.0
// PR-6xx driver state machine.
#include "drivers/pr6xx/device.h"
#include "libmeasure/procedure/reading_spectrum.h"

#include "drivers/instrument/timeout.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

namespace cm::drivers::pr6xx {

using namespace std::chrono_literals;

Pr6xxDevice::Pr6xxDevice(std::unique_ptr<ByteTransport> transport, double timeout_scale)
    : port_(std::move(transport)), timeout_scale_(timeout_scale) {}

Pr6xxDevice::~Pr6xxDevice() {
    if (remote_) {
        try {
            port_->write("Q");
        } catch (const InstrumentError&) {
            // The instrument is gone already; nothing to hand back.
        }
    }
}

void Pr6xxDevice::ensureRemote() {
    if (remote_) {
        return;
    }
    port_->flushInput();
    // The manual insists on one character per write, with a short gap.
    for (const char* c = kRemoteModeKeyword; *c != '\0'; ++c) {
        port_->write(std::string(1, *c));
        std::this_thread::sleep_for(5ms);
    }
    const std::string reply =
        port_->readUntil(kReplyTerminator, scaledTimeout(3000, timeout_scale_));
    if (reply.find(kRemoteModeReply) == std::string::npos) {
        throw InstrumentError(ErrorKind::Protocol,
                              port_->name() + ": expected 'REMOTE MODE', got '" + reply + "'");
    }
    remote_ = true;
    transact("SU1", 3000ms);  // SI units, so Y is cd/m²
}

Reply Pr6xxDevice::transact(const std::string& command, std::chrono::milliseconds timeout) {
    port_->write(command + kCommandTerminator);
    return parseReply(port_->readUntil(kReplyTerminator, timeout));
}

procedure::InstrumentInfo Pr6xxDevice::identify() {
    if (model_ != nullptr) {
        return info_;
    }
    ensureRemote();
    auto field = [&](const char* cmd) {
        const Reply r = transact(cmd, 3000ms);
        if (r.status != 0 || r.fields.empty()) {
            throw InstrumentError(ErrorKind::Protocol, std::string(cmd) + ": unexpected reply");
        }
        return r.fields.front();
    };
    info_.family = "pr6xx";
    info_.model = field("D111");
    info_.serial = field("D110");
    info_.firmware = field("D114");
    model_ = findModel(info_.model);
    if (model_ == nullptr) {
        throw InstrumentError(ErrorKind::Protocol,
                              "unknown Photo Research model '" + info_.model + "'");
    }
    info_.acceptance_angle_deg = model_->acceptance_angle_deg;
    grid_ = parseHardwareConfig(transact("D120", 3000ms));  // spectral grid: always ask
    // Known low-light state: the front panel may have left other settings behind.
    if (model_->extended_sensitivity) {
        transact("SH0", 3000ms);
    }
    transact("SN1", 3000ms);
    return info_;
}

Capabilities Pr6xxDevice::capabilities() const {
    Capabilities c;
    if (model_ != nullptr) {
        c.acceptance_angle_deg = model_->acceptance_angle_deg;
        c.min_luminance_cdm2 = model_->min_luminance_cdm2;
        c.max_luminance_cdm2 = model_->max_luminance_cdm2;
    }
    c.spectral = true;
    c.luminance_uncertainty_rel =
        0.02;  // data sheet: ±2 % luminance accuracy (1-sigma taken as 2 %)
    c.chromaticity_uncertainty_xy = 0.0015;
    if (model_ != nullptr) {
        c.low_light.integration_default_s = model_->standard_exposure_ms / 1000.0;
        c.low_light.integration_max_s =
            (model_->extended_sensitivity ? model_->max_exposure_ms
                                          : model_->standard_exposure_ms) /
            1000.0;
        c.low_light.averages_max = model_->low_light_cycles;
        c.low_light.averages_in_instrument = true;
        // Our reading of -8 "weak light": a test on the averaged signal (the simulator's model).
        c.low_light.averaging_lowers_floor = true;
    }
    return c;
}

void Pr6xxDevice::setLowLight(const LowLightSettings& s) {
    identify();
    const bool extended = model_->extended_sensitivity &&
                          s.integration_limit_s * 1000.0 > model_->standard_exposure_ms;
    const int cycles = std::clamp(s.averages > 0 ? s.averages : 1, 1, kMaxCycles);
    auto set = [&](const std::string& cmd) {
        const Reply r = transact(cmd, 3000ms);
        if (r.status != 0) {
            throw InstrumentError(errorKind(r.status), cmd + ": " + errorText(r.status),
                                  std::to_string(r.status));
        }
    };
    if (model_->extended_sensitivity && extended != extended_) {
        set(extended ? "SH1" : "SH0");
        extended_ = extended;
    }
    if (cycles != cycles_) {
        set("SN" + std::to_string(cycles));
        cycles_ = cycles;
    }
}

procedure::Reading Pr6xxDevice::measure() {
    identify();
    // Per cycle the adaptive exposure plus an equal dark reading, plus overhead (manual timing
    // notes).
    const double ceiling_ms = extended_ ? model_->max_exposure_ms : model_->standard_exposure_ms;
    const auto timeout = scaledTimeout(cycles_ * 2 * ceiling_ms + 15000, timeout_scale_);
    port_->write(std::string("M2") + kCommandTerminator);
    const std::string line = port_->readUntil(kReplyTerminator, timeout);
    procedure::Reading r;
    try {
        r.xyz_cdm2 = parseXYZ(parseReply(line));
    } catch (const InstrumentError& e) {
        if (e.kind() == ErrorKind::Protocol) {
            port_->flushInput();  // resynchronise after garbage before the caller retries
        }
        throw;
    }
    r.raw_reply = line;
    r.timestamp_utc = utcNowIso8601();
    r.instrument = info_;
    r.averages = cycles_;
    r.integration_limit_s = extended_ ? model_->max_exposure_ms / 1000.0 : 0.0;
    readSpectrum(r);
    const Reply exposure = transact("D13", 3000ms);  // "00000,<gain>,<n> msec": exposure used
    if (exposure.status == 0 && exposure.fields.size() >= 2) {
        r.integration_time_s = std::atof(exposure.fields[1].c_str()) / 1000.0;
    }
    return r;
}

void Pr6xxDevice::readSpectrum(procedure::Reading& r) {
    // Data code 5 of the same measurement: a header line, then one "wl,value" line per grid point.
    port_->write(std::string("D5") + kCommandTerminator);
    try {
        parseSpectralHeader(
            parseReply(port_->readUntil(kReplyTerminator, scaledTimeout(3000, timeout_scale_))));
        std::vector<double> values;
        values.reserve(static_cast<std::size_t>(grid_.points));
        for (int i = 0; i < grid_.points; ++i) {
            const auto [wl, v] = parseSpectralLine(
                port_->readUntil(kReplyTerminator, scaledTimeout(3000, timeout_scale_)));
            const double expected = grid_.start_nm + grid_.step_nm * i;
            if (std::abs(wl - expected) > 1e-6) {
                throw InstrumentError(ErrorKind::Protocol, "D5: line " + std::to_string(i + 2) +
                                                               " is at " + std::to_string(wl) +
                                                               " nm, expected " +
                                                               std::to_string(expected) + " nm");
            }
            values.push_back(v);
        }
        procedure::setSpectralRadiance(r, grid_.start_nm, grid_.step_nm, std::move(values));
    } catch (const InstrumentError& e) {
        if (e.kind() == ErrorKind::Protocol) {
            port_->flushInput();
        }
        throw;
    }
}

}  // namespace cm::drivers::pr6xx

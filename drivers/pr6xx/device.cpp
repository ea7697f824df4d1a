// SPDX-License-Identifier: Apache-2.0
// PR-6xx driver state machine.
#include "drivers/pr6xx/device.h"

#include "drivers/instrument/timeout.h"

#include <algorithm>
#include <chrono>
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
    return c;
}

procedure::Reading Pr6xxDevice::measure() {
    identify();
    // Adaptive exposure plus an equal dark reading, plus overhead (manual timing notes).
    const auto timeout = scaledTimeout(2 * model_->max_exposure_ms + 15000, timeout_scale_);
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
    const Reply exposure = transact("D13", 3000ms);  // "00000,<gain>,<n> msec": exposure used
    if (exposure.status == 0 && exposure.fields.size() >= 2) {
        r.integration_time_s = std::atof(exposure.fields[1].c_str()) / 1000.0;
    }
    return r;
}

}  // namespace cm::drivers::pr6xx

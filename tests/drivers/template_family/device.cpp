// SPDX-License-Identifier: Apache-2.0
// Template family driver.
#include "device.h"

#include "drivers/instrument/timeout.h"
#include "protocol.h"

namespace cm::drivers::template_family {

TemplateDevice::TemplateDevice(std::unique_ptr<ByteTransport> transport, double timeout_scale)
    : port_(std::move(transport)), timeout_scale_(timeout_scale) {}

std::string TemplateDevice::transact(const std::string& command, double timeout_ms) {
    port_->write(command + kCommandTerminator);
    return port_->readUntil(kReplyTerminator, scaledTimeout(timeout_ms, timeout_scale_));
}

procedure::InstrumentInfo TemplateDevice::identify() {
    if (identified_) {
        return info_;
    }
    port_->flushInput();
    const Identity id = parseIdentity(transact("ID", 2000));
    info_.family = "template";
    info_.model = id.model;
    info_.serial = id.serial;
    info_.firmware = id.firmware;
    info_.acceptance_angle_deg = 2.0;
    identified_ = true;
    return info_;
}

Capabilities TemplateDevice::capabilities() const {
    Capabilities c;
    c.acceptance_angle_deg = 2.0;
    c.min_luminance_cdm2 = 0.01;
    c.max_luminance_cdm2 = 10000.0;
    return c;
}

procedure::Reading TemplateDevice::measure() {
    identify();
    procedure::Reading r;
    r.raw_reply = transact("MEAS", 5000);
    r.xyz_cdm2 = parseMeasurement(r.raw_reply);
    r.integration_time_s = 1.0;
    r.timestamp_utc = utcNowIso8601();
    r.instrument = info_;
    return r;
}

}  // namespace cm::drivers::template_family

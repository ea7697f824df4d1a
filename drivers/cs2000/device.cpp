// SPDX-License-Identifier: Apache-2.0
// CS-2000 driver state machine.
#include "drivers/cs2000/device.h"

#include "drivers/instrument/timeout.h"

#include <algorithm>

namespace cm::drivers::cs2000 {

Cs2000Device::Cs2000Device(std::unique_ptr<ByteTransport> transport, double timeout_scale)
    : port_(std::move(transport)), timeout_scale_(timeout_scale) {}

Cs2000Device::~Cs2000Device() {
    if (remote_) {
        try {
            port_->write(std::string("RMTS,0") + kTerminator);  // give the front keys back
        } catch (const InstrumentError&) {
        }
    }
}

Reply Cs2000Device::transact(const std::string& command, double timeout_ms) {
    port_->write(command + kTerminator);
    return parseReply(port_->readUntil(kTerminator, scaledTimeout(timeout_ms, timeout_scale_)));
}

procedure::InstrumentInfo Cs2000Device::identify() {
    if (model_ != nullptr) {
        return info_;
    }
    port_->flushInput();
    check(transact("RMTS,1", 3000), "RMTS,1");
    remote_ = true;
    const Identity id = parseIdentity(transact("IDDR", 3000));
    model_ = findModel(id.name);
    if (model_ == nullptr) {
        throw InstrumentError(ErrorKind::Protocol,
                              "unknown Konica Minolta model '" + id.name + "'");
    }
    info_.family = "cs2000";
    info_.model = model_->name;
    info_.serial = id.serial;
    info_.firmware = "variation " + id.variation;  // IDDR reports the variation code, not a version
    info_.acceptance_angle_deg = model_->acceptance_angle_deg;
    return info_;
}

Capabilities Cs2000Device::capabilities() const {
    Capabilities c;
    if (model_ != nullptr) {
        c.acceptance_angle_deg = model_->acceptance_angle_deg;
        c.min_luminance_cdm2 = model_->min_luminance_cdm2;
        c.max_luminance_cdm2 = model_->max_luminance_cdm2;
    }
    c.spectral = true;
    c.luminance_uncertainty_rel = 0.02;  // data sheet: ±2 % luminance
    c.chromaticity_uncertainty_xy = 0.0015;
    return c;
}

procedure::Reading Cs2000Device::measure() {
    identify();
    // One command, two replies: "OK00,ttt" after the pre-measurement, then "OK00" when done.
    const int seconds = parseMeasurementTime(transact("MEAS,1", 15000));
    const auto second = parseReply(
        port_->readUntil(kTerminator, scaledTimeout(seconds * 1000.0 + 10000.0, timeout_scale_)));
    check(second, "MEAS,1");
    const std::string line = [&] {
        port_->write(std::string("MEDR,2,0,01") + kTerminator);
        return port_->readUntil(kTerminator, scaledTimeout(3000, timeout_scale_));
    }();
    procedure::Reading r;
    try {
        r.xyz_cdm2 = parseXYZ(parseReply(line));
    } catch (const InstrumentError& e) {
        if (e.kind() == ErrorKind::Protocol) {
            port_->flushInput();
        }
        throw;
    }
    r.raw_reply = line;
    r.integration_time_s = seconds;
    r.timestamp_utc = utcNowIso8601();
    r.instrument = info_;
    return r;
}

}  // namespace cm::drivers::cs2000

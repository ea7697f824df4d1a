// SPDX-License-Identifier: Apache-2.0
// K10-A driver: the connection sequence and reading loop Argyll uses (P0, P2, J8; N5 averaged).
#include "drivers/k10a/device.h"

#include "drivers/instrument/timeout.h"

#include <algorithm>

namespace cm::drivers::k10a {

K10aDevice::K10aDevice(std::unique_ptr<ByteTransport> transport, double timeout_scale)
    : port_(std::move(transport)), timeout_scale_(timeout_scale) {}

std::string K10aDevice::command(const std::string& cmd, std::size_t length, double timeout_ms) {
    // Replies have no terminator: drop anything stale (a short or late frame) so the byte count
    // of this reply starts at its first byte.
    port_->flushInput();
    port_->write(cmd + kCommandTerminator);
    return port_->readExactly(length, scaledTimeout(timeout_ms, timeout_scale_));
}

procedure::InstrumentInfo K10aDevice::identify() {
    if (identified_) {
        return info_;
    }
    port_->flushInput();
    const Identity id = parseP0(command("P0", kP0Length, 2000));
    info_.family = "k10a";
    info_.model = id.model;
    info_.serial = id.serial;
    info_.firmware = parseP2(command("P2", kP2Length, 2000));
    info_.acceptance_angle_deg = 5.0;  // K10-A: ±2.5° (5° full) field of view
    const std::string j8 = command("J8", kShortLength, 2000);  // auto-range on
    if (j8.compare(0, 2, "J8") != 0) {
        throw InstrumentError(ErrorKind::Protocol, "J8: unexpected reply");
    }
    identified_ = true;
    return info_;
}

Capabilities K10aDevice::capabilities() const {
    Capabilities c;
    c.acceptance_angle_deg = 5.0;
    c.min_luminance_cdm2 = 0.0003;
    c.max_luminance_cdm2 = 5000.0;
    c.spectral = false;
    c.luminance_uncertainty_rel = 0.03;  // colorimeter, before a screen-specific correction
    c.chromaticity_uncertainty_xy = 0.004;
    // No integration control is exposed; the driver averages N5 readings (Argyll's table up to
    // 20 at low light, more on request). An under-range "u" is per conversion: averaging lowers
    // the noise, not the level the K10-A reads.
    c.low_light.averages_max = kMaxAveragedReadings;
    c.low_light.averages_in_instrument = false;
    c.low_light.averaging_lowers_floor = false;
    return c;
}

void K10aDevice::setLowLight(const LowLightSettings& s) {
    min_averages_ = std::clamp(s.averages > 0 ? s.averages : 1, 1, kMaxAveragedReadings);
}

colorimetry::XYZ K10aDevice::oneReading() {
    // Range errors (u/v) are retried up to 4 times while auto-range settles (as Argyll does).
    for (int attempt = 1;; ++attempt) {
        try {
            const std::string r = command("N5", kN5Length, 2000);
            try {
                return parseN5(r);
            } catch (const InstrumentError& e) {
                if (e.kind() == ErrorKind::Protocol) {
                    port_->flushInput();
                }
                throw;
            }
        } catch (const InstrumentError& e) {
            const bool range = e.kind() == ErrorKind::OverRange || e.kind() == ErrorKind::TooDark;
            if (!range || attempt >= 4) {
                throw;
            }
        }
    }
}

procedure::Reading K10aDevice::measure() {
    identify();
    colorimetry::XYZ first = oneReading();
    const int n = std::max(min_averages_, readingsToAverage(std::max({first.X, first.Y, first.Z})));
    colorimetry::XYZ sum = first;
    for (int i = 1; i < n; ++i) {
        const colorimetry::XYZ v = oneReading();
        sum.X += v.X;
        sum.Y += v.Y;
        sum.Z += v.Z;
    }
    procedure::Reading r;
    r.xyz_cdm2 = {sum.X / n, sum.Y / n, sum.Z / n};
    r.integration_time_s = 0.4 * n;  // an N5 takes about 0.4 s
    r.averages = n;
    r.status = n > 1 ? "ok (mean of " + std::to_string(n) + " N5 readings)" : "ok";
    r.timestamp_utc = utcNowIso8601();
    r.instrument = info_;
    return r;
}

}  // namespace cm::drivers::k10a

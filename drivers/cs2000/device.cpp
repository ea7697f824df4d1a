// SPDX-License-Identifier: Apache-2.0
// CS-2000 driver state machine.
#include "drivers/cs2000/device.h"
#include "libmeasure/procedure/reading_spectrum.h"

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
    cancelWanted_ = false;
    phase_ = Phase::PreMeasurement;
    struct BackToIdle {
        std::atomic<Phase>& phase;
        ~BackToIdle() { phase = Phase::Idle; }
    } idle{phase_};
    // One command, two replies: "OK00,ttt" after the pre-measurement, then "OK00" when done.
    const int seconds = parseMeasurementTime(transact("MEAS,1", 15000));
    Phase expected = Phase::PreMeasurement;
    phase_.compare_exchange_strong(expected, Phase::Measuring);
    expected = Phase::Measuring;
    if (cancelWanted_ && phase_.compare_exchange_strong(expected, Phase::CancelSent)) {
        port_->write(std::string("MEAS,0") + kTerminator);  // asked during the pre-measurement
    }
    const std::string line =
        port_->readUntil(kTerminator, scaledTimeout(seconds * 1000.0 + 10000.0, timeout_scale_));
    // Atomically out of the measurement: a cancel from now on finds the instrument idle and is
    // declined, so MEAS,0 can never cross the MEDR commands below on the wire.
    expected = Phase::Measuring;
    if (!phase_.compare_exchange_strong(expected, Phase::Idle)) {
        finishCancel();  // MEAS,0 was sent
    }
    const auto second = parseReply(line);
    check(second, "MEAS,1");
    const std::string xyzLine = [&] {
        port_->write(std::string("MEDR,2,0,01") + kTerminator);
        return port_->readUntil(kTerminator, scaledTimeout(3000, timeout_scale_));
    }();
    procedure::Reading r;
    try {
        r.xyz_cdm2 = parseXYZ(parseReply(xyzLine));
    } catch (const InstrumentError& e) {
        if (e.kind() == ErrorKind::Protocol) {
            port_->flushInput();
        }
        throw;
    }
    r.raw_reply = xyzLine;
    // The spectrum of the same measurement, in its four blocks.
    std::vector<double> spectrum;
    for (int b = 1; b <= kSpectralBlocks; ++b) {
        try {
            const auto v = parseSpectralBlock(transact(spectralBlockCommand(b), 3000), b);
            spectrum.insert(spectrum.end(), v.begin(), v.end());
        } catch (const InstrumentError& e) {
            if (e.kind() == ErrorKind::Protocol) {
                port_->flushInput();
            }
            throw;
        }
    }
    procedure::setSpectralRadiance(r, kSpectrumStart_nm, kSpectrumStep_nm, std::move(spectrum));
    r.integration_time_s = seconds;
    r.timestamp_utc = utcNowIso8601();
    r.instrument = info_;
    return r;
}

bool Cs2000Device::requestCancel() {
    cancelWanted_ = true;
    Phase expected = Phase::Measuring;
    if (phase_.compare_exchange_strong(expected, Phase::CancelSent)) {
        // The measuring thread is blocked reading; this write is the only one on the port now.
        port_->write(std::string("MEAS,0") + kTerminator);
        return true;
    }
    return phase_ == Phase::PreMeasurement || phase_ == Phase::CancelSent;
}

void Cs2000Device::finishCancel() {
    // The line just read answers MEAS,0 (or is the completion that crossed it: then MEAS,0,
    // arriving at an idle instrument, gets ER17). Either way the instrument is idle; what else
    // is on its way is dropped so the next command meets a clean line.
    try {
        port_->readUntil(kTerminator, scaledTimeout(500, timeout_scale_));
    } catch (const InstrumentError& e) {
        if (e.kind() == ErrorKind::Disconnected) {
            throw;
        }
    }
    port_->flushInput();
    throw MeasurementCancelled("MEAS,0 sent to the CS-2000");
}

}  // namespace cm::drivers::cs2000

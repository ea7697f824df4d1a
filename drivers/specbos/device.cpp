// SPDX-License-Identifier: Apache-2.0
// specbos driver.
#include "drivers/specbos/device.h"
#include "libmeasure/procedure/reading_spectrum.h"

#include "drivers/instrument/timeout.h"

#include <algorithm>

namespace cm::drivers::specbos {

SpecbosDevice::SpecbosDevice(std::unique_ptr<ByteTransport> transport, double timeout_scale)
    : port_(std::move(transport)), timeout_scale_(timeout_scale) {}

std::string SpecbosDevice::query(const std::string& command, double timeout_ms) {
    port_->write(command + kTerminator);
    std::string line = port_->readUntil(kTerminator, scaledTimeout(timeout_ms, timeout_scale_));
    if (!line.empty() && line.front() == kNak) {
        raiseDeviceError(command);
    }
    return line;
}

void SpecbosDevice::raiseDeviceError(const std::string& what) {
    port_->flushInput();
    port_->write(std::string("*stat:err?") + kTerminator);
    const int code =
        parseErrorCode(port_->readUntil(kTerminator, scaledTimeout(2000, timeout_scale_)));
    throw InstrumentError(errorKind(code),
                          what + ": " + errorText(code) + " (error " + std::to_string(code) + ")",
                          std::to_string(code));
}

void SpecbosDevice::setting(const std::string& command) {
    port_->write(command + kTerminator);
    const std::string b = port_->readExactly(1, scaledTimeout(2000, timeout_scale_));
    if (b[0] == kNak) {
        raiseDeviceError(command);
    }
    if (b[0] != kAck) {
        throw InstrumentError(ErrorKind::Protocol, command + ": expected ACK");
    }
}

procedure::InstrumentInfo SpecbosDevice::identify() {
    if (model_ != nullptr) {
        return info_;
    }
    port_->flushInput();
    const std::string idn = query("*idn?", 2000);
    model_ = findByIdn(idn);
    if (model_ == nullptr) {
        throw InstrumentError(ErrorKind::Protocol, "not a known JETI specbos: '" + idn + "'");
    }
    info_.family = "specbos";
    info_.model = model_->model;
    info_.serial = parseSerial(query("*para:spnum?", 2000));
    info_.firmware = parseSerial(query("*vers?", 2000));
    info_.acceptance_angle_deg = 2.0;  // standard optics: 2° field
    wavbeg_nm_ = parseLabelled(query("*para:wavbeg?", 2000), kWavBegLabel);
    wavend_nm_ = parseLabelled(query("*para:wavend?", 2000), kWavEndLabel);
    setting("*conf:maxtin " + std::to_string(static_cast<int>(model_->max_exposure_ms)));
    maxtin_ms_ = model_->max_exposure_ms;
    setting("*conf:aver 1");  // as Argyll: one exposure per reading unless the run asks for more
    aver_ = 1;
    return info_;
}

void SpecbosDevice::setLowLight(const LowLightSettings& s) {
    identify();
    const double maxtin = s.integration_limit_s > 0.0 ? std::clamp(s.integration_limit_s * 1000.0,
                                                                   kMinCeiling_ms, kMaxCeiling_ms)
                                                      : model_->max_exposure_ms;
    const int aver = std::clamp(s.averages > 0 ? s.averages : 1, 1, kMaxAverages);
    if (maxtin != maxtin_ms_) {
        setting("*conf:maxtin " + std::to_string(static_cast<int>(maxtin)));
        maxtin_ms_ = maxtin;
    }
    if (aver != aver_) {
        setting("*conf:aver " + std::to_string(aver));
        aver_ = aver;
    }
}

Capabilities SpecbosDevice::capabilities() const {
    Capabilities c;
    c.acceptance_angle_deg = 2.0;
    c.min_luminance_cdm2 = model_ ? model_->min_luminance_cdm2 : 0.2;
    c.max_luminance_cdm2 = 150000.0;
    c.spectral = true;
    c.luminance_uncertainty_rel = 0.02;
    c.chromaticity_uncertainty_xy = 0.002;
    if (model_ != nullptr) {
        c.low_light.integration_default_s = model_->max_exposure_ms / 1000.0;
        c.low_light.integration_max_s = kMaxCeiling_ms / 1000.0;
        c.low_light.averages_max = model_->low_light_averages;
        c.low_light.averages_in_instrument = true;
        // Our reading of error 121 "underexposed": a test on the averaged signal.
        c.low_light.averaging_lowers_floor = true;
    }
    return c;
}

procedure::Reading SpecbosDevice::measure() {
    identify();
    port_->write(std::string("*init") + kTerminator);
    // Per exposure averaged: auto-exposure up to the ceiling and an equal dark reading; ≈ 3.6 s
    // overhead (+10 s margin).
    const auto timeout = scaledTimeout(aver_ * 2 * maxtin_ms_ + 13600, timeout_scale_);
    for (;;) {
        const char b = port_->readExactly(1, timeout)[0];
        if (b == kEnq) {
            continue;  // keep-alive bytes during the measurement
        }
        if (b == kBel) {
            break;
        }
        if (b == kNak) {
            raiseDeviceError("*init");
        }
        port_->flushInput();
        throw InstrumentError(ErrorKind::Protocol, "*init: unexpected byte while measuring");
    }
    port_->write(std::string("*fetch:XYZ") + kTerminator);
    procedure::Reading r;
    std::string raw;
    double v[3];
    const char* labels[] = {"X", "Y", "Z"};
    for (int i = 0; i < 3; ++i) {
        const std::string line = port_->readUntil(kTerminator, scaledTimeout(2000, timeout_scale_));
        if (!line.empty() && line.front() == kNak) {
            raiseDeviceError("*fetch:XYZ");
        }
        try {
            v[i] = parseLabelled(line, labels[i]);
        } catch (const InstrumentError&) {
            port_->flushInput();
            throw;
        }
        raw += line + "\n";
    }
    r.xyz_cdm2 = {v[0], v[1], v[2]};
    r.raw_reply = raw;
    r.averages = aver_;
    r.integration_limit_s = maxtin_ms_ > model_->max_exposure_ms ? maxtin_ms_ / 1000.0 : 0.0;
    readSpectrum(r);
    r.timestamp_utc = utcNowIso8601();
    r.instrument = info_;
    return r;
}

void SpecbosDevice::readSpectrum(procedure::Reading& r) {
    port_->write(std::string("*fetch:sprad") + kTerminator);
    std::vector<double> values;
    try {
        for (int i = 0;; ++i) {
            const std::string l =
                port_->readUntil(kTerminator, scaledTimeout(2000, timeout_scale_));
            if (!l.empty() && l.front() == kNak) {
                raiseDeviceError("*fetch:sprad");
            }
            if (i < kSpradHeaderLines) {
                continue;
            }
            if (l.empty()) {
                break;  // the empty line ends the spectrum
            }
            values.push_back(parseSpectralValue(l));
        }
    } catch (const InstrumentError& e) {
        if (e.kind() == ErrorKind::Protocol) {
            port_->flushInput();
        }
        throw;
    }
    if (values.size() < 2) {
        throw InstrumentError(ErrorKind::Protocol, "*fetch:sprad: fewer than two values");
    }
    // One value per step from the start to the end wavelength.
    const double step = (wavend_nm_ - wavbeg_nm_) / static_cast<double>(values.size() - 1);
    if (!(step > 0.0)) {
        throw InstrumentError(ErrorKind::Protocol, "*fetch:sprad: empty wavelength range");
    }
    procedure::setSpectralRadiance(r, wavbeg_nm_, step, std::move(values));
}

}  // namespace cm::drivers::specbos

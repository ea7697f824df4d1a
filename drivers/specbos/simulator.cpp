// SPDX-License-Identifier: Apache-2.0
// specbos pty simulator.
#include "drivers/specbos/simulator.h"

#include "drivers/specbos/protocol.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace cm::drivers::specbos {

SpecbosSimulator::SpecbosSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre,
                                   SimulatorOptions options)
    : PtySimulator(std::move(theatre), options.common), options_(std::move(options)) {}

void SpecbosSimulator::line(const std::string& text) {
    send(text + kTerminator);
}

void SpecbosSimulator::nak(int code) {
    lastError_ = code;
    send(std::string(1, kNak));
}

void SpecbosSimulator::onByte(char c) {
    if (c == '\r') {
        const std::string cmd = collected_;
        collected_.clear();
        handle(cmd);
        return;
    }
    if (c != '\n') {
        collected_ += c;
    }
}

void SpecbosSimulator::init() {
    const ModelInfo* m = findByIdn(options_.idn);
    const auto [n, faultNow] = nextMeasurement();
    const colorimetry::XYZ light = truth(2.0);
    const double exposure_ms = std::clamp(1000.0 / std::max(light.Y, 1e-9), 1.0, maxtin_ms_);
    const double total_s = 2.0 * exposure_ms / 1000.0 + 3.6;
    if (faultNow) {
        switch (common_.fault) {
            case virt::Fault::Unplug:
                send(std::string(1, kEnq));
                sleepSimulated(total_s / 2);
                unplug();
                return;
            case virt::Fault::DropReply:
                return;
            case virt::Fault::Slow:
                sleepSimulated(2.0 * maxtin_ms_ / 1000.0 + 30.0);
                break;
            case virt::Fault::Garbage:
                send("\x7f\x80zz");
                return;
            case virt::Fault::OverRange:
                sleepSimulated(1.0);
                nak(120);
                return;
            case virt::Fault::TooDark:
                sleepSimulated(total_s);
                nak(121);
                return;
            case virt::Fault::ErrorCode:
                sleepSimulated(total_s);
                nak(123);
                return;
            case virt::Fault::None:
                break;
        }
    }
    // ENQ keep-alive bytes while measuring (about one a second), then BEL.
    for (double t = 0; t < total_s; t += 1.0) {
        send(std::string(1, kEnq));
        sleepSimulated(std::min(1.0, total_s - t));
    }
    if (m != nullptr && light.Y < m->min_luminance_cdm2 * (3000.0 / maxtin_ms_)) {
        nak(121);
        return;
    }
    last_ = noisy(light, n);
    // The instrument's XYZ is its spectrum's integral (a colour beyond the primaries' gamut is
    // measured as the nearest one they make); *fetch:sprad recomputes the same spectrum.
    last_ =
        colorimetry::absoluteXYZ(spectrumOf(last_, {kWavBeg_nm, kWavEnd_nm, 1.0}, kBandwidth_nm),
                                 common_.observer ? *common_.observer : virt::wyman2013Observer());
    haveData_ = true;
    send(std::string(1, kBel));
}

bool SpecbosSimulator::handleSpectral(const std::string& cmd) {
    // The wavelength range and the spectral radiance of the last measurement.
    if (cmd == "*para:wavbeg?" || cmd == "*para:wavend?") {
        char buf[64];
        const bool beg = cmd == "*para:wavbeg?";
        std::snprintf(buf, sizeof buf, "%s: %.0f", beg ? kWavBegLabel : kWavEndLabel,
                      beg ? kWavBeg_nm : kWavEnd_nm);
        line(buf);
        return true;
    }
    if (cmd == "*fetch:sprad") {
        if (!haveData_) {
            nak(138);
            return true;
        }
        const auto spectrum = spectrumOf(last_, {kWavBeg_nm, kWavEnd_nm, 1.0}, kBandwidth_nm);
        for (const auto& l : formatSprad(spectrum.values())) {
            line(l);
        }
        return true;
    }
    return false;
}

void SpecbosSimulator::handle(const std::string& raw) {
    std::string cmd = raw;
    std::transform(cmd.begin(), cmd.end(), cmd.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    if (handleSpectral(cmd)) {
        return;
    }
    char buf[96];
    if (cmd == "*idn?") {
        line(options_.idn);
    } else if (cmd == "*para:spnum?") {
        line("spectrometer number: " + options_.serial);
    } else if (cmd == "*vers?") {
        line("firmware version: " + options_.firmware);
    } else if (cmd.rfind("*conf:maxtin ", 0) == 0) {
        const double v = std::atof(cmd.c_str() + 13);
        if (v < 1 || v > 60000) {
            nak(10);
        } else {
            maxtin_ms_ = v;
            send(std::string(1, kAck));
        }
    } else if (cmd == "*init") {
        init();
    } else if (cmd == "*fetch:xyz") {
        if (!haveData_) {
            nak(138);
            return;
        }
        std::snprintf(buf, sizeof buf, "X: %.5g", last_.X);
        line(buf);
        std::snprintf(buf, sizeof buf, "Y: %.5g", last_.Y);
        line(buf);
        std::snprintf(buf, sizeof buf, "Z: %.5g", last_.Z);
        line(buf);
    } else if (cmd == "*stat:err?") {
        std::snprintf(buf, sizeof buf, "Error Code: %d", lastError_);
        line(buf);
    } else {
        nak(4);
    }
}

}  // namespace cm::drivers::specbos

// SPDX-License-Identifier: Apache-2.0
// specbos pty simulator: the *-command set ArgyllCMS specbos.c sends (identification, *conf set-up
// and its defaults, wavelength range, measuring head and laser, *init, XYZ / photometric /
// chromaticity / spectral fetches) and the instrument's NAK + error 4 for anything else.
#include "drivers/specbos/simulator.h"

#include "drivers/specbos/protocol.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cm::drivers::specbos {

SpecbosSimulator::SpecbosSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre,
                                   SimulatorOptions options)
    : PtySimulator(std::move(theatre), options.common), options_(std::move(options)) {}

void SpecbosSimulator::line(const std::string& text) {
    send(text + kTerminator);
}

void SpecbosSimulator::ack() {
    send(std::string(1, kAck));
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
    const double exposure_ms = std::clamp(1000.0 / std::max(light.Y, 1e-9), 1.0, conf_.maxtin_ms);
    const double total_s = conf_.aver * 2.0 * exposure_ms / 1000.0 + 3.6;
    const bool escalated = conf_.aver > 1 || (m != nullptr && conf_.maxtin_ms > m->max_exposure_ms);
    if (darkFault_ && !escalated) {
        darkFault_ = false;  // the operator's retry at the default settings reads
    } else if (darkFault_) {
        sleepSimulated(total_s);
        nak(121);
        return;
    }
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
                sleepSimulated(2.0 * conf_.maxtin_ms / 1000.0 + 30.0);
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
                darkFault_ = true;
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
    // Underexposed: the model's minimum holds at its usual ceiling and one exposure.
    if (m != nullptr && light.Y < readableFloor_cdm2(m->min_luminance_cdm2, m->max_exposure_ms,
                                                     conf_.maxtin_ms, conf_.aver)) {
        nak(121);
        return;
    }
    last_ = noisy(light, n, conf_.aver);
    // The instrument's XYZ is its spectrum's integral (a colour beyond the primaries' gamut is
    // measured as the nearest one they make); *fetch:sprad recomputes the same spectrum.
    last_ =
        colorimetry::absoluteXYZ(spectrumOf(last_, {kWavBeg_nm, kWavEnd_nm, 1.0}, kBandwidth_nm),
                                 common_.observer ? *common_.observer : virt::wyman2013Observer());
    haveData_ = true;
    send(std::string(1, kBel));
}

namespace {
/// Integer arguments after a command keyword ("*conf:wran 380 780 1" → {380, 780, 1}); false when
/// an argument is not a number.
bool intArgs(const std::string& s, std::size_t from, std::vector<long>& out) {
    const char* p = s.c_str() + from;
    while (*p != '\0') {
        while (*p == ' ') {
            ++p;
        }
        if (*p == '\0') {
            break;
        }
        char* end = nullptr;
        const double v = std::strtod(p, &end);
        if (end == p) {
            return false;
        }
        out.push_back(std::lround(v));
        p = end;
    }
    return true;
}
}  // namespace

bool SpecbosSimulator::handleSpectral(const std::string& cmd) {
    // The wavelength range and the spectral radiance of the last measurement.
    if (cmd == "*para:wavbeg?" || cmd == "*para:wavend?") {
        char buf[64];
        const bool beg = cmd == "*para:wavbeg?";
        std::snprintf(buf, sizeof buf, "%s: %.0f", beg ? kWavBegLabel : kWavEndLabel,
                      static_cast<double>(beg ? options_.wavbeg_nm : options_.wavend_nm));
        line(buf);
        return true;
    }
    if (cmd == "*fetch:sprad") {
        if (!haveData_) {
            nak(138);
            return true;
        }
        const auto spectrum = spectrumOf(
            last_,
            {static_cast<double>(conf_.wran_beg_nm), static_cast<double>(conf_.wran_end_nm),
             static_cast<double>(conf_.wran_step_nm)},
            kBandwidth_nm);
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
    // "keyword value..." set commands: keyword up to the first space.
    const std::size_t space = cmd.find(' ');
    const std::string key = cmd.substr(0, space);
    std::vector<long> args;
    const bool numeric = space == std::string::npos || intArgs(cmd, space + 1, args);
    auto oneArg = [&](long lo, long hi, long& into) {
        if (!numeric || args.size() != 1) {
            nak(numeric ? 20 : 8);  // parameter count / not a digit
            return false;
        }
        if (args[0] < lo || args[0] > hi) {
            nak(10);  // argument 1
            return false;
        }
        into = args[0];
        ack();
        return true;
    };
    long v = 0;
    if (cmd == "*idn?") {
        line(options_.idn);
    } else if (cmd == "*para:spnum?") {
        line("spectrometer number: " + options_.serial);
    } else if (cmd == "*vers?") {
        line("firmware version: " + options_.firmware);
    } else if (cmd == "*stat:err?") {
        std::snprintf(buf, sizeof buf, "Error Code: %d", lastError_);
        line(buf);
    } else if (cmd == "*conf:default") {
        conf_ = SpecbosConf{};
        ack();
    } else if (key == "*para:calibn") {
        if (oneArg(0, 10, v))
            calibn_ = static_cast<int>(v);
    } else if (key == "*para:expo" || key == "*conf:expo") {
        if (oneArg(0, 2, v))
            conf_.expo = static_cast<int>(v);
    } else if (key == "*conf:maxtin" || key == "*para:maxtin") {
        if (oneArg(static_cast<long>(kMinCeiling_ms), static_cast<long>(kMaxCeiling_ms), v))
            conf_.maxtin_ms = static_cast<double>(v);
    } else if (key == "*conf:func") {
        if (oneArg(0, 15, v))
            conf_.func = static_cast<int>(v);
    } else if (key == "*conf:form" || key == "*para:form") {
        if (oneArg(0, 12, v))
            conf_.form = static_cast<int>(v);
    } else if (key == "*conf:aver" || key == "*para:aver") {
        if (oneArg(1, kMaxAverages, v))
            conf_.aver = static_cast<int>(v);
    } else if (key == "*conf:wran" || key == "*para:wran") {
        if (!numeric || args.size() != 3) {
            nak(20);
        } else if (args[0] < options_.wavbeg_nm || args[0] >= args[1]) {
            nak(10);
        } else if (args[1] > options_.wavend_nm) {
            nak(11);
        } else if (args[2] < 1 || args[2] > 10) {
            nak(12);
        } else {
            conf_.wran_beg_nm = static_cast<int>(args[0]);
            conf_.wran_end_nm = static_cast<int>(args[1]);
            conf_.wran_step_nm = static_cast<int>(args[2]);
            ack();
        }
    } else if (cmd == "*contr:mhead?") {
        line("mhead: 0");  // 0: display head (no ambient diffuser fitted)
    } else if (cmd == "*contr:laser?") {
        line("laser: " + std::to_string(laser_));
    } else if (key == "*contr:laser") {
        if (oneArg(0, 1, v))
            laser_ = static_cast<int>(v);
    } else if (key == "*para:syncmod" || key == "*conf:cycmod") {
        if (oneArg(0, 2, v))
            conf_.cycmod = static_cast<int>(v);
    } else if (key == "*para:syncfreq" || key == "*conf:cyctim") {
        if (numeric && args.size() == 1 && args[0] > 0) {
            conf_.cyctim_us = key == "*conf:cyctim" ? static_cast<double>(args[0])
                                                    : 1e6 / static_cast<double>(args[0]);
            ack();
        } else {
            nak(10);
        }
    } else if (key == "*para:baud") {
        long b = 0;
        if (oneArg(38, 921, b)) {
            // Line speed is a no-op on a pty.
        }
    } else if (cmd == "*para:save") {
        ack();
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
    } else if (cmd == "*fetch:photometric") {
        if (!haveData_) {
            nak(138);
            return;
        }
        std::snprintf(buf, sizeof buf, "Luminance[cd/m^2]: %.5g", last_.Y);
        line(buf);
    } else if (cmd == "*fetch:chromxy") {
        if (!haveData_) {
            nak(138);
            return;
        }
        const double sum = last_.X + last_.Y + last_.Z;
        std::snprintf(buf, sizeof buf, "Chrom_x: %.4f\tChrom_y: %.4f",
                      sum > 0 ? last_.X / sum : 0.0, sum > 0 ? last_.Y / sum : 0.0);
        line(buf);
    } else {
        nak(4);  // unknown command
    }
}

}  // namespace cm::drivers::specbos

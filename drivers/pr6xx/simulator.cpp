// SPDX-License-Identifier: Apache-2.0
// PR-6xx pty simulator.
#include "drivers/pr6xx/simulator.h"

#include "drivers/pr6xx/protocol.h"
#include "drivers/virtual/virtual_spot_meter.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace cm::drivers::pr6xx {

Pr6xxSimulator::Pr6xxSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre,
                               SimulatorOptions options)
    : PtySimulator(std::move(theatre), options.common), options_(std::move(options)) {
    if (findModel(options_.model) == nullptr) {
        throw std::invalid_argument("unknown PR-6xx model '" + options_.model + "'");
    }
}

void Pr6xxSimulator::reply(const std::string& line) {
    send(line + kReplyTerminator);
}

WavelengthGrid Pr6xxSimulator::grid() const {
    const ModelInfo& m = *findModel(options_.model);
    WavelengthGrid g{m.spectrum_start_nm, m.spectrum_end_nm, m.spectrum_step_nm, 0};
    g.points = static_cast<int>((g.end_nm - g.start_nm) / g.step_nm + 0.5) + 1;
    return g;
}

std::string Pr6xxSimulator::dataReply(int code) const {
    if (!haveData_) {
        return formatStatus(-2000);
    }
    if (code == 2) {
        return formatXYZReply(last_);
    }
    // Data code 5: header and one line per wavelength, CR LF between lines.
    std::string out;
    for (const auto& l : formatSpectralReply(grid(), lastSpectrum_)) {
        out += (out.empty() ? "" : kReplyTerminator) + l;
    }
    return out;
}

double Pr6xxSimulator::ceilingMs() const {
    const ModelInfo& m = *findModel(options_.model);
    return extended_ ? m.max_exposure_ms : m.standard_exposure_ms;
}

std::string Pr6xxSimulator::measureReply(int code) {
    const ModelInfo& m = *findModel(options_.model);
    const auto [n, faultNow] = nextMeasurement();
    const colorimetry::XYZ light = truth(m.acceptance_angle_deg);
    // Adaptive exposure: aim for a fixed signal (≈ 60 cd·ms/m² ... 6 s at 0.01), capped by the
    // ceiling in force (standard sensitivity, or extended after SH1).
    const double ceiling_ms = ceilingMs();
    const double exposure_ms = std::clamp(600.0 / std::max(light.Y, 1e-9), 6.0, ceiling_ms);
    last_exposure_ms_ = exposure_ms;
    // Each cycle: a light exposure, then an equal dark exposure with the shutter closed; ~1 s
    // overhead.
    const double total_s = cycles_ * 2.0 * exposure_ms / 1000.0 + 1.0;
    const bool escalated = extended_ || cycles_ > 1;
    if (darkFault_ && !escalated) {
        darkFault_ = false;  // the operator's retry at the default settings reads
    } else if (darkFault_) {
        sleepSimulated(cycles_ * 2.0 * ceiling_ms / 1000.0);
        return formatStatus(-8);
    }
    if (faultNow) {
        switch (common_.fault) {
            case Fault::Unplug:
                sleepSimulated(total_s / 2);
                unplug();
                return {};
            case Fault::DropReply:
                sleepSimulated(total_s);
                return {};
            case Fault::Slow:
                sleepSimulated(cycles_ * 2.0 * ceiling_ms / 1000.0 +
                               20.0);  // past the driver's timeout
                break;
            case Fault::Garbage: {
                sleepSimulated(total_s);
                send(std::string("\x15\xfe#@!\x00\x7f", 7));
                return "\x01\x02garbled,,reply";
            }
            case Fault::OverRange:
                sleepSimulated(1.0);
                return formatStatus(-2);
            case Fault::TooDark:
                sleepSimulated(cycles_ * 2.0 * ceiling_ms / 1000.0);
                darkFault_ = true;
                return formatStatus(-8);
            case Fault::ErrorCode:
                sleepSimulated(total_s);
                return formatStatus(-12);
            case Fault::None:
                break;
        }
    }
    sleepSimulated(total_s);
    if (light.Y > m.max_luminance_cdm2) {
        return formatStatus(-2);
    }
    // Weak light: the data sheet's minimum holds at the longest exposure and one cycle.
    if (light.Y < virt::PtySimulator::readableFloor_cdm2(m.min_luminance_cdm2, m.max_exposure_ms,
                                                         ceiling_ms, cycles_)) {
        return formatStatus(-8);
    }
    last_ = noisy(light, n, cycles_);
    // The spectrum the instrument measured; its own XYZ is that spectrum's integral.
    const WavelengthGrid g = grid();
    const auto spectrum = spectrumOf(last_, {g.start_nm, g.end_nm, g.step_nm}, m.bandwidth_nm);
    // A colour the primaries cannot make (noise beyond the gamut edge) is measured as the nearest
    // one they make: the instrument's XYZ is always its spectrum's integral.
    last_ = colorimetry::absoluteXYZ(
        spectrum, common_.observer ? *common_.observer : virt::wyman2013Observer());
    lastSpectrum_ = spectrum.values();
    haveData_ = true;
    return dataReply(code);
}

std::string Pr6xxSimulator::setup(const std::string& cmd) {
    const ModelInfo& m = *findModel(options_.model);
    const std::string arg = cmd.substr(2);
    char* end = nullptr;
    const long v = std::strtol(arg.c_str(), &end, 10);
    const bool number = !arg.empty() && end != nullptr && *end == '\0';
    switch (cmd[1]) {
        case 'U':
            return cmd == "SU0" || cmd == "SU1" ? "00000" : formatStatus(-1009);
        case 'H':  // sensitivity: 0 standard, 1 extended (PR-670/680 only)
            if (!m.extended_sensitivity) {
                return formatStatus(-1035);
            }
            if (!number || (v != 0 && v != 1)) {
                return formatStatus(-1026);
            }
            extended_ = v == 1;
            return "00000";
        case 'N':  // cycles to average
            if (!number || v < 1 || v > kMaxCycles) {
                return formatStatus(-1012);
            }
            cycles_ = static_cast<int>(v);
            return "00000";
        default:
            return "00000";  // other setup commands are accepted and change nothing simulated
    }
}

std::string Pr6xxSimulator::handle(const std::string& cmd) {
    if (cmd.empty()) {
        return {};
    }
    const char c = cmd[0];
    if (cmd == "M2" || cmd == "M5") {
        return measureReply(cmd[1] - '0');
    }
    if (cmd == "D2" || cmd == "D5") {
        return dataReply(cmd[1] - '0');
    }
    if (cmd == "D120") {
        return formatHardwareConfig(grid());
    }
    if (cmd == "D111") {
        return "00000," + options_.model;
    }
    if (cmd == "D110") {
        return "00000," + options_.serial;
    }
    if (cmd == "D114") {
        return "00000," + options_.firmware;
    }
    if (cmd == "D13") {
        char buf[64];
        std::snprintf(buf, sizeof buf, "00000,Normal,%.0f msec", last_exposure_ms_);
        return buf;
    }
    if (c == 'S' && cmd.size() >= 2) {
        return setup(cmd);
    }
    if (c == 'I') {
        return "00000";
    }
    if (c == 'M' || c == 'D') {
        return formatStatus(-2000);  // data codes this simulator does not model
    }
    return formatStatus(-1000);
}

void Pr6xxSimulator::onByte(char ch) {
    if (!remote_) {
        // Before remote mode the instrument only listens for P-H-O-T-O.
        collected_ += ch;
        if (collected_.find(kRemoteModeKeyword) != std::string::npos) {
            remote_ = true;
            collected_.clear();
            reply(kRemoteModeReply);
        } else if (collected_.size() > 16) {
            collected_.erase(0, collected_.size() - 5);
        }
        return;
    }
    if (ch == 'Q' && collected_.empty()) {
        remote_ = false;  // Q needs no CR and gets no reply
        return;
    }
    if (ch == '\r') {
        const std::string cmd = collected_;
        collected_.clear();
        const std::string r = handle(cmd);
        if (!r.empty() || (cmd != "M2" && cmd != "M5")) {
            reply(r);
        }
    } else if (ch != '\n') {
        collected_ += ch;
    }
}

}  // namespace cm::drivers::pr6xx

// SPDX-License-Identifier: Apache-2.0
// PR-6xx pty simulator.
#include "drivers/pr6xx/simulator.h"

#include "drivers/pr6xx/protocol.h"
#include "drivers/virtual/virtual_spot_meter.h"
#include "libmeasure/colorimetry/cct.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"
#include "libmeasure/colorimetry/tristimulus.h"

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
    return dataReply(code, {last_, lastSpectrum_});
}

std::string Pr6xxSimulator::dataReply(int code, const Stored& m) const {
    // Data codes of the Remote Control Mode chapter; Y as d.ddde+ee, coordinates 4 decimals (the
    // manual's code 1 example). The CCT/Duv digits of code 4 are not shown there: ours.
    const colorimetry::ChromaticityXY xy = colorimetry::toXY(m.xyz);
    const colorimetry::ChromaticityUV uv = colorimetry::toUV(m.xyz);
    char buf[160];
    switch (code) {
        case 1:
            std::snprintf(buf, sizeof buf, "00000,0,%.3e,%.4f,%.4f", m.xyz.Y, xy.x, xy.y);
            return buf;
        case 2:
            return formatXYZReply(m.xyz);
        case 3:
            std::snprintf(buf, sizeof buf, "00000,0,%.3e,%.4f,%.4f", m.xyz.Y, uv.u_prime,
                          uv.v_prime);
            return buf;
        case 4: {
            const auto observer = common_.observer ? *common_.observer : virt::wyman2013Observer();
            const auto cct = colorimetry::cctOhno2013(colorimetry::toUV1960(xy), observer);
            std::snprintf(buf, sizeof buf, "00000,0,%.3e,%.0f,%.4f", m.xyz.Y, cct.cct_K, cct.duv);
            return buf;
        }
        case 5: {  // header and one line per wavelength, CR LF between lines
            std::string out;
            for (const auto& l : formatSpectralReply(grid(), m.spectrum)) {
                out += (out.empty() ? "" : kReplyTerminator) + l;
            }
            return out;
        }
        case 6:
            std::snprintf(buf, sizeof buf, "00000,0,%.3e,%.4f,%.4f,%.4f,%.4f", m.xyz.Y, xy.x, xy.y,
                          uv.u_prime, uv.v_prime);
            return buf;
        case 7:  // CIE 1960 u, v
            std::snprintf(buf, sizeof buf, "00000,0,%.3e,%.4f,%.4f", m.xyz.Y, uv.u_prime,
                          2.0 * uv.v_prime / 3.0);
            return buf;
        case 12:
            std::snprintf(buf, sizeof buf, "00000,0,%.3e,%.4f,%.4f,%.4f,%.4f", m.xyz.Y, xy.x, xy.y,
                          uv.u_prime, 2.0 * uv.v_prime / 3.0);
            return buf;
        default:
            // Raw light/dark counts (8, 9) and scotopic luminance (11) exist on the instrument
            // but are not modelled here.
            return formatStatus(-2000);
    }
}

bool Pr6xxSimulator::isDataCode(int code) {
    return (code >= 1 && code <= 7) || code == 12;
}

std::string Pr6xxSimulator::recall(const std::string& cmd) {
    // R<code>,<n>[,file]: 0 the last measurement, n the n-th stored, + the one after the last
    // recalled.
    const auto comma = cmd.find(',');
    if (comma == std::string::npos || comma == 1) {
        return formatStatus(-1024);
    }
    const int code = std::atoi(cmd.substr(1, comma - 1).c_str());
    std::string which = cmd.substr(comma + 1);
    which = which.substr(0, which.find(','));
    std::size_t index = 0;
    if (which == "+") {
        index = recalled_ + 1;
    } else if (!which.empty() && std::all_of(which.begin(), which.end(),
                                             [](char c) { return c >= '0' && c <= '9'; })) {
        index = which == "0" ? stored_.size() : std::stoul(which);
    } else {
        return formatStatus(-1024);
    }
    if (index < 1 || index > stored_.size()) {
        return formatStatus(-1024);
    }
    recalled_ = index;
    return dataReply(code, stored_[index - 1]);
}

std::string Pr6xxSimulator::frequency() {
    // The simulated projector flashes each frame twice at 24 fps: 48 Hz (our choice). Sync needs
    // light: below 1 cd/m² the instrument "cannot sync" (-3) — our threshold, not the manual's.
    constexpr double kSourceHz = 48.0;
    constexpr double kSyncFloor_cdm2 = 1.0;
    const ModelInfo& m = *findModel(options_.model);
    sleepSimulated(1.0);
    if (truth(m.acceptance_angle_deg).Y < kSyncFloor_cdm2) {
        return formatStatus(-3);
    }
    char buf[96];
    std::snprintf(buf, sizeof buf, "00000,%.2f Hertz (Period = %.3f milliseconds)", kSourceHz,
                  1000.0 / kSourceHz);
    return buf;
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
    stored_.push_back({last_, lastSpectrum_});
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
        case 'E':  // fixed exposure in ms, 0 adaptive; the longest only in extended mode
            if (!number || (v != 0 && (static_cast<double>(v) < m.min_exposure_ms ||
                                       static_cast<double>(v) > ceilingMs()))) {
                return formatStatus(-1010);
            }
            return "00000";
        case 'G':  // speed / gain 0..3
            return number && v >= 0 && v <= 3 ? "00000" : formatStatus(-1011);
        case 'O':  // observer 2° or 10°
            return number && (v == 2 || v == 10) ? "00000" : formatStatus(-1015);
        case 'D':  // smart dark off / on
            return number && (v == 0 || v == 1) ? "00000" : formatStatus(-1017);
        case 'Q':  // sync mode none / auto / user (the table heads it SS)
        case 'S':
            return number && (v == 0 || v == 1 || v == 3) ? "00000" : formatStatus(-1019);
        case 'K':  // user sync frequency, Hz
            return number && v >= 20 && v <= 400 ? "00000" : formatStatus(-1023);
        default:
            return "00000";  // accessories, aperture, shutter: accepted, nothing simulated
    }
}

std::string Pr6xxSimulator::answer(const std::string& cmd) {
    std::string r = handle(cmd);
    if (r.size() == 5 && r[0] == '-') {
        lastError_ = std::atoi(r.c_str());
    }
    return r;
}

std::string Pr6xxSimulator::handle(const std::string& cmd) {
    if (cmd.empty()) {
        return {};
    }
    const char c = cmd[0];
    const std::string rest = cmd.substr(1);
    const bool digits = !rest.empty() && std::all_of(rest.begin(), rest.end(),
                                                     [](char d) { return d >= '0' && d <= '9'; });
    if (c == 'D' && digits) {
        if (rest == "120") {
            return formatHardwareConfig(grid());
        }
        if (rest == "111") {
            return "00000," + options_.model;
        }
        if (rest == "110") {
            return "00000," + options_.serial;
        }
        if (rest == "114") {
            return "00000," + options_.firmware;
        }
        if (rest == "13") {
            char buf[64];
            std::snprintf(buf, sizeof buf, "00000,Normal,%.0f msec", last_exposure_ms_);
            return buf;
        }
        return dataReply(std::atoi(rest.c_str()));
    }
    if (c == 'M' && digits) {
        const int code = std::atoi(rest.c_str());
        if (!isDataCode(code)) {
            return formatStatus(-2000);  // a data code the instrument does not have
        }
        return measureReply(code);
    }
    if (c == 'S' && cmd.size() >= 2) {
        return setup(cmd);
    }
    switch (c) {
        case 'I':
            return formatStatus(lastError_);
        case 'R':
            return recall(cmd);
        case 'F':
            return cmd == "F" ? frequency() : formatStatus(-1000);
        case 'L':  // title, at most 20 characters; L alone returns it
            if (rest.empty()) {
                return "00000," + title_;
            }
            if (rest.size() > 20) {
                return formatStatus(-1021);
            }
            title_ = rest;
            return "00000";
        case 'B':  // backlight %: answered in free text
            return digits ? "Backlight set to " + rest + " %" : formatStatus(-1000);
        case 'X':  // contrast %
            return digits ? "Contrast set to " + rest + " %" : formatStatus(-1000);
        default:
            return formatStatus(-1000);
    }
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
    if (echo_) {
        send(std::string(1, ch));  // full-duplex echo: every character back as it arrives
    }
    if (ch == 'Q' && collected_.empty()) {
        remote_ = false;  // Q needs no CR and gets no reply
        return;
    }
    if (ch == '\n') {
        return;
    }
    if (ch != '\r') {
        collected_ += ch;
        return;
    }
    const std::string cmd = collected_;
    collected_.clear();
    // Commands the manual lists without a reply.
    if (cmd == "C") {
        lastError_ = 0;
        return;
    }
    if (cmd == "E") {
        echo_ = !echo_;
        return;
    }
    if (cmd == "ZEnableReset") {
        resetEnabled_ = true;
        return;
    }
    if (resetEnabled_ && (cmd == "ZResetPreferences" || cmd == "ZResetSetup")) {
        // Factory settings, then the instrument shuts down: it answers again only after the
        // next P-H-O-T-O (switched on again).
        resetEnabled_ = false;
        extended_ = false;
        cycles_ = 1;
        echo_ = false;
        title_.clear();
        remote_ = false;
        return;
    }
    resetEnabled_ = false;
    const std::string r = answer(cmd);
    if (!r.empty() || cmd[0] != 'M') {  // an empty M reply: the measurement was dropped
        reply(r);
    }
}

}  // namespace cm::drivers::pr6xx

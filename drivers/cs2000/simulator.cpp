// SPDX-License-Identifier: Apache-2.0
// CS-2000 pty simulator.
#include "drivers/cs2000/simulator.h"

#include "drivers/cs2000/protocol.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace cm::drivers::cs2000 {

Cs2000Simulator::Cs2000Simulator(std::shared_ptr<const virt::VirtualTheatre> theatre,
                                 SimulatorOptions options)
    : PtySimulator(std::move(theatre), options.common), options_(std::move(options)) {
    if (findModel(options_.model) == nullptr) {
        throw std::invalid_argument("unknown CS-2000 model '" + options_.model + "'");
    }
}

int Cs2000Simulator::measurementTime_s(double L) {
    return static_cast<int>(std::clamp(std::ceil(2.0 + 20.0 / std::max(L, 1e-9)), 2.0, 242.0));
}

void Cs2000Simulator::reply(const std::string& line) {
    send(line + kTerminator);
}

void Cs2000Simulator::onByte(char c) {
    if (auto cmd = takeLine(c)) {
        handle(*cmd);
    }
}

void Cs2000Simulator::measure() {
    const ModelInfo& m = *findModel(options_.model);
    const auto [n, faultNow] = nextMeasurement();
    const colorimetry::XYZ light = truth(m.acceptance_angle_deg);
    const int seconds = measurementTime_s(light.Y);
    sleepSimulated(1.0);  // pre-measurement
    char first[16];
    std::snprintf(first, sizeof first, "OK00,%03d", seconds);
    bool slow = false;
    if (faultNow) {
        switch (common_.fault) {
            case virt::Fault::Unplug:
                reply(first);
                sleepSimulated(seconds / 2.0);
                unplug();
                return;
            case virt::Fault::DropReply:
                reply(first);
                return;              // the completion line never comes
            case virt::Fault::Slow:  // the completion comes a minute past the announced time
                slow = true;
                break;
            case virt::Fault::Garbage:
                send(std::string("\xff\x13#~", 4));
                reply("@@garbled");
                return;
            case virt::Fault::OverRange:
                reply(first);
                reply("ER10");
                return;
            case virt::Fault::TooDark:  // the CS-2000 has no "too dark" code; low light fails as
                                        // ER02
            case virt::Fault::ErrorCode:
                reply(first);
                reply("ER02");
                return;
            case virt::Fault::None:
                break;
        }
    }
    reply(first);
    // The real measurement: the serving thread goes on listening (MEAS,0 may come) and
    // completes it in onIdle when its time is up.
    const double wait_s = slow ? seconds + 60.0 : static_cast<double>(seconds);
    const auto now = std::chrono::steady_clock::now();
    measuring_ = Measuring{now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                     std::chrono::duration<double>(wait_s * common_.time_scale)),
                           now, wait_s, light, n};
    if (common_.time_scale <= 0.0) {
        complete();
    }
}

void Cs2000Simulator::onIdle() {
    if (measuring_ && std::chrono::steady_clock::now() >= measuring_->due) {
        complete();
    }
}

void Cs2000Simulator::complete() {
    const Measuring m = *measuring_;
    measuring_.reset();
    simulated_us_ += static_cast<std::uint64_t>(m.seconds * 1e6);
    if (m.light.Y > findModel(options_.model)->max_luminance_cdm2) {
        reply("ER10");
        return;
    }
    last_ = noisy(m.light, m.n);
    // The spectrum the instrument measured; its own XYZ is that spectrum's integral.
    const auto spectrum =
        spectrumOf(last_, {kSpectrumStart_nm, kSpectrumEnd_nm, kSpectrumStep_nm}, kBandwidth_nm);
    // A colour the primaries cannot make (noise beyond the gamut edge) is measured as the nearest
    // one they make: the instrument's XYZ is always its spectrum's integral.
    last_ = colorimetry::absoluteXYZ(
        spectrum, common_.observer ? *common_.observer : virt::wyman2013Observer());
    lastSpectrum_ = spectrum.values();
    haveData_ = true;
    reply("OK00");
}

void Cs2000Simulator::handle(const std::string& cmd) {
    if (cmd == "RMTS,1") {
        remote_ = true;
        reply("OK00");
        return;
    }
    if (cmd == "RMTS,0") {
        remote_ = false;
        reply("OK00");
        return;
    }
    if (!remote_) {
        reply("ER00");  // in key mode only RMTS is accepted
        return;
    }
    if (measuring_) {
        if (cmd == "MEAS,0") {
            // Abort: the instrument stops integrating and answers the cancel; the measurement
            // gives no completion line and no data.
            const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                               measuring_->started)
                                     .count() /
                                 std::max(common_.time_scale, 1e-9);
            simulated_us_ += static_cast<std::uint64_t>(std::min(spent, measuring_->seconds) * 1e6);
            measuring_.reset();
            ++cancelled_;
            reply("OK00");
        } else {
            reply("ER00");  // any other command during a measurement
        }
        return;
    }
    if (cmd == "IDDR") {
        reply(formatIdentity(options_.model, options_.variation, options_.serial));
    } else if (cmd == "MEAS,1") {
        measure();
    } else if (cmd == "MEAS,0") {
        reply("ER17");  // cancel while idle
    } else if (cmd == "MEDR,2,0,01") {
        reply(haveData_ ? formatXYZ(last_) : "ER20");
    } else if (cmd.size() == 11 && cmd.rfind("MEDR,1,0,0", 0) == 0 && cmd[10] >= '1' &&
               cmd[10] <= '4') {
        reply(haveData_ ? formatSpectralBlock(lastSpectrum_, cmd[10] - '0') : "ER20");
    } else if (cmd.rfind("MEDR,2,0,101", 0) == 0) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "OK00,%.4e", last_.Y);
        reply(haveData_ ? buf : "ER20");
    } else if (cmd.rfind("SPMS", 0) == 0 || cmd.rfind("SCMS", 0) == 0 ||
               cmd.rfind("OBSS", 0) == 0) {
        reply("OK00");
    } else {
        reply("ER00");
    }
}

}  // namespace cm::drivers::cs2000

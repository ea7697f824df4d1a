// SPDX-License-Identifier: Apache-2.0
// Pseudo-terminal simulator base.
#include "drivers/virtual/pty_simulator.h"

#include <algorithm>

#include "drivers/virtual/virtual_spot_meter.h"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <stdexcept>

namespace cm::drivers::virt {

Fault parseFault(const std::string& n) {
    if (n == "none")
        return Fault::None;
    if (n == "unplug")
        return Fault::Unplug;
    if (n == "garbage")
        return Fault::Garbage;
    if (n == "drop")
        return Fault::DropReply;
    if (n == "slow")
        return Fault::Slow;
    if (n == "over-range")
        return Fault::OverRange;
    if (n == "too-dark")
        return Fault::TooDark;
    if (n == "error-code")
        return Fault::ErrorCode;
    throw std::invalid_argument(
        "unknown fault '" + n +
        "' (none, unplug, garbage, drop, slow, over-range, too-dark, error-code)");
}

PtySimulator::PtySimulator(std::shared_ptr<const VirtualTheatre> theatre, SimulatorCommon common)
    : theatre_(std::move(theatre)), common_(common) {}

PtySimulator::~PtySimulator() {
    stop();
}

void PtySimulator::start() {
    thread_ = std::thread([this] { serve(stop_); });
}

void PtySimulator::stop() {
    stop_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
}

void PtySimulator::send(const std::string& bytes) {
    if (pty_.masterFd() >= 0) {
        [[maybe_unused]] const ssize_t n = ::write(pty_.masterFd(), bytes.data(), bytes.size());
    }
}

std::optional<std::string> PtySimulator::takeLine(char c) {
    if (c != '\r' && c != '\n') {
        line_ += c;
        return std::nullopt;
    }
    if (line_.empty()) {
        return std::nullopt;
    }
    std::string out;
    out.swap(line_);
    return out;
}

void PtySimulator::sleepSimulated(double seconds) {
    simulated_us_ += static_cast<std::uint64_t>(std::max(0.0, seconds) * 1e6);
    if (common_.time_scale <= 0.0) {
        return;
    }
    const auto until = std::chrono::steady_clock::now() +
                       std::chrono::duration<double>(seconds * common_.time_scale);
    while (!stop_ && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

std::pair<int, bool> PtySimulator::nextMeasurement() {
    const int n = ++measurements_;
    const bool hit = !faulted_ && common_.fault != Fault::None && n == common_.fault_at_measurement;
    faulted_ = faulted_ || hit;
    return {n, hit};
}

colorimetry::XYZ PtySimulator::truth(double acceptance_angle_deg) const {
    return theatre_->spotMean(theatre_->presentation(), theatre_->aim(), acceptance_angle_deg);
}

colorimetry::XYZ PtySimulator::noisy(const colorimetry::XYZ& t, int /*measurement*/, int averages) {
    const std::uint64_t task = theatre_->task();
    withinTask_ = task == noiseTask_ ? withinTask_ + 1 : 0;
    noiseTask_ = task;
    Noise n = theatre_->config().noise;
    const double k = 1.0 / std::sqrt(static_cast<double>(std::max(1, averages)));
    n.luminance_rel_pct *= k;
    n.luminance_abs_cdm2 *= k;
    n.chromaticity_xy *= k;
    return addMeasurementNoise(t, n, common_.seed, (task << 10) + withinTask_ + 1);
}

double PtySimulator::readableFloor_cdm2(double floor_ref_cdm2, double ref_s, double integration_s,
                                        int averages) {
    return floor_ref_cdm2 * (ref_s / std::max(integration_s, 1e-9)) /
           std::sqrt(static_cast<double>(std::max(1, averages)));
}

colorimetry::Spectrum PtySimulator::spectrumOf(const colorimetry::XYZ& xyz,
                                               const SpectralGrid& grid,
                                               double bandwidth_nm) const {
    static const colorimetry::Observer kOwn = wyman2013Observer();
    const colorimetry::Observer& cmf = common_.observer ? *common_.observer : kOwn;
    return synthesiseSpectrum(theatre_->config().spectral_primaries, bandwidth_nm, cmf, xyz, grid);
}

void PtySimulator::serve(const std::atomic<bool>& stopFlag) {
    char buf[256];
    while (!stopFlag && !stop_ && pty_.masterFd() >= 0) {
        pollfd p{pty_.masterFd(), POLLIN, 0};
        const int ready = ::poll(&p, 1, 20);
        onIdle();
        if (ready <= 0) {
            continue;
        }
        const ssize_t n = ::read(pty_.masterFd(), buf, sizeof buf);
        if (n <= 0) {
            continue;  // no driver attached yet (EIO on a pty without a slave): keep waiting
        }
        for (ssize_t i = 0; i < n && pty_.masterFd() >= 0; ++i) {
            onByte(buf[i]);
        }
    }
}

}  // namespace cm::drivers::virt

// PR-6xx pty simulator.
#include "drivers/pr6xx/simulator.h"

#include "drivers/pr6xx/protocol.h"
#include "drivers/virtual/virtual_spot_meter.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace cm::drivers::pr6xx {

Fault parseFault(const std::string& n) {
    if (n == "none") return Fault::None;
    if (n == "unplug") return Fault::Unplug;
    if (n == "garbage") return Fault::Garbage;
    if (n == "drop") return Fault::DropReply;
    if (n == "slow") return Fault::Slow;
    if (n == "over-range") return Fault::OverRange;
    if (n == "too-dark") return Fault::TooDark;
    if (n == "error-code") return Fault::ErrorCode;
    throw std::invalid_argument("unknown fault '" + n +
                                "' (none, unplug, garbage, drop, slow, over-range, too-dark, error-code)");
}

Pr6xxSimulator::Pr6xxSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre, SimulatorOptions options)
    : theatre_(std::move(theatre)), options_(std::move(options)), measurements_(0) {
    if (findModel(options_.model) == nullptr) {
        throw std::invalid_argument("unknown PR-6xx model '" + options_.model + "'");
    }
}

Pr6xxSimulator::~Pr6xxSimulator() {
    stop();
}

void Pr6xxSimulator::start() {
    thread_ = std::thread([this] { serve(stop_); });
}

void Pr6xxSimulator::stop() {
    stop_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
}

void Pr6xxSimulator::send(const std::string& line) {
    const std::string bytes = line + kReplyTerminator;
    if (pty_.masterFd() >= 0) {
        [[maybe_unused]] const ssize_t n = ::write(pty_.masterFd(), bytes.data(), bytes.size());
    }
}

void Pr6xxSimulator::sleepSimulated(double seconds) {
    if (options_.time_scale <= 0.0) {
        return;
    }
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds * options_.time_scale);
    while (!stop_ && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

std::string Pr6xxSimulator::measureReply() {
    const ModelInfo& m = *findModel(options_.model);
    const int n = ++measurements_;
    const bool faultNow = !faulted_ && options_.fault != Fault::None && n == options_.fault_at_measurement;
    const colorimetry::XYZ truth = theatre_->spotMean(theatre_->presentation(), theatre_->aim(), m.acceptance_angle_deg);
    // Adaptive exposure: aim for a fixed signal (≈ 60 cd·ms/m² ... 6 s at 0.01), capped by the model.
    const double exposure_ms = std::clamp(600.0 / std::max(truth.Y, 1e-9), 6.0, m.max_exposure_ms);
    last_exposure_ms_ = exposure_ms;
    // Light exposure, then an equal dark exposure with the shutter closed, plus ~1 s overhead.
    const double total_s = 2.0 * exposure_ms / 1000.0 + 1.0;
    if (faultNow) {
        faulted_ = true;
        switch (options_.fault) {
            case Fault::Unplug:
                sleepSimulated(total_s / 2);
                pty_.closeMaster();
                return {};
            case Fault::DropReply:
                sleepSimulated(total_s);
                return {};
            case Fault::Slow:
                sleepSimulated(2.0 * m.max_exposure_ms / 1000.0 + 20.0);  // past the driver's timeout
                break;
            case Fault::Garbage: {
                sleepSimulated(total_s);
                const std::string noise = "\x15\xfe#@!\x00\x7f";
                [[maybe_unused]] const ssize_t w = ::write(pty_.masterFd(), noise.data(), noise.size());
                return "\x01\x02garbled,,reply";
            }
            case Fault::OverRange:
                sleepSimulated(1.0);
                return formatStatus(-2);
            case Fault::TooDark:
                sleepSimulated(2.0 * m.max_exposure_ms / 1000.0);
                return formatStatus(-8);
            case Fault::ErrorCode:
                sleepSimulated(total_s);
                return formatStatus(-12);
            case Fault::None:
                break;
        }
    }
    sleepSimulated(total_s);
    if (truth.Y > m.max_luminance_cdm2) {
        return formatStatus(-2);
    }
    if (truth.Y < m.min_luminance_cdm2) {
        return formatStatus(-8);
    }
    const colorimetry::XYZ measured = virt::addMeasurementNoise(
        truth, theatre_->config().noise, options_.seed, options_.first_index + static_cast<std::uint64_t>(n));
    return formatXYZReply(measured);
}

std::string Pr6xxSimulator::handle(const std::string& cmd) {
    if (cmd.empty()) {
        return {};
    }
    const char c = cmd[0];
    if (cmd == "M2") {
        return measureReply();
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
        return cmd == "SU0" || cmd == "SU1" || cmd[1] != 'U' ? "00000" : formatStatus(-1009);
    }
    if (c == 'I') {
        return "00000";
    }
    if (c == 'M' || c == 'D') {
        return formatStatus(-2000);  // data codes this simulator does not model
    }
    return formatStatus(-1000);
}

void Pr6xxSimulator::serve(const std::atomic<bool>& stopFlag) {
    char buf[256];
    while (!stopFlag && !stop_ && pty_.masterFd() >= 0) {
        pollfd p{pty_.masterFd(), POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) {
            continue;
        }
        const ssize_t n = ::read(pty_.masterFd(), buf, sizeof buf);
        if (n <= 0) {
            continue;  // no driver attached yet (EIO on a pty without a slave): keep waiting
        }
        for (ssize_t i = 0; i < n; ++i) {
            const char ch = buf[i];
            if (!remote_) {
                // Before remote mode the instrument only listens for P-H-O-T-O.
                collected_ += ch;
                if (collected_.find(kRemoteModeKeyword) != std::string::npos) {
                    remote_ = true;
                    collected_.clear();
                    send(kRemoteModeReply);
                } else if (collected_.size() > 16) {
                    collected_.erase(0, collected_.size() - 5);
                }
                continue;
            }
            if (ch == 'Q' && collected_.empty()) {
                remote_ = false;  // Q needs no CR and gets no reply
                continue;
            }
            if (ch == '\r') {
                const std::string cmd = collected_;
                collected_.clear();
                if (cmd == "Q") {
                    remote_ = false;
                    continue;
                }
                const std::string reply = handle(cmd);
                if (!reply.empty() || cmd != "M2") {
                    send(reply);
                }
            } else if (ch != '\n') {
                collected_ += ch;
            }
        }
    }
}

}  // namespace cm::drivers::pr6xx

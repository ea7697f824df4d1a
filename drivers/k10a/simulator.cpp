// SPDX-License-Identifier: Apache-2.0
// K10-A pty simulator: the command set ArgyllCMS kleink10.c uses (probe, identify, calibration
// list and matrices, ranging, aiming lights, N5, T2 flicker stream, black calibration).
#include "drivers/k10a/simulator.h"

#include "drivers/k10a/protocol.h"

#include <algorithm>
#include <cmath>

namespace cm::drivers::k10a {

namespace {
constexpr double kFieldOfView_deg = 5.0;
constexpr double kN5Seconds = 0.4;         // one N5 conversion (well inside Argyll's 2 s)
constexpr double kBlackCalSeconds = 10.0;  // B9 (Argyll allows 15 s)
constexpr double kFlickerPacketSeconds = 32.0 / kFlickerSampleRate_Hz;
}  // namespace

K10aSimulator::K10aSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre,
                             SimulatorOptions options)
    : PtySimulator(std::move(theatre), options.common), options_(std::move(options)) {}

void K10aSimulator::onByte(char c) {
    if (awaitingD1Index_) {
        // After "D1" the host sends one raw index byte (1..96, may equal CR) then CR.
        if (d1Index_ < 0) {
            d1Index_ = static_cast<unsigned char>(c);
            return;
        }
        awaitingD1Index_ = false;
        const int ix = d1Index_;
        d1Index_ = -1;
        const double identity[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        const std::string name =
            ix >= 1 && static_cast<std::size_t>(ix) <= options_.calibrations.size()
                ? options_.calibrations[static_cast<std::size_t>(ix - 1)]
                : std::string{};
        send(formatCalibrationMatrix(name, identity));
        return;
    }
    if (c != '\r' && c != '\n') {
        line_ += c;
        return;
    }
    if (line_.empty()) {
        return;  // the LF of Argyll's "D024\r\n", or a blank line
    }
    std::string cmd;
    cmd.swap(line_);
    handle(cmd);
}

void K10aSimulator::onIdle() {
    if (!streaming_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now < nextPacket_) {
        return;
    }
    sendFlickerPacket();
    const double scale = common_.time_scale > 0.0 ? common_.time_scale : 1.0;
    nextPacket_ = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(kFlickerPacketSeconds * scale));
}

void K10aSimulator::sendFlickerPacket() {
    const colorimetry::XYZ light = truth(kFieldOfView_deg);
    std::uint16_t samples[32];
    for (int i = 0; i < 32; ++i) {
        // Sensor counts follow the light (steady source): a fixed scale, clamped to 16 bits.
        samples[i] = static_cast<std::uint16_t>(std::clamp(light.Y * 100.0, 0.0, 65535.0));
    }
    send(formatFlickerPacket(formatN5(light), samples));
}

void K10aSimulator::n5() {
    const auto [n, faultNow] = nextMeasurement();
    sleepSimulated(kN5Seconds);
    if (faultNow) {
        switch (common_.fault) {
            case virt::Fault::Unplug:
                unplug();
                return;
            case virt::Fault::DropReply:
                return;
            case virt::Fault::Slow:
                sleepSimulated(10.0);
                break;
            case virt::Fault::Garbage:
                send(std::string("N5\x01\x02#",
                                 5));  // short frame: the driver times out waiting for 15
                return;
            case virt::Fault::OverRange:
            case virt::Fault::TooDark:
                // A range condition persists across the driver's 4 retries.
                rangeFaultsLeft_ = 5;
                rangeStatus_ = common_.fault == virt::Fault::OverRange ? 'v' : 'u';
                break;
            case virt::Fault::ErrorCode:
                send(formatN5({0, 0, 0}, 'B'));
                return;
            case virt::Fault::None:
                break;
        }
    }
    if (rangeFaultsLeft_ > 0) {
        --rangeFaultsLeft_;
        send(formatN5({0, 0, 0}, rangeStatus_));
        return;
    }
    send(formatN5(noisy(truth(kFieldOfView_deg), n)));
}

void K10aSimulator::handle(const std::string& line) {
    const std::string cmd = commandOf(line);
    if (streaming_) {
        // Any command ends the T2 stream; Argyll sends N5 and drains up to its "<0>".
        streaming_ = false;
    }
    if (cmd == "P0") {
        send(formatP0(options_.model, options_.serial));
    } else if (cmd == "P2") {
        send(formatP2(options_.firmware));
    } else if (cmd == "D7" || cmd == "D4") {
        send(formatCalibrationList(cmd, options_.calibrations));
    } else if (cmd == "D1") {
        send("D1");
        awaitingD1Index_ = true;
    } else if (cmd == "J8" || cmd == "J7") {
        autoRange_ = cmd == "J8";
        send(formatShort(cmd));
    } else if (cmd.size() == 2 && cmd[0] == 'J' && cmd[1] >= '1' && cmd[1] <= '6') {
        send(formatShort(cmd));
    } else if (cmd == "L0" || cmd == "L1") {
        send(formatShort(cmd));
    } else if (cmd == "N5") {
        n5();
    } else if (cmd == "T2") {
        streaming_ = true;
        nextPacket_ = std::chrono::steady_clock::now();
    } else if (cmd == "M6") {
        send(formatM6(100, 100));  // thresholds inside 50..200: cap detected, ready for B9
    } else if (cmd == "B9") {
        sleepSimulated(kBlackCalSeconds);
        std::uint16_t counts[19];
        std::fill(std::begin(counts), std::end(counts), std::uint16_t{40});
        send(formatB9(counts));
    } else if (cmd == "B7") {
        blackCalArmed_ = true;
        send("B7");
    } else if (cmd == "{00000000}@%#" && blackCalArmed_) {
        blackCalArmed_ = false;
        send("<0>");
    } else {
        // No source documents the K10's answer to a command it does not know; the simulator
        // stays silent (the host times out), as the driver code in Argyll assumes nothing else.
        ++unknown_;
    }
}

}  // namespace cm::drivers::k10a

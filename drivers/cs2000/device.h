// SPDX-License-Identifier: Apache-2.0
// CS-2000 driver: remote mode, identification, two-reply measurement, XYZ readout.
#pragma once

#include "drivers/cs2000/protocol.h"
#include "drivers/instrument/spot_instrument.h"
#include "drivers/transport/byte_transport.h"

#include <atomic>
#include <chrono>
#include <memory>

namespace cm::drivers::cs2000 {

class Cs2000Device final : public SpotInstrument {
public:
    explicit Cs2000Device(std::unique_ptr<ByteTransport> transport, double timeout_scale = 1.0);
    ~Cs2000Device() override;

    procedure::InstrumentInfo identify() override;
    Capabilities capabilities() const override;
    procedure::Reading measure() override;
    /// Sends MEAS,0 (the protocol's abort) while the instrument is in its real measurement; a
    /// request during the pre-measurement (when the instrument accepts nothing) is sent as soon
    /// as the measurement time is announced.
    bool requestCancel() override;

private:
    /// Where a measure() is: the instrument only takes MEAS,0 during the real measurement.
    enum class Phase { Idle, PreMeasurement, Measuring, CancelSent };
    /// The abort, then the instrument's reply to it (and any completion line that crossed it).
    [[noreturn]] void finishCancel();
    Reply transact(const std::string& command, double timeout_ms);

    std::unique_ptr<ByteTransport> port_;
    double timeout_scale_;
    bool remote_ = false;
    procedure::InstrumentInfo info_;
    const ModelInfo* model_ = nullptr;
    std::atomic<Phase> phase_{Phase::Idle};
    std::atomic<bool> cancelWanted_{false};
};

}  // namespace cm::drivers::cs2000

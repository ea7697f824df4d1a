// SPDX-License-Identifier: Apache-2.0
// PR-6xx driver: remote mode, identification and XYZ measurement over any byte transport.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "drivers/pr6xx/protocol.h"
#include "drivers/transport/byte_transport.h"

#include <memory>

namespace cm::drivers::pr6xx {

class Pr6xxDevice final : public SpotInstrument {
public:
    /// Takes the transport; enters remote mode and identifies on first use. `timeout_scale`
    /// shrinks the protocol timeouts together with a simulator's time scale (1 for hardware).
    explicit Pr6xxDevice(std::unique_ptr<ByteTransport> transport, double timeout_scale = 1.0);
    /// Leaves remote mode (Q) so the front panel works again and the next session can enter it.
    ~Pr6xxDevice() override;

    procedure::InstrumentInfo identify() override;
    Capabilities capabilities() const override;
    procedure::Reading measure() override;

private:
    Reply transact(const std::string& command, std::chrono::milliseconds timeout);
    void ensureRemote();

    std::unique_ptr<ByteTransport> port_;
    bool remote_ = false;
    procedure::InstrumentInfo info_;
    const ModelInfo* model_ = nullptr;
    double timeout_scale_ = 1.0;
};

}  // namespace cm::drivers::pr6xx

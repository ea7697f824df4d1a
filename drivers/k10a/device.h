// SPDX-License-Identifier: Apache-2.0
// K10-A driver: identification, auto-range, averaged N5 readings at low light.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "drivers/k10a/protocol.h"
#include "drivers/transport/byte_transport.h"

#include <chrono>
#include <memory>

namespace cm::drivers::k10a {

class K10aDevice final : public SpotInstrument {
public:
    explicit K10aDevice(std::unique_ptr<ByteTransport> transport, double timeout_scale = 1.0);

    procedure::InstrumentInfo identify() override;
    Capabilities capabilities() const override;
    procedure::Reading measure() override;
    /// Driver-side averaging: at least `averages` N5 readings per reading (Argyll's low-light
    /// count when that is more).
    void setLowLight(const LowLightSettings& settings) override;

private:
    std::string command(const std::string& cmd, std::size_t reply_length, double timeout_ms);
    colorimetry::XYZ oneReading();

    std::unique_ptr<ByteTransport> port_;
    double timeout_scale_;
    bool identified_ = false;
    int min_averages_ = 1;
    procedure::InstrumentInfo info_;
};

}  // namespace cm::drivers::k10a

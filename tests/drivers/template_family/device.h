// SPDX-License-Identifier: Apache-2.0
// Template family driver: identify once, then one MEAS per reading.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "drivers/transport/byte_transport.h"

#include <memory>

namespace cm::drivers::template_family {

class TemplateDevice final : public SpotInstrument {
public:
    explicit TemplateDevice(std::unique_ptr<ByteTransport> transport, double timeout_scale = 1.0);

    procedure::InstrumentInfo identify() override;
    Capabilities capabilities() const override;
    procedure::Reading measure() override;

private:
    std::string transact(const std::string& command, double timeout_ms);

    std::unique_ptr<ByteTransport> port_;
    double timeout_scale_;
    bool identified_ = false;
    procedure::InstrumentInfo info_;
};

}  // namespace cm::drivers::template_family

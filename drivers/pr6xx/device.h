// SPDX-License-Identifier: Apache-2.0
// PR-6xx driver: remote mode, identification, XYZ and spectral measurement over any transport.
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
    /// SH1 (extended sensitivity: the adaptive ceiling up to the model's maximum) when the
    /// ceiling asked for exceeds the standard one; SN<n> cycles to average.
    void setLowLight(const LowLightSettings& settings) override;

private:
    Reply transact(const std::string& command, std::chrono::milliseconds timeout);
    void ensureRemote();
    /// D5 after a measurement: the spectral radiance on the D120 grid, into the reading.
    void readSpectrum(procedure::Reading& r);

    std::unique_ptr<ByteTransport> port_;
    bool remote_ = false;
    procedure::InstrumentInfo info_;
    const ModelInfo* model_ = nullptr;
    WavelengthGrid grid_;
    double timeout_scale_ = 1.0;
    bool extended_ = false;  ///< SH1 sent
    int cycles_ = 1;         ///< SN<n> sent
};

}  // namespace cm::drivers::pr6xx

// SPDX-License-Identifier: Apache-2.0
// specbos driver: identification, auto-exposure measurement (*init … BEL), XYZ fetch.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "drivers/specbos/protocol.h"
#include "drivers/transport/byte_transport.h"

#include <chrono>
#include <memory>

namespace cm::drivers::specbos {

class SpecbosDevice final : public SpotInstrument {
public:
    explicit SpecbosDevice(std::unique_ptr<ByteTransport> transport, double timeout_scale = 1.0);

    procedure::InstrumentInfo identify() override;
    Capabilities capabilities() const override;
    procedure::Reading measure() override;
    /// *conf:maxtin (auto-exposure ceiling) and *conf:aver (exposures averaged).
    void setLowLight(const LowLightSettings& settings) override;

private:
    std::string query(const std::string& command, double timeout_ms);
    void setting(const std::string& command);
    [[noreturn]] void raiseDeviceError(const std::string& what);
    /// *fetch:sprad after a measurement: the spectral radiance, into the reading.
    void readSpectrum(procedure::Reading& r);

    std::unique_ptr<ByteTransport> port_;
    double timeout_scale_;
    const ModelInfo* model_ = nullptr;
    procedure::InstrumentInfo info_;
    double wavbeg_nm_ = 380.0;  ///< *para:wavbeg?
    double wavend_nm_ = 780.0;  ///< *para:wavend?
    double maxtin_ms_ = 0.0;    ///< *conf:maxtin in force
    int aver_ = 1;              ///< *conf:aver in force
};

}  // namespace cm::drivers::specbos

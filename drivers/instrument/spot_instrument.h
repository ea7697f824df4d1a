// SPDX-License-Identifier: Apache-2.0
// The interface every spot instrument implements (spectroradiometers, colorimeters, photometers).
// Drivers never print or prompt: they return typed readings or throw InstrumentError.
#pragma once

#include "libmeasure/errors.h"
#include "libmeasure/procedure/reading.h"

#include <stdexcept>
#include <string>

namespace cm::drivers {

/// Generic failure class; the device's own code travels beside it.
enum class ErrorKind {
    Timeout,       ///< no (complete) reply in time
    OverRange,     ///< too bright for the instrument
    TooDark,       ///< too little light for a valid reading
    Disconnected,  ///< the port vanished (unplugged, pty closed)
    Protocol,      ///< a reply that does not parse
    Device,        ///< the instrument reported an error
};

const char* toString(ErrorKind kind);

class InstrumentError : public errors::InstrumentError {
public:
    InstrumentError(ErrorKind kind, const std::string& message, std::string device_code = {});
    ErrorKind kind() const { return kind_; }
    const std::string& deviceCode() const { return device_code_; }

private:
    ErrorKind kind_;
    std::string device_code_;
};

struct Capabilities {
    double acceptance_angle_deg = 2.0;
    double min_luminance_cdm2 = 0.0;
    double max_luminance_cdm2 = 0.0;
    bool spectral = false;
    /// 1-sigma relative uncertainty of luminance from the maker's specification.
    double luminance_uncertainty_rel = 0.02;
    /// 1-sigma uncertainty of x and y from the maker's specification.
    double chromaticity_uncertainty_xy = 0.002;
};

class SpotInstrument {
public:
    virtual ~SpotInstrument() = default;
    /// Model, serial and firmware as the device reports them.
    virtual procedure::InstrumentInfo identify() = 0;
    virtual Capabilities capabilities() const = 0;
    /// One reading at whatever the instrument is aimed at; blocks for the integration time.
    virtual procedure::Reading measure() = 0;
};

/// Current UTC time as ISO 8601 (seconds resolution), for reading timestamps.
std::string utcNowIso8601();

}  // namespace cm::drivers

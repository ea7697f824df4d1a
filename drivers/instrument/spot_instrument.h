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

/// A reading stopped on request (SpotInstrument::requestCancel) before the instrument finished it:
/// nothing was read, the instrument is idle again.
class MeasurementCancelled : public InstrumentError {
public:
    explicit MeasurementCancelled(const std::string& how)
        : InstrumentError(ErrorKind::Device, "reading cancelled (" + how + ")") {}
};

/// What an instrument can do when a stimulus is too dark for its default settings, from the
/// family's model table: longer integration (an instrument-side exposure ceiling) and averaging
/// (exposures the instrument averages, or readings the driver repeats and averages). The run raises
/// them after a too-dark reading, within these limits, and records what it used with the reading.
struct LowLightControl {
    /// Auto-exposure ceiling, s: the driver's default and the most the instrument allows (equal,
    /// or 0, when the family cannot raise it).
    double integration_default_s = 0.0;
    double integration_max_s = 0.0;
    /// Averages per reading: the default and the most the run asks for at low light.
    int averages_default = 1;
    int averages_max = 1;
    /// true: the instrument averages its exposures (one command); false: the driver repeats the
    /// reading and averages.
    bool averages_in_instrument = false;
    /// true: the instrument's too-dark test is on the averaged signal, so averaging lowers the
    /// level it can read (signal-to-noise grows by √n). false: averaging lowers only the random
    /// noise (a colorimeter's under-range is per conversion), so the run does not try it on a
    /// too-dark reading.
    bool averaging_lowers_floor = false;

    bool canRaiseIntegration() const { return integration_max_s > integration_default_s; }
    bool canAverage() const { return averages_max > averages_default; }
};

/// Settings the run asks for (SpotInstrument::setLowLight).
struct LowLightSettings {
    double integration_limit_s = 0.0;  ///< auto-exposure ceiling, s; 0: the default
    int averages = 0;                  ///< 0: the default
    bool operator==(const LowLightSettings&) const = default;
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
    LowLightControl low_light;
};

class SpotInstrument {
public:
    virtual ~SpotInstrument() = default;
    /// Model, serial and firmware as the device reports them.
    virtual procedure::InstrumentInfo identify() = 0;
    virtual Capabilities capabilities() const = 0;
    /// One reading at whatever the instrument is aimed at; blocks for the integration time.
    virtual procedure::Reading measure() = 0;
    /// Applies low-light settings (within capabilities().low_light; {} restores the defaults) to
    /// the readings that follow. The readings record what was used. A family without low-light
    /// control ignores it.
    virtual void setLowLight(const LowLightSettings& /*settings*/) {}
    /// Asks a measure() running on another thread to stop now; thread-safe. True when the request
    /// was taken (measure() then throws MeasurementCancelled, or returns if the reading finished
    /// first); false when the family cannot interrupt a reading or none is in progress — the
    /// reading then ends by itself and the caller drops it.
    virtual bool requestCancel() { return false; }
};

/// Current UTC time as ISO 8601 (seconds resolution), for reading timestamps.
std::string utcNowIso8601();

}  // namespace cm::drivers

// SPDX-License-Identifier: Apache-2.0
// The virtual spot meter: a first-class instrument that reads the virtual theatre at the aimed
// point over its acceptance angle, with seeded noise and luminance-dependent integration time.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "drivers/virtual/virtual_theatre.h"

#include <memory>
#include <random>

namespace cm::drivers::virt {

/// The model name the virtual meter reports (its uncertainty budget is keyed by it).
inline constexpr const char* kVirtualMeterModel = "Virtual spot meter";

struct VirtualMeterOptions {
    double acceptance_angle_deg = 1.0;
    /// Low enough for a dark theatre's device-off ambient (0.1 mcd/m²); the noise floor is the
    /// theatre's.
    double min_luminance_cdm2 = 0.00005;
    double max_luminance_cdm2 = 5000.0;
    /// Real seconds slept per simulated integration second (0: do not wait).
    double time_scale = 0.0;
    std::uint64_t seed = 1;
};

/// Seeded measurement noise of the n-th reading: depends only on (seed, n), shared by every
/// simulator so that a resumed run repeats the readings of an uninterrupted one.
colorimetry::XYZ addMeasurementNoise(const colorimetry::XYZ& truth, const Noise& noise,
                                     std::uint64_t seed, std::uint64_t index);

class VirtualSpotMeter final : public SpotInstrument {
public:
    VirtualSpotMeter(std::shared_ptr<const VirtualTheatre> theatre, VirtualMeterOptions options);

    procedure::InstrumentInfo identify() override;
    Capabilities capabilities() const override;
    procedure::Reading measure() override;

    /// Integration time the meter needs at a luminance (longer in the dark, as real meters).
    static double integrationTime_s(double luminance_cdm2);

    /// The noise of the n-th measurement depends only on (seed, n), so a run resumed after n
    /// readings continues with exactly the readings an uninterrupted run would have taken.
    void setMeasurementIndex(std::uint64_t n) { index_ = n; }
    std::uint64_t measurementIndex() const { return index_; }

private:
    std::shared_ptr<const VirtualTheatre> theatre_;
    VirtualMeterOptions options_;
    std::uint64_t index_ = 0;
};

}  // namespace cm::drivers::virt

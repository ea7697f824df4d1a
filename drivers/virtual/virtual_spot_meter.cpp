// SPDX-License-Identifier: Apache-2.0
// Virtual spot meter: samples the theatre, adds noise, honours range limits.
#include "drivers/virtual/virtual_spot_meter.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>
#include <thread>

namespace cm::drivers::virt {

VirtualSpotMeter::VirtualSpotMeter(std::shared_ptr<const VirtualTheatre> theatre,
                                   VirtualMeterOptions options)
    : theatre_(std::move(theatre)), options_(options) {}

procedure::InstrumentInfo VirtualSpotMeter::identify() {
    procedure::InstrumentInfo info;
    info.family = "virtual";
    info.model = kVirtualMeterModel;
    info.serial = "VSM-" + std::to_string(options_.seed);
    info.firmware = "cinemeasure " CINEMEASURE_VERSION;
    info.acceptance_angle_deg = options_.acceptance_angle_deg;
    return info;
}

Capabilities VirtualSpotMeter::capabilities() const {
    Capabilities c;
    c.acceptance_angle_deg = options_.acceptance_angle_deg;
    c.min_luminance_cdm2 = options_.min_luminance_cdm2;
    c.max_luminance_cdm2 = options_.max_luminance_cdm2;
    c.spectral = false;
    const Noise& n = theatre_->config().noise;
    c.luminance_uncertainty_rel = std::max(0.005, n.luminance_rel_pct / 100.0);
    c.chromaticity_uncertainty_xy = std::max(0.0005, n.chromaticity_xy);
    return c;
}

colorimetry::XYZ addMeasurementNoise(const colorimetry::XYZ& truth, const Noise& n,
                                     std::uint64_t seed, std::uint64_t index) {
    // SplitMix64 of (seed, index): independent, reproducible streams per measurement.
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * index;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    std::mt19937_64 rng(z ^ (z >> 31));
    std::normal_distribution<double> unit(0.0, 1.0);
    const double sigmaY = std::hypot(truth.Y * n.luminance_rel_pct / 100.0, n.luminance_abs_cdm2);
    const double Y = std::max(0.0, truth.Y + sigmaY * unit(rng));
    colorimetry::ChromaticityXY xy = colorimetry::toXY(truth);
    xy.x += n.chromaticity_xy * unit(rng);
    xy.y += n.chromaticity_xy * unit(rng);
    return colorimetry::fromxyY(xy, Y);
}

double VirtualSpotMeter::integrationTime_s(double luminance_cdm2) {
    // Collect a fixed signal (≈ 2 cd·s/m²), bounded like a spectroradiometer's 5 ms .. 30 s.
    return std::clamp(2.0 / std::max(luminance_cdm2, 1e-6), 0.005, 30.0);
}

procedure::Reading VirtualSpotMeter::measure() {
    const colorimetry::XYZ truth = theatre_->spotMean(theatre_->presentation(), theatre_->aim(),
                                                      options_.acceptance_angle_deg);
    const double t = integrationTime_s(truth.Y);
    if (options_.time_scale > 0.0) {
        std::this_thread::sleep_for(std::chrono::duration<double>(t * options_.time_scale));
    }
    if (truth.Y > options_.max_luminance_cdm2) {
        std::ostringstream os;
        os << "luminance above the meter's " << options_.max_luminance_cdm2 << " cd/m² range";
        throw InstrumentError(ErrorKind::OverRange, os.str());
    }
    if (truth.Y < options_.min_luminance_cdm2) {
        std::ostringstream os;
        os << "luminance below the meter's " << options_.min_luminance_cdm2 << " cd/m² floor";
        throw InstrumentError(ErrorKind::TooDark, os.str());
    }
    const colorimetry::XYZ measured =
        addMeasurementNoise(truth, theatre_->config().noise, options_.seed, ++index_);
    procedure::Reading r;
    r.xyz_cdm2 = measured;
    r.integration_time_s = t;
    r.timestamp_utc = utcNowIso8601();
    r.instrument = identify();
    return r;
}

}  // namespace cm::drivers::virt

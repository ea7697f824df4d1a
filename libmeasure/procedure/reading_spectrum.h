// SPDX-License-Identifier: Apache-2.0
// The optional spectrum on a reading (spectroradiometers; empty for colorimeters) as a Spectrum
// value: Reading::spectral_radiance on the regular grid spectrum_start_nm + k·spectrum_step_nm.
#pragma once

#include "libmeasure/colorimetry/spectrum.h"
#include "libmeasure/procedure/reading.h"

#include <optional>
#include <vector>

namespace cm::procedure {

/// The reading's spectrum, or nullopt when the instrument gave none. Throws
/// colorimetry::SpectrumError for samples that are not a spectrum (non-finite values).
std::optional<colorimetry::Spectrum> spectralRadiance(const Reading& r);
/// Stores a spectrum on the regular grid start_nm + k·step_nm.
void setSpectralRadiance(Reading& r, double start_nm, double step_nm, std::vector<double> values);

}  // namespace cm::procedure

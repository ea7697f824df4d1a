// SPDX-License-Identifier: Apache-2.0
// Sampled spectra (radiance, reflectance, relative power) with documented interpolation.
#pragma once
#include "libmeasure/errors.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace cm::colorimetry {

/// A spectrum that is not usable: unsorted, non-finite, negative where that is not allowed,
/// or with gaps too wide to interpolate.
class SpectrumError : public errors::InputError {
public:
    using errors::InputError::InputError;
};

/// Samples of a spectral quantity at strictly increasing wavelengths (nm), any spacing.
///
/// Interpolation between samples is linear (CIE 015:2018 §7.2.2 accepts linear interpolation for
/// data at ≤ 5 nm; Sprague is recommended for wider steps, which we do not implement: spectra with
/// steps wider than `kMaxInterpolationGap_nm` are rejected rather than silently smoothed).
/// Outside the sampled range the nearest sample is held (CIE 015:2018 §7.2.3 recommends this
/// "nearest value" extrapolation in the absence of better knowledge).
class Spectrum {
public:
    static constexpr double kMaxInterpolationGap_nm = 20.0;

    Spectrum() = default;
    /// Throws SpectrumError unless wavelengths strictly increase, all values are finite, the
    /// widest step is ≤ kMaxInterpolationGap_nm and, when `allow_negative` is false, no value is
    /// negative beyond −1e-9 · max (instrument dark noise can dip a hair below zero).
    Spectrum(std::vector<double> wavelength_nm, std::vector<double> values,
             bool allow_negative = false);

    const std::vector<double>& wavelengths() const { return wavelength_nm_; }
    const std::vector<double>& values() const { return values_; }
    bool empty() const { return values_.empty(); }
    double first_nm() const { return wavelength_nm_.front(); }
    double last_nm() const { return wavelength_nm_.back(); }

    /// Value at a wavelength: linear between samples, nearest sample outside the range.
    double at(double wavelength_nm) const;
    /// Regular step in nm if all steps are equal (to 1e-9 nm), else 0.
    double regularStep_nm() const;
    /// A copy scaled by k.
    Spectrum scaled(double k) const;

private:
    std::vector<double> wavelength_nm_;
    std::vector<double> values_;
};

/// What a spectrum lacks of [from_nm, to_nm] and is therefore extrapolated by holding the
/// nearest sample (CIE 015:2018 §7.2.3), e.g. "520–780 nm held at the 520 nm value"; empty when
/// the spectrum covers the range. The visible range 380–780 nm is what the colour-matching
/// functions weigh materially.
std::string extrapolatedRange(const Spectrum& s, double from_nm = 380.0, double to_nm = 780.0);

/// Parses "nm,value" CSV text with one header line. `source` names the file in errors, which
/// carry the line number.
Spectrum parseSpectrumCsv(const std::string& text, const std::string& source);

/// Parses an ArgyllCMS CGATS spectral file (.sp, "CGATS.17" with SPECTRAL_NORM, SPECTRAL_START_NM,
/// SPECTRAL_END_NM, SPECTRAL_BANDS and one data row). Values are divided by SPECTRAL_NORM.
Spectrum parseCgatsSpectrum(const std::string& text, const std::string& source);

}  // namespace cm::colorimetry

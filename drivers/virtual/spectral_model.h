// SPDX-License-Identifier: Apache-2.0
// Plausible display spectra for the simulated spectroradiometers: three primary shapes (laser,
// LED or filtered xenon) mixed so that the spectrum integrates to a given XYZ.
#pragma once

#include "libmeasure/colorimetry/observer.h"
#include "libmeasure/colorimetry/spectrum.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <cstddef>
#include <string>
#include <vector>

namespace cm::drivers::virt {

/// A spectroradiometer's wavelength grid: start..end in regular steps, nm.
struct SpectralGrid {
    double start_nm = 380.0;
    double end_nm = 780.0;
    double step_nm = 1.0;
    std::size_t size() const {
        return static_cast<std::size_t>((end_nm - start_nm) / step_nm + 0.5) + 1;
    }
    double at(std::size_t i) const { return start_nm + step_nm * static_cast<double>(i); }
};

/// Primary sets the simulators know: "laser-rgb" (465/532/639 nm lines, a typical RGB laser
/// cinema projector), "led-rgb" (direct-view InGaN blue/green and AlGaInP red LEDs) and "xenon"
/// (a xenon short-arc lamp through the dichroic colour filters of a DLP projector).
std::vector<std::string> primarySetIds();
/// The default set for a screen type: "led" → led-rgb, anything else → xenon.
std::string defaultPrimarySet(const std::string& screen_type);

/// Relative spectral power of primary `k` (0 R, 1 G, 2 B) of a set at `wavelength_nm`, as seen
/// through an instrument of spectral bandwidth `bandwidth_nm` (FWHM of its slit function; a
/// narrow line is broadened to sqrt(line² + bandwidth²)). Throws std::invalid_argument for an
/// unknown set.
double primaryPower(const std::string& set, int k, double wavelength_nm, double bandwidth_nm);

/// CIE 1931 2° colour-matching functions from the multi-lobe Gaussian fit of Wyman, Sloan and
/// Shirley, "Simple Analytic Approximations to the CIE XYZ Color Matching Functions", JCGT 2(2),
/// 2013, table 1 — on 360..830 nm at 1 nm. A simulated instrument integrates with these when no
/// CIE table was handed to it (its "own" CMFs, slightly unlike the CIE table, as a real one's).
colorimetry::Observer wyman2013Observer();

/// Spectral radiance (W·sr⁻¹·m⁻²·nm⁻¹) on `grid`: w_R·R + w_G·G + w_B·B with the weights solving
/// Km Σ S(λ)·cmf(λ)·Δλ = target on that grid (CIE 015 summation, as colorimetry::absoluteXYZ
/// does). A target outside the set's gamut would need a negative weight: that weight is set to
/// zero, so the spectrum then integrates to the nearest colour the set can show.
colorimetry::Spectrum synthesiseSpectrum(const std::string& set, double bandwidth_nm,
                                         const colorimetry::Observer& observer,
                                         const colorimetry::XYZ& target, const SpectralGrid& grid);

}  // namespace cm::drivers::virt

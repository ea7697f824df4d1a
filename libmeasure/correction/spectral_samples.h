// SPDX-License-Identifier: Apache-2.0
// Colorimeter correction from spectral samples of a display, in the manner of ArgyllCMS CCSS
// ("Colorimeter Calibration Spectral Set", spectro/ccss.h): the display's spectra, measured once
// with a spectroradiometer, and the colorimeter's channel sensitivities give the matrix that maps
// the colorimeter's raw response to CIE XYZ for that display type — no colorimeter reading of
// the display is needed. Also the four-colour method fed from the same spectra.
#pragma once

#include "libmeasure/colorimetry/observer.h"
#include "libmeasure/colorimetry/spectrum.h"
#include "libmeasure/correction/colorimeter_correction.h"

#include <string>
#include <vector>

namespace cm::correction {

/// A set of display spectra with what a CCSS file says about them.
struct SpectralSampleSet {
    std::string display;           ///< DISPLAY: the screen the spectra were measured on
    std::string technology;        ///< TECHNOLOGY, e.g. "Laser projector", "LED wall"
    std::string reference;         ///< REFERENCE: the spectroradiometer, model and serial
    std::string created;           ///< CREATED, as text
    std::vector<std::string> ids;  ///< sample names ("white", "red", …)
    std::vector<colorimetry::Spectrum> samples;  ///< spectral radiance, W·sr⁻¹·m⁻²·nm⁻¹
};

/// The least-squares matrix M minimising Σᵢ |M·rᵢ − XYZᵢ|² over the samples, where rᵢ is the
/// colorimeter's response to sample i (its sensitivities `meter` summed against the spectrum as
/// CMFs are, CIE 015 §7) and XYZᵢ the sample under `reference` (the CIE observer). With three
/// samples of independent colour the fit is exact. `residual_duv` holds the first four samples'
/// Δu′v′ after correction (white, R, G, B is the usual set), `max_residual_duv` the largest of
/// all. Throws std::invalid_argument for fewer than three samples or a singular set.
CorrectionMatrix fitSpectralSamples(const std::vector<colorimetry::Spectrum>& samples,
                                    const colorimetry::Observer& meter,
                                    const colorimetry::Observer& reference);

/// Four-colour correction (Ohno & Hardis 1997) with the reference XYZ computed from the
/// spectroradiometer's spectra of red, green, blue and white under `observer`.
CorrectionMatrix fitFourColourFromSpectra(const FourColourSet& colorimeter,
                                          const colorimetry::Spectrum& red,
                                          const colorimetry::Spectrum& green,
                                          const colorimetry::Spectrum& blue,
                                          const colorimetry::Spectrum& white,
                                          const colorimetry::Observer& observer);

/// The set as CCSS text (CGATS.17, as ArgyllCMS ccxxmake writes it; format in docs/ccss.md).
/// All samples must share one regular wavelength grid; throws std::invalid_argument otherwise.
std::string writeCcss(const SpectralSampleSet& set);

/// Reads CCSS text written by writeCcss or by ArgyllCMS. Throws colorimetry::SpectrumError
/// naming `source` for a malformed file.
SpectralSampleSet parseCcss(const std::string& text, const std::string& source);

}  // namespace cm::correction

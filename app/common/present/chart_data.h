// SPDX-License-Identifier: Apache-2.0
// What the charts of a report show, computed once for the PDF and the GUI: chromaticity targets
// with their tolerance boxes, per-point means, primaries, the spectral locus and the grey ramp.
#pragma once

#include "libmeasure/colorimetry/spectral_consistency.h"
#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/report/certification_report.h"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace cm::app::present {

/// A chromaticity target: the x and y (or u′ and v′) figures of one step and point, paired.
struct ChromaTarget {
    std::string step, point;
    std::string stimulus;     ///< the step's stimulus ("white", "red", ...)
    bool uv = false;          ///< the figures are u′v′ (else CIE 1931 xy)
    double x = NAN, y = NAN;  ///< target
    double xlo = NAN, xhi = NAN, ylo = NAN, yhi = NAN;  ///< tolerance box
    double mx = NAN, my = NAN;                          ///< measured (the figures' values)
    evaluation::Verdict verdict = evaluation::Verdict::NotEvaluated;
    bool isPrimary() const {
        return stimulus == "red" || stimulus == "green" || stimulus == "blue";
    }
};

/// Every step/point whose chromaticity figures carry a target, in figure order.
std::vector<ChromaTarget> chromaticityTargets(const report::CertificationReport& r);

/// Mean of the repeats at one point of one step.
struct PointMean {
    std::string step, point;
    double x_m = 0.0, y_m = 0.0;  ///< position on the screen (centre origin, y up)
    double luminance_cdm2 = NAN;
    colorimetry::ChromaticityXY xy{NAN, NAN};
    int n = 0;
};

/// The per-point means of `step`, in the order of the report's points.
std::vector<PointMean> pointMeans(const report::CertificationReport& r, const std::string& step);

/// Steps read at three or more points (only those get a luminance map), in reading order;
/// checkerboards are left out (their patches differ by design).
std::vector<std::string> multiPointSteps(const report::CertificationReport& r);

/// The CIE 1931 xy spectral locus, 380–700 nm from the shipped 2° CMFs; empty without the tables.
const std::vector<colorimetry::ChromaticityXY>& spectralLocusXY();

/// One grey-ramp level: the figure's step at its point, measured and target luminance.
struct RampLevel {
    std::string step;
    int code_y = 0;
    double measured_cdm2 = NAN;
    double target_cdm2 = NAN;
    double lo_cdm2 = NAN, hi_cdm2 = NAN;  ///< tolerance band at this level, when the figure has one
    /// EOTF only: 100 · (measured − target) / target and the level's band, %.
    double error_pct = NAN, lo_pct = NAN, hi_pct = NAN;
};

/// A measured grey ramp against its target transfer (gamma 2.6 or PQ), from a gamma or EOTF
/// figure of the profile.
struct RampChart {
    std::string figure_id, label, transfer;
    double tolerance_pct = NAN;  ///< ± band of the EOTF figure, % of target; NaN when none
    std::vector<RampLevel> levels;
};

/// One chart per gamma/EOTF figure group (levels merged by step, sorted by code).
std::vector<RampChart> rampCharts(const report::CertificationReport& r);

/// A bar of a contrast (or 3D extinction) chart: value and its limit.
struct Bar {
    std::string label;
    double value = NAN, U = NAN, limit = NAN;
    evaluation::Verdict verdict = evaluation::Verdict::NotEvaluated;
    bool informative = false;
};

/// Contrast and stereo ratio figures (unit "ratio"), for bar charts on a log scale.
std::vector<Bar> ratioBars(const report::CertificationReport& r);

/// The instrument's own XYZ of a reading against the XYZ recomputed from its spectrum with the
/// shipped CIE 1931 2° table (ΔY %, Δu′v′); nullopt when the reading has no spectrum.
std::optional<colorimetry::SpectralConsistency> spectralCheck(const procedure::Reading& reading);

/// A measured spectrum to plot: the display's white or one of its primaries.
struct SpectrumSeries {
    std::string stimulus;  ///< "white", "red", "green" or "blue"
    std::string step, point;
    double start_nm = 0.0, step_nm = 0.0;
    std::vector<double> radiance;  ///< W·sr⁻¹·m⁻²·nm⁻¹
    double peak_nm = NAN;          ///< wavelength of the largest sample
    /// Instrument XYZ against the XYZ recomputed from this spectrum (CIE 1931 2° table).
    double delta_Y_pct = NAN, delta_uv = NAN;
};

/// The first reading with a spectrum of each full-field white, red, green and blue step, in
/// that order; empty when the instrument gave no spectra (a colorimeter).
std::vector<SpectrumSeries> displaySpectra(const report::CertificationReport& r);

}  // namespace cm::app::present

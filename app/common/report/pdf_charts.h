// SPDX-License-Identifier: Apache-2.0
// The certification PDF's charts (cairo vector graphics, Pango labels): chromaticity diagrams with
// each target's tolerance box, gamut triangles, luminance maps, grey ramp vs target, ratio bars.
#pragma once

#include "app/common/present/chart_data.h"
#include "app/common/present/figure_text.h"
#include "app/common/report/pdf_text.h"

namespace cm::app::pdf {

struct Area {
    double x, y, w, h;
};

/// Full CIE 1931 xy (uv = false) or CIE 1976 u′v′ diagram: locus, DCI-P3, the primaries' target
/// and measured triangles, every target box and the per-point means of the target steps.
void drawGamutDiagram(cairo_t* cr, TextLayout& t, Area a, const report::CertificationReport& r,
                      bool uv, present::Lang lang);

/// One target zoomed: its tolerance box, the readings of its step (the target point filled,
/// other points hollow), axes with ticks in the target's own space.
void drawTargetPanel(cairo_t* cr, TextLayout& t, Area a, const report::CertificationReport& r,
                     const present::ChromaTarget& target, present::Lang lang);

/// Luminance over the screen for one multi-point step (inverse-distance weighting of the means),
/// with a colour scale in cd/m². Returns the height used.
double drawLuminanceMap(cairo_t* cr, TextLayout& t, Area a, const report::CertificationReport& r,
                        const std::string& step, present::Lang lang);

/// Measured grey ramp vs target transfer with the tolerance band, log luminance over code.
void drawRampChart(cairo_t* cr, TextLayout& t, Area a, const present::RampChart& c,
                   present::Lang lang);

/// Horizontal bars on a log scale with each limit marked. Returns the height used.
double drawRatioBars(cairo_t* cr, TextLayout& t, Area a, const std::vector<present::Bar>& bars,
                     present::Lang lang);

/// The measured spectra of the white and the primaries (spectral radiance over wavelength, one
/// curve each in its own colour), with each curve's peak and its XYZ check (ΔY %, Δu′v′).
void drawSpectraChart(cairo_t* cr, TextLayout& t, Area a,
                      const std::vector<present::SpectrumSeries>& spectra, present::Lang lang);

}  // namespace cm::app::pdf

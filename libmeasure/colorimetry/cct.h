// SPDX-License-Identifier: Apache-2.0
// Correlated colour temperature and Duv: one dispatcher over the published methods.
#pragma once

#include "libmeasure/colorimetry/observer.h"
#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/errors.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace cm::colorimetry {

/// CIE 1960 UCS (u, v) = (u', 2v'/3) — the space CCT and Duv are defined in (CIE 015:2018 §9.5).
struct ChromaticityUV1960 {
    double u = 0.0;
    double v = 0.0;
};
ChromaticityUV1960 toUV1960(const ChromaticityXY& xy);
ChromaticityXY fromUV1960(const ChromaticityUV1960& uv);

/// A chromaticity outside a method's stated validity range.
class CctRangeError : public errors::InputError {
public:
    using errors::InputError::InputError;
};

struct CctResult {
    double cct_K = 0.0;
    /// Signed distance from the Planckian locus in CIE 1960 (u, v); positive above the locus.
    double duv = 0.0;
    std::string method;
};

/// Second radiation constant c2 = 1.4388e-2 m·K (ITS-90, as used by CIE 015:2018 §9.5).
inline constexpr double kC2_mK = 1.4388e-2;

/// Planckian radiator's (u, v) at temperature T for an observer (CMF-weighted, 1 nm summation).
ChromaticityUV1960 planckianUV(double cct_K, const Observer& observer);

/// Ohno (2013), LEUKOS 10(1):47–55, 2014: Planckian table search with cascade refinement and the
/// triangular (|Duv| < 0.002) or parabolic solution. Valid for 1000 K ≤ T ≤ 100 000 K and
/// |Duv| ≤ 0.05; outside that a CctRangeError, not a silent number.
CctResult cctOhno2013(const ChromaticityUV1960& uv, const Observer& observer);

/// Robertson (1968) from the 31 published isotemperature lines (0 … 600 MK⁻¹, i.e. T ≥ 1667 K).
/// `lines` rows: reciprocal megakelvin, u, v, slope t. Duv is the distance to the locus point
/// interpolated between the bracketing lines (Robertson's own construction), positive above.
/// `observer` is unused (the table embodies the 1931 observer) and kept for a uniform signature.
struct RobertsonLine {
    double mired = 0.0;
    double u = 0.0;
    double v = 0.0;
    double t = 0.0;
};
CctResult cctRobertson1968(const ChromaticityUV1960& uv, const std::vector<RobertsonLine>& lines,
                           const Observer& observer);

/// McCamy (1992) cubic in n = (x − 0.3320)/(0.1858 − y). An approximation for display only: no
/// Duv (NaN), errors of several kelvin away from the locus; results outside 2000–12 500 K throw.
CctResult cctMcCamy1992(const ChromaticityXY& xy);

/// Dispatcher: method "ohno2013" (reference), "robertson1968" or "mccamy1992".
CctResult correlatedColourTemperature(const ChromaticityXY& xy, const std::string& method,
                                      const Observer& observer,
                                      const std::vector<RobertsonLine>& robertson_lines = {});

}  // namespace cm::colorimetry

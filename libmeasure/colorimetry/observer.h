// SPDX-License-Identifier: Apache-2.0
// Colour-matching functions of a standard observer, loaded from the CIE tables in calibration/cie.
#pragma once

#include "libmeasure/colorimetry/spectrum.h"

#include <string>

namespace cm::colorimetry {

/// x̄, ȳ, z̄ sampled at 1 nm (or any regular step) over [first, last] nm.
struct Observer {
    std::string name;  ///< "CIE 1931 2°" or "CIE 1964 10°"
    double start_nm = 360.0;
    double step_nm = 1.0;
    std::vector<double> xbar;
    std::vector<double> ybar;
    std::vector<double> zbar;

    double end_nm() const { return start_nm + step_nm * static_cast<double>(xbar.size() - 1); }
    /// Index of a wavelength on the grid, or -1 when it is not a grid point.
    long indexOf(double wavelength_nm) const;
};

/// Parses "wavelength_nm,xbar,ybar,zbar" CSV (header line first, regular step). Errors carry
/// `source` and the line number.
Observer parseObserverCsv(const std::string& text, const std::string& source, std::string name);

}  // namespace cm::colorimetry

// SPDX-License-Identifier: Apache-2.0
// Primary spectra of laser, LED and xenon displays, and their mix to a target XYZ.
#include "drivers/virtual/spectral_model.h"

#include "libmeasure/colorimetry/rgb_colourspace.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <array>
#include <cmath>
#include <stdexcept>

namespace cm::drivers::virt {

namespace {

constexpr double kFwhmToSigma = 2.354820045;  // 2·sqrt(2·ln 2)

double gaussian(double wl, double centre_nm, double fwhm_nm) {
    const double s = fwhm_nm / kFwhmToSigma;
    const double d = (wl - centre_nm) / s;
    return std::exp(-0.5 * d * d);
}

/// A band through a line of the instrument: the slit function (Gaussian, FWHM = bandwidth)
/// widens a Gaussian line to sqrt(line² + bandwidth²) and lowers its peak in proportion, so the
/// area (the radiance) is kept.
double broadenedLine(double wl, double centre_nm, double line_fwhm_nm, double bandwidth_nm) {
    const double fwhm = std::sqrt(line_fwhm_nm * line_fwhm_nm + bandwidth_nm * bandwidth_nm);
    return gaussian(wl, centre_nm, fwhm) * line_fwhm_nm / fwhm;
}

/// Planck's law, relative (the xenon short-arc continuum is close to a 6000 K radiator in the
/// visible range; its infrared lines above 800 nm do not matter here).
double planckRelative(double wl_nm, double T_K) {
    constexpr double c2 = 1.4388e7;  // second radiation constant, nm·K
    const double l = wl_nm / 560.0;
    return 1.0 / (l * l * l * l * l * (std::exp(c2 / (wl_nm * T_K)) - 1.0));
}

double logistic(double wl, double edge_nm, double width_nm) {
    return 1.0 / (1.0 + std::exp(-(wl - edge_nm) / width_nm));
}

struct Line {
    double centre_nm;
    double fwhm_nm;
};

// RGB laser projector: 465, 532 and 639 nm, each line about 1 nm wide after despeckling.
constexpr std::array<Line, 3> kLaser = {{{639.0, 1.0}, {532.0, 1.0}, {465.0, 1.0}}};
// Direct-view LED: AlGaInP red, InGaN green and blue (typical data-sheet peaks and FWHM).
constexpr std::array<Line, 3> kLed = {{{628.0, 17.0}, {525.0, 33.0}, {455.0, 20.0}}};

}  // namespace

std::vector<std::string> primarySetIds() {
    return {"laser-rgb", "led-rgb", "xenon"};
}

std::string defaultPrimarySet(const std::string& screen_type) {
    return screen_type == "led" ? "led-rgb" : "xenon";
}

double primaryPower(const std::string& set, int k, double wl, double bandwidth_nm) {
    if (k < 0 || k > 2) {
        throw std::invalid_argument("primary index must be 0, 1 or 2");
    }
    const auto i = static_cast<std::size_t>(k);
    if (set == "laser-rgb") {
        return broadenedLine(wl, kLaser[i].centre_nm, kLaser[i].fwhm_nm, bandwidth_nm);
    }
    if (set == "led-rgb") {
        return broadenedLine(wl, kLed[i].centre_nm, kLed[i].fwhm_nm, bandwidth_nm);
    }
    if (set == "xenon") {
        // Dichroic filters with edges a few nm wide: red above 605 nm, green 505–570, blue
        // below 490 nm.
        const double lamp = planckRelative(wl, 6000.0);
        switch (k) {
            case 0:
                return lamp * logistic(wl, 605.0, 4.0);
            case 1:
                return lamp * logistic(wl, 505.0, 4.0) * (1.0 - logistic(wl, 570.0, 4.0));
            default:
                return lamp * (1.0 - logistic(wl, 490.0, 4.0));
        }
    }
    throw std::invalid_argument("unknown primary set '" + set + "' (laser-rgb, led-rgb, xenon)");
}

colorimetry::Observer wyman2013Observer() {
    // Piecewise Gaussian g(λ; μ, σ1, σ2): σ1 below μ, σ2 above (JCGT 2(2), 2013, eq. 2).
    auto g = [](double x, double mu, double s1, double s2) {
        const double t = (x - mu) / (x < mu ? s1 : s2);
        return std::exp(-0.5 * t * t);
    };
    colorimetry::Observer o;
    o.name = "CIE 1931 2° (Wyman–Sloan–Shirley 2013 fit)";
    o.start_nm = 360.0;
    o.step_nm = 1.0;
    for (int wl = 360; wl <= 830; ++wl) {
        const double x = wl;
        o.xbar.push_back(1.056 * g(x, 599.8, 37.9, 31.0) + 0.362 * g(x, 442.0, 16.0, 26.7) -
                         0.065 * g(x, 501.1, 20.4, 26.2));
        o.ybar.push_back(0.821 * g(x, 568.8, 46.9, 40.5) + 0.286 * g(x, 530.9, 16.3, 31.1));
        o.zbar.push_back(1.217 * g(x, 437.0, 11.8, 36.0) + 0.681 * g(x, 459.0, 26.0, 13.8));
    }
    return o;
}

colorimetry::Spectrum synthesiseSpectrum(const std::string& set, double bandwidth_nm,
                                         const colorimetry::Observer& observer,
                                         const colorimetry::XYZ& target, const SpectralGrid& grid) {
    const std::size_t n = grid.size();
    std::vector<double> wl(n);
    std::array<std::vector<double>, 3> basis;
    for (std::size_t i = 0; i < n; ++i) {
        wl[i] = grid.at(i);
    }
    colorimetry::Matrix3 m{};
    for (int k = 0; k < 3; ++k) {
        auto& b = basis[static_cast<std::size_t>(k)];
        b.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            b[i] = primaryPower(set, k, wl[i], bandwidth_nm);
        }
        const auto xyz = colorimetry::absoluteXYZ(colorimetry::Spectrum(wl, b), observer);
        m[0][static_cast<std::size_t>(k)] = xyz.X;
        m[1][static_cast<std::size_t>(k)] = xyz.Y;
        m[2][static_cast<std::size_t>(k)] = xyz.Z;
    }
    const auto w = colorimetry::apply(colorimetry::inverse(m), target);
    const double weights[3] = {std::max(0.0, w.X), std::max(0.0, w.Y), std::max(0.0, w.Z)};
    std::vector<double> values(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < 3; ++k) {
            values[i] += weights[k] * basis[k][i];
        }
    }
    return colorimetry::Spectrum(std::move(wl), std::move(values));
}

}  // namespace cm::drivers::virt

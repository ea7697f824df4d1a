// SPDX-License-Identifier: Apache-2.0
// CIEDE2000 colour difference: CIE 142-2001, with the implementation notes of Sharma, Wu & Dalal
// (2005), eqs. (1)–(22) of that paper.
#include "libmeasure/colorimetry/cielab.h"

#include <cmath>
#include <numbers>

namespace cm::colorimetry {

namespace {
constexpr double kPi = std::numbers::pi;
double deg(double rad) {
    return rad * 180.0 / kPi;
}
double rad(double d) {
    return d * kPi / 180.0;
}
double pow7(double x) {
    const double x2 = x * x;
    return x2 * x2 * x2 * x;
}
}  // namespace

double deltaE2000(const Lab& p, const Lab& q, const Ciede2000Weights& k) {
    // (2)–(6): a' rescaled by G from the mean chroma.
    const double C1 = std::hypot(p.a, p.b);
    const double C2 = std::hypot(q.a, q.b);
    const double Cbar = 0.5 * (C1 + C2);
    const double G = 0.5 * (1.0 - std::sqrt(pow7(Cbar) / (pow7(Cbar) + pow7(25.0))));
    const double a1 = (1.0 + G) * p.a;
    const double a2 = (1.0 + G) * q.a;
    const double Cp1 = std::hypot(a1, p.b);
    const double Cp2 = std::hypot(a2, q.b);
    // (7): hue angle 0 when a' = b = 0 (Sharma note 1).
    auto hue = [](double b, double a) {
        if (a == 0.0 && b == 0.0) {
            return 0.0;
        }
        double h = deg(std::atan2(b, a));
        return h < 0.0 ? h + 360.0 : h;
    };
    const double h1 = hue(p.b, a1);
    const double h2 = hue(q.b, a2);
    // (8)–(10)
    const double dL = q.L - p.L;
    const double dC = Cp2 - Cp1;
    double dh = 0.0;
    if (Cp1 * Cp2 != 0.0) {
        dh = h2 - h1;
        if (dh > 180.0) {
            dh -= 360.0;
        } else if (dh < -180.0) {
            dh += 360.0;
        }
    }
    const double dH = 2.0 * std::sqrt(Cp1 * Cp2) * std::sin(rad(dh / 2.0));
    // (12)–(14): means; hue mean through the shorter arc (Sharma note 2).
    const double Lbar = 0.5 * (p.L + q.L);
    const double Cpbar = 0.5 * (Cp1 + Cp2);
    double hbar = h1 + h2;
    if (Cp1 * Cp2 != 0.0) {
        if (std::abs(h1 - h2) <= 180.0) {
            hbar = 0.5 * (h1 + h2);
        } else if (h1 + h2 < 360.0) {
            hbar = 0.5 * (h1 + h2 + 360.0);
        } else {
            hbar = 0.5 * (h1 + h2 - 360.0);
        }
    }
    // (15)–(21)
    const double T = 1.0 - 0.17 * std::cos(rad(hbar - 30.0)) + 0.24 * std::cos(rad(2.0 * hbar)) +
                     0.32 * std::cos(rad(3.0 * hbar + 6.0)) -
                     0.20 * std::cos(rad(4.0 * hbar - 63.0));
    const double dTheta = 30.0 * std::exp(-((hbar - 275.0) / 25.0) * ((hbar - 275.0) / 25.0));
    const double RC = 2.0 * std::sqrt(pow7(Cpbar) / (pow7(Cpbar) + pow7(25.0)));
    const double L50 = (Lbar - 50.0) * (Lbar - 50.0);
    const double SL = 1.0 + 0.015 * L50 / std::sqrt(20.0 + L50);
    const double SC = 1.0 + 0.045 * Cpbar;
    const double SH = 1.0 + 0.015 * Cpbar * T;
    const double RT = -std::sin(rad(2.0 * dTheta)) * RC;
    // (22)
    const double tL = dL / (k.kL * SL);
    const double tC = dC / (k.kC * SC);
    const double tH = dH / (k.kH * SH);
    return std::sqrt(tL * tL + tC * tC + tH * tH + RT * tC * tH);
}

}  // namespace cm::colorimetry

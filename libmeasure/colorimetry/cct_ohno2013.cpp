// SPDX-License-Identifier: Apache-2.0
// CCT and Duv by Ohno (2013), "Practical use and calculation of CCT and Duv", LEUKOS 10(1) 2014.
#include "libmeasure/colorimetry/cct.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace cm::colorimetry {

namespace {

constexpr double kMinT_K = 1000.0;
constexpr double kMaxT_K = 100000.0;
constexpr double kMaxDuv = 0.05;

struct Row {
    double T;
    double u;
    double v;
    double d;
};

double dist(const ChromaticityUV1960& a, double u, double v) {
    return std::hypot(a.u - u, a.v - v);
}

}  // namespace

CctResult cctOhno2013(const ChromaticityUV1960& uv, const Observer& observer) {
    if (!std::isfinite(uv.u) || !std::isfinite(uv.v)) {
        throw CctRangeError("CCT of an undefined chromaticity");
    }
    // Cascade: a table with 1 % steps over the whole range, then tables 20× finer around the
    // nearest entry (Ohno 2014 §3: the cascade makes the triangular/parabolic error negligible).
    // It stops at 2.5e-5 relative spacing: finer tables make the parabola's second differences of
    // distance fall to the rounding level of the distances themselves (at 1e-6 spacing a 1e-9
    // change of x moved D65's Duv by 3e-4).
    double lo = kMinT_K;
    double hi = kMaxT_K;
    double ratio = 1.01;
    std::vector<Row> rows;
    std::size_t best = 0;
    for (int pass = 0; pass < 8; ++pass) {
        rows.clear();
        for (double T = lo; T <= hi * (1.0 + 1e-12); T *= ratio) {
            const ChromaticityUV1960 p = planckianUV(T, observer);
            rows.push_back({T, p.u, p.v, dist(uv, p.u, p.v)});
        }
        best = 0;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            if (rows[i].d < rows[best].d) {
                best = i;
            }
        }
        if (pass == 0 && (best == 0 || best + 1 == rows.size())) {
            std::ostringstream os;
            os << "chromaticity (u " << uv.u << ", v " << uv.v << ") lies beyond the " << kMinT_K
               << "–" << kMaxT_K << " K range of the Ohno (2013) method";
            throw CctRangeError(os.str());
        }
        if (ratio - 1.0 < 1e-4) {
            break;
        }
        const std::size_t a = best == 0 ? 0 : best - 1;
        const std::size_t b = std::min(best + 1, rows.size() - 1);
        lo = rows[a].T;
        hi = rows[b].T;
        ratio = 1.0 + (ratio - 1.0) / 20.0;
    }
    best = std::clamp<std::size_t>(best, 1, rows.size() - 2);
    const Row& p = rows[best - 1];
    const Row& c = rows[best];
    const Row& n = rows[best + 1];

    // Triangular solution (Ohno 2014 eqs. 7–10).
    const double l = std::hypot(n.u - p.u, n.v - p.v);
    const double x = (p.d * p.d - n.d * n.d + l * l) / (2.0 * l);
    const double Tx = p.T + (n.T - p.T) * x / l;
    const double vx = p.v + (n.v - p.v) * x / l;
    const double sign = uv.v - vx >= 0.0 ? 1.0 : -1.0;
    double T = Tx;
    double duv = sign * std::sqrt(std::max(0.0, p.d * p.d - x * x));
    if (std::abs(duv) >= 0.002) {
        // Parabolic solution (Ohno 2014 eqs. 11–15), written in t = T − T_c so that the
        // coefficients are not differences of products of large T values.
        const double tp = p.T - c.T;
        const double tn = n.T - c.T;
        const double sp = (p.d - c.d) / tp;  // slope c→p
        const double sn = (n.d - c.d) / tn;  // slope c→n
        const double a = (sn - sp) / (tn - tp);
        const double b = sp - a * tp;  // d(t) = c.d + b·t + a·t²
        if (a > 0.0) {
            const double t = -b / (2.0 * a);
            T = c.T + t;
            duv = sign * (c.d + b * t + a * t * t);
        }
    }
    if (std::abs(duv) > kMaxDuv) {
        std::ostringstream os;
        os << "Duv " << duv << " is beyond ±" << kMaxDuv
           << ": the chromaticity is too far from the Planckian locus for a CCT";
        throw CctRangeError(os.str());
    }
    return {T, duv, "ohno2013"};
}

}  // namespace cm::colorimetry

// SPDX-License-Identifier: Apache-2.0
// Sequential and checkerboard contrast (RP 431-2 §7.5, §7.6).
#include "libmeasure/evaluation/metrics_contrast.h"

#include "libmeasure/evaluation/metrics_spot.h"
#include "libmeasure/procedure/profile.h"

#include <limits>

namespace cm::evaluation {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double metricSequentialContrast(const procedure::FigureSpec& spec,
                                const std::vector<procedure::RecordedReading>& rs) {
    const auto white = meanXYZ(rs, spec.step, spec.point);
    const auto black = meanXYZ(rs, spec.reference_step, spec.point);
    if (!white || !black || !(black->Y > 0.0)) {
        return kNaN;
    }
    return white->Y / black->Y;
}

double metricCheckerboardContrast(const procedure::FigureSpec& spec,
                                  const std::vector<procedure::RecordedReading>& rs) {
    double white = 0.0;
    double black = 0.0;
    int nWhite = 0;
    int nBlack = 0;
    for (int r = 1; r <= 4; ++r) {
        for (int c = 1; c <= 4; ++c) {
            const auto m = meanXYZ(rs, spec.step, "K" + std::to_string(r) + std::to_string(c));
            if (!m) {
                return kNaN;
            }
            if ((r + c) % 2 == 0) {
                white += m->Y;
                ++nWhite;
            } else {
                black += m->Y;
                ++nBlack;
            }
        }
    }
    if (!(black > 0.0)) {
        return kNaN;
    }
    return (white / nWhite) / (black / nBlack);
}

}  // namespace cm::evaluation

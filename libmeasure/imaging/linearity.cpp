// SPDX-License-Identifier: Apache-2.0
// Exposure-series linearity: ordinary least squares of signal on exposure time.
#include "libmeasure/imaging/linearity.h"

#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

namespace cm::imaging {

LinearityResult checkLinearity(const std::vector<ExposureSample>& series) {
    std::set<double> distinct;
    for (const ExposureSample& s : series) {
        if (!(s.exposure_s > 0.0) || !std::isfinite(s.exposure_s) || !std::isfinite(s.signal_dn)) {
            throw std::invalid_argument(
                "checkLinearity: every sample needs a positive exposure and a finite signal");
        }
        distinct.insert(s.exposure_s);
    }
    if (distinct.size() < 3) {
        throw std::invalid_argument("checkLinearity: need at least 3 distinct exposure times");
    }
    const double n = static_cast<double>(series.size());
    double st = 0, ss = 0, stt = 0, sts = 0;
    for (const ExposureSample& s : series) {
        st += s.exposure_s;
        ss += s.signal_dn;
        stt += s.exposure_s * s.exposure_s;
        sts += s.exposure_s * s.signal_dn;
    }
    LinearityResult r;
    r.slope_dn_per_s = (n * sts - st * ss) / (n * stt - st * st);
    r.intercept_dn = (ss - r.slope_dn_per_s * st) / n;
    const double mean = ss / n;
    double ssRes = 0, ssTot = 0;
    for (const ExposureSample& s : series) {
        const double fit = r.slope_dn_per_s * s.exposure_s + r.intercept_dn;
        ssRes += (s.signal_dn - fit) * (s.signal_dn - fit);
        ssTot += (s.signal_dn - mean) * (s.signal_dn - mean);
        if (fit != 0.0) {
            r.max_residual_pct =
                std::max(r.max_residual_pct, 100.0 * std::abs(s.signal_dn - fit) / std::abs(fit));
        }
    }
    r.r_squared = ssTot > 0.0 ? 1.0 - ssRes / ssTot : 1.0;
    return r;
}

double patchSignal(const RawFrame& frame, const cv::Rect& patch, int channel,
                   double saturation_fraction) {
    if (frame.rgb.type() != CV_16UC3 || channel < 0 || channel > 2 ||
        (patch & cv::Rect(0, 0, frame.rgb.cols, frame.rgb.rows)) != patch || patch.area() == 0) {
        throw std::invalid_argument("patchSignal: patch outside the frame or bad channel");
    }
    const double sat = saturation_fraction * frame.white_level_dn;
    double sum = 0.0;
    for (int y = patch.y; y < patch.y + patch.height; ++y) {
        const auto* p = frame.rgb.ptr<cv::Vec3w>(y);
        for (int x = patch.x; x < patch.x + patch.width; ++x) {
            if (p[x][channel] >= sat) {
                return std::numeric_limits<double>::quiet_NaN();
            }
            sum += p[x][channel];
        }
    }
    return sum / patch.area() - frame.black_level_dn;
}

}  // namespace cm::imaging

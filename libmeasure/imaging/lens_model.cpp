// SPDX-License-Identifier: Apache-2.0
// Brown–Conrady distortion forward and inverse, as in OpenCV's projectPoints / undistortPoints.
#include "libmeasure/imaging/lens_model.h"

#include <cmath>
#include <stdexcept>

namespace cm::imaging {

namespace {

cv::Point2d distortNormalised(const LensModel& m, double x, double y) {
    const double r2 = x * x + y * y;
    const double radial = 1.0 + r2 * (m.k1 + r2 * (m.k2 + r2 * m.k3));
    return {x * radial + 2.0 * m.p1 * x * y + m.p2 * (r2 + 2.0 * x * x),
            y * radial + m.p1 * (r2 + 2.0 * y * y) + 2.0 * m.p2 * x * y};
}

}  // namespace

cv::Point2d LensModel::distort(cv::Point2d p) const {
    if (!hasDistortion()) {
        return p;
    }
    const cv::Point2d d = distortNormalised(*this, (p.x - cx) / fx, (p.y - cy) / fy);
    return {cx + fx * d.x, cy + fy * d.y};
}

cv::Point2d LensModel::undistort(cv::Point2d p) const {
    if (!hasDistortion()) {
        return p;
    }
    const double xd = (p.x - cx) / fx;
    const double yd = (p.y - cy) / fy;
    double x = xd, y = yd;
    // Newton would be faster to converge; the fixed point x ← x + (x_d − distort(x)) needs ~6
    // steps at 1e-3 distortion per unit radius and is what OpenCV does too.
    for (int i = 0; i < 20; ++i) {
        const cv::Point2d d = distortNormalised(*this, x, y);
        const double ex = xd - d.x, ey = yd - d.y;
        x += ex;
        y += ey;
        if (ex * ex + ey * ey < 1e-22) {
            break;
        }
    }
    return {cx + fx * x, cy + fy * y};
}

void LensModel::validate() const {
    const double v[9] = {fx, fy, cx, cy, k1, k2, p1, p2, k3};
    for (double x : v) {
        if (!std::isfinite(x)) {
            throw std::invalid_argument("lens model: every coefficient must be finite");
        }
    }
    if ((fx != 0.0 || fy != 0.0) && !(fx > 0.0 && fy > 0.0)) {
        throw std::invalid_argument("lens model: focal lengths must be positive (pixels)");
    }
}

}  // namespace cm::imaging

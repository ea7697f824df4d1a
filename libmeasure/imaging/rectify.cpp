// SPDX-License-Identifier: Apache-2.0
// Grid rectification: OpenCV's warp for float frames, a fused raw→XYZ sampler for large raws.
#include "libmeasure/imaging/rectify.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace cm::imaging {

cv::Mat rectify(const cv::Mat& linear, const cv::Matx33d& grid_to_camera, cv::Size grid) {
    if (linear.type() != CV_32FC3 || grid.width < 1 || grid.height < 1) {
        throw std::invalid_argument("rectify: expected float RGB and a non-empty grid");
    }
    // warpPerspective maps output pixel (x, y) to M·(x, y, 1); our cells have centres at +0.5.
    const cv::Matx33d shift(1, 0, 0.5, 0, 1, 0.5, 0, 0, 1);
    cv::Mat out;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    cv::warpPerspective(linear, out, cv::Mat(grid_to_camera * shift), grid,
                        cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT,
                        cv::Scalar(nan, nan, nan));
    return out;
}

cv::Mat rectifyRawToXyz(const RawFrame& frame, const Linearisation& lin,
                        const colorimetry::Matrix3& m, const cv::Matx33d& h, cv::Size grid) {
    cv::Mat out;
    rectifyRawToXyz(frame, lin, m, h, grid, out);
    return out;
}

void rectifyRawToXyz(const RawFrame& frame, const Linearisation& lin, const colorimetry::Matrix3& m,
                     const cv::Matx33d& h, cv::Size grid, cv::Mat& out) {
    if (frame.rgb.type() != CV_16UC3 || grid.width < 1 || grid.height < 1) {
        throw std::invalid_argument(
            "rectifyRawToXyz: expected a 16-bit RGB frame and a non-empty grid");
    }
    if (!(lin.exposure_s > 0.0) || !lin.vignetting.valid()) {
        throw std::invalid_argument(
            "rectifyRawToXyz: exposure must be positive and vignetting valid");
    }
    const bool dark16 = !lin.dark_dn.empty() && lin.dark_dn.type() == CV_16UC3;
    const bool dark32 = !lin.dark_dn.empty() && lin.dark_dn.type() == CV_32FC3;
    const bool flat = !lin.flat_gain.empty();
    if ((!lin.dark_dn.empty() && (lin.dark_dn.size() != frame.rgb.size() || !(dark16 || dark32))) ||
        (flat && (lin.flat_gain.size() != frame.rgb.size() || lin.flat_gain.type() != CV_32FC3))) {
        throw std::invalid_argument(
            "rectifyRawToXyz: dark frame or flat gain does not match the frame");
    }
    const int w = frame.rgb.cols;
    const int hgt = frame.rgb.rows;
    const float sat = static_cast<float>(lin.saturation_fraction * lin.white_level_dn);
    const float black = static_cast<float>(lin.black_level_dn);
    const float a[9] = {float(m[0][0]), float(m[0][1]), float(m[0][2]),
                        float(m[1][0]), float(m[1][1]), float(m[1][2]),
                        float(m[2][0]), float(m[2][1]), float(m[2][2])};
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    out.create(grid, CV_32FC3);  // reuses the caller's buffer when it fits
    if (!dark16 && !dark32 && !flat) {
        // Common case (black level and radial model only), kept tight: the bilinear weights sum to
        // one, so the black level comes off after interpolation, and the row's projective
        // numerators advance by constant steps.
        const double half_diag2 = 0.25 * (double(w) * w + double(hgt) * hgt);
        const double ccx = 0.5 * (w - 1);
        const double ccy = 0.5 * (hgt - 1);
        const float inv_half_diag2 = static_cast<float>(1.0 / half_diag2);
        const float inv_exposure = static_cast<float>(1.0 / lin.exposure_s);
        const float k1 = static_cast<float>(lin.vignetting.k1);
        const float k2 = static_cast<float>(lin.vignetting.k2);
        const float k3 = static_cast<float>(lin.vignetting.k3);
        cv::parallel_for_(cv::Range(0, grid.height), [&](const cv::Range& rows) {
            // Everything the loop reads, as locals: captured by reference, the float constants
            // could alias the float output, and the compiler reloaded them on every cell.
            const float satL = sat, blackL = black, nanL = nan, infL = inf;
            const float invExpL = inv_exposure, invHd2L = inv_half_diag2;
            const float k1L = k1, k2L = k2, k3L = k3;
            const float m0 = a[0], m1 = a[1], m2 = a[2], m3 = a[3], m4 = a[4], m5 = a[5], m6 = a[6],
                        m7 = a[7], m8 = a[8];
            const double ccxL = ccx, ccyL = ccy;
            const double h00 = h(0, 0), h10 = h(1, 0), h20 = h(2, 0);
            const int wL = w, hL = hgt, gw = grid.width;
            const std::uint8_t* base = frame.rgb.data;
            const std::size_t rawStep = frame.rgb.step[0];
            for (int j = rows.start; j < rows.end; ++j) {
                auto* o = out.ptr<cv::Vec3f>(j);
                const double gy = j + 0.5;
                double nu = h00 * 0.5 + h(0, 1) * gy + h(0, 2);
                double nv = h10 * 0.5 + h(1, 1) * gy + h(1, 2);
                double nw = h20 * 0.5 + h(2, 1) * gy + h(2, 2);
                for (int i = 0; i < gw; ++i, nu += h00, nv += h10, nw += h20) {
                    const double inv = 1.0 / nw;
                    const double u = nu * inv;
                    const double v = nv * inv;
                    const int x0 = static_cast<int>(u);  // u ≥ 0 checked below, so this is floor
                    const int y0 = static_cast<int>(v);
                    if (u < 0 || v < 0 || x0 + 1 >= wL || y0 + 1 >= hL) {
                        o[i] = {nanL, nanL, nanL};
                        continue;
                    }
                    const float fx = static_cast<float>(u - x0);
                    const float fy = static_cast<float>(v - y0);
                    const auto* p0 = reinterpret_cast<const std::uint16_t*>(
                                         base + static_cast<std::size_t>(y0) * rawStep) +
                                     3 * x0;
                    const auto* p1 = reinterpret_cast<const std::uint16_t*>(
                                         base + static_cast<std::size_t>(y0 + 1) * rawStep) +
                                     3 * x0;
                    float rgb[3];
                    float peak = 0.f;
                    for (int c = 0; c < 3; ++c) {
                        const float a00 = p0[c], a01 = p0[c + 3], a10 = p1[c], a11 = p1[c + 3];
                        peak = std::max(peak, std::max(std::max(a00, a01), std::max(a10, a11)));
                        const float top = a00 + fx * (a01 - a00);
                        const float bottom = a10 + fx * (a11 - a10);
                        rgb[c] = top + fy * (bottom - top) - blackL;
                    }
                    if (peak >= satL) {
                        o[i] = {infL, infL, infL};
                        continue;
                    }
                    // Relative illumination in float (its error, ~1e-7, is far below noise),
                    // so the cell costs one double division (the projective one) only.
                    const float du = static_cast<float>(u - ccxL);
                    const float dv = static_cast<float>(v - ccyL);
                    const float r2 = (du * du + dv * dv) * invHd2L;
                    const float k = invExpL / (1.0f + r2 * (k1L + r2 * (k2L + r2 * k3L)));
                    const float r = rgb[0] * k, g = rgb[1] * k, b = rgb[2] * k;
                    o[i] = {m0 * r + m1 * g + m2 * b, m3 * r + m4 * g + m5 * b,
                            m6 * r + m7 * g + m8 * b};
                }
            }
        });
        return;
    }
    cv::parallel_for_(cv::Range(0, grid.height), [&](const cv::Range& rows) {
        for (int j = rows.start; j < rows.end; ++j) {
            auto* o = out.ptr<cv::Vec3f>(j);
            const double gy = j + 0.5;
            for (int i = 0; i < grid.width; ++i) {
                const double gx = i + 0.5;
                const double zw = h(2, 0) * gx + h(2, 1) * gy + h(2, 2);
                const double u = (h(0, 0) * gx + h(0, 1) * gy + h(0, 2)) / zw;
                const double v = (h(1, 0) * gx + h(1, 1) * gy + h(1, 2)) / zw;
                const int x0 = static_cast<int>(std::floor(u));
                const int y0 = static_cast<int>(std::floor(v));
                if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= hgt) {
                    o[i] = {nan, nan, nan};
                    continue;
                }
                const float fx = static_cast<float>(u - x0);
                const float fy = static_cast<float>(v - y0);
                const float wts[4] = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
                float rgb[3] = {0.f, 0.f, 0.f};
                bool saturated = false;
                for (int k = 0; k < 4; ++k) {
                    const int x = x0 + (k & 1);
                    const int y = y0 + (k >> 1);
                    const cv::Vec3w& p = frame.rgb.ptr<cv::Vec3w>(y)[x];
                    for (int c = 0; c < 3; ++c) {
                        const float raw = p[c];
                        saturated = saturated || raw >= sat;
                        const float off = dark16   ? float(lin.dark_dn.ptr<cv::Vec3w>(y)[x][c])
                                          : dark32 ? lin.dark_dn.ptr<cv::Vec3f>(y)[x][c]
                                                   : black;
                        const float g = flat ? lin.flat_gain.ptr<cv::Vec3f>(y)[x][c] : 1.0f;
                        rgb[c] += wts[k] * (raw - off) / g;
                    }
                }
                if (saturated) {
                    // Brighter than the sensor can say: +∞, so a defect scan still sees it as
                    // bright while statistics (finite samples only) leave it out.
                    o[i] = {inf, inf, inf};
                    continue;
                }
                const double radial =
                    flat ? 1.0
                         : lin.vignetting.relativeIllumination(normalisedRadius2(u, v, w, hgt));
                const float k = static_cast<float>(1.0 / (lin.exposure_s * radial));
                const float r = rgb[0] * k, g = rgb[1] * k, b = rgb[2] * k;
                o[i] = {a[0] * r + a[1] * g + a[2] * b, a[3] * r + a[4] * g + a[5] * b,
                        a[6] * r + a[7] * g + a[8] * b};
            }
        }
    });
}

}  // namespace cm::imaging

// SPDX-License-Identifier: Apache-2.0
// Screen corner detection: coarse contour on a reduced image, then sub-pixel edge lines.
#include "libmeasure/imaging/screen_quad.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace cm::imaging {

namespace {

template <typename T>
double sampleBilinearT(const cv::Mat& img, double x, double y) {
    const int x0 = static_cast<int>(std::floor(x));
    const int y0 = static_cast<int>(std::floor(y));
    if (x0 < 0 || y0 < 0 || x0 + 1 >= img.cols || y0 + 1 >= img.rows) {
        return std::nan("");
    }
    const double fx = x - x0;
    const double fy = y - y0;
    const T* r0 = img.ptr<T>(y0);
    const T* r1 = img.ptr<T>(y0 + 1);
    const double v00 = r0[x0], v01 = r0[x0 + 1], v10 = r1[x0], v11 = r1[x0 + 1];
    return (1 - fy) * ((1 - fx) * v00 + fx * v01) + fy * ((1 - fx) * v10 + fx * v11);
}

/// Bilinear sample of a 16-bit or float plane in place (no float copy of a large frame); NaN
/// samples of a float plane count as 0.
double sampleBilinear(const cv::Mat& img, double x, double y) {
    if (img.type() == CV_16UC1) {
        return sampleBilinearT<std::uint16_t>(img, x, y);
    }
    const double v = sampleBilinearT<float>(img, x, y);
    return std::isnan(v) && x >= 0 && y >= 0 && x + 1 < img.cols && y + 1 < img.rows ? 0.0 : v;
}

/// Sub-pixel points where the profile across the edge a→b crosses halfway between the inside and
/// outside levels. `inward` points into the screen.
std::vector<cv::Point2f> edgeCrossings(const cv::Mat& img, cv::Point2d a, cv::Point2d b,
                                       cv::Point2d inward, double reach) {
    std::vector<cv::Point2f> pts;
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    const int n = std::clamp(static_cast<int>(len / 2.0), 8, 400);
    const double step = 0.25;
    const int m = static_cast<int>(reach / step);
    std::vector<double> prof(static_cast<std::size_t>(2 * m + 1));
    for (int k = 0; k < n; ++k) {
        // Stay clear of the corners, where the two edges' profiles mix.
        const double t = 0.1 + 0.8 * (k + 0.5) / n;
        const cv::Point2d base = a + (b - a) * t;
        bool ok = true;
        for (int s = -m; s <= m; ++s) {
            // s > 0 is inside the screen.
            const cv::Point2d p = base + inward * (s * step);
            prof[static_cast<std::size_t>(s + m)] = sampleBilinear(img, p.x, p.y);
            ok = ok && std::isfinite(prof[static_cast<std::size_t>(s + m)]);
        }
        if (!ok) {
            continue;
        }
        double inside = 0, outside = 0;
        const int q = m / 2;
        for (int i = 0; i < q; ++i) {
            outside += prof[static_cast<std::size_t>(i)];
            inside += prof[static_cast<std::size_t>(2 * m - i)];
        }
        inside /= q;
        outside /= q;
        if (!(inside > outside)) {
            continue;
        }
        const double half = 0.5 * (inside + outside);
        // First crossing scanning from inside outwards.
        for (int s = m; s > -m; --s) {
            const double p1 = prof[static_cast<std::size_t>(s + m)];
            const double p0 = prof[static_cast<std::size_t>(s - 1 + m)];
            if (p1 >= half && p0 < half) {
                const double frac = (p1 - half) / (p1 - p0);
                const cv::Point2d e = base + inward * ((s - frac) * step);
                pts.emplace_back(static_cast<float>(e.x), static_cast<float>(e.y));
                break;
            }
        }
    }
    return pts;
}

}  // namespace

ScreenQuad findScreenQuad(const cv::Mat& signal) {
    if (signal.empty() || (signal.type() != CV_16UC1 && signal.type() != CV_32FC1)) {
        throw std::invalid_argument(
            "findScreenQuad: expected a 16-bit or float single-channel image");
    }
    const cv::Mat& img = signal;  // sampled in place by the fine step
    // Coarse: reduce so the long side is ≤ 1024 px (straight from the 16-bit frame: shrinking
    // first, converting the small image only), then a 7 × 7 box so the dark gaps between LED
    // emitters do not break the screen into islands.
    const double scale = std::max(1.0, std::max(img.cols, img.rows) / 1024.0);
    cv::Mat reduced, small;
    cv::resize(img, reduced,
               cv::Size(static_cast<int>(img.cols / scale), static_cast<int>(img.rows / scale)), 0,
               0, cv::INTER_AREA);
    reduced.convertTo(small, CV_32F);
    cv::patchNaNs(small, 0.0);
    // Shrinking by 3 or more already averages the emitter structure away; a blur there would only
    // round the corners by tens of full-size pixels.
    const int box = scale < 3.0 ? 7 : 1;
    if (box > 1) {
        cv::blur(small, small, cv::Size(box, box));
    }
    std::vector<float> v(small.begin<float>(), small.end<float>());
    std::sort(v.begin(), v.end());
    const double lo = v[v.size() / 20];
    const double hi = v[v.size() * 99 / 100];
    if (!(hi > lo)) {
        throw std::runtime_error("no screen quadrilateral found: the frame is flat");
    }
    // Well below half: the corners of a wide lens fall to 60–70 % and emitters leave ripple.
    cv::Mat bin = small > lo + 0.3 * (hi - lo);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(bin, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    if (contours.empty()) {
        throw std::runtime_error("no screen quadrilateral found: nothing bright in the frame");
    }
    const auto biggest = std::max_element(
        contours.begin(), contours.end(),
        [](const auto& a, const auto& b) { return cv::contourArea(a) < cv::contourArea(b); });
    std::vector<cv::Point> hull;
    cv::convexHull(*biggest, hull);
    std::vector<cv::Point> approx;
    cv::approxPolyDP(hull, approx, 0.02 * cv::arcLength(hull, true), true);
    if (approx.size() != 4 || cv::contourArea(approx) < 0.02 * static_cast<double>(small.total())) {
        throw std::runtime_error("no screen quadrilateral found: the bright region has " +
                                 std::to_string(approx.size()) +
                                 " corners (give the corners by hand)");
    }
    // Order TL, TR, BR, BL: smallest x+y is TL, largest BR; smallest y−x is... TR has smallest y−x.
    std::array<cv::Point2d, 4> c;
    auto key = [](cv::Point p, int k) {
        return k == 0 ? p.x + p.y : k == 1 ? p.y - p.x : k == 2 ? -(p.x + p.y) : p.x - p.y;
    };
    for (int k = 0; k < 4; ++k) {
        const auto it =
            std::min_element(approx.begin(), approx.end(),
                             [&](cv::Point a, cv::Point b) { return key(a, k) < key(b, k); });
        c[static_cast<std::size_t>(k)] = {(it->x + 0.5) * scale - 0.5, (it->y + 0.5) * scale - 0.5};
    }
    // Fine: a line through the 50 % crossings of each edge, corners where the lines meet.
    const cv::Point2d centre = (c[0] + c[1] + c[2] + c[3]) * 0.25;
    const double reach = 2.0 * scale + 4.0;
    std::array<cv::Vec4f, 4> lines;
    for (int e = 0; e < 4; ++e) {
        const cv::Point2d a = c[static_cast<std::size_t>(e)];
        const cv::Point2d b = c[static_cast<std::size_t>((e + 1) % 4)];
        cv::Point2d normal(-(b.y - a.y), b.x - a.x);
        normal *= 1.0 / std::hypot(normal.x, normal.y);
        if ((centre - a).dot(normal) < 0) {
            normal = -normal;
        }
        const auto pts = edgeCrossings(img, a, b, normal, reach);
        if (pts.size() < 4) {
            throw std::runtime_error("no screen quadrilateral found: edge " + std::to_string(e) +
                                     " has no clear light/dark boundary");
        }
        cv::fitLine(pts, lines[static_cast<std::size_t>(e)], cv::DIST_HUBER, 0, 0.01, 0.01);
    }
    ScreenQuad q;
    for (int k = 0; k < 4; ++k) {
        // Corner k joins edge k−1 (ending at k) and edge k (starting at k).
        const cv::Vec4f& l1 = lines[static_cast<std::size_t>((k + 3) % 4)];
        const cv::Vec4f& l2 = lines[static_cast<std::size_t>(k)];
        const double det = l1[0] * (-l2[1]) - l1[1] * (-l2[0]);
        if (std::abs(det) < 1e-9) {
            throw std::runtime_error("no screen quadrilateral found: parallel edges");
        }
        const double dx = l2[2] - l1[2];
        const double dy = l2[3] - l1[3];
        const double t = (dx * (-l2[1]) - dy * (-l2[0])) / det;
        q[static_cast<std::size_t>(k)] = {l1[2] + t * l1[0], l1[3] + t * l1[1]};
    }
    return q;
}

cv::Matx33d gridToCamera(const ScreenQuad& quad, cv::Size grid) {
    const std::vector<cv::Point2f> src = {
        {0.f, 0.f},
        {static_cast<float>(grid.width), 0.f},
        {static_cast<float>(grid.width), static_cast<float>(grid.height)},
        {0.f, static_cast<float>(grid.height)}};
    std::vector<cv::Point2f> dst;
    for (const auto& p : quad) {
        dst.emplace_back(static_cast<float>(p.x), static_cast<float>(p.y));
    }
    // Double-precision solve: getPerspectiveTransform works in double internally.
    return cv::Matx33d(cv::getPerspectiveTransform(src, dst));
}

cv::Point2d applyHomography(const cv::Matx33d& h, cv::Point2d p) {
    const cv::Vec3d v = h * cv::Vec3d(p.x, p.y, 1.0);
    return {v[0] / v[2], v[1] / v[2]};
}

}  // namespace cm::imaging

// SPDX-License-Identifier: Apache-2.0
// Edge refinement and LED-lattice fit (emitter centroids → homography + cubic residual).
#include "libmeasure/imaging/lattice_registration.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace cm::imaging {

namespace {

/// One channel of the raw frame, black level removed, read in place (no float copy).
struct Plane {
    const cv::Mat& m;
    int ch, c;
    double black;
    double at(int x, int y) const { return m.ptr<std::uint16_t>(y)[x * ch + c] - black; }
    double bilinear(double x, double y) const {
        const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
        if (x0 < 0 || y0 < 0 || x0 + 1 >= m.cols || y0 + 1 >= m.rows) {
            return std::nan("");
        }
        const double fx = x - x0, fy = y - y0;
        return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
               fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
    }
};

double median(std::vector<double> v) {
    if (v.empty()) {
        return std::nan("");
    }
    auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

cv::Point2d intersect(const cv::Vec4d& a, const cv::Vec4d& b) {
    const double det = a[0] * (-b[1]) - a[1] * (-b[0]);
    if (std::abs(det) < 1e-12) {
        throw std::runtime_error("wall registration: two screen edges are parallel");
    }
    const double dx = b[2] - a[2], dy = b[3] - a[3];
    const double t = (dx * (-b[1]) - dy * (-b[0])) / det;
    return {a[2] + t * a[0], a[3] + t * a[1]};
}

/// Moves each edge of the mapping to where the image says it is; returns the new mapping.
WallMapping refineEdges(const Plane& img, const WallMapping& m, const RegistrationOptions& o) {
    const int W = m.grid.width, H = m.grid.height;
    constexpr int kPerLed = 20;  // profile samples per LED pitch
    const double S = o.edge_search_leds;
    const int n = static_cast<int>(S * kPerLed);
    std::array<cv::Vec4d, 4> lines;
    for (int e = 0; e < 4; ++e) {
        // Edge e: 0 top (gy = 0), 1 right (gx = W), 2 bottom (gy = H), 3 left (gx = 0); the
        // normal points into the wall.
        const bool horizontal = e == 0 || e == 2;
        const int len = horizontal ? W : H;
        const int samples = std::clamp(len, 8, 200);
        std::vector<cv::Point2f> pts;
        std::vector<double> prof(static_cast<std::size_t>(2 * n + 1)),
            smooth(static_cast<std::size_t>(2 * n + 1));
        for (int k = 0; k < samples; ++k) {
            const double along = len * (0.08 + 0.84 * (k + 0.5) / samples);
            auto grid = [&](double d) {
                switch (e) {
                    case 0:
                        return cv::Point2d(along, d);
                    case 1:
                        return cv::Point2d(W - d, along);
                    case 2:
                        return cv::Point2d(along, H - d);
                    default:
                        return cv::Point2d(d, along);
                }
            };
            // Samples off the frame stay NaN (a wall close to the frame edge): the running mean
            // and the levels use the finite ones.
            for (int s = -n; s <= n; ++s) {
                const cv::Point2d g = grid(static_cast<double>(s) / kPerLed);
                const cv::Point2d p = m.toCamera(g.x, g.y);
                prof[static_cast<std::size_t>(s + n)] = img.bilinear(p.x, p.y);
            }
            // Running mean over exactly one LED pitch: over a periodic emitter pattern it is flat
            // inside, zero outside, and crosses half way exactly at the wall's edge.
            const int half = kPerLed / 2;
            for (int s = 0; s <= 2 * n; ++s) {
                double sum = 0;
                int cnt = 0;
                bool complete = true;
                for (int q = s - half; q < s + half; ++q) {
                    const double v =
                        q >= 0 && q <= 2 * n ? prof[static_cast<std::size_t>(q)] : std::nan("");
                    complete = complete && std::isfinite(v);
                    sum += v;
                    ++cnt;
                }
                smooth[static_cast<std::size_t>(s)] = complete ? sum / cnt : std::nan("");
            }
            const int q = static_cast<int>(0.6 * kPerLed);
            double inside = std::nan(""), outside = std::nan("");
            for (int s = 0; s <= 2 * n; ++s) {
                const double v = smooth[static_cast<std::size_t>(s)];
                if (std::isfinite(v)) {
                    if (s >= 2 * n + 1 - q) {
                        inside = std::isfinite(inside) ? std::max(inside, v) : v;
                    }
                    if (s < n) {  // anywhere outside the guessed edge: the dark surround
                        outside = std::isfinite(outside) ? std::min(outside, v) : v;
                    }
                }
            }
            if (!(inside > 2.0 * std::max(outside, 0.0) + 1.0)) {
                continue;
            }
            const double level = 0.5 * (inside + outside);
            // The crossing nearest the guessed edge.
            double best = 1e9;
            for (int s = 0; s < 2 * n; ++s) {
                const double a = smooth[static_cast<std::size_t>(s)];
                const double b = smooth[static_cast<std::size_t>(s + 1)];
                if (a < level && b >= level) {
                    const double d = (s - n + (level - a) / (b - a)) / kPerLed;
                    if (std::abs(d) < std::abs(best)) {
                        best = d;
                    }
                }
            }
            if (std::abs(best) > S) {
                continue;
            }
            const cv::Point2d g = grid(best);
            const cv::Point2d ideal = m.lens.undistort(m.toCamera(g.x, g.y));
            pts.emplace_back(static_cast<float>(ideal.x), static_cast<float>(ideal.y));
        }
        if (pts.size() < 4) {
            throw std::runtime_error("wall registration: screen edge " + std::to_string(e) +
                                     " not found near the given corners");
        }
        cv::Vec4f l;
        cv::fitLine(pts, l, cv::DIST_HUBER, 0, 0.01, 0.01);
        lines[static_cast<std::size_t>(e)] = {l[0], l[1], l[2], l[3]};
    }
    // Corner k joins edges (k + 3) % 4 and k: TL = left ∩ top, TR = top ∩ right, …
    std::vector<cv::Point2f> src = {{0.f, 0.f},
                                    {float(W), 0.f},
                                    {float(W), float(H)},
                                    {0.f, float(H)}},
                             dst;
    for (int k = 0; k < 4; ++k) {
        const cv::Point2d c = intersect(lines[static_cast<std::size_t>((k + 3) % 4)],
                                        lines[static_cast<std::size_t>(k)]);
        dst.emplace_back(static_cast<float>(c.x), static_cast<float>(c.y));
    }
    WallMapping out = m;
    out.grid_to_ideal = cv::Matx33d(cv::getPerspectiveTransform(src, dst));
    out.dx = {};
    out.dy = {};
    return out;
}

struct Centroid {
    cv::Point2d grid, found;
    double contrast = 0.0, peak = 0.0;
};

/// Emitter centroid of LED (i, j) by a mean shift in a one-pitch window; contrast of the window.
Centroid emitterCentroid(const Plane& img, const WallMapping& m, int i, int j) {
    Centroid c;
    c.grid = {i + 0.5, j + 0.5};
    cv::Point2d p = m.toCamera(c.grid.x, c.grid.y);
    const double pitch = 0.5 * (cv::norm(m.toCamera(i + 1.5, j + 0.5) - p) +
                                cv::norm(m.toCamera(i + 0.5, j + 1.5) - p));
    const double h = 0.5 * pitch;
    for (int it = 0; it < 4; ++it) {
        const int x0 = static_cast<int>(std::ceil(p.x - h)), x1 = static_cast<int>(p.x + h);
        const int y0 = static_cast<int>(std::ceil(p.y - h)), y1 = static_cast<int>(p.y + h);
        if (x0 < 0 || y0 < 0 || x1 >= img.m.cols || y1 >= img.m.rows || x1 < x0 || y1 < y0) {
            c.contrast = 0;
            return c;
        }
        double sum = 0, lo = 1e300, hi = -1e300;
        int cnt = 0;
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const double v = img.at(x, y);
                sum += v;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                ++cnt;
            }
        }
        const double mean = sum / cnt;
        double w = 0, wx = 0, wy = 0;
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const double v = std::max(0.0, img.at(x, y) - mean);
                w += v;
                wx += v * x;
                wy += v * y;
            }
        }
        c.peak = hi;
        c.contrast = hi > 0 ? (hi - lo) / hi : 0.0;
        if (!(w > 0)) {
            break;
        }
        const cv::Point2d next(wx / w, wy / w);
        const bool done = cv::norm(next - p) < 0.01;
        p = next;
        if (done) {
            break;
        }
    }
    c.found = p;
    return c;
}

/// Least squares of the cubic residual (10 terms) per axis; rows where keep[k] is false skipped.
void fitCubic(const std::vector<Centroid>& cs, const std::vector<bool>& keep, WallMapping& m) {
    cv::Mat A(0, 10, CV_64F), bx(0, 1, CV_64F), by(0, 1, CV_64F);
    for (std::size_t k = 0; k < cs.size(); ++k) {
        if (!keep[k]) {
            continue;
        }
        const auto t = cubicTerms(2.0 * cs[k].grid.x / m.grid.width - 1.0,
                                  2.0 * cs[k].grid.y / m.grid.height - 1.0);
        A.push_back(cv::Mat(1, 10, CV_64F, const_cast<double*>(t.data())).clone());
        const cv::Point2d base = m.lens.distort(applyHomography(m.grid_to_ideal, cs[k].grid));
        bx.push_back(cs[k].found.x - base.x);
        by.push_back(cs[k].found.y - base.y);
    }
    if (A.rows < 40) {
        m.dx = {};
        m.dy = {};
        return;
    }
    cv::Mat sx, sy;
    cv::solve(A, bx, sx, cv::DECOMP_SVD);
    cv::solve(A, by, sy, cv::DECOMP_SVD);
    for (int i = 0; i < 10; ++i) {
        m.dx[static_cast<std::size_t>(i)] = sx.at<double>(i);
        m.dy[static_cast<std::size_t>(i)] = sy.at<double>(i);
    }
}

}  // namespace

WallRegistration registerWall(const RawFrame& frame, const ScreenQuad& guess, cv::Size grid,
                              const LensModel& lens, const RegistrationOptions& o) {
    const int type = frame.rgb.type();
    if (type != CV_16UC3 && type != CV_16UC1) {
        throw std::invalid_argument("registerWall: expected a 16-bit RGB or monochrome frame");
    }
    const Plane img{frame.rgb, frame.rgb.channels(), frame.rgb.channels() == 3 ? 1 : 0,
                    frame.black_level_dn};
    WallRegistration r;
    r.mapping = mappingFromQuad(guess, grid, lens);
    r.mapping = refineEdges(img, r.mapping, o);
    r.edges_refined = true;

    // LED lattice on a regular subsample of at most max_lattice_leds LEDs.
    const double stride = std::max(
        1.0, std::sqrt(double(grid.width) * grid.height / std::max(1, o.max_lattice_leds)));
    const int sx = static_cast<int>(std::ceil(stride)), sy = sx;
    for (int pass = 0; pass < 3; ++pass) {
        std::vector<Centroid> cs;
        for (int j = 0; j < grid.height; j += sy) {
            for (int i = 0; i < grid.width; i += sx) {
                cs.push_back({{i + 0.5, j + 0.5}, {}, 0, 0});
            }
        }
        cv::parallel_for_(cv::Range(0, static_cast<int>(cs.size())), [&](const cv::Range& rg) {
            for (int k = rg.start; k < rg.end; ++k) {
                const auto& g = cs[static_cast<std::size_t>(k)].grid;
                cs[static_cast<std::size_t>(k)] =
                    emitterCentroid(img, r.mapping, static_cast<int>(g.x), static_cast<int>(g.y));
            }
        });
        std::vector<double> contrasts, peaks;
        for (const auto& c : cs) {
            contrasts.push_back(c.contrast);
            peaks.push_back(c.peak);
        }
        r.median_contrast = median(contrasts);
        if (!(r.median_contrast >= o.min_lattice_contrast)) {
            break;  // LEDs not resolved: the edges are all there is
        }
        // Dead or dim LEDs have no emitter to find: leave them out.
        const double peakMedian = median(peaks);
        std::vector<bool> keep(cs.size());
        std::vector<cv::Point2f> g, ideal;
        for (std::size_t k = 0; k < cs.size(); ++k) {
            keep[k] = cs[k].contrast >= 0.5 * r.median_contrast && cs[k].peak > 0.3 * peakMedian;
            if (keep[k]) {
                g.emplace_back(static_cast<float>(cs[k].grid.x), static_cast<float>(cs[k].grid.y));
                const cv::Point2d u = lens.undistort(cs[k].found);
                ideal.emplace_back(static_cast<float>(u.x), static_cast<float>(u.y));
            }
        }
        if (g.size() < 40) {
            break;
        }
        const cv::Mat h = cv::findHomography(g, ideal, 0);
        if (h.empty()) {
            break;
        }
        r.mapping.grid_to_ideal = cv::Matx33d(h);
        r.mapping.dx = {};
        r.mapping.dy = {};
        fitCubic(cs, keep, r.mapping);
        // Robust second fit: drop centroids far off the first (a defect's neighbour, noise).
        std::vector<double> res;
        for (std::size_t k = 0; k < cs.size(); ++k) {
            if (keep[k]) {
                res.push_back(
                    cv::norm(r.mapping.toCamera(cs[k].grid.x, cs[k].grid.y) - cs[k].found));
            }
        }
        const double cut = 3.0 * std::max(0.02, median(res)) + 0.05;
        double ss = 0;
        int n = 0;
        for (std::size_t k = 0; k < cs.size(); ++k) {
            if (keep[k]) {
                const double d =
                    cv::norm(r.mapping.toCamera(cs[k].grid.x, cs[k].grid.y) - cs[k].found);
                keep[k] = d <= cut;
                if (keep[k]) {
                    ss += d * d;
                    ++n;
                }
            }
        }
        fitCubic(cs, keep, r.mapping);
        r.lattice_used = true;
        r.lattice_leds = n;
        r.lattice_rms_px = n > 0 ? std::sqrt(ss / n) : 0.0;
    }
    const ScreenQuad q = r.mapping.corners();
    for (std::size_t k = 0; k < 4; ++k) {
        r.corner_shift_px = std::max(r.corner_shift_px, cv::norm(q[k] - guess[k]));
    }
    return r;
}

}  // namespace cm::imaging

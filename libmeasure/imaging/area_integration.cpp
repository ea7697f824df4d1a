// SPDX-License-Identifier: Apache-2.0
// Exact area integration of a piecewise-constant image over mapped LED cells (Green's theorem).
#include "libmeasure/imaging/area_integration.h"

#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace cm::imaging {

namespace {

/// Running sums of a band of linearised camera rows: S[r][c·ch + k] = Σ_{x < c} I_k(x, r), so
/// pixel c spans S[r][c] … S[r][c+1]; sat[r][c] counts saturated pixels likewise.
struct Band {
    int row0 = 0, rows = 0, width = 0, ch = 1;
    std::vector<double> S;
    std::vector<int> sat;
    const double* sumRow(int r) const {
        return S.data() + static_cast<std::size_t>(r - row0) * (width + 1) * ch;
    }
    const int* satRow(int r) const {
        return sat.data() + static_cast<std::size_t>(r - row0) * (width + 1);
    }
};

struct Frame {
    const RawFrame& f;
    const Linearisation& lin;
    int ch;
    double satDn;
    bool flat;
    int flatCh;
};

void fillBand(const Frame& fr, int row0, int row1, Band& b) {
    const int w = fr.f.rgb.cols, hgt = fr.f.rgb.rows, ch = fr.ch;
    b.row0 = row0;
    b.rows = row1 - row0 + 1;
    b.width = w;
    b.ch = ch;
    b.S.resize(static_cast<std::size_t>(b.rows) * (w + 1) * ch);
    b.sat.resize(static_cast<std::size_t>(b.rows) * (w + 1));
    const double black = fr.lin.black_level_dn;
    const double invExp = 1.0 / fr.lin.exposure_s;
    for (int r = row0; r <= row1; ++r) {
        double* s = b.S.data() + static_cast<std::size_t>(r - row0) * (w + 1) * ch;
        int* q = b.sat.data() + static_cast<std::size_t>(r - row0) * (w + 1);
        const std::uint16_t* raw = fr.f.rgb.ptr<std::uint16_t>(r);
        const float* flat = fr.flat ? fr.lin.flat_gain.ptr<float>(r) : nullptr;
        double acc[3] = {0, 0, 0};
        int nsat = 0;
        for (int k = 0; k < ch; ++k) {
            s[k] = 0.0;
        }
        q[0] = 0;
        const double cy = 0.5 * (hgt - 1), cx = 0.5 * (w - 1);
        const double invHd2 = 1.0 / (0.25 * (double(w) * w + double(hgt) * hgt));
        const double dy2 = (r - cy) * (r - cy);
        for (int x = 0; x < w; ++x) {
            bool saturated = false;
            double radialK = invExp;
            if (!fr.flat) {
                const double r2 = ((x - cx) * (x - cx) + dy2) * invHd2;
                radialK = invExp / fr.lin.vignetting.relativeIllumination(r2);
            }
            for (int k = 0; k < ch; ++k) {
                const double v = raw[x * ch + k];
                saturated = saturated || v >= fr.satDn;
                const double g = fr.flat ? flat[x * fr.flatCh + (fr.flatCh == 1 ? 0 : k)] : 1.0;
                acc[k] += fr.flat ? (v - black) * invExp / g : (v - black) * radialK;
                s[(x + 1) * ch + k] = acc[k];
            }
            nsat += saturated ? 1 : 0;
            q[x + 1] = nsat;
        }
    }
}

/// ∮ P dy and ∮ x dy along the edge a → b (P: running row sum at x), added into acc[0..ch) and
/// *area. Returns false when the edge leaves the band (outside the frame).
bool edgeIntegral(cv::Point2d a, cv::Point2d b, const Band& band, double* acc, double* area) {
    const double dy = b.y - a.y;
    if (dy == 0.0) {
        return true;  // P dy and x dy both vanish
    }
    const double dx = b.x - a.x;
    // Walk the pixel-border crossings of x and of y in order of t (each sequence is monotonic,
    // so a merge: no sort, no buffer). Pixel borders sit at half-integers.
    const int ch = band.ch;
    const double invDx = dx != 0.0 ? 1.0 / dx : 0.0, invDy = 1.0 / dy;
    const double stepX = dx > 0 ? 1.0 : -1.0, stepY = dy > 0 ? 1.0 : -1.0;
    // First border strictly beyond the start in the direction of travel.
    double bx = dx > 0 ? std::floor(a.x + 0.5) + 0.5 : std::ceil(a.x - 0.5) - 0.5;
    double by = dy > 0 ? std::floor(a.y + 0.5) + 0.5 : std::ceil(a.y - 0.5) - 0.5;
    double t0 = 0.0;
    while (t0 < 1.0) {
        const double tx = dx != 0.0 ? (bx - a.x) * invDx : 2.0;
        const double ty = (by - a.y) * invDy;
        double t1 = std::min({tx, ty, 1.0});
        if (t1 <= t0) {  // a border exactly at the start: step past it
            if (tx <= t0) {
                bx += stepX;
            }
            if (ty <= t0) {
                by += stepY;
            }
            continue;
        }
        const double tm = 0.5 * (t0 + t1);
        const double xm = a.x + tm * dx, ym = a.y + tm * dy;
        const double pdy = (t1 - t0) * dy;
        const int r = static_cast<int>(std::floor(ym + 0.5));
        if (r < band.row0 || r >= band.row0 + band.rows) {
            return false;
        }
        const int c = static_cast<int>(std::floor(xm + 0.5));
        if (c < 0 || c >= band.width) {
            return false;
        }
        const double* s = band.sumRow(r);
        const double frac = xm - (c - 0.5);
        for (int k = 0; k < ch; ++k) {
            const double left = s[c * ch + k];
            const double pix = s[(c + 1) * ch + k] - left;
            acc[k] += pdy * (left + pix * frac);
        }
        *area += pdy * xm;
        if (t1 == tx) {
            bx += stepX;
        }
        if (t1 == ty) {
            by += stepY;
        }
        t0 = t1;
    }
    return true;
}

/// Mean over the polygon p[0..3] into out[0..ch); false when it leaves the frame.
bool polygonMean(const cv::Point2d* p, const Band& band, double* out, double* areaOut,
                 bool* saturated) {
    double acc[3] = {0, 0, 0};
    double area = 0.0;
    for (int e = 0; e < 4; ++e) {
        if (!edgeIntegral(p[e], p[(e + 1) % 4], band, acc, &area)) {
            return false;
        }
    }
    if (!(std::abs(area) > 1e-12)) {
        return false;
    }
    for (int k = 0; k < band.ch; ++k) {
        out[k] = acc[k] / area;
    }
    *areaOut = std::abs(area);
    // Any saturated pixel in the polygon's bounding box makes the value a lower bound only.
    double x0 = p[0].x, x1 = p[0].x, y0 = p[0].y, y1 = p[0].y;
    for (int k = 1; k < 4; ++k) {
        x0 = std::min(x0, p[k].x);
        x1 = std::max(x1, p[k].x);
        y0 = std::min(y0, p[k].y);
        y1 = std::max(y1, p[k].y);
    }
    const int c0 = std::max(0, static_cast<int>(std::floor(x0 + 0.5)));
    const int c1 = std::min(band.width - 1, static_cast<int>(std::floor(x1 + 0.5)));
    const int r0 = std::max(band.row0, static_cast<int>(std::floor(y0 + 0.5)));
    const int r1 = std::min(band.row0 + band.rows - 1, static_cast<int>(std::floor(y1 + 0.5)));
    *saturated = false;
    for (int r = r0; r <= r1 && !*saturated; ++r) {
        const int* q = band.satRow(r);
        *saturated = q[c1 + 1] - q[c0] > 0;
    }
    return true;
}

}  // namespace

CellSignals integrateCells(const RawFrame& frame, const Linearisation& lin, const WallMapping& map,
                           double window) {
    const int type = frame.rgb.type();
    if ((type != CV_16UC3 && type != CV_16UC1) || frame.rgb.empty()) {
        throw std::invalid_argument("integrateCells: expected a 16-bit RGB or monochrome frame");
    }
    if (!(lin.exposure_s > 0.0) || !lin.vignetting.valid() || !(window > 0.0 && window <= 1.0)) {
        throw std::invalid_argument(
            "integrateCells: exposure must be positive, vignetting valid, window in (0, 1]");
    }
    const int ch = frame.rgb.channels();
    const bool flat = !lin.flat_gain.empty();
    if (flat &&
        (lin.flat_gain.size() != frame.rgb.size() ||
         (lin.flat_gain.type() != CV_32FC1 && lin.flat_gain.type() != CV_MAKETYPE(CV_32F, ch)))) {
        throw std::invalid_argument("integrateCells: flat gain does not match the frame");
    }
    if (map.grid.width < 1 || map.grid.height < 1) {
        throw std::invalid_argument("integrateCells: empty grid");
    }
    const Frame fr{frame, lin,
                   ch,    lin.saturation_fraction * lin.white_level_dn,
                   flat,  flat ? lin.flat_gain.channels() : 1};
    const int W = map.grid.width, H = map.grid.height;
    // Lattice points and the emitter windows' corners, mapped once.
    std::vector<cv::Point2d> V(static_cast<std::size_t>(W + 1) * (H + 1));
    cv::parallel_for_(cv::Range(0, H + 1), [&](const cv::Range& rows) {
        for (int j = rows.start; j < rows.end; ++j) {
            for (int i = 0; i <= W; ++i) {
                V[static_cast<std::size_t>(j) * (W + 1) + i] = map.toCamera(i, j);
            }
        }
    });
    const int cvType = CV_MAKETYPE(CV_32F, ch);
    CellSignals out;
    out.mean.create(map.grid, cvType);
    out.emitter.create(map.grid, cvType);
    out.area_px.create(map.grid, CV_32FC1);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    std::vector<int> satPerRow(static_cast<std::size_t>(H), 0);
    const double lo = 0.5 - 0.5 * window, hi = 0.5 + 0.5 * window;
    cv::parallel_for_(cv::Range(0, H), [&](const cv::Range& rows) {
        Band band;
        for (int j = rows.start; j < rows.end; ++j) {
            const cv::Point2d* top = &V[static_cast<std::size_t>(j) * (W + 1)];
            const cv::Point2d* bottom = top + (W + 1);
            double y0 = 1e300, y1 = -1e300;
            for (int i = 0; i <= W; ++i) {
                y0 = std::min({y0, top[i].y, bottom[i].y});
                y1 = std::max({y1, top[i].y, bottom[i].y});
            }
            const int r0 = std::max(0, static_cast<int>(std::floor(y0 + 0.5)));
            const int r1 = std::min(frame.rgb.rows - 1, static_cast<int>(std::floor(y1 + 0.5)));
            float* m = out.mean.ptr<float>(j);
            float* e = out.emitter.ptr<float>(j);
            float* a = out.area_px.ptr<float>(j);
            if (r1 < r0) {
                std::fill(m, m + W * ch, nan);
                std::fill(e, e + W * ch, nan);
                std::fill(a, a + W, 0.f);
                continue;
            }
            fillBand(fr, r0, r1, band);
            for (int i = 0; i < W; ++i) {
                const cv::Point2d cell[4] = {top[i], top[i + 1], bottom[i + 1], bottom[i]};
                double v[3], area = 0.0;
                bool sat = false;
                if (!polygonMean(cell, band, v, &area, &sat)) {
                    std::fill(m + i * ch, m + (i + 1) * ch, nan);
                    std::fill(e + i * ch, e + (i + 1) * ch, nan);
                    a[i] = 0.f;
                    continue;
                }
                a[i] = static_cast<float>(area);
                for (int k = 0; k < ch; ++k) {
                    m[i * ch + k] = sat ? inf : static_cast<float>(v[k]);
                }
                satPerRow[static_cast<std::size_t>(j)] += sat ? 1 : 0;
                // Emitter window: bilinear in the cell's own corners (a cell is tiny, so the
                // mapping is affine to well below a pixel across it).
                auto at = [&](double u, double w) {
                    return (1 - w) * ((1 - u) * cell[0] + u * cell[1]) +
                           w * ((1 - u) * cell[3] + u * cell[2]);
                };
                const cv::Point2d win[4] = {at(lo, lo), at(hi, lo), at(hi, hi), at(lo, hi)};
                double wv[3], warea = 0.0;
                bool wsat = false;
                if (!polygonMean(win, band, wv, &warea, &wsat)) {
                    std::fill(e + i * ch, e + (i + 1) * ch, nan);
                    continue;
                }
                for (int k = 0; k < ch; ++k) {
                    e[i * ch + k] = wsat ? inf : static_cast<float>(wv[k]);
                }
            }
        }
    });
    for (int s : satPerRow) {
        out.saturated_cells += s;
    }
    return out;
}

}  // namespace cm::imaging

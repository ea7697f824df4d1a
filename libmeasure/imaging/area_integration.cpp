// SPDX-License-Identifier: Apache-2.0
// Exact area integration of a piecewise-constant image over mapped LED cells (Green's theorem),
// each cell edge integrated once and shared by the two cells on either side of it.
#include "libmeasure/imaging/area_integration.h"

#include "libmeasure/imaging/huge_pages.h"

#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace cm::imaging {

namespace {

/// floor() for the coordinates here, without a libm call on the x86-64 baseline.
inline int floorInt(double v) {
    const int i = static_cast<int>(v);
    return i - (v < i ? 1 : 0);
}

/// Running sums of raw camera rows over the columns [x0, x0 + n) that the wall covers, each row
/// computed once and kept while the cell rows that need it are processed: S[c·ch + k] =
/// Σ_{x0 ≤ x < x0 + c} raw_k(x, r), exact in 32-bit integers (8192 × 65535 < 2³²). The black level
/// and the lens fall-off are applied per cell (see integrateCells). Rows holding a saturated
/// sample also keep a running count of saturated pixels.
class RowSums {
public:
    RowSums(const cv::Mat& raw, int x0, int n, double satDn)
        : raw_(raw),
          x0_(x0),
          n_(n),
          ch_(raw.channels()),
          satDn_(satDn >= 65535.0 ? 65535 : static_cast<std::uint32_t>(std::ceil(satDn))) {}

    /// Makes rows r0 … r1 available (r1 − r0 + 1 may exceed the capacity: it grows).
    void require(int r0, int r1) {
        const int need = r1 - r0 + 1;
        if (need > cap_) {
            // A power of two, so that a row's slot is a mask, not a division.
            int cap = std::max(cap_, 1);
            while (cap < need) {
                cap *= 2;
            }
            cap_ = cap;
            const std::size_t stride = static_cast<std::size_t>(n_ + 1) * ch_;
            sums_.assign(static_cast<std::size_t>(cap_) * stride, 0);
            sat_.assign(static_cast<std::size_t>(cap_) * (n_ + 1), 0);
            rowIn_.assign(static_cast<std::size_t>(cap_), -1);
            satRow_.assign(static_cast<std::size_t>(cap_), 0);
        }
        for (int r = r0; r <= r1; ++r) {
            const int slot = r & (cap_ - 1);
            if (rowIn_[static_cast<std::size_t>(slot)] != r) {
                fill(r, slot);
            }
        }
    }
    const std::uint32_t* row(int r) const {
        return sums_.data() + static_cast<std::size_t>(r & (cap_ - 1)) * (n_ + 1) * ch_;
    }
    bool rowSaturated(int r) const {
        return satRow_[static_cast<std::size_t>(r & (cap_ - 1))] != 0;
    }
    const std::uint32_t* satRow(int r) const {
        return sat_.data() + static_cast<std::size_t>(r & (cap_ - 1)) * (n_ + 1);
    }
    int x0() const { return x0_; }
    int n() const { return n_; }

private:
    void fill(int r, int slot) {
        const std::size_t m = static_cast<std::size_t>(n_) * ch_;
        const std::uint16_t* src = raw_.ptr<std::uint16_t>(r) + static_cast<std::size_t>(x0_) * ch_;
        std::uint32_t* s = sums_.data() + static_cast<std::size_t>(slot) * (n_ + 1) * ch_;
        std::uint16_t peak = 0;
        for (std::size_t i = 0; i < m; ++i) {  // vectorised by the compiler
            peak = std::max(peak, src[i]);
        }
        if (ch_ == 3) {
            std::uint32_t a = 0, b = 0, c = 0;
            s[0] = s[1] = s[2] = 0;
            for (std::size_t i = 0; i < m; i += 3) {
                a += src[i];
                b += src[i + 1];
                c += src[i + 2];
                s[i + 3] = a;
                s[i + 4] = b;
                s[i + 5] = c;
            }
        } else {
            std::uint32_t a = 0;
            s[0] = 0;
            for (std::size_t i = 0; i < m; ++i) {
                a += src[i];
                s[i + 1] = a;
            }
        }
        const bool saturated = peak >= satDn_;
        satRow_[static_cast<std::size_t>(slot)] = saturated ? 1 : 0;
        if (saturated) {
            std::uint32_t* q = sat_.data() + static_cast<std::size_t>(slot) * (n_ + 1);
            std::uint32_t cnt = 0;
            q[0] = 0;
            for (int x = 0; x < n_; ++x) {
                bool any = false;
                for (int k = 0; k < ch_; ++k) {
                    any = any || src[static_cast<std::size_t>(x) * ch_ + k] >= satDn_;
                }
                cnt += any ? 1 : 0;
                q[x + 1] = cnt;
            }
        }
        rowIn_[static_cast<std::size_t>(slot)] = r;
    }

    const cv::Mat& raw_;
    int x0_, n_, ch_;
    std::uint32_t satDn_;
    int cap_ = 0;
    std::vector<std::uint32_t> sums_, sat_;
    std::vector<int> rowIn_;
    std::vector<char> satRow_;
};

/// One edge's share of the cell integrals: ∮ P dy per channel and ∮ x dy (the area), with P the
/// running row sum at x. `ok` false when the edge leaves the covered rows or columns.
template <int CH>
struct EdgeSum {
    double v[CH + 1] = {};
    bool ok = true;
};

/// ∫ P dy and ∫ x dy along a → b over rows [rowLo, rowHi] (available in `sums`), one piece per
/// camera row the edge crosses. Within a row P is piecewise linear in x and x is linear along
/// the edge, so a piece inside one pixel column is its height times P at its middle, and a
/// piece that crosses column borders is split at them. Compared with a walk that merges the x
/// and y border crossings, no piece needs a data-dependent choice between the two.
template <int CH>
void edgeIntegral(cv::Point2d a, cv::Point2d b, const RowSums& sums, int rowLo, int rowHi,
                  EdgeSum<CH>& out) {
    out = EdgeSum<CH>{};
    const double dy = b.y - a.y;
    if (dy == 0.0) {
        return;  // P dy and x dy both vanish
    }
    // Columns relative to the first covered one; pixel c spans [c − ½, c + ½).
    const double ax = a.x - sums.x0(), bx = b.x - sums.x0();
    const double xSpan = sums.n() - 0.5;
    if (!(ax >= -0.5 && ax <= xSpan && bx >= -0.5 && bx <= xSpan)) {
        out.ok = false;
        return;
    }
    out.v[CH] = dy * 0.5 * (ax + bx);  // ∮ x dy of a straight edge: the column offset cancels
    // Walk upwards in y whatever the edge's direction; the sign restores it.
    const bool up = dy > 0;
    const double py = up ? a.y : b.y, qy = up ? b.y : a.y;
    const double px = up ? ax : bx, qx = up ? bx : ax;
    const double sign = up ? 1.0 : -1.0;
    const double xPerY = (qx - px) / (qy - py);
    const int rFirst = floorInt(py + 0.5), rLast = floorInt(qy + 0.5);
    const int nCols = sums.n();
    double acc[CH] = {};
    double yLo = py, xLo = px;
    for (int r = rFirst; r <= rLast; ++r) {
        const double yHi = std::min(qy, r + 0.5);
        const double xHi = r == rLast ? qx : px + (yHi - py) * xPerY;
        const double h = yHi - yLo;
        if (h > 0.0) {
            if (r < rowLo || r > rowHi) {
                out.ok = false;
                return;
            }
            const std::uint32_t* row = sums.row(r);
            // Clamped both ways: an end on the first or last border may round a hair outside.
            const int cs = std::clamp(floorInt(xLo + 0.5), 0, nCols - 1);
            const int ce = std::clamp(floorInt(xHi + 0.5), 0, nCols - 1);
            if (cs == ce) {
                // P is linear inside the pixel: its mean is its value at the middle.
                const std::uint32_t* s = row + cs * CH;
                const double f = 0.5 * (xLo + xHi) - (cs - 0.5);
                for (int k = 0; k < CH; ++k) {
                    acc[k] += h * (s[k] + (double(s[k + CH]) - s[k]) * f);
                }
            } else {
                // Column borders crossed inside this row: one part per pixel, its height in
                // proportion to its width (x is linear in y), the last taking what remains so
                // the heights add up to h exactly.
                const int dir = ce > cs ? 1 : -1;
                const double yPerX = h / (xHi - xLo);
                double x0p = xLo, hLeft = h;
                for (int c = cs;; c += dir) {
                    const bool last = c == ce;
                    const double x1p = last ? xHi : c + 0.5 * dir;
                    const double hp = last ? hLeft : (x1p - x0p) * yPerX;
                    const std::uint32_t* s = row + c * CH;
                    const double f = 0.5 * (x0p + x1p) - (c - 0.5);
                    for (int k = 0; k < CH; ++k) {
                        acc[k] += hp * (s[k] + (double(s[k + CH]) - s[k]) * f);
                    }
                    if (last) {
                        break;
                    }
                    hLeft -= hp;
                    x0p = x1p;
                }
            }
        }
        yLo = yHi;
        xLo = xHi;
    }
    for (int k = 0; k < CH; ++k) {
        out.v[k] = sign * acc[k];
    }
}

/// P at x (camera pixels) on row r: the running sum to x with the pixel under x taken in part.
template <int CH>
inline void runningSumAt(const std::uint32_t* row, double xRel, int c, double* out) {
    const std::uint32_t* s = row + c * CH;
    const double frac = xRel - (c - 0.5);
    for (int k = 0; k < CH; ++k) {
        out[k] = s[k] + (double(s[k + CH]) - s[k]) * frac;
    }
}

/// Integral of the raw signal over the axis-aligned rectangle [xa, xb] × [ya, yb] (camera
/// pixels); false when it leaves the covered rows or columns.
template <int CH>
bool rectIntegral(double xa, double xb, double ya, double yb, const RowSums& sums, int rowLo,
                  int rowHi, double* acc) {
    const double ra = xa - sums.x0(), rb = xb - sums.x0();
    const int ca = floorInt(ra + 0.5), cb = floorInt(rb + 0.5);
    const int r0 = floorInt(ya + 0.5), r1 = floorInt(yb + 0.5);
    if (ca < 0 || cb >= sums.n() || r0 < rowLo || r1 > rowHi) {
        return false;
    }
    for (int k = 0; k < CH; ++k) {
        acc[k] = 0.0;
    }
    for (int r = r0; r <= r1; ++r) {
        const double w = std::min(yb, r + 0.5) - std::max(ya, r - 0.5);
        double pa[CH], pb[CH];
        runningSumAt<CH>(sums.row(r), ra, ca, pa);
        runningSumAt<CH>(sums.row(r), rb, cb, pb);
        for (int k = 0; k < CH; ++k) {
            acc[k] += w * (pb[k] - pa[k]);
        }
    }
    return true;
}

/// Whether a saturated pixel lies in the box [x0, x1] × [y0, y1] (camera pixels, clipped).
bool saturatedIn(double x0, double x1, double y0, double y1, const RowSums& sums, int rowLo,
                 int rowHi) {
    const int r0 = std::max(rowLo, floorInt(y0 + 0.5));
    const int r1 = std::min(rowHi, floorInt(y1 + 0.5));
    for (int r = r0; r <= r1; ++r) {
        if (!sums.rowSaturated(r)) {
            continue;
        }
        const int c0 = std::max(0, floorInt(x0 - sums.x0() + 0.5));
        const int c1 = std::min(sums.n() - 1, floorInt(x1 - sums.x0() + 0.5));
        const std::uint32_t* q = sums.satRow(r);
        if (c1 >= c0 && q[c1 + 1] - q[c0] > 0) {
            return true;
        }
    }
    return false;
}

struct Setup {
    const RawFrame& frame;
    const Linearisation& lin;
    const WallMapping& map;
    double window;
    int x0, n;  ///< covered camera columns
    bool area, emitter;
    const cv::Vec3d* mix;  ///< emitter channels mixed into one, or null
};

/// DN/s per raw DN at camera point p, per channel: 1 / (exposure · relative illumination). The
/// fall-off (radial model or smoothed flat-field map) changes by far less than 0.1 % across one
/// cell of a few pixels, so it is taken at the cell's centre; the pixel areas stay exact.
template <int CH>
void gainAt(const Setup& s, cv::Point2d p, double* g) {
    const double invExp = 1.0 / s.lin.exposure_s;
    const cv::Mat& flat = s.lin.flat_gain;
    if (flat.empty()) {
        const double r2 = normalisedRadius2(p.x, p.y, s.frame.rgb.cols, s.frame.rgb.rows);
        const double k = invExp / s.lin.vignetting.relativeIllumination(r2);
        for (int c = 0; c < CH; ++c) {
            g[c] = k;
        }
        return;
    }
    const double x = std::clamp(p.x, 0.0, flat.cols - 1.0);
    const double y = std::clamp(p.y, 0.0, flat.rows - 1.0);
    const int xi = std::min(static_cast<int>(x), flat.cols - 2 < 0 ? 0 : flat.cols - 2);
    const int yi = std::min(static_cast<int>(y), flat.rows - 2 < 0 ? 0 : flat.rows - 2);
    const int xj = std::min(xi + 1, flat.cols - 1), yj = std::min(yi + 1, flat.rows - 1);
    const double fx = x - xi, fy = y - yi;
    const int fc = flat.channels();
    const float* r0 = flat.ptr<float>(yi);
    const float* r1 = flat.ptr<float>(yj);
    for (int c = 0; c < CH; ++c) {
        const int k = fc == 1 ? 0 : c;
        const double v = (1 - fy) * ((1 - fx) * r0[xi * fc + k] + fx * r0[xj * fc + k]) +
                         fy * ((1 - fx) * r1[xi * fc + k] + fx * r1[xj * fc + k]);
        g[c] = invExp / v;
    }
}

/// Cell rows [j0, j1) of the wall into `out`; returns the number of saturated cells.
template <int CH>
int integrateRows(const Setup& st, int j0, int j1, CellSignals& out) {
    const cv::Mat& raw = st.frame.rgb;
    const WallMapping& map = st.map;
    const int W = map.grid.width;
    const double black = st.lin.black_level_dn;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    // The radial fall-off inline with its constants hoisted (the common case); a flat-field map
    // through gainAt.
    const bool radial = st.lin.flat_gain.empty();
    const double invExp = 1.0 / st.lin.exposure_s;
    const RadialVignetting& vig = st.lin.vignetting;
    const int frameW = raw.cols, frameH = raw.rows;
    const auto gain = [&](cv::Point2d p, double* g) {
        if (radial) {
            const double k =
                invExp / vig.relativeIllumination(normalisedRadius2(p.x, p.y, frameW, frameH));
            for (int c = 0; c < CH; ++c) {
                g[c] = k;
            }
        } else {
            gainAt<CH>(st, p, g);
        }
    };
    const double lo = 0.5 - 0.5 * st.window, hi = 0.5 + 0.5 * st.window;
    RowSums sums(raw, st.x0, st.n, st.lin.saturation_fraction * st.lin.white_level_dn);
    std::vector<cv::Point2d> top(static_cast<std::size_t>(W + 1)), bottom(top.size());
    // Horizontal edges of the cell row's top and bottom, vertical edges between its cells.
    std::vector<EdgeSum<CH>> hTop(static_cast<std::size_t>(W)), hBottom(hTop.size()),
        vert(static_cast<std::size_t>(W + 1));
    std::vector<float> scratch(static_cast<std::size_t>(W) * CH);
    // Values per emitter: the channels, or their mix.
    const bool mixed = CH == 3 && st.mix != nullptr;
    const int eCh = mixed ? 1 : CH;
    double mix[CH];
    for (int k = 0; k < CH; ++k) {
        mix[k] = mixed ? (*st.mix)[k] : 1.0;
    }
    map.toCameraRow(j0, W + 1, top.data());
    bool haveTop = false;
    int saturated = 0;
    for (int j = j0; j < j1; ++j) {
        map.toCameraRow(j + 1, W + 1, bottom.data());
        double y0 = 1e300, y1 = -1e300;
        for (int i = 0; i <= W; ++i) {
            y0 = std::min(y0, std::min(top[static_cast<std::size_t>(i)].y,
                                       bottom[static_cast<std::size_t>(i)].y));
            y1 = std::max(y1, std::max(top[static_cast<std::size_t>(i)].y,
                                       bottom[static_cast<std::size_t>(i)].y));
        }
        // y0/y1 may be far outside (or NaN-free but huge): clip before converting.
        const int r0 = std::max(0, floorInt(std::max(y0, -1.0) + 0.5));
        const int r1 =
            std::min(raw.rows - 1, floorInt(std::min(y1, static_cast<double>(raw.rows)) + 0.5));
        // Rows of the outputs not wanted point into a scratch row (written, never returned).
        float* m = st.area ? out.mean.ptr<float>(j) : scratch.data();
        float* e = st.emitter ? out.emitter.ptr<float>(j) : scratch.data();
        float* a = st.area ? out.area_px.ptr<float>(j) : scratch.data();
        if (r1 < r0) {
            std::fill(m, m + W * CH, nan);
            std::fill(e, e + W * eCh, nan);
            std::fill(a, a + W, 0.f);
            std::swap(top, bottom);
            haveTop = false;
            continue;
        }
        sums.require(r0, r1);
        // Most frames have no saturated sample at all: then no cell needs its box checked.
        bool bandSaturated = false;
        for (int r = r0; r <= r1 && !bandSaturated; ++r) {
            bandSaturated = sums.rowSaturated(r);
        }
        if (st.area) {
            if (!haveTop) {
                for (int i = 0; i < W; ++i) {
                    edgeIntegral<CH>(top[static_cast<std::size_t>(i)],
                                     top[static_cast<std::size_t>(i + 1)], sums, r0, r1,
                                     hTop[static_cast<std::size_t>(i)]);
                }
            }
            for (int i = 0; i < W; ++i) {
                edgeIntegral<CH>(bottom[static_cast<std::size_t>(i)],
                                 bottom[static_cast<std::size_t>(i + 1)], sums, r0, r1,
                                 hBottom[static_cast<std::size_t>(i)]);
            }
            for (int i = 0; i <= W; ++i) {
                edgeIntegral<CH>(top[static_cast<std::size_t>(i)],
                                 bottom[static_cast<std::size_t>(i)], sums, r0, r1,
                                 vert[static_cast<std::size_t>(i)]);
            }
        }
        for (int i = 0; i < W; ++i) {
            const auto u = static_cast<std::size_t>(i);
            const cv::Point2d p0 = top[u], p1 = top[u + 1], p2 = bottom[u + 1], p3 = bottom[u];
            const cv::Point2d centre = 0.25 * (p0 + p1 + p2 + p3);
            // Any saturated pixel in the cell's bounding box makes the value a lower bound only.
            const double bx0 = std::min(std::min(p0.x, p1.x), std::min(p2.x, p3.x));
            const double bx1 = std::max(std::max(p0.x, p1.x), std::max(p2.x, p3.x));
            const double by0 = std::min(std::min(p0.y, p1.y), std::min(p2.y, p3.y));
            const double by1 = std::max(std::max(p0.y, p1.y), std::max(p2.y, p3.y));
            bool sat = false;
            double g[CH];
            if (st.area) {
                // Cell TL → TR → BR → BL: top edge, right edge down, bottom edge back, left up.
                const EdgeSum<CH>& t = hTop[u];
                const EdgeSum<CH>& b = hBottom[u];
                const EdgeSum<CH>& l = vert[u];
                const EdgeSum<CH>& rt = vert[u + 1];
                const double area = t.v[CH] + rt.v[CH] - b.v[CH] - l.v[CH];
                if (!(t.ok && b.ok && l.ok && rt.ok) || !(std::abs(area) > 1e-12)) {
                    std::fill(m + i * CH, m + (i + 1) * CH, nan);
                    std::fill(e + i * eCh, e + (i + 1) * eCh, nan);
                    a[i] = 0.f;
                    continue;
                }
                gain(centre, g);
                a[i] = static_cast<float>(std::abs(area));
                sat = bandSaturated && saturatedIn(bx0, bx1, by0, by1, sums, r0, r1);
                const double invArea = 1.0 / area;
                for (int k = 0; k < CH; ++k) {
                    const double mean = (t.v[k] + rt.v[k] - b.v[k] - l.v[k]) * invArea;
                    m[i * CH + k] = sat ? inf : static_cast<float>((mean - black) * g[k]);
                }
                saturated += sat ? 1 : 0;
            } else {
                gain(centre, g);
                sat = bandSaturated && saturatedIn(bx0, bx1, by0, by1, sums, r0, r1);
                saturated += sat ? 1 : 0;
            }
            if (!st.emitter) {
                continue;
            }
            // Emitter window: the axis-aligned rectangle of the window's width and height about
            // the cell's centre (for defect detection; a cell is tiny, so its shear is small).
            const double hx = 0.25 * (hi - lo) * std::abs((p1.x - p0.x) + (p2.x - p3.x));
            const double hy = 0.25 * (hi - lo) * std::abs((p3.y - p0.y) + (p2.y - p1.y));
            double wv[CH];
            if (!(hx > 0 && hy > 0) ||
                !rectIntegral<CH>(centre.x - hx, centre.x + hx, centre.y - hy, centre.y + hy, sums,
                                  r0, r1, wv)) {
                std::fill(e + i * eCh, e + (i + 1) * eCh, nan);
                continue;
            }
            const bool wsat = sat && saturatedIn(centre.x - hx, centre.x + hx, centre.y - hy,
                                                 centre.y + hy, sums, r0, r1);
            const double warea = 4.0 * hx * hy;
            if (mixed) {
                double v = 0.0;
                for (int k = 0; k < CH; ++k) {
                    v += mix[k] * ((wv[k] / warea - black) * g[k]);
                }
                e[i] = wsat ? inf : static_cast<float>(v);
            } else {
                for (int k = 0; k < CH; ++k) {
                    e[i * CH + k] = wsat ? inf : static_cast<float>((wv[k] / warea - black) * g[k]);
                }
            }
        }
        std::swap(top, bottom);
        std::swap(hTop, hBottom);
        haveTop = true;
    }
    return saturated;
}

}  // namespace

CellSignals integrateCells(const RawFrame& frame, const Linearisation& lin, const WallMapping& map,
                           double window, CellParts parts, const cv::Vec3d* emitter_mix) {
    CellSignals out;
    integrateCells(frame, lin, map, out, window, parts, emitter_mix);
    return out;
}

void integrateCells(const RawFrame& frame, const Linearisation& lin, const WallMapping& map,
                    CellSignals& out, double window, CellParts parts,
                    const cv::Vec3d* emitter_mix) {
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
    if (frame.rgb.cols > 65535) {  // keeps the 32-bit running sums exact
        throw std::invalid_argument("integrateCells: frames wider than 65535 px are not handled");
    }
    const int W = map.grid.width, H = map.grid.height;
    // Camera columns the wall covers (the outline is enough: cells inside it lie between).
    double xmin = 1e300, xmax = -1e300;
    {
        std::vector<cv::Point2d> row(static_cast<std::size_t>(W + 1));
        for (int j : {0, H}) {
            map.toCameraRow(j, W + 1, row.data());
            for (const auto& p : row) {
                xmin = std::min(xmin, p.x);
                xmax = std::max(xmax, p.x);
            }
        }
        for (int j = 0; j <= H; ++j) {
            for (double gx : {0.0, static_cast<double>(W)}) {
                const cv::Point2d p = map.toCamera(gx, j);
                xmin = std::min(xmin, p.x);
                xmax = std::max(xmax, p.x);
            }
        }
    }
    const int x0 =
        std::clamp(floorInt(std::clamp(xmin, -2.0, 1e9) + 0.5) - 1, 0, frame.rgb.cols - 1);
    const int x1 =
        std::clamp(floorInt(std::clamp(xmax, -2.0, 1e9) + 0.5) + 2, x0 + 1, frame.rgb.cols);
    const Setup st{frame,
                   lin,
                   map,
                   window,
                   x0,
                   x1 - x0,
                   parts != CellParts::EmitterOnly,
                   parts != CellParts::AreaOnly,
                   ch == 3 ? emitter_mix : nullptr};
    const int cvType = CV_MAKETYPE(CV_32F, ch);
    out.saturated_cells = 0;
    if (st.area) {
        createLarge(out.mean, map.grid, cvType);
        createLarge(out.area_px, map.grid, CV_32FC1);
    } else {
        out.mean.release();
        out.area_px.release();
    }
    if (st.emitter) {
        createLarge(out.emitter, map.grid, st.mix != nullptr ? CV_32FC1 : cvType);
    } else {
        out.emitter.release();
    }
    // Contiguous runs of cell rows per task: within a run each camera row's running sums and each
    // horizontal edge are computed once.
    const int tasks = std::clamp(4 * cv::getNumThreads(), 1, H);
    std::vector<int> satPerTask(static_cast<std::size_t>(tasks), 0);
    cv::parallel_for_(cv::Range(0, tasks), [&](const cv::Range& r) {
        for (int t = r.start; t < r.end; ++t) {
            const int j0 = static_cast<int>(static_cast<long long>(H) * t / tasks);
            const int j1 = static_cast<int>(static_cast<long long>(H) * (t + 1) / tasks);
            satPerTask[static_cast<std::size_t>(t)] =
                ch == 3 ? integrateRows<3>(st, j0, j1, out) : integrateRows<1>(st, j0, j1, out);
        }
    });
    for (int s : satPerTask) {
        out.saturated_cells += s;
    }
}

std::vector<double> integratePolygonRaw(const cv::Mat& raw,
                                        const std::vector<cv::Point2d>& corners) {
    if ((raw.type() != CV_16UC3 && raw.type() != CV_16UC1) || raw.empty() || raw.cols > 65535 ||
        corners.size() < 3) {
        throw std::invalid_argument("integratePolygonRaw: expected a 16-bit frame and a polygon");
    }
    const int ch = raw.channels();
    RowSums sums(raw, 0, raw.cols, 65536.0);
    sums.require(0, raw.rows - 1);
    std::vector<double> acc(static_cast<std::size_t>(ch) + 1, 0.0);
    bool ok = true;
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const cv::Point2d a = corners[i], b = corners[(i + 1) % corners.size()];
        if (ch == 3) {
            EdgeSum<3> e;
            edgeIntegral<3>(a, b, sums, 0, raw.rows - 1, e);
            ok = ok && e.ok;
            for (int k = 0; k <= 3; ++k) {
                acc[static_cast<std::size_t>(k)] += e.v[k];
            }
        } else {
            EdgeSum<1> e;
            edgeIntegral<1>(a, b, sums, 0, raw.rows - 1, e);
            ok = ok && e.ok;
            acc[0] += e.v[0];
            acc[1] += e.v[1];
        }
    }
    if (!ok) {
        throw std::invalid_argument("integratePolygonRaw: the polygon leaves the frame");
    }
    if (acc.back() < 0) {  // clockwise in camera (y down) coordinates: same values, other sign
        for (double& v : acc) {
            v = -v;
        }
    }
    return acc;
}

}  // namespace cm::imaging

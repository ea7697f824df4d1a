// SPDX-License-Identifier: Apache-2.0
// evaluateWall: module statistics (area weighted), module rules, seam lines, dead/stuck LEDs, the
// adjacent-pixel rule and saturation, each as a figure with U and limit, then the verdict.
#include "libmeasure/imaging/wall_evaluation.h"

#include "libmeasure/imaging/huge_pages.h"

#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cm::imaging {

namespace {

/// CIE 1976 UCS u', v' of CIE 1931 x, y (CIE 015:2018 eq. 8.2).
std::pair<double, double> uvOf(colorimetry::ChromaticityXY xy) {
    const double d = -2.0 * xy.x + 12.0 * xy.y + 3.0;
    return {4.0 * xy.x / d, 9.0 * xy.y / d};
}

double medianOf(std::vector<double>& v) {
    if (v.empty()) {
        return std::nan("");
    }
    auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

struct ModuleSums {
    double w = 0, X = 0, Y = 0, Z = 0, Y2 = 0;
    int n = 0;
};

}  // namespace

std::vector<SeamLine> measureSeamLines(const cv::Mat& lum, const LedWallLayout& L,
                                       double threshold_pct, int R) {
    L.validate();
    if (lum.type() != CV_32FC1 || lum.size() != L.gridSize()) {
        throw std::invalid_argument("measureSeamLines: expected a luminance grid of the wall");
    }
    if (R < 1 || L.module_w_px < R + 2 || L.module_h_px < R + 2) {
        throw std::invalid_argument("measureSeamLines: modules too small for the reference lines");
    }
    std::vector<SeamLine> out;
    std::vector<double> a, b;
    // Finite samples of a rectangle: values and their median; mean and variance for U.
    auto band = [&](cv::Rect r, std::vector<double>& v) {
        v.clear();
        for (int y = r.y; y < r.y + r.height; ++y) {
            const float* p = lum.ptr<float>(y);
            for (int x = r.x; x < r.x + r.width; ++x) {
                if (std::isfinite(p[x])) {
                    v.push_back(p[x]);
                }
            }
        }
    };
    auto spread = [](const std::vector<double>& v) {
        const double n = static_cast<double>(v.size());
        double m = 0, s = 0;
        for (double x : v) {
            m += x;
        }
        m /= std::max(1.0, n);
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return n > 1 ? s / (n - 1) / n : 0.0;  // variance of the mean
    };
    // depth of one line against its reference, with U (k = 2) from both means' scatter.
    auto depth = [&](cv::Rect line, cv::Rect ref, double& u) {
        band(line, a);
        const double va = spread(a);
        const double ml = medianOf(a);
        band(ref, b);
        const double vb = spread(b);
        const double mr = medianOf(b);
        u = 200.0 * std::sqrt(va + vb * (ml / mr) * (ml / mr)) / mr;
        return 100.0 * (ml / mr - 1.0);
    };
    auto keepWorse = [&](SeamLine s, double d1, double u1, int l1, double d2, double u2, int l2) {
        const bool first = !(std::abs(d2) > std::abs(d1)) || !std::isfinite(d2);
        s.depth_pct = first ? d1 : d2;
        s.u_k2_pct = first ? u1 : u2;
        s.line_px = first ? l1 : l2;
        s.beyond = std::abs(s.depth_pct) >= threshold_pct;
        out.push_back(s);
    };
    for (int bd = 1; bd < L.modules_across; ++bd) {
        const int x = bd * L.module_w_px;
        for (int s = 0; s < L.modules_down; ++s) {
            const int y0 = s * L.module_h_px + 1, h = L.module_h_px - 2;  // corners mix: skip
            double u1 = 0, u2 = 0;
            const double d1 = depth({x - 1, y0, 1, h}, {x - 1 - R, y0, R, h}, u1);
            const double d2 = depth({x, y0, 1, h}, {x + 1, y0, R, h}, u2);
            keepWorse({SeamOrientation::Vertical, bd, s}, d1, u1, x - 1, d2, u2, x);
        }
    }
    for (int bd = 1; bd < L.modules_down; ++bd) {
        const int y = bd * L.module_h_px;
        for (int s = 0; s < L.modules_across; ++s) {
            const int x0 = s * L.module_w_px + 1, w = L.module_w_px - 2;
            double u1 = 0, u2 = 0;
            const double d1 = depth({x0, y - 1, w, 1}, {x0, y - 1 - R, w, R}, u1);
            const double d2 = depth({x0, y, w, 1}, {x0, y + 1, w, R}, u2);
            keepWorse({SeamOrientation::Horizontal, bd, s}, d1, u1, y - 1, d2, u2, y);
        }
    }
    return out;
}

std::vector<AdjacentFinding> adjacentPixelRule(const cv::Mat& Y, const LedWallLayout& L,
                                               double max_pct, double& worst_pct,
                                               double& sigma_pct) {
    L.validate();
    if (Y.type() != CV_32FC1 || Y.size() != L.gridSize()) {
        throw std::invalid_argument("adjacentPixelRule: expected a luminance grid of the wall");
    }
    const int W = Y.cols, H = Y.rows;
    // Module column and row of each LED column and row, and whether it is a module's first or
    // last: looked up, not divided, per LED (a noisy wall can have millions of findings).
    std::vector<int> modCol(static_cast<std::size_t>(W)), modRow(static_cast<std::size_t>(H));
    std::vector<unsigned char> colEdge(static_cast<std::size_t>(W));
    for (int x = 0; x < W; ++x) {
        const int in = x % L.module_w_px;
        modCol[static_cast<std::size_t>(x)] = x / L.module_w_px;
        colEdge[static_cast<std::size_t>(x)] =
            in == 0 || in == L.module_w_px - 1 || x == 0 || x == W - 1;
    }
    for (int y = 0; y < H; ++y) {
        modRow[static_cast<std::size_t>(y)] = y / L.module_h_px;
    }
    cv::Mat dev;
    createLarge(dev, Y.size(), CV_32FC1);
    // Neighbours in the same module: a step between modules (module gain) is the inter-module
    // figure's business, and at a module corner five of the eight neighbours lie in other modules.
    auto general = [&](int x, int y) -> float {
        const int ownCol = modCol[static_cast<std::size_t>(x)];
        const int ownRow = modRow[static_cast<std::size_t>(y)];
        float nb[8];
        int n = 0;
        for (int dy = -1; dy <= 1; ++dy) {
            const int yy = y + dy;
            if (yy < 0 || yy >= H || modRow[static_cast<std::size_t>(yy)] != ownRow) {
                continue;
            }
            const float* p = Y.ptr<float>(yy);
            for (int dx = -1; dx <= 1; ++dx) {
                const int xx = x + dx;
                if ((dx != 0 || dy != 0) && xx >= 0 && xx < W &&
                    modCol[static_cast<std::size_t>(xx)] == ownCol && std::isfinite(p[xx])) {
                    nb[n++] = p[xx];
                }
            }
        }
        const float v = Y.ptr<float>(y)[x];
        if (n < 3 || std::isnan(v)) {
            return std::nanf("");
        }
        std::nth_element(nb, nb + n / 2, nb + n);
        const float ref = nb[n / 2];
        return ref > 0 ? 100.0f * (v / ref - 1.0f) : std::nanf("");
    };
    // The spread of the deviations from a regular subsample of at most ~2.6 × 10⁵ LEDs (its
    // median is within a fraction of a percent of the whole wall's; it only sizes U): the LEDs
    // whose index y·W + x is a multiple of `stride`.
    const std::size_t stride = std::max<std::size_t>(1, static_cast<std::size_t>(W) * H / 262144);
    const auto beyond = [max_pct](float d) { return std::abs(d) > max_pct; };  // NaN: false
    // Each row's worst deviation (the first of the largest |d|) and number of findings, found in
    // the parallel pass; the findings are then written once into their final places, in row
    // order: the same result for any thread count, and no list grown and copied.
    std::vector<double> rowWorst(static_cast<std::size_t>(H), 0.0);
    std::vector<std::size_t> rowCount(static_cast<std::size_t>(H) + 1, 0);
    const auto scanRow = [&](int y) {
        const float* d = dev.ptr<float>(y);
        double worst = 0.0;
        std::size_t count = 0;
        for (int x = 0; x < W; ++x) {
            if (std::isnan(d[x])) {
                continue;
            }
            if (std::abs(d[x]) > std::abs(worst)) {
                worst = d[x];
            }
            count += beyond(d[x]) ? 1 : 0;
        }
        rowWorst[static_cast<std::size_t>(y)] = worst;
        rowCount[static_cast<std::size_t>(y) + 1] = count;
    };
    cv::parallel_for_(cv::Range(0, H), [&](const cv::Range& rows) {
        std::vector<float> ref(static_cast<std::size_t>(W));
        std::vector<unsigned char> bad(static_cast<std::size_t>(W));
        for (int y = rows.start; y < rows.end; ++y) {
            float* o = dev.ptr<float>(y);
            const int yIn = y % L.module_h_px;
            if (yIn == 0 || yIn == L.module_h_px - 1 || W < 3) {
                for (int x = 0; x < W; ++x) {
                    o[x] = general(x, y);
                }
                scanRow(y);
                continue;
            }
            // Inside a module's rows: the median of the 8 neighbours (the upper of the middle
            // two, as nth_element at n/2 above) by a sorting network, branch-free so the compiler
            // vectorises it across the row; module-border columns and any pixel with a
            // non-finite value among its 3 × 3 go the general way.
            const float* u = Y.ptr<float>(y - 1);
            const float* c = Y.ptr<float>(y);
            const float* d = Y.ptr<float>(y + 1);
            for (int x = 0; x < W; ++x) {
                bad[static_cast<std::size_t>(x)] =
                    !(std::isfinite(u[x]) && std::isfinite(c[x]) && std::isfinite(d[x]));
            }
            for (int x = 1; x < W - 1; ++x) {
                float a0 = u[x - 1], a1 = u[x], a2 = u[x + 1], a3 = c[x - 1], a4 = c[x + 1],
                      a5 = d[x - 1], a6 = d[x], a7 = d[x + 1];
                auto ce = [](float& p, float& q) {
                    const float lo = p < q ? p : q, hi = p < q ? q : p;
                    p = lo;
                    q = hi;
                };
                // A 19-comparator sorting network for 8 inputs, depth 6 (19 is optimal: Knuth,
                // TAOCP vol. 3, §5.3.4); checked on all 2⁸ zero-one inputs (zero-one principle).
                ce(a0, a2), ce(a1, a3), ce(a4, a6), ce(a5, a7);
                ce(a0, a4), ce(a1, a5), ce(a2, a6), ce(a3, a7);
                ce(a0, a1), ce(a2, a3), ce(a4, a5), ce(a6, a7);
                ce(a2, a4), ce(a3, a5);
                ce(a1, a4), ce(a3, a6);
                ce(a1, a2), ce(a3, a4), ce(a5, a6);
                ref[static_cast<std::size_t>(x)] = a4;
            }
            for (int x = 0; x < W; ++x) {
                if (colEdge[static_cast<std::size_t>(x)] || bad[static_cast<std::size_t>(x - 1)] ||
                    bad[static_cast<std::size_t>(x)] || bad[static_cast<std::size_t>(x + 1)]) {
                    o[x] = general(x, y);
                    continue;
                }
                const float r = ref[static_cast<std::size_t>(x)];
                o[x] = r > 0 ? 100.0f * (c[x] / r - 1.0f) : std::nanf("");
            }
            scanRow(y);
        }
    });
    worst_pct = 0.0;
    for (int y = 0; y < H; ++y) {
        const auto u = static_cast<std::size_t>(y);
        if (std::abs(rowWorst[u]) > std::abs(worst_pct)) {
            worst_pct = rowWorst[u];
        }
        rowCount[u + 1] += rowCount[u];  // now each row's first place in the list
    }
    std::vector<AdjacentFinding> out;
    out.reserve(rowCount.back());  // allocated, not yet touched: advised first
    adviseHugePages(out.data(), rowCount.back() * sizeof(AdjacentFinding));
    out.resize(rowCount.back());
    std::vector<double> all;
    for (std::size_t i = 0; i < static_cast<std::size_t>(W) * H; i += stride) {
        const float v = dev.ptr<float>(static_cast<int>(i / W))[i % W];
        if (std::isfinite(v)) {
            all.push_back(std::abs(v));
        }
    }
    cv::parallel_for_(cv::Range(0, H), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const float* d = dev.ptr<float>(y);
            AdjacentFinding* f = out.data() + rowCount[static_cast<std::size_t>(y)];
            const int mr = modRow[static_cast<std::size_t>(y)];
            for (int x = 0; x < W; ++x) {
                if (beyond(d[x])) {
                    *f++ = {x, y, {modCol[static_cast<std::size_t>(x)], mr}, d[x]};
                }
            }
        }
    });
    // σ of a single LED's deviation from the median absolute deviation (× 1.4826 for a normal).
    sigma_pct = 1.4826 * medianOf(all);
    return out;
}

const WallFigure* findFigure(const WallEvaluation& e, const std::string& id) {
    for (const WallFigure& f : e.figures) {
        if (f.id == id) {
            return &f;
        }
    }
    return nullptr;
}

WallEvaluation evaluateWall(const WallCells& c, const cv::Mat* defectY, const LedWallLayout& L,
                            const WallLimits& lim, double uRel, double uXy) {
    L.validate();
    const cv::Size g = L.gridSize();
    const bool colour = !c.area_xyz.empty();
    if (c.area_Y.type() != CV_32FC1 || c.area_Y.size() != g ||
        (!defectY && c.emitter_Y.size() != g) || c.area_px.size() != g ||
        (colour && c.area_xyz.size() != g) || (defectY && defectY->size() != g)) {
        throw std::invalid_argument("evaluateWall: the LED grids do not match the wall layout");
    }
    WallEvaluation e;
    e.saturated_cells = c.saturated_cells;
    // A draft limit decides only when the user asked for it (as `certify --provisional`).
    e.provisional_binding = lim.provisional_binding && lim.binding_allowed;
    const int W = L.modules_across, H = L.modules_down;

    // 1. Module area averages (weights: each cell's area in the camera), XYZ or Y only.
    std::vector<ModuleSums> sums(static_cast<std::size_t>(W * H));
    cv::parallel_for_(cv::Range(0, H), [&](const cv::Range& mrows) {
        for (int my = mrows.start; my < mrows.end; ++my) {
            for (int y = my * L.module_h_px; y < (my + 1) * L.module_h_px; ++y) {
                const float* Yp = c.area_Y.ptr<float>(y);
                const float* ap = c.area_px.ptr<float>(y);
                const cv::Vec3f* xp = colour ? c.area_xyz.ptr<cv::Vec3f>(y) : nullptr;
                for (int mx = 0; mx < W; ++mx) {
                    ModuleSums& s = sums[static_cast<std::size_t>(my * W + mx)];
                    for (int x = mx * L.module_w_px; x < (mx + 1) * L.module_w_px; ++x) {
                        if (!std::isfinite(Yp[x]) || !(ap[x] > 0)) {
                            continue;  // off the frame or saturated: not in the mean
                        }
                        s.w += ap[x];
                        s.Y += ap[x] * Yp[x];
                        s.Y2 += double(Yp[x]) * Yp[x];
                        s.n += 1;
                        if (xp) {
                            s.X += ap[x] * xp[x][0];
                            s.Z += ap[x] * xp[x][2];
                        }
                    }
                }
            }
        }
    });
    e.modules.resize(sums.size());
    double wallSum = 0, wX = 0, wY = 0, wZ = 0;
    int used = 0;
    std::vector<double> relVar(sums.size(), 0.0);
    for (std::size_t i = 0; i < sums.size(); ++i) {
        const ModuleSums& s = sums[i];
        ModuleVerdict& m = e.modules[i];
        m.stats.index = {static_cast<int>(i) % W, static_cast<int>(i) / W};
        m.cabinet = L.cabinetOfModule(m.stats.index);
        m.stats.pixels_used = s.n;
        if (s.n == 0) {
            m.stats.mean_cdm2 = std::nan("");
            m.stats.xy = {std::nan(""), std::nan("")};
            continue;
        }
        const double X = s.X / s.w, Y = s.Y / s.w, Z = s.Z / s.w;
        m.stats.mean_cdm2 = Y;
        m.stats.xy = colour && X + Y + Z > 0
                         ? colorimetry::ChromaticityXY{X / (X + Y + Z), Y / (X + Y + Z)}
                         : colorimetry::ChromaticityXY{std::nan(""), std::nan("")};
        // Relative variance of the module mean from the scatter of its cells (unweighted: the
        // areas differ by well under a percent within a module).
        const double meanY = s.Y / s.w;
        const double var = std::max(0.0, s.Y2 / s.n - meanY * meanY);
        relVar[i] = s.n > 1 ? var / (s.n - 1) / (meanY * meanY) : 0.0;
        wallSum += Y;
        wX += X;
        wY += Y;
        wZ += Z;
        ++used;
    }
    e.wall_mean_cdm2 = used ? wallSum / used : std::nan("");
    e.wall_xy = colour && used && wX + wY + wZ > 0
                    ? colorimetry::ChromaticityXY{wX / (wX + wY + wZ), wY / (wX + wY + wZ)}
                    : colorimetry::ChromaticityXY{std::nan(""), std::nan("")};
    // Chromaticity U (k = 2): the wall's own, and of a difference of two chromaticities in xy
    // and, through the Jacobian at the wall's xy, in u'v' (see the header).
    double uDxyK2 = 0.0, uDuvK2 = 0.0;
    if (colour && std::isfinite(e.wall_xy.x)) {
        const double x = e.wall_xy.x, y = e.wall_xy.y;
        const double d = -2.0 * x + 12.0 * y + 3.0, d2 = d * d;
        const double j11 = (4.0 * d + 8.0 * x) / d2, j12 = -48.0 * x / d2;
        const double j21 = 18.0 * y / d2, j22 = (9.0 * d - 108.0 * y) / d2;
        const double gain = std::sqrt((j11 * j11 + j12 * j12 + j21 * j21 + j22 * j22) / 2.0);
        e.wall_xy_u_k2 = 2.0 * uXy;
        uDxyK2 = 2.0 * std::sqrt(2.0) * uXy;
        uDuvK2 = uDxyK2 * gain;
    } else {
        e.wall_xy_u_k2 = std::nan("");
    }
    double wallRelVar = 0;
    for (double v : relVar) {
        wallRelVar += v;
    }
    wallRelVar /= std::max(1, used) * double(std::max(1, used));
    e.wall_mean_u_k2_cdm2 = e.wall_mean_cdm2 * std::sqrt(uRel * uRel + 4.0 * wallRelVar);
    for (std::size_t i = 0; i < e.modules.size(); ++i) {
        RegionStats& s = e.modules[i].stats;
        s.ratio_to_wall = s.mean_cdm2 / e.wall_mean_cdm2;
        s.dx = s.xy.x - e.wall_xy.x;
        s.dy = s.xy.y - e.wall_xy.y;
        e.modules[i].u_ratio_k2 = 2.0 * s.ratio_to_wall * std::sqrt(relVar[i] + wallRelVar);
    }

    // 2. Module rules.
    auto at = [&](int col, int row) -> ModuleVerdict& {
        return e.modules[static_cast<std::size_t>(row * W + col)];
    };
    double worstStep = 0, worstStepU = 0, worstDuv = 0;
    auto pair = [&](ModuleVerdict& m, ModuleVerdict& n) {
        const double la = m.stats.mean_cdm2, lb = n.stats.mean_cdm2;
        const double mean = 0.5 * (la + lb);
        const double step = 100.0 * std::abs(la - lb) / mean;
        const double stepLimit =
            mean <= lim.low_level_below_cdm2 ? lim.low_level_max_step_pct : lim.max_step_pct;
        const auto [ua, va] = uvOf(m.stats.xy);
        const auto [ub, vb] = uvOf(n.stats.xy);
        const double duv = std::hypot(ua - ub, va - vb);
        const double duvLimit =
            mean <= lim.duv_low_level_below_cdm2 ? lim.low_level_max_duv : lim.max_duv;
        const double s = std::isfinite(step) ? step : 1e9;
        if (s > worstStep) {
            worstStep = s;
            const auto i = static_cast<std::size_t>(&m - e.modules.data());
            const auto j = static_cast<std::size_t>(&n - e.modules.data());
            worstStepU = 200.0 * std::sqrt(relVar[i] + relVar[j]);
        }
        if (std::isfinite(duv)) {
            worstDuv = std::max(worstDuv, duv);
        }
        for (ModuleVerdict* v : {&m, &n}) {
            v->worst_step_pct = std::max(v->worst_step_pct, s);
            v->worst_duv = std::max(v->worst_duv, std::isfinite(duv) ? duv : 0.0);
            if (lim.luminance_rule == WallLimits::LuminanceRule::AdjacentModules &&
                !(step <= stepLimit)) {
                v->luminance_pass = false;
            }
            if (colour && lim.chromaticity_rule == WallLimits::ChromaticityRule::DuvAdjacent &&
                !(duv <= duvLimit)) {
                v->chromaticity_pass = false;
            }
        }
    };
    for (int r = 0; r < H; ++r) {
        for (int col = 0; col < W; ++col) {
            if (col + 1 < W) {
                pair(at(col, r), at(col + 1, r));
            }
            if (r + 1 < H) {
                pair(at(col, r), at(col, r + 1));
            }
        }
    }
    double worstRatio = 1.0, worstRatioU = 0, worstDxy = 0;
    const bool lumDeciding = !lim.luminance_provisional || e.provisional_binding;
    const bool chrDeciding = !lim.chromaticity_provisional || e.provisional_binding;
    for (ModuleVerdict& m : e.modules) {
        const double q = m.stats.ratio_to_wall;
        if (lim.luminance_rule == WallLimits::LuminanceRule::RatioToWallMean) {
            m.luminance_pass = q >= lim.min_ratio && q <= lim.max_ratio;
        }
        if (!std::isfinite(q) || std::abs(q - 1.0) > std::abs(worstRatio - 1.0)) {
            worstRatio = std::isfinite(q) ? q : std::nan("");
            worstRatioU = m.u_ratio_k2;
        }
        if (colour && lim.chromaticity_rule == WallLimits::ChromaticityRule::DxyToWall) {
            m.chromaticity_pass =
                std::abs(m.stats.dx) <= lim.max_abs_dxy && std::abs(m.stats.dy) <= lim.max_abs_dxy;
        }
        if (colour) {
            worstDxy = std::max({worstDxy, std::abs(m.stats.dx), std::abs(m.stats.dy)});
        }
        m.pass = m.luminance_pass && m.chromaticity_pass;
        m.stats.pass = m.pass;
        e.modules_failing += m.pass ? 0 : 1;
        // The module's marks follow the same rule as the figures: a draft limit that does not
        // decide says "info", never pass or fail.
        m.luminance_verdict = !lumDeciding ? "info" : m.luminance_pass ? "pass" : "fail";
        m.chromaticity_verdict = !colour               ? "not measured"
                                 : !chrDeciding        ? "info"
                                 : m.chromaticity_pass ? "pass"
                                                       : "fail";
        const bool failed =
            (lumDeciding && !m.luminance_pass) || (colour && chrDeciding && !m.chromaticity_pass);
        m.verdict = failed ? "fail" : lumDeciding && (!colour || chrDeciding) ? "pass" : "info";
    }
    int lumFail = 0, chrFail = 0;
    for (const ModuleVerdict& m : e.modules) {
        lumFail += m.luminance_pass ? 0 : 1;
        chrFail += m.chromaticity_pass ? 0 : 1;
    }

    // 3. Seam lines (area luminance), 4. dead and stuck (emitters), 5. adjacent-pixel rule.
    e.seam_lines = measureSeamLines(c.area_Y, L, lim.seam_threshold_pct);
    const SeamLine* worstSeam = nullptr;
    int seamsBeyond = 0;
    for (const SeamLine& s : e.seam_lines) {
        seamsBeyond += s.beyond ? 1 : 0;
        if (std::isfinite(s.depth_pct) &&
            (!worstSeam || std::abs(s.depth_pct) > std::abs(worstSeam->depth_pct))) {
            worstSeam = &s;
        }
    }
    e.defects = detectPixelDefects(defectY ? *defectY : c.emitter_Y, L, lim.defectOptions());
    for (const PixelDefect& d : e.defects) {
        (d.kind == DefectKind::Dead ? e.dead : e.stuck) += 1;
        ++at(d.module.col, d.module.row).defects;
    }
    double adjSigma = 0;
    // The rule is on each pixel's luminance: the area average of its cell (the emitter window
    // leaves out light that a sub-pixel shift moves across its edge).
    e.adjacent =
        adjacentPixelRule(c.area_Y, L, lim.adjacent_max_pct, e.worst_adjacent_pct, adjSigma);

    // 6. Figures and verdict.
    auto add = [&](WallFigure f) {
        f.deciding = f.has_limit && (!f.provisional || e.provisional_binding);
        if (f.has_limit && f.measured && !f.pass) {
            (f.deciding ? e.failed : e.informative_failed).push_back(f.id);
        }
        // Saturation only says whether the frame is valid: it does not make a judgement.
        if (f.deciding && f.measured && f.id != "saturated") {
            e.judged = true;
        }
        e.figures.push_back(std::move(f));
    };
    using Rule = WallFigureLimit::Rule;
    using Note = WallFigureNote::Kind;
    add({"wall_mean",
         e.wall_mean_cdm2,
         e.wall_mean_u_k2_cdm2,
         "cd/m²",
         {},
         false,
         std::isfinite(e.wall_mean_cdm2),
         true,
         WallFigureSource::AreaAverage,
         "",
         false,
         {}});
    const int nMod = static_cast<int>(e.modules.size());
    const WallFigureNote lumNote{Note::ModulesOutside, lumFail, nMod};
    if (lim.luminance_rule == WallLimits::LuminanceRule::RatioToWallMean) {
        add({"module_luminance", 100.0 * worstRatio, 100.0 * worstRatioU, "%",
             WallFigureLimit{Rule::RatioToWallMean, 100 * lim.min_ratio, 100 * lim.max_ratio}, true,
             true, lumFail == 0, WallFigureSource::Limits, lim.luminance_source,
             lim.luminance_provisional, lumNote});
    } else {
        add({"module_luminance", worstStep, worstStepU, "%",
             WallFigureLimit{Rule::AdjacentStep, 0.0, lim.max_step_pct, lim.low_level_max_step_pct,
                             lim.low_level_below_cdm2},
             true, true, lumFail == 0, WallFigureSource::Limits, lim.luminance_source,
             lim.luminance_provisional, lumNote});
    }
    const WallFigureNote chrNote = colour ? WallFigureNote{Note::ModulesOutside, chrFail, nMod}
                                          : WallFigureNote{Note::Monochrome};
    if (lim.chromaticity_rule == WallLimits::ChromaticityRule::DxyToWall) {
        add({"module_chromaticity", worstDxy, uDxyK2, "",
             WallFigureLimit{Rule::DxyToWall, 0.0, lim.max_abs_dxy}, true, colour, chrFail == 0,
             WallFigureSource::Limits, lim.chromaticity_source, lim.chromaticity_provisional,
             chrNote});
    } else {
        add({"module_chromaticity", worstDuv, uDuvK2, "",
             WallFigureLimit{Rule::DuvAdjacent, 0.0, lim.max_duv, lim.low_level_max_duv,
                             lim.duv_low_level_below_cdm2},
             true, colour, chrFail == 0, WallFigureSource::Limits, lim.chromaticity_source,
             lim.chromaticity_provisional, chrNote});
    }
    WallFigureNote seamNote{Note::SeamsBeyond, seamsBeyond, static_cast<int>(e.seam_lines.size()),
                            lim.seam_threshold_pct};
    if (worstSeam) {
        seamNote.has_worst = true;
        seamNote.worst_orientation = worstSeam->orientation;
        seamNote.worst_line_px = worstSeam->line_px;
        seamNote.worst_dark = worstSeam->depth_pct < 0;
    }
    add({"seams", worstSeam ? worstSeam->depth_pct : 0.0, worstSeam ? worstSeam->u_k2_pct : 0.0,
         "%", WallFigureLimit{Rule::SeamDepth, 0.0, lim.seam_threshold_pct}, lim.seam_is_limit,
         true, seamsBeyond == 0, WallFigureSource::Limits, lim.seam_source, lim.seam_provisional,
         seamNote});
    WallFigureLimit deadLimit{Rule::DeadBelow};
    deadLimit.ratio = lim.dead_below_ratio;
    deadLimit.max_count = lim.max_dead;
    add({"dead_pixels",
         double(e.dead),
         0.0,
         "LEDs",
         deadLimit,
         lim.max_dead.has_value(),
         true,
         !lim.max_dead || e.dead <= *lim.max_dead,
         WallFigureSource::Limits,
         lim.dead_source,
         lim.dead_provisional,
         {}});
    WallFigureLimit stuckLimit{Rule::StuckAbove};
    stuckLimit.ratio = lim.stuck_above_ratio;
    stuckLimit.max_count = lim.max_stuck;
    add({"stuck_pixels",
         double(e.stuck),
         0.0,
         "LEDs",
         stuckLimit,
         lim.max_stuck.has_value(),
         true,
         !lim.max_stuck || e.stuck <= *lim.max_stuck,
         WallFigureSource::Limits,
         lim.stuck_source,
         lim.stuck_provisional,
         {}});
    add({"adjacent_pixels", e.worst_adjacent_pct, 2.0 * adjSigma, "%",
         WallFigureLimit{Rule::AdjacentPixel, 0.0, lim.adjacent_max_pct}, lim.adjacent_is_limit,
         true, e.adjacent.empty(), WallFigureSource::Limits, lim.adjacent_source,
         lim.adjacent_provisional,
         WallFigureNote{Note::LedsBeyond, static_cast<int>(e.adjacent.size())}});
    add({"saturated", double(e.saturated_cells), 0.0, "cells", WallFigureLimit{Rule::NoSaturation},
         true, true, e.saturated_cells == 0, WallFigureSource::MeasurementValidity, "", false,
         e.saturated_cells ? WallFigureNote{Note::RetakeShorter} : WallFigureNote{}});
    e.verdict = !e.failed.empty() ? "fail" : e.judged ? "pass" : "not judged";
    e.pass = e.verdict == "pass";
    return e;
}

}  // namespace cm::imaging

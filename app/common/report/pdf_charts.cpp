// SPDX-License-Identifier: Apache-2.0
// Chart drawing for the certification PDF; the data come from app/common/present/chart_data.
#include "app/common/report/pdf_charts.h"

#include "app/common/present/translations.h"
#include "libmeasure/colorimetry/rgb_colourspace.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cm::app::pdf {

namespace {

using present::Lang;
using present::tr;

/// A plot frame mapping data to the page, linear in x and linear or log10 in y.
struct Frame {
    Area a;
    double x0, x1, y0, y1;
    bool logy = false;
    double X(double v) const { return a.x + (v - x0) / (x1 - x0) * a.w; }
    double Y(double v) const {
        if (logy) {
            return a.y + a.h -
                   (std::log10(v) - std::log10(y0)) / (std::log10(y1) - std::log10(y0)) * a.h;
        }
        return a.y + a.h - (v - y0) / (y1 - y0) * a.h;
    }
};

/// A "nice" tick step (1, 2 or 5 × 10^k) giving about `n` ticks over `span`.
double niceStep(double span, int n) {
    const double raw = span / n;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= m * p) {
            return m * p;
        }
    }
    return 10 * p;
}

int decimalsForStep(double step) {
    return std::max(0, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
}

void stroke(cairo_t* cr, Rgb c, double w) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_set_line_width(cr, w);
    cairo_stroke(cr);
}

/// Frame, grid, ticks and tick labels, axis titles; clips nothing.
void axes(cairo_t* cr, TextLayout& t, const Frame& f, const std::string& xTitle,
          const std::string& yTitle, int nx = 5, int ny = 5) {
    cairo_rectangle(cr, f.a.x, f.a.y, f.a.w, f.a.h);
    cairo_set_source_rgb(cr, 0.985, 0.985, 0.985);
    cairo_fill(cr);
    const double sx = niceStep(f.x1 - f.x0, nx);
    const int dx = decimalsForStep(sx);
    for (double v = std::ceil(f.x0 / sx - 1e-9) * sx; v <= f.x1 + 1e-12; v += sx) {
        cairo_move_to(cr, f.X(v), f.a.y);
        cairo_line_to(cr, f.X(v), f.a.y + f.a.h);
        t.set(present::formatFixed(v, dx), 6);
        t.draw(f.X(v) - t.width() / 2, f.a.y + f.a.h + 2, kGrey);
    }
    if (f.logy) {
        for (double d = std::floor(std::log10(f.y0)); d <= std::ceil(std::log10(f.y1)); d += 1) {
            const double v = std::pow(10.0, d);
            if (v < f.y0 * 0.999 || v > f.y1 * 1.001) {
                continue;
            }
            cairo_move_to(cr, f.a.x, f.Y(v));
            cairo_line_to(cr, f.a.x + f.a.w, f.Y(v));
            t.set(present::formatFixed(v, std::max(0, static_cast<int>(-d))), 6);
            t.draw(f.a.x - t.width() - 3, f.Y(v) - t.height() / 2, kGrey);
        }
    } else {
        const double sy = niceStep(f.y1 - f.y0, ny);
        const int dy = decimalsForStep(sy);
        for (double v = std::ceil(f.y0 / sy - 1e-9) * sy; v <= f.y1 + 1e-12; v += sy) {
            cairo_move_to(cr, f.a.x, f.Y(v));
            cairo_line_to(cr, f.a.x + f.a.w, f.Y(v));
            t.set(present::formatFixed(v, dy), 6);
            t.draw(f.a.x - t.width() - 3, f.Y(v) - t.height() / 2, kGrey);
        }
    }
    stroke(cr, {0.88, 0.88, 0.88}, 0.3);
    cairo_rectangle(cr, f.a.x, f.a.y, f.a.w, f.a.h);
    stroke(cr, {0.45, 0.45, 0.45}, 0.6);
    t.set(xTitle, 7);
    t.draw(f.a.x + f.a.w / 2 - t.width() / 2, f.a.y + f.a.h + 11, kBlack);
    cairo_save(cr);
    t.set(yTitle, 7);
    cairo_translate(cr, f.a.x - 36, f.a.y + f.a.h / 2 + t.width() / 2);
    cairo_rotate(cr, -M_PI / 2);
    t.draw(0, 0, kBlack);
    cairo_restore(cr);
}

colorimetry::ChromaticityXY toSpace(colorimetry::ChromaticityXY xy, bool uv) {
    if (!uv) {
        return xy;
    }
    const auto p = colorimetry::toUV(xy);
    return {p.u_prime, p.v_prime};
}

Rgb stimulusColour(const std::string& s) {
    if (s == "red") {
        return {0.8, 0.1, 0.1};
    }
    if (s == "green") {
        return {0.1, 0.6, 0.15};
    }
    if (s == "blue") {
        return {0.15, 0.2, 0.85};
    }
    return {0.1, 0.1, 0.1};
}

void dot(cairo_t* cr, double x, double y, double r, Rgb c, bool filled) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x, y, r, 0, 2 * M_PI);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    if (filled) {
        cairo_fill(cr);
    } else {
        cairo_set_line_width(cr, 0.7);
        cairo_stroke(cr);
    }
}

/// The box of a target in the plotted space: xy boxes are rectangles; in u′v′ their corners map
/// to a quadrilateral.
void targetBox(cairo_t* cr, const Frame& f, const present::ChromaTarget& t, bool uvSpace) {
    const bool conv = uvSpace && !t.uv;  // xy box drawn in u′v′
    const colorimetry::ChromaticityXY c[4] = {
        {t.xlo, t.ylo}, {t.xhi, t.ylo}, {t.xhi, t.yhi}, {t.xlo, t.yhi}};
    for (int i = 0; i < 4; ++i) {
        const auto p = conv ? toSpace(c[i], true) : c[i];
        if (i == 0) {
            cairo_move_to(cr, f.X(p.x), f.Y(p.y));
        } else {
            cairo_line_to(cr, f.X(p.x), f.Y(p.y));
        }
    }
    cairo_close_path(cr);
}

}  // namespace

void drawGamutDiagram(cairo_t* cr, TextLayout& t, Area a, const report::CertificationReport& r,
                      bool uv, Lang lang) {
    const Area plot{a.x + 34, a.y, a.w - 38, a.h - 24};
    const Frame f{plot, 0.0, uv ? 0.65 : 0.8, 0.0, uv ? 0.65 : 0.9};
    axes(cr, t, f, uv ? "u′" : "x", uv ? "v′" : "y");
    cairo_save(cr);
    cairo_rectangle(cr, plot.x, plot.y, plot.w, plot.h);
    cairo_clip(cr);
    const auto& locus = present::spectralLocusXY();
    for (std::size_t i = 0; i < locus.size(); ++i) {
        const auto p = toSpace(locus[i], uv);
        if (i == 0) {
            cairo_move_to(cr, f.X(p.x), f.Y(p.y));
        } else {
            cairo_line_to(cr, f.X(p.x), f.Y(p.y));
        }
    }
    if (!locus.empty()) {
        cairo_close_path(cr);  // the purple line
        stroke(cr, {0.2, 0.2, 0.2}, 0.8);
    }
    const auto p3 = colorimetry::dciP3();
    const colorimetry::ChromaticityXY prim[3] = {p3.red, p3.green, p3.blue};
    for (int i = 0; i < 3; ++i) {
        const auto p = toSpace(prim[i], uv);
        i == 0 ? cairo_move_to(cr, f.X(p.x), f.Y(p.y)) : cairo_line_to(cr, f.X(p.x), f.Y(p.y));
    }
    cairo_close_path(cr);
    const double dash[] = {2.0, 2.0};
    cairo_set_dash(cr, dash, 2, 0);
    stroke(cr, {0.5, 0.5, 0.5}, 0.5);
    cairo_set_dash(cr, nullptr, 0, 0);
    const auto targets = present::chromaticityTargets(r);
    // Primaries: target triangle and measured triangle, when all three are in the profile.
    std::vector<const present::ChromaTarget*> primaries;
    for (const char* s : {"red", "green", "blue"}) {
        for (const auto& tg : targets) {
            if (tg.stimulus == s && !tg.uv) {
                primaries.push_back(&tg);
                break;
            }
        }
    }
    if (primaries.size() == 3) {
        for (int pass = 0; pass < 2; ++pass) {
            for (int i = 0; i < 3; ++i) {
                const auto& tg = *primaries[static_cast<std::size_t>(i)];
                const auto p = toSpace(pass == 0 ? colorimetry::ChromaticityXY{tg.x, tg.y}
                                                 : colorimetry::ChromaticityXY{tg.mx, tg.my},
                                       uv);
                i == 0 ? cairo_move_to(cr, f.X(p.x), f.Y(p.y))
                       : cairo_line_to(cr, f.X(p.x), f.Y(p.y));
            }
            cairo_close_path(cr);
            stroke(cr, pass == 0 ? Rgb{0.05, 0.5, 0.15} : Rgb{0.75, 0.05, 0.05}, 0.8);
        }
    }
    for (const auto& tg : targets) {
        if (tg.uv != uv && tg.uv) {
            continue;  // u′v′ targets only on the u′v′ diagram
        }
        targetBox(cr, f, tg, uv);
        stroke(cr, {0.05, 0.5, 0.15}, 0.6);
        const auto m = toSpace({tg.mx, tg.my}, uv && !tg.uv);
        if (std::isfinite(m.x) && std::isfinite(m.y)) {
            dot(cr, f.X(m.x), f.Y(m.y), 1.8, stimulusColour(tg.stimulus), true);
        }
    }
    cairo_restore(cr);
    // Says what is drawn: each measured point is a dot in its stimulus's colour (white in
    // black), and only the measured primaries are joined, in red.
    t.set(uv ? "CIE 1976 u′v′: " +
                   tr("target (green), measured (dots; the primaries joined in red)", lang)
             : "CIE 1931 xy: " +
                   tr("DCI-P3 (dashed), target (green), measured (dots; the primaries joined in "
                      "red)",
                      lang),
          7, false, a.w - 30);
    t.draw(plot.x, plot.y + plot.h + 23, kBlack);
}

void drawTargetPanel(cairo_t* cr, TextLayout& t, Area a, const report::CertificationReport& r,
                     const present::ChromaTarget& tg, Lang lang) {
    const double hx = std::max({tg.xhi - tg.xlo, tg.yhi - tg.ylo, 0.004}) * 0.85;
    const Area plot{a.x + 36, a.y, a.w - 38, a.h - 30};
    const Frame f{plot, tg.x - hx, tg.x + hx, tg.y - hx, tg.y + hx};
    axes(cr, t, f, tg.uv ? "u′" : "x", tg.uv ? "v′" : "y", 4, 4);
    cairo_save(cr);
    cairo_rectangle(cr, plot.x, plot.y, plot.w, plot.h);
    cairo_clip(cr);
    targetBox(cr, f, tg, false);
    cairo_set_source_rgba(cr, 0.05, 0.5, 0.15, 0.12);
    cairo_fill_preserve(cr);
    stroke(cr, {0.05, 0.5, 0.15}, 0.8);
    cairo_move_to(cr, f.X(tg.x) - 3, f.Y(tg.y));
    cairo_line_to(cr, f.X(tg.x) + 3, f.Y(tg.y));
    cairo_move_to(cr, f.X(tg.x), f.Y(tg.y) - 3);
    cairo_line_to(cr, f.X(tg.x), f.Y(tg.y) + 3);
    stroke(cr, {0.05, 0.5, 0.15}, 0.6);
    const Rgb c = stimulusColour(tg.stimulus);
    for (const auto& rr : r.readings) {
        if (rr.step_id != tg.step) {
            continue;
        }
        colorimetry::ChromaticityXY p = colorimetry::toXY(rr.reading.xyz_cdm2);
        if (tg.uv) {
            p = toSpace(p, true);
        }
        if (std::isfinite(p.x) && std::isfinite(p.y)) {
            dot(cr, f.X(p.x), f.Y(p.y), rr.point_id == tg.point ? 2.2 : 1.8, c,
                rr.point_id == tg.point);
        }
    }
    cairo_restore(cr);
    t.set(tg.step + " @ " + tg.point + " — " + present::verdictWord(tg.verdict, false, lang), 7,
          false, a.w - 30);
    t.draw(plot.x, plot.y + plot.h + 23, kBlack);
}

double drawLuminanceMap(cairo_t* cr, TextLayout& t, Area a, const report::CertificationReport& r,
                        const std::string& step, Lang lang) {
    const auto pts = present::pointMeans(r, step);
    const double W = r.site.screen_width_m;
    const double H = r.site.screen_height_m;
    if (pts.empty() || !(W > 0) || !(H > 0)) {
        return 0;
    }
    double lo = 1e300, hi = 0;
    for (const auto& p : pts) {
        lo = std::min(lo, p.luminance_cdm2);
        hi = std::max(hi, p.luminance_cdm2);
    }
    const double legend = 60;
    const double scale = std::min((a.w - legend - 30) / W, (a.h - 40) / H);
    const Area s{a.x + 30, a.y, W * scale, H * scale};
    auto ramp = [](double v) -> Rgb {
        v = std::clamp(v, 0.0, 1.0);
        const Rgb stops[] = {{0.05, 0.05, 0.45},
                             {0.0, 0.6, 0.9},
                             {0.1, 0.75, 0.2},
                             {0.95, 0.85, 0.1},
                             {0.85, 0.1, 0.05}};
        const double fpos = v * 4.0;
        const int i = std::min(3, static_cast<int>(fpos));
        const double u = fpos - i;
        return {stops[i].r + u * (stops[i + 1].r - stops[i].r),
                stops[i].g + u * (stops[i + 1].g - stops[i].g),
                stops[i].b + u * (stops[i + 1].b - stops[i].b)};
    };
    const int nx = 48;
    const int ny = std::max(6, static_cast<int>(nx * H / W));
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            const double sx = -W / 2 + (i + 0.5) * W / nx;
            const double sy = H / 2 - (j + 0.5) * H / ny;
            double num = 0, den = 0;
            for (const auto& p : pts) {
                const double d2 = (sx - p.x_m) * (sx - p.x_m) + (sy - p.y_m) * (sy - p.y_m) + 1e-6;
                num += p.luminance_cdm2 / d2;
                den += 1.0 / d2;
            }
            const Rgb c = ramp(hi > lo ? (num / den - lo) / (hi - lo) : 0.5);
            cairo_rectangle(cr, s.x + i * s.w / nx, s.y + j * s.h / ny, s.w / nx + 0.3,
                            s.h / ny + 0.3);
            cairo_set_source_rgb(cr, c.r, c.g, c.b);
            cairo_fill(cr);
        }
    }
    // Axes in metres from the screen centre.
    const Frame f{s, -W / 2, W / 2, -H / 2, H / 2};
    cairo_rectangle(cr, s.x, s.y, s.w, s.h);
    stroke(cr, {0.3, 0.3, 0.3}, 0.6);
    const double st = niceStep(W, 6);
    for (double v = std::ceil(-W / 2 / st) * st; v <= W / 2 + 1e-9; v += st) {
        t.set(present::formatFixed(v, decimalsForStep(st)), 6);
        t.draw(f.X(v) - t.width() / 2, s.y + s.h + 2, kGrey);
    }
    const double sty = niceStep(H, 4);
    for (double v = std::ceil(-H / 2 / sty) * sty; v <= H / 2 + 1e-9; v += sty) {
        t.set(present::formatFixed(v, decimalsForStep(sty)), 6);
        t.draw(s.x - t.width() - 3, f.Y(v) - t.height() / 2, kGrey);
    }
    // Point labels, skipped where they would cover one already placed.
    std::vector<Area> placed;
    const int d = present::decimalsFor(hi, 0.0, {}, "cd/m2");
    for (const auto& p : pts) {
        const double px = f.X(p.x_m);
        const double py = f.Y(p.y_m);
        cairo_new_path(cr);
        dot(cr, px, py, 1.8, {1, 1, 1}, true);
        t.set(p.point + " " + present::formatFixed(p.luminance_cdm2, d), 6);
        Area box{px + 3, py - t.height() - 1, t.width(), t.height()};
        if (box.x + box.w > s.x + s.w) {
            box.x = px - 3 - box.w;
        }
        if (box.y < s.y) {
            box.y = py + 1;
        }
        const bool clash = std::any_of(placed.begin(), placed.end(), [&](const Area& o) {
            return box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h &&
                   o.y < box.y + box.h;
        });
        if (!clash) {
            t.draw(box.x, box.y, {1, 1, 1});
            placed.push_back(box);
        }
    }
    // Colour scale.
    const Area leg{s.x + s.w + 14, s.y, 10, s.h};
    for (int k = 0; k < 50; ++k) {
        const Rgb c = ramp(1.0 - k / 49.0);
        cairo_rectangle(cr, leg.x, leg.y + k * leg.h / 50, leg.w, leg.h / 50 + 0.3);
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
        cairo_fill(cr);
    }
    t.set(present::formatFixed(hi, d), 6);
    t.draw(leg.x + leg.w + 3, leg.y, kGrey);
    t.set(present::formatFixed(lo, d), 6);
    t.draw(leg.x + leg.w + 3, leg.y + leg.h - t.height(), kGrey);
    const double h =
        t.set(tr("Luminance over the screen", lang) + ", step '" + step + "' (cd/m², " +
                  std::to_string(pts.size()) + " points; m from centre)",
              7, false, a.w);
    t.draw(a.x, s.y + s.h + 12, kBlack);
    return s.h + 14 + h;
}

void drawRampChart(cairo_t* cr, TextLayout& t, Area a, const present::RampChart& c, Lang lang) {
    const bool eotf = c.transfer != "gamma-fit";
    double lo = 1e300, hi = -1e300, cmax = 0;
    for (const auto& l : c.levels) {
        // An EOTF is judged as % error per level; a gamma fit as luminance on a log axis.
        const double vals[] = {eotf ? l.error_pct : l.measured_cdm2,
                               eotf ? l.lo_pct : l.target_cdm2, eotf ? l.hi_pct : l.lo_cdm2,
                               eotf ? 0.0 : l.hi_cdm2};
        for (double v : vals) {
            if (std::isfinite(v) && (eotf || v > 0)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        cmax = std::max(cmax, static_cast<double>(l.code_y));
    }
    if (!(hi > lo) || !(cmax > 0)) {
        return;
    }
    const Area plot{a.x + 44, a.y, a.w - 54, a.h - 34};
    Frame f{plot, 0.0, cmax * 1.05, 0, 0, !eotf};
    if (eotf) {
        const double m = std::max(std::abs(lo), std::abs(hi)) * 1.15;
        f.y0 = -m;
        f.y1 = m;
    } else {
        f.y0 = std::pow(10.0, std::floor(std::log10(lo)));
        f.y1 = std::pow(10.0, std::ceil(std::log10(hi)));
    }
    axes(cr, t, f, "Y′ code (12-bit)", eotf ? "error (%)" : "L (cd/m²)");
    cairo_save(cr);
    cairo_rectangle(cr, plot.x, plot.y, plot.w, plot.h);
    cairo_clip(cr);
    auto yHi = [&](const present::RampLevel& l) { return eotf ? l.hi_pct : l.hi_cdm2; };
    auto yLo = [&](const present::RampLevel& l) { return eotf ? l.lo_pct : l.lo_cdm2; };
    auto yTarget = [&](const present::RampLevel& l) { return eotf ? 0.0 : l.target_cdm2; };
    auto yMeasured = [&](const present::RampLevel& l) {
        return eotf ? l.error_pct : l.measured_cdm2;
    };
    auto ok = [&](double v) { return std::isfinite(v) && (eotf || v > 0); };
    // Tolerance band (each level's own band), target, measured points.
    bool first = true;
    for (const auto& l : c.levels) {
        if (ok(yHi(l))) {
            first ? cairo_move_to(cr, f.X(l.code_y), f.Y(yHi(l)))
                  : cairo_line_to(cr, f.X(l.code_y), f.Y(yHi(l)));
            first = false;
        }
    }
    for (auto it = c.levels.rbegin(); it != c.levels.rend(); ++it) {
        if (ok(yLo(*it))) {
            cairo_line_to(cr, f.X(it->code_y), f.Y(yLo(*it)));
        }
    }
    if (!first) {
        cairo_close_path(cr);
        cairo_set_source_rgba(cr, 0.05, 0.5, 0.15, 0.18);
        cairo_fill(cr);
    }
    first = true;
    for (const auto& l : c.levels) {
        if (ok(yTarget(l))) {
            first ? cairo_move_to(cr, f.X(l.code_y), f.Y(yTarget(l)))
                  : cairo_line_to(cr, f.X(l.code_y), f.Y(yTarget(l)));
            first = false;
        }
    }
    stroke(cr, {0.05, 0.5, 0.15}, 0.9);
    for (const auto& l : c.levels) {
        if (ok(yMeasured(l))) {
            const bool inside =
                !(ok(yLo(l)) && ok(yHi(l))) || (yMeasured(l) >= yLo(l) && yMeasured(l) <= yHi(l));
            dot(cr, f.X(l.code_y), f.Y(yMeasured(l)), 2.2, inside ? Rgb{0.1, 0.1, 0.1} : kFail,
                true);
        }
    }
    cairo_restore(cr);
    const std::string what = c.transfer == "pq"              ? "SMPTE ST 2084 (PQ)"
                             : c.transfer == "dci-gamma-2.6" ? "DCI gamma 2.6"
                                                             : "";
    t.set(eotf ? tr("Gamma / EOTF", lang) + ": " + tr("measured", lang) +
                     " error per level (dots) against " + what + ", " + tr("tolerance", lang) +
                     " of each level (band)"
               : tr("Gamma / EOTF", lang) + ": " + tr("measured", lang) +
                     " luminance (dots), the fitted " + tr("target", lang) +
                     " exponent through the peak (line) and its " + tr("tolerance", lang) +
                     " (band) — " + c.label,
          7, false, a.w - 40);
    t.draw(plot.x, plot.y + plot.h + 24, kBlack);
}

double drawRatioBars(cairo_t* cr, TextLayout& t, Area a, const std::vector<present::Bar>& bars,
                     Lang lang) {
    double hi = 10;
    for (const auto& b : bars) {
        for (double v : {b.value + (std::isfinite(b.U) ? b.U : 0.0), b.limit}) {
            if (std::isfinite(v)) {
                hi = std::max(hi, v);
            }
        }
    }
    const double labelW = 190;
    const double x0 = a.x + labelW;
    const double w = a.w - labelW - 10;
    const double top = std::pow(10.0, std::ceil(std::log10(hi)));
    auto X = [&](double v) { return x0 + std::log10(std::max(v, 1.0)) / std::log10(top) * w; };
    t.set(tr("Contrast", lang) + " (log scale, :1); | = limit", 8, true);
    t.draw(a.x, a.y, kBlack);
    double y = a.y + 16;
    for (const auto& b : bars) {
        const double h = t.set(present::translateLabel(b.label) == b.label || lang == Lang::En
                                   ? b.label
                                   : present::translateLabel(b.label),
                               7, false, labelW - 8);
        t.draw(a.x, y, kBlack);
        const Rgb c = b.informative                            ? kGrey
                      : b.verdict == evaluation::Verdict::Fail ? kFail
                                                               : kPass;
        if (std::isfinite(b.value)) {
            cairo_rectangle(cr, x0, y + 1, X(b.value) - x0, 9);
            cairo_set_source_rgb(cr, c.r, c.g, c.b);
            cairo_fill(cr);
        }
        if (std::isfinite(b.limit)) {
            cairo_move_to(cr, X(b.limit), y - 2);
            cairo_line_to(cr, X(b.limit), y + 13);
            stroke(cr, {0, 0, 0}, 1.2);
        }
        y += std::max(h, 14.0) + 8;
    }
    for (double v = 1; v <= top * 1.001; v *= 10) {
        t.set(present::formatFixed(v, 0), 6);
        t.draw(X(v) - t.width() / 2, y, kGrey);
    }
    return y + 12 - a.y;
}

void drawSpectraChart(cairo_t* cr, TextLayout& t, Area a,
                      const std::vector<present::SpectrumSeries>& spectra, Lang lang) {
    double hi = 0.0;
    double w0 = 1e300, w1 = -1e300;
    for (const auto& s : spectra) {
        for (double v : s.radiance) {
            hi = std::max(hi, v);
        }
        w0 = std::min(w0, s.start_nm);
        w1 = std::max(w1, s.start_nm + s.step_nm * static_cast<double>(s.radiance.size() - 1));
    }
    if (!(hi > 0.0) || !(w1 > w0)) {
        return;
    }
    const Area plot{a.x + 52, a.y, a.w - 62, a.h - 34 - 11.0 * static_cast<double>(spectra.size())};
    const Frame f{plot, w0, w1, 0.0, hi * 1.08, false};
    axes(cr, t, f, "λ (nm)", "L_e,λ (W·sr⁻¹·m⁻²·nm⁻¹)");
    auto colour = [](const std::string& stimulus) -> Rgb {
        if (stimulus == "red") {
            return {0.8, 0.1, 0.1};
        }
        if (stimulus == "green") {
            return {0.1, 0.6, 0.15};
        }
        if (stimulus == "blue") {
            return {0.1, 0.2, 0.85};
        }
        return {0.15, 0.15, 0.15};
    };
    cairo_save(cr);
    cairo_rectangle(cr, plot.x, plot.y, plot.w, plot.h);
    cairo_clip(cr);
    for (const auto& s : spectra) {
        for (std::size_t i = 0; i < s.radiance.size(); ++i) {
            const double x = f.X(s.start_nm + s.step_nm * static_cast<double>(i));
            i == 0 ? cairo_move_to(cr, x, f.Y(s.radiance[i]))
                   : cairo_line_to(cr, x, f.Y(s.radiance[i]));
        }
        stroke(cr, colour(s.stimulus), s.stimulus == "white" ? 1.1 : 0.8);
    }
    cairo_restore(cr);
    // One legend line per curve: what it is, where it peaks, and the instrument's XYZ against it.
    double y = plot.y + plot.h + 24;
    for (const auto& s : spectra) {
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "%s (%s @ %s): peak %.0f nm; XYZ from spectrum vs instrument: ΔY %+.2f %%, "
                      "Δu′v′ %.4f",
                      s.stimulus.c_str(), s.step.c_str(), s.point.c_str(), s.peak_nm, s.delta_Y_pct,
                      s.delta_uv);
        t.set(buf, 7, false, a.w - 40);
        t.draw(plot.x, y, colour(s.stimulus));
        y += 11;
    }
    t.set(tr("Spectra", lang) + ": " + tr("measured", lang) +
              " spectral radiance of the white and the primaries (CIE 1931 2° for the check)",
          7, false, a.w - 40);
    t.draw(plot.x, y, kBlack);
}

}  // namespace cm::app::pdf

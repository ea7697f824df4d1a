// PDF rendering of the report model: header, verdict, figures with limits, readings, footer.
#include "app/common/report/report_pdf.h"

#include "app/common/cie_data.h"
#include "libmeasure/colorimetry/rgb_colourspace.h"

#include "app/common/report/pdf_style.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace cm::app {

namespace {

using pdf::kBlack;
using pdf::kFail;
using pdf::kGrey;
using pdf::kLine;
using pdf::kMargin;
using pdf::kPageH;
using pdf::kPageW;
using pdf::kPass;
using pdf::Rgb;
constexpr Rgb kNone{0.55, 0.45, 0.0};

Rgb verdictColour(evaluation::Verdict v) {
    switch (v) {
        case evaluation::Verdict::Pass:
            return kPass;
        case evaluation::Verdict::Fail:
            return kFail;
        case evaluation::Verdict::ConditionalPass:
        case evaluation::Verdict::ConditionalFail:
            return {0.85, 0.45, 0.0};
        default:
            return kNone;
    }
}

std::string fmt(double v, int prec) {
    if (!std::isfinite(v)) {
        return "—";
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", prec, v);
    return buf;
}

int precisionFor(const std::string& unit) {
    if (unit == "xy" || unit == "u'v'") {
        return 4;
    }
    if (unit == "ratio") {
        return 0;
    }
    return unit == "%" ? 1 : 2;
}

class PdfPages {
public:
    PdfPages(cairo_t* cr, const report::CertificationReport& r) : cr_(cr), report_(r) {}

    /// Draws text at x on the current line, shortened with "…" so it never crosses the right
    /// margin.
    void text(double x, const std::string& s, double size = 9.0, bool bold = false,
              Rgb c = kBlack) {
        cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
        cairo_set_source_rgb(cr_, c.r, c.g, c.b);
        const double room = kPageW - kMargin - x;
        std::string shown = s;
        cairo_text_extents_t ext;
        cairo_text_extents(cr_, shown.c_str(), &ext);
        if (ext.x_advance > room) {
            do {
                // Drop one UTF-8 character at a time.
                while (!shown.empty() &&
                       (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) {
                    shown.pop_back();
                }
                if (!shown.empty()) {
                    shown.pop_back();
                }
                cairo_text_extents(cr_, (shown + "…").c_str(), &ext);
            } while (!shown.empty() && ext.x_advance > room);
            shown += "…";
        }
        cairo_move_to(cr_, x, y_);
        cairo_show_text(cr_, shown.c_str());
    }
    void newline(double k = 1.0) {
        y_ += kLine * k;
        if (y_ > kPageH - kMargin - 2 * kLine) {
            nextPage();
        }
    }
    void need(double lines) {
        if (y_ + lines * kLine > kPageH - kMargin - 2 * kLine) {
            nextPage();
        }
    }
    void rule() {
        cairo_set_source_rgb(cr_, 0.7, 0.7, 0.7);
        cairo_set_line_width(cr_, 0.5);
        cairo_move_to(cr_, kMargin, y_ - 9);
        cairo_line_to(cr_, kPageW - kMargin, y_ - 9);
        cairo_stroke(cr_);
    }
    void box(double x, double w, double h, Rgb c) {
        cairo_set_source_rgb(cr_, c.r, c.g, c.b);
        cairo_rectangle(cr_, x, y_ - h + 4, w, h);
        cairo_fill(cr_);
    }
    void footer() {
        const double keep = y_;
        y_ = kPageH - kMargin + 10;
        text(kMargin,
             "cinemeasure " + report_.run.software_version + " (git " + report_.run.git_revision +
                 ") · " + report_.profile.id + " · page " + std::to_string(page_),
             7.5, false, kGrey);
        y_ = keep;
    }
    void nextPage() {
        footer();
        cairo_show_page(cr_);
        ++page_;
        y_ = kMargin + 10;
    }
    void finish() {
        footer();
        cairo_show_page(cr_);
    }
    double y() const { return y_; }
    void advance(double pts) { y_ += pts; }
    cairo_t* cr() const { return cr_; }

private:
    cairo_t* cr_;
    const report::CertificationReport& report_;
    double y_ = kMargin + 10;
    int page_ = 1;
};

/// Colour ramp for the heat map: dark blue → cyan → green → yellow → red over t ∈ [0, 1].
Rgb ramp(double t) {
    t = std::clamp(t, 0.0, 1.0);
    const Rgb stops[] = {{0.05, 0.05, 0.45},
                         {0.0, 0.6, 0.9},
                         {0.1, 0.75, 0.2},
                         {0.95, 0.85, 0.1},
                         {0.85, 0.1, 0.05}};
    const double f = t * 4.0;
    const int i = std::min(3, static_cast<int>(f));
    const double u = f - i;
    return {stops[i].r + u * (stops[i + 1].r - stops[i].r),
            stops[i].g + u * (stops[i + 1].g - stops[i].g),
            stops[i].b + u * (stops[i + 1].b - stops[i].b)};
}

void label(cairo_t* cr, double x, double y, const std::string& s, double size, Rgb c = kGrey) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

/// The white step's readings: the step whose figures carry the white chromaticity limits.
struct WhiteTarget {
    std::string step;
    std::string point;
    double x = NAN, y = NAN, dx = NAN, dy = NAN;
};

WhiteTarget whiteTarget(const report::CertificationReport& r) {
    WhiteTarget w;
    for (const auto& f : r.evaluation.figures) {
        const auto& t = f.spec.tolerance;
        if (!t.target || !t.upper) {
            continue;
        }
        if (f.spec.metric == "chromaticity_x") {
            w.step = f.spec.step;
            w.point = f.spec.point;
            w.x = *t.target;
            w.dx = *t.upper - *t.target;
        } else if (f.spec.metric == "chromaticity_y") {
            w.y = *t.target;
            w.dy = *t.upper - *t.target;
        }
    }
    return w;
}

/// CIE 1931 xy diagram: spectral locus from the shipped CMFs, DCI-P3 gamut, target, readings.
void chromaticityDiagram(cairo_t* cr, double x0, double y0, double size,
                         const report::CertificationReport& r, bool zoom) {
    const WhiteTarget w = whiteTarget(r);
    double xmin = 0.0, xmax = 0.8, ymin = 0.0, ymax = 0.9;
    if (zoom) {
        if (!std::isfinite(w.x) || !std::isfinite(w.y)) {
            return;
        }
        const double half = std::max({w.dx, w.dy, 0.004}) * 2.5;
        xmin = w.x - half;
        xmax = w.x + half;
        ymin = w.y - half;
        ymax = w.y + half;
    }
    auto X = [&](double v) { return x0 + (v - xmin) / (xmax - xmin) * size; };
    auto Y = [&](double v) { return y0 + size - (v - ymin) / (ymax - ymin) * size; };
    cairo_save(cr);
    cairo_rectangle(cr, x0, y0, size, size);
    cairo_set_source_rgb(cr, 0.97, 0.97, 0.97);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke_preserve(cr);
    cairo_clip(cr);
    if (!zoom) {
        try {
            const auto& o = app::cieData().cie1931_2;
            bool first = true;
            for (std::size_t i = 20;
                 i < o.xbar.size() && o.start_nm + static_cast<double>(i) <= 700.0; ++i) {
                const auto xy =
                    colorimetry::toXY(colorimetry::XYZ{o.xbar[i], o.ybar[i], o.zbar[i]});
                if (first) {
                    cairo_move_to(cr, X(xy.x), Y(xy.y));
                    first = false;
                } else {
                    cairo_line_to(cr, X(xy.x), Y(xy.y));
                }
            }
            cairo_close_path(cr);  // the purple line
            cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
            cairo_set_line_width(cr, 0.8);
            cairo_stroke(cr);
        } catch (const std::exception&) {
            // Without the CIE tables the diagram simply has no locus; the figures table stands.
        }
        const auto p3 = colorimetry::dciP3();
        cairo_move_to(cr, X(p3.red.x), Y(p3.red.y));
        cairo_line_to(cr, X(p3.green.x), Y(p3.green.y));
        cairo_line_to(cr, X(p3.blue.x), Y(p3.blue.y));
        cairo_close_path(cr);
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.8);
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
    } else {
        for (double g = std::ceil(xmin * 200) / 200; g < xmax; g += 0.005) {
            cairo_move_to(cr, X(g), y0);
            cairo_line_to(cr, X(g), y0 + size);
        }
        for (double g = std::ceil(ymin * 200) / 200; g < ymax; g += 0.005) {
            cairo_move_to(cr, x0, Y(g));
            cairo_line_to(cr, x0 + size, Y(g));
        }
        cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
        cairo_set_line_width(cr, 0.3);
        cairo_stroke(cr);
    }
    if (std::isfinite(w.x) && std::isfinite(w.y)) {
        cairo_rectangle(cr, X(w.x - w.dx), Y(w.y + w.dy), X(w.x + w.dx) - X(w.x - w.dx),
                        Y(w.y - w.dy) - Y(w.y + w.dy));
        cairo_set_source_rgba(cr, 0.05, 0.5, 0.15, 0.15);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.05, 0.5, 0.15);
        cairo_set_line_width(cr, 0.8);
        cairo_stroke(cr);
    }
    for (const auto& rr : r.readings) {
        if (!w.step.empty() && rr.step_id != w.step) {
            continue;
        }
        const auto xy = colorimetry::toXY(rr.reading.xyz_cdm2);
        if (!std::isfinite(xy.x)) {
            continue;
        }
        const bool centre = rr.point_id == w.point;
        cairo_new_sub_path(cr);
        cairo_arc(cr, X(xy.x), Y(xy.y), centre ? 2.6 : 1.8, 0, 2 * M_PI);
        cairo_set_source_rgb(cr, centre ? 0.8 : 0.1, 0.1, centre ? 0.1 : 0.6);
        cairo_fill(cr);
    }
    cairo_restore(cr);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", xmin);
    label(cr, x0, y0 + size + 9, buf, 6.5);
    std::snprintf(buf, sizeof buf, "%.3f", xmax);
    label(cr, x0 + size - 18, y0 + size + 9, buf, 6.5);
    std::snprintf(buf, sizeof buf, "%.3f", ymax);
    label(cr, x0 - 2, y0 - 3, buf, 6.5);
    label(cr, x0, y0 + size + 19,
          zoom ? "white point: tolerance box (green), centre (red), other points (blue)"
               : "CIE 1931 xy: spectral locus, DCI-P3 gamut, readings",
          7);
}

/// Luminance heat map over the screen from the first step's readings (inverse-distance weights).
void heatMap(cairo_t* cr, double x0, double y0, double width,
             const report::CertificationReport& r) {
    if (r.points.empty() || r.readings.empty() || !(r.site.screen_width_m > 0)) {
        return;
    }
    const std::string step = r.readings.front().step_id;
    struct P {
        double x, y, L;
        std::string id;
    };
    std::vector<P> pts;
    double Lmax = 0.0;
    double Lmin = 1e300;
    for (const auto& pt : r.points) {
        double sum = 0;
        int n = 0;
        for (const auto& rr : r.readings) {
            if (rr.step_id == step && rr.point_id == pt.id) {
                sum += rr.reading.xyz_cdm2.Y;
                ++n;
            }
        }
        if (n > 0) {
            pts.push_back({pt.position.x_m, pt.position.y_m, sum / n, pt.id});
            Lmax = std::max(Lmax, sum / n);
            Lmin = std::min(Lmin, sum / n);
        }
    }
    if (pts.empty() || !(Lmax > 0)) {
        return;
    }
    const double W = r.site.screen_width_m;
    const double H = r.site.screen_height_m;
    const double height = width * H / W;
    const int nx = 60;
    const int ny = std::max(8, static_cast<int>(nx * H / W));
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            const double sx = -W / 2 + (i + 0.5) * W / nx;
            const double sy = H / 2 - (j + 0.5) * H / ny;
            double num = 0, den = 0;
            for (const auto& p : pts) {
                const double d2 = (sx - p.x) * (sx - p.x) + (sy - p.y) * (sy - p.y) + 1e-6;
                num += p.L / d2;
                den += 1.0 / d2;
            }
            const double L = num / den;
            const Rgb c = ramp(Lmax > Lmin ? (L - Lmin) / (Lmax - Lmin) : 0.5);
            cairo_rectangle(cr, x0 + i * width / nx, y0 + j * height / ny, width / nx + 0.3,
                            height / ny + 0.3);
            cairo_set_source_rgb(cr, c.r, c.g, c.b);
            cairo_fill(cr);
        }
    }
    cairo_rectangle(cr, x0, y0, width, height);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    for (const auto& p : pts) {
        const double px = x0 + (p.x + W / 2) / W * width;
        const double py = y0 + (H / 2 - p.y) / H * height;
        cairo_new_path(cr);
        cairo_arc(cr, px, py, 2.0, 0, 2 * M_PI);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill(cr);
        char buf[48];
        std::snprintf(buf, sizeof buf, "%s %.1f", p.id.c_str(), p.L);
        const bool right = px > x0 + width - 50;  // keep labels inside the map
        label(cr, right ? px - 45 : px + 3, py - 3, buf, 6.5, {1, 1, 1});
    }
    char buf[96];
    std::snprintf(buf, sizeof buf, "Luminance over the screen, step '%s' (cd/m², %.1f … %.1f)",
                  step.c_str(), Lmin, Lmax);
    label(cr, x0, y0 + height + 11, buf, 7);
}

void renderCharts(PdfPages& pg, const report::CertificationReport& r) {
    pg.nextPage();
    pg.text(kMargin, "Charts", 12, true);
    pg.newline(1.5);
    const double top = pg.y();
    chromaticityDiagram(pg.cr(), kMargin + 8, top, 230, r, false);
    chromaticityDiagram(pg.cr(), kMargin + 270, top, 230, r, true);
    heatMap(pg.cr(), kMargin + 8, top + 280, kPageW - 2 * kMargin - 16, r);
}

void render(cairo_t* cr, const report::CertificationReport& r) {
    PdfPages pg(cr, r);
    const double x0 = kMargin;
    pg.text(x0, "Screen certification report", 18, true);
    pg.newline(1.6);
    pg.text(x0, r.profile.title, 11, true);
    pg.newline();
    pg.text(x0,
            r.profile.standard.name + ":" + r.profile.standard.edition + " · room class " +
                r.profile.room_class + " · " + r.profile.dynamic_range + " " + r.profile.stereo +
                " · " + r.profile.display_type,
            9, false, kGrey);
    pg.newline(1.6);

    auto kv = [&](const std::string& k, const std::string& v) {
        pg.text(x0, k, 9, true);
        pg.text(x0 + 110, v);
        pg.newline();
    };
    kv("Site", r.site.site + (r.site.auditorium.empty() ? "" : " / " + r.site.auditorium));
    kv("Screen", fmt(r.site.screen_width_m, 2) + " m × " + fmt(r.site.screen_height_m, 2) + " m, " +
                     r.site.screen_type);
    kv("Meter position", "seat '" + r.site.seat_id + "' (" + r.profile.geometry.source + ")");
    for (const auto& i : r.instruments) {
        kv("Instrument", i.model + ", serial " + i.serial + ", firmware " + i.firmware + ", " +
                             fmt(i.acceptance_angle_deg, 1) + "° field");
    }
    kv("Source",
       r.run.source + (r.run.seed >= 0 ? " (seed " + std::to_string(r.run.seed) + ")" : ""));
    kv("Measured", r.run.started_utc + " to " + r.run.finished_utc);
    kv("Operator", r.run.operator_name.empty() ? "—" : r.run.operator_name);
    kv("Decision rule", r.run.decision_rule);
    {
        // Fitness and room conditions in one line each (full detail in report.json).
        std::string fit;
        for (const auto& c : r.fitness) {
            if (c.outcome != evaluation::FitnessOutcome::Ok) {
                fit += (fit.empty() ? "" : "; ") + c.id + " " + evaluation::toString(c.outcome);
            }
        }
        kv("Instrument fitness", r.fitness.empty() ? "not checked" : fit.empty() ? "ok" : fit);
        if (r.conditions.warm_up_required_min_minutes > 0.0) {
            kv("Warm-up", r.conditions.warm_up_outcome + " (≥ " +
                              fmt(r.conditions.warm_up_required_min_minutes, 0) + " min required)");
        }
        if (!r.conditions.ambient_step.empty()) {
            kv("Ambient, display off", r.conditions.ambient_cdm2 >= 0.0
                                           ? fmt(r.conditions.ambient_cdm2, 5) + " cd/m²"
                                           : std::string("not read"));
        }
        if (!r.run.provisional_warning.empty()) {
            kv("WARNING", r.run.provisional_warning);
        }
        if (!r.overall_note.empty()) {
            kv("Note", r.overall_note);
        }
    }
    pg.newline(0.6);

    const Rgb vc = verdictColour(r.evaluation.overall);
    pg.box(x0, kPageW - 2 * kMargin, 22, vc);
    pg.text(x0 + 8,
            std::string("Overall verdict: ") + evaluation::toString(r.evaluation.overall) +
                (r.complete ? "" : "  (INCOMPLETE RUN)"),
            12, true, {1, 1, 1});
    pg.newline(2.0);

    pg.text(x0, "Figures", 12, true);
    pg.newline(1.3);
    const double cols[] = {x0, x0 + 170, x0 + 280, x0 + 355, x0 + 420};
    pg.text(cols[0], "Figure", 8.5, true);
    pg.text(cols[1], "Value ± U (k=2)", 8.5, true);
    pg.text(cols[2], "Limit", 8.5, true);
    pg.text(cols[3], "Verdict", 8.5, true);
    pg.text(cols[4], "Source", 8.5, true);
    pg.newline();
    pg.rule();
    bool anyProvisional = false;
    std::vector<std::string> sources;  // numbered in the legend below the table
    for (const auto& f : r.evaluation.figures) {
        pg.need(1);
        const auto& t = f.spec.tolerance;
        const std::string mark =
            (t.provisional ? " †" : "") + std::string(t.informative ? " (i)" : "");
        anyProvisional = anyProvisional || t.provisional;
        std::string unit = f.spec.unit == "xy" || f.spec.unit == "u'v'"
                               ? ""
                               : (f.spec.unit == "ratio" ? ":1" : " " + f.spec.unit);
        if (unit == " cd/m2") {
            unit = " cd/m²";
        }
        pg.text(cols[0], f.spec.label + mark, 8.5);
        pg.text(cols[1],
                fmt(f.value, precisionFor(f.spec.unit)) + " ± " +
                    fmt(f.expanded_uncertainty, precisionFor(f.spec.unit)) + unit +
                    (f.straddles_limit ? " ~" : ""),
                8.5);
        pg.text(cols[2], t.describe(), 8.5);
        pg.text(cols[3], evaluation::toString(f.verdict), 8.5, true, verdictColour(f.verdict));
        auto it = std::find(sources.begin(), sources.end(), t.source);
        if (it == sources.end()) {
            sources.push_back(t.source);
            it = sources.end() - 1;
        }
        pg.text(cols[4], "[" + std::to_string(it - sources.begin() + 1) + "]", 7.5, false, kGrey);
        pg.newline();
    }
    pg.newline(0.3);
    pg.text(
        x0,
        "(i) informative: reported, not part of the verdict.  ~ value ± U straddles a limit." +
            std::string(anyProvisional ? "  † provisional limit (draft or unconfirmed source), " +
                                             std::string(r.run.provisional_limits == "informative"
                                                             ? "informative in this run."
                                                             : "binding in this run.")
                                       : ""),
        7.5, false, kGrey);
    pg.newline(1.2);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        pg.need(1);
        pg.text(x0, "[" + std::to_string(i + 1) + "] " + sources[i], 7.5, false, kGrey);
        pg.newline(0.9);
    }
    pg.newline(1.5);

    pg.text(x0, "Readings", 12, true);
    pg.newline(1.3);
    const double rc[] = {x0, x0 + 70, x0 + 110, x0 + 140, x0 + 220, x0 + 275, x0 + 330, x0 + 395};
    const char* heads[] = {"Step", "Point", "Rep", "L (cd/m²)", "x", "y", "u'", "Time (UTC)"};
    for (int i = 0; i < 8; ++i) {
        pg.text(rc[i], heads[i], 8.5, true);
    }
    pg.newline();
    pg.rule();
    for (const auto& rr : r.readings) {
        pg.need(1);
        const auto xy = colorimetry::toXY(rr.reading.xyz_cdm2);
        const auto uv = colorimetry::toUV(rr.reading.xyz_cdm2);
        pg.text(rc[0], rr.step_id, 8);
        pg.text(rc[1], rr.point_id, 8);
        pg.text(rc[2], std::to_string(rr.repeat + 1), 8);
        pg.text(rc[3], fmt(rr.reading.xyz_cdm2.Y, 4), 8);
        pg.text(rc[4], fmt(xy.x, 4), 8);
        pg.text(rc[5], fmt(xy.y, 4), 8);
        pg.text(rc[6], fmt(uv.u_prime, 4), 8);
        pg.text(rc[7], rr.reading.timestamp_utc, 8);
        pg.newline();
    }
    for (const auto& s : r.skipped) {
        pg.text(x0, "Skipped: " + s.step_id + " / " + s.point_id + ": " + s.reason, 8, false,
                kNone);
        pg.newline();
    }
    if (!r.notes.empty()) {
        pg.newline();
        pg.text(x0, "Operator notes", 12, true);
        pg.newline(1.3);
        for (const auto& n : r.notes) {
            pg.text(x0, n, 8.5);
            pg.newline();
        }
    }
    pg.newline(2.5);
    pg.need(4);
    pg.text(x0,
            "Inspector: ______________________________    Signature: ____________________    Date: "
            "____________",
            9);
    pg.newline();
    renderCharts(pg, r);
    pg.finish();
}

}  // namespace

void writeReportPdf(const report::CertificationReport& report, const std::filesystem::path& file) {
    const std::filesystem::path tmp = file.string() + ".part";
    cairo_surface_t* surface = cairo_pdf_surface_create(tmp.c_str(), kPageW, kPageH);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const std::string why = cairo_status_to_string(cairo_surface_status(surface));
        cairo_surface_destroy(surface);
        throw std::runtime_error(file.string() + ": cannot create PDF: " + why);
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   ("Certification: " + report.profile.title).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cinemeasure");
    cairo_t* cr = cairo_create(surface);
    render(cr, report);
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t finishStatus = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS || finishStatus != CAIRO_STATUS_SUCCESS) {
        std::filesystem::remove(tmp);
        throw std::runtime_error(
            file.string() + ": PDF rendering failed: " +
            cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : finishStatus));
    }
    std::filesystem::rename(tmp, file);
}

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// LED wall PDF: A4 pages drawn with cairo; the module map is vector graphics, one cell a module.
#include "app/common/report/wall_report_pdf.h"
#include "app/common/storage/safe_file.h"

#include "app/common/present/wall_text.h"
#include "app/common/report/pdf_style.h"
#include "app/common/report/pdf_text.h"

#include "libmeasure/errors.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

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

std::string f(double v, int prec) {
    if (!std::isfinite(v)) {
        return "—";
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", prec, v);
    return buf;
}

/// Blue (low) → white (1.0) → orange (high) over ratio ∈ [1 − span, 1 + span].
Rgb ratioColour(double ratio, double span) {
    if (!std::isfinite(ratio)) {
        return {0.2, 0.2, 0.2};
    }
    const double t = std::clamp((ratio - 1.0) / span, -1.0, 1.0);
    if (t < 0) {
        return {1 + 0.8 * t, 1 + 0.55 * t, 1.0};
    }
    return {1.0, 1 - 0.45 * t, 1 - 0.9 * t};
}

class Pages {
public:
    Pages(cairo_t* cr, std::string footer) : cr_(cr), t_(cr), footer_(std::move(footer)) {}
    double y() const { return y_; }
    void setY(double y) { y_ = y; }
    /// Text with its first baseline on the current line, through Pango (any script falls back to
    /// an installed font); wrapped to `width` points when given. Returns its height in points.
    double text(double x, const std::string& s, double size = 9.0, bool bold = false,
                Rgb c = kBlack, double width = 0.0) {
        const double h = t_.set(s, size, bold, width);
        t_.draw(x, y_ - t_.baseline(), c);
        return h;
    }
    /// Text wrapped at word boundaries within the margins (one Pango layout: linear in the
    /// text), never split across pages.
    void paragraph(const std::string& s, double size = 8.5, Rgb c = kBlack, double x = kMargin) {
        const double h = t_.set(s, size, false, kPageW - kMargin - x);
        need(h);
        t_.draw(x, y_ - t_.baseline(), c);
        y_ += h;
        newline(0.0);
    }
    void newline(double k = 1.0) {
        y_ += kLine * k;
        if (y_ > kPageH - kMargin - 2 * kLine) {
            nextPage();
        }
    }
    void need(double height_pt) {
        if (y_ + height_pt > kPageH - kMargin - 2 * kLine) {
            nextPage();
        }
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

private:
    void footer() {
        const double keep = y_;
        y_ = kPageH - kMargin + 10;
        text(kMargin, footer_ + " · page " + std::to_string(page_), 7.5, false, kGrey);
        y_ = keep;
    }
    cairo_t* cr_;
    pdf::TextLayout t_;
    std::string footer_;
    double y_ = kMargin + 10;
    int page_ = 1;
};

/// Height of the module map on the page (the page's width, the wall's aspect).
double wallMapHeight(const imaging::LedWallLayout& L) {
    return (kPageW - 2 * kMargin) * L.heightPx() / L.widthPx();
}

void drawWallMap(cairo_t* cr, Pages& pg, const WallAnalysis& a, const WallLimits& lim) {
    const auto& L = a.layout;
    const double w = kPageW - 2 * kMargin;
    const double h = wallMapHeight(L);
    pg.need(h + 40);
    const double x0 = kMargin, y0 = pg.y();
    const double sx = w / L.widthPx(), sy = h / L.heightPx();
    const double span = lim.luminance_rule == WallLimits::LuminanceRule::RatioToWallMean
                            ? std::max(lim.max_ratio - 1.0, 1.0 - lim.min_ratio)
                            : 0.05;
    for (const auto& m : a.modules) {
        const cv::Rect r = L.moduleRect(m.stats.index);
        const Rgb c = ratioColour(m.stats.ratio_to_wall, span);
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
        cairo_rectangle(cr, x0 + r.x * sx, y0 + r.y * sy, r.width * sx, r.height * sy);
        cairo_fill(cr);
    }
    // Module grid (thin) and cabinet grid (thicker).
    cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(cr, 0.2);
    for (int c = 0; c <= L.modules_across; ++c) {
        cairo_move_to(cr, x0 + c * L.module_w_px * sx, y0);
        cairo_line_to(cr, x0 + c * L.module_w_px * sx, y0 + h);
    }
    for (int r = 0; r <= L.modules_down; ++r) {
        cairo_move_to(cr, x0, y0 + r * L.module_h_px * sy);
        cairo_line_to(cr, x0 + w, y0 + r * L.module_h_px * sy);
    }
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    cairo_set_line_width(cr, 0.6);
    for (int c = 0; c <= L.modules_across; c += L.cabinet_w_modules) {
        cairo_move_to(cr, x0 + c * L.module_w_px * sx, y0);
        cairo_line_to(cr, x0 + c * L.module_w_px * sx, y0 + h);
    }
    for (int r = 0; r <= L.modules_down; r += L.cabinet_h_modules) {
        cairo_move_to(cr, x0, y0 + r * L.module_h_px * sy);
        cairo_line_to(cr, x0 + w, y0 + r * L.module_h_px * sy);
    }
    cairo_rectangle(cr, x0, y0, w, h);
    cairo_stroke(cr);
    // Modules that fail a deciding limit: red outline; outside an informative (draft, not
    // binding) limit only: grey outline (the mark says "info", as modules.csv).
    for (const bool deciding : {false, true}) {
        const pdf::Rgb colour = deciding ? kFail : kGrey;
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
        cairo_set_line_width(cr, 1.2);
        for (const auto& m : a.modules) {
            if (m.pass || (m.verdict == "fail") != deciding) {
                continue;
            }
            const cv::Rect r = L.moduleRect(m.stats.index);
            cairo_rectangle(cr, x0 + r.x * sx + 0.6, y0 + r.y * sy + 0.6, r.width * sx - 1.2,
                            r.height * sy - 1.2);
        }
        cairo_stroke(cr);
    }
    // Seams: magenta segments along the border.
    cairo_set_source_rgb(cr, 0.8, 0.0, 0.8);
    cairo_set_line_width(cr, 1.5);
    for (const auto& s : a.seam_lines) {
        if (!s.beyond) {
            continue;
        }
        if (s.orientation == imaging::SeamOrientation::Vertical) {
            const double x = x0 + s.border * L.module_w_px * sx;
            cairo_move_to(cr, x, y0 + s.segment * L.module_h_px * sy);
            cairo_line_to(cr, x, y0 + (s.segment + 1) * L.module_h_px * sy);
        } else {
            const double y = y0 + s.border * L.module_h_px * sy;
            cairo_move_to(cr, x0 + s.segment * L.module_w_px * sx, y);
            cairo_line_to(cr, x0 + (s.segment + 1) * L.module_w_px * sx, y);
        }
    }
    cairo_stroke(cr);
    // Defects: circles (black dead, red stuck), large enough to see at any wall size.
    cairo_set_line_width(cr, 0.8);
    for (const auto& d : a.defects) {
        const Rgb c = d.kind == imaging::DefectKind::Dead ? kBlack : kFail;
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
        cairo_new_sub_path(cr);
        cairo_arc(cr, x0 + (d.x_px + 0.5) * sx, y0 + (d.y_px + 0.5) * sy, 3.0, 0, 2 * M_PI);
        cairo_stroke(cr);
    }
    pg.setY(y0 + h + 12);
    pg.paragraph("Module mean / wall mean: blue " + f(1 - span, 2) + " … white 1.00 … orange " +
                     f(1 + span, 2) +
                     ". Red outline: module fails a deciding limit; grey outline: outside a "
                     "draft limit that is informative only (info). Magenta: seam. Circles: dead "
                     "(black), stuck (red) pixels. Thick lines: cabinets.",
                 7.0, kGrey);
    pg.newline(0.6);
}

std::string provisional(bool p, bool informative) {
    return !p ? "" : informative ? " [provisional; informative, not deciding]" : " [provisional]";
}

}  // namespace

void writeWallReportPdf(const WallAnalysis& a, const WallLimits& lim, const WallReportInfo& info,
                        const std::filesystem::path& file) {
    TempFile part(file);  // private random name, replaced into place by commit()
    const std::filesystem::path tmp = part.path();
    cairo_surface_t* surface = cairo_pdf_surface_create(tmp.c_str(), kPageW, kPageH);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw errors::StorageError(file.string() + ": cannot create PDF");
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   ("LED wall certification: " + info.wall).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cinemeasure");
    cairo_t* cr = cairo_create(surface);
    Pages pg(cr, "cinemeasure LED wall report · " + lim.id + " · " + info.date);

    pg.text(kMargin, "LED wall certification", 18, true);
    pg.newline(1.6);
    pg.text(kMargin, info.wall, 11, true);
    pg.newline(1.2);
    pg.text(kMargin, "Camera: " + info.camera, 8.5);
    pg.newline();
    pg.text(kMargin, "Camera calibration: " + info.calibration, 8.5);
    pg.newline();
    pg.text(kMargin, "Date: " + info.date, 8.5);
    pg.newline(1.6);
    // The same words as the terminal and analysis.json (present::wallVerdictText).
    const bool notJudged = a.verdict == "not judged";
    if (notJudged) {
        pg.text(kMargin, "VERDICT: NOT JUDGED", 16, true, kGrey);
        pg.newline(1.2);
        pg.paragraph(present::wallVerdictText(a), 8.5, kBlack, kMargin);
    } else {
        pg.text(kMargin, a.pass ? "VERDICT: PASS" : "VERDICT: FAIL", 16, true,
                a.pass ? kPass : kFail);
        pg.newline(1.2);
    }
    pg.text(kMargin, "against " + lim.title + " (" + lim.id + ")", 8.5, false, kGrey);
    pg.newline(1.2);
    if (a.provisional_binding) {
        pg.paragraph(present::wallBindingWarning(a), 8.5, kFail, kMargin);
    }
    if (!a.informative_failed.empty()) {
        pg.paragraph(present::wallInformativeText(a), 8.5, kGrey, kMargin);
    }
    pg.newline(0.4);

    const auto& L = a.layout;
    pg.text(kMargin, "Wall", 11, true);
    pg.newline(1.2);
    pg.text(kMargin,
            std::to_string(L.widthPx()) + " × " + std::to_string(L.heightPx()) + " px, pitch " +
                f(L.pixel_pitch_mm, 2) + " mm; " + std::to_string(L.modules_across) + " × " +
                std::to_string(L.modules_down) + " modules of " + std::to_string(L.module_w_px) +
                " × " + std::to_string(L.module_h_px) + " px; cabinets of " +
                std::to_string(L.cabinet_w_modules) + " × " + std::to_string(L.cabinet_h_modules) +
                " modules",
            8.5);
    pg.newline();
    pg.text(kMargin,
            "Wall mean " + f(a.wall_mean_cdm2, 3) + " ± " + f(a.wall_mean_u_k2_cdm2, 3) +
                " cd/m² (k = 2), x " + f(a.wall_xy.x, 4) + ", y " + f(a.wall_xy.y, 4) +
                " (CIE 1931)",
            8.5);
    pg.newline(1.6);

    pg.text(kMargin, "Results against the limits", 11, true);
    pg.newline(1.2);
    // One row per figure of the evaluation: value ± U, the limit, its verdict and its source.
    for (const auto& fig : a.figures) {
        std::string result = fig.measured ? present::wallValueText(fig) : "—";
        const std::string note = present::wallNoteText(fig.note);
        if (!note.empty()) {
            result += "; " + note;
        }
        pg.need(4 * kLine);
        // Wrapped cells: a long figure name or limit never runs into the next column.
        const double h = std::max(
            pg.text(kMargin, present::wallFigureName(fig), 8.5, true, kBlack, 240),
            pg.text(kMargin + 250, fig.has_limit ? present::wallLimitText(fig.limit) : "no limit",
                    8.5, false, kBlack, 170));
        const bool judged = fig.has_limit && fig.measured;
        // An informative (draft, not binding) limit: what it would say, in grey.
        pg.text(kMargin + 430, !fig.measured ? "not measured" : present::wallVerdictWord(fig), 8.5,
                true, judged && fig.deciding ? (fig.pass ? kPass : kFail) : kGrey);
        pg.newline(std::max(0.95, h / kLine - 0.1));
        pg.paragraph(result, 8.0, kBlack, kMargin + 10);
        pg.paragraph("Source: " + present::wallSourceText(fig) +
                         provisional(fig.provisional, fig.has_limit && !fig.deciding),
                     7.5, kGrey, kMargin + 10);
        pg.newline(0.3);
    }
    if (!a.failed.empty()) {
        std::string names;
        for (const auto& n : present::wallFigureNames(a, a.failed)) {
            names += (names.empty() ? "" : "; ") + n;
        }
        pg.paragraph("Failed: " + names, 8.5, kFail, kMargin);
    }
    pg.newline(0.8);

    // The heading goes where its map goes: never alone at the foot of a page.
    pg.need(2 * kLine + wallMapHeight(a.layout) + 40);
    pg.text(kMargin, "Module map", 11, true);
    pg.newline(1.0);
    drawWallMap(cr, pg, a, lim);

    // Lists.
    pg.need(3 * kLine);
    pg.text(kMargin, "Modules outside the limits", 11, true);
    pg.newline(1.2);
    int shown = 0;
    for (const auto& m : a.modules) {
        if (m.pass) {
            continue;
        }
        if (++shown > 200) {
            pg.text(kMargin, "… (all modules are in modules.csv)", 8.0, false, kGrey);
            pg.newline();
            break;
        }
        pg.text(
            kMargin,
            "module col " + std::to_string(m.stats.index.col) + ", row " +
                std::to_string(m.stats.index.row) + " (cabinet " + std::to_string(m.cabinet.col) +
                "," + std::to_string(m.cabinet.row) + "): " + f(m.stats.mean_cdm2, 3) + " cd/m², " +
                f(100 * m.stats.ratio_to_wall, 1) + " % of mean, worst step " +
                f(m.worst_step_pct, 2) + " %, x " + f(m.stats.xy.x, 4) + " y " + f(m.stats.xy.y, 4),
            8.0);
        pg.newline(0.9);
    }
    if (shown == 0) {
        pg.text(kMargin, "none", 8.0, false, kGrey);
        pg.newline();
    }
    pg.newline(0.6);
    pg.need(3 * kLine);
    pg.text(kMargin, "Seam lines beyond the threshold", 11, true);
    pg.newline(1.2);
    int seamsShown = 0;
    for (const auto& s : a.seam_lines) {
        if (!s.beyond) {
            continue;
        }
        ++seamsShown;
        const bool v = s.orientation == imaging::SeamOrientation::Vertical;
        pg.text(kMargin,
                std::string(v ? "LED column " : "LED row ") + std::to_string(s.line_px) + " (" +
                    (v ? "vertical" : "horizontal") + " border " + std::to_string(s.border) +
                    ", module " + (v ? "row " : "column ") + std::to_string(s.segment) +
                    "): " + f(s.depth_pct, 2) + " ± " + f(s.u_k2_pct, 2) + " % (" +
                    (s.depth_pct > 0 ? "bright" : "dark") + ")",
                8.0);
        pg.newline(0.9);
    }
    if (seamsShown == 0) {
        pg.text(kMargin, "none", 8.0, false, kGrey);
        pg.newline();
    }
    pg.newline(0.6);
    pg.need(3 * kLine);
    pg.text(kMargin, "Pixel defects", 11, true);
    pg.newline(1.2);
    for (std::size_t i = 0; i < a.defects.size() && i < 300; ++i) {
        const auto& d = a.defects[i];
        pg.text(kMargin,
                std::string(d.kind == imaging::DefectKind::Dead ? "dead " : "stuck ") + "at x " +
                    std::to_string(d.x_px) + ", y " + std::to_string(d.y_px) + " (module " +
                    std::to_string(d.module.col) + "," + std::to_string(d.module.row) + ", pixel " +
                    std::to_string(d.x_in_module) + "," + std::to_string(d.y_in_module) + "): " +
                    // A stuck LED that clipped the sensor has no ratio (+∞, pixel_defects.h).
                    (std::isinf(d.ratio) ? std::string("clipped the camera: brighter than this "
                                                       "capture can measure")
                                         : f(d.ratio, 2) + " × module median"),
                8.0);
        pg.newline(0.9);
    }
    if (a.defects.empty()) {
        pg.text(kMargin, "none", 8.0, false, kGrey);
        pg.newline();
    }
    pg.newline(0.6);
    pg.need(3 * kLine);
    pg.text(kMargin, "Captures (kept in captures/)", 11, true);
    pg.newline(1.2);
    for (const auto& c : info.captures) {
        pg.text(kMargin, c, 8.0);
        pg.newline(0.9);
    }
    pg.finish();
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        throw errors::StorageError(file.string() + ": PDF error: " + cairo_status_to_string(st));
    }
    part.commit();
}

}  // namespace cm::app

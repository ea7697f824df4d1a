// Wall report pages: summary and map first, then the failing modules, seams and defects (the
// complete per-module table is modules.csv beside the PDF).
#include "app/common/report/wall_report_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace cm::app {

namespace {

constexpr double kPageW = 595.0;  // A4 in points
constexpr double kPageH = 842.0;
constexpr double kMargin = 50.0;

class Pages {
public:
    explicit Pages(cairo_t* cr) : cr_(cr) {}
    void text(const std::string& s, double size = 9.5, bool bold = false) {
        need(size * 1.5);
        cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
        cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
        y_ += size * 1.45;
        cairo_move_to(cr_, kMargin, y_);
        cairo_show_text(cr_, s.c_str());
    }
    void gap(double h) { y_ += h; }
    void need(double h) {
        if (y_ + h > kPageH - kMargin) {
            cairo_show_page(cr_);
            y_ = kMargin;
        }
    }
    double y() const { return y_; }
    void advance(double h) { y_ += h; }

private:
    cairo_t* cr_;
    double y_ = kMargin;
};

std::string fmt(const char* f, double v) {
    char b[64];
    std::snprintf(b, sizeof b, f, v);
    return b;
}

double num(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0;
}

}  // namespace

void writeWallReportPdf(const nlohmann::json& a, const std::filesystem::path& map_png,
                        const std::filesystem::path& file) {
    const std::filesystem::path tmp = file.string() + ".part";
    cairo_surface_t* surface = cairo_pdf_surface_create(tmp.c_str(), kPageW, kPageH);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw std::runtime_error(file.string() + ": cannot create the PDF");
    }
    cairo_t* cr = cairo_create(surface);
    Pages pg(cr);
    const bool hasWall = a.contains("wall");
    const std::string verdict = a.value("verdict", std::string("not evaluated"));
    pg.text("LED wall: module uniformity, seams and pixel defects", 15, true);
    pg.text("Image: " + a.value("image", std::string()) + "   exposure " +
            fmt("%.4g s", num(a, "exposure_s")));
    pg.text("Camera calibration: " + a.value("camera_calibration", std::string()));
    pg.gap(6);
    if (hasWall) {
        const auto& w = a["wall"];
        const auto& l = a["limits"];
        const bool clean = a["seams"].empty() && a["defects"].empty();
        pg.text("Overall: " + std::string(verdict == "pass" && clean ? "PASS" : "FAIL"), 13, true);
        pg.text("Module uniformity " + std::string(verdict == "pass" ? "PASS" : "FAIL") +
                    "; seams " + (a["seams"].empty() ? "none" : "FOUND") + "; pixel defects " +
                    (a["defects"].empty() ? "none" : "FOUND") +
                    " (a wall passes with modules in limits, no seam and no defective pixel: "
                    "DCI direct-view §6.6.1.3, DY/T 8 draft #20)",
                8.5);
        pg.text("Wall mean " + fmt("%.3f cd/m²", num(w, "mean_cdm2")) + ", white x " +
                fmt("%.4f", num(w, "x")) + ", y " + fmt("%.4f", num(w, "y")) + " (CIE 1931)");
        pg.text(std::to_string(w.value("modules_failing", 0)) + " of " +
                std::to_string(a["modules"].size()) + " modules and " +
                std::to_string(w.value("cabinets_failing", 0)) + " cabinets outside limits; " +
                std::to_string(a["seams"].size()) + " seams; " +
                std::to_string(a["defects"].size()) + " defective pixels");
        pg.text("Limits: module luminance " + fmt("%.0f", 100 * num(l, "min_ratio")) + "–" +
                fmt("%.0f %%", 100 * num(l, "max_ratio")) + " of the wall mean, |Δx|, |Δy| ≤ " +
                fmt("%.3f", num(l, "max_abs_dx")) + ", seams above " +
                fmt("%.1f %%", num(l, "seam_threshold_pct")) + " contrast");
        pg.text("Source: " + l.value("source", std::string()), 8.5);
    } else {
        pg.text("No LED layout given: luminance map and ST 431-1 points only.", 10, true);
    }
    pg.gap(8);
    cairo_surface_t* img = cairo_image_surface_create_from_png(map_png.c_str());
    if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
        const double w = cairo_image_surface_get_width(img);
        const double h = cairo_image_surface_get_height(img);
        const double scale = std::min((kPageW - 2 * kMargin) / w, 300.0 / h);
        pg.need(h * scale + 20);
        cairo_save(cr);
        cairo_translate(cr, kMargin, pg.y());
        cairo_scale(cr, scale, scale);
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        pg.advance(h * scale);
        pg.text("Luminance map (false colour), screen-aligned after rectification.", 8.5);
    }
    cairo_surface_destroy(img);
    if (hasWall) {
        pg.gap(8);
        pg.text("Modules outside limits (column, row from top left)", 11, true);
        int shown = 0;
        for (const auto& m : a["modules"]) {
            if (m.value("verdict", "") == "fail" && shown < 40) {
                pg.text("module " + std::to_string(m.value("col", 0)) + "," +
                        std::to_string(m.value("row", 0)) + ": " +
                        fmt("%.3f cd/m²", num(m, "mean_cdm2")) + " = " +
                        fmt("%.1f %% of the wall", 100 * num(m, "ratio_to_wall")) + ", Δx " +
                        fmt("%+.4f", num(m, "dx")) + ", Δy " + fmt("%+.4f", num(m, "dy")));
                ++shown;
            }
        }
        if (shown == 0) {
            pg.text("none");
        }
        pg.gap(6);
        pg.text("Seams (module borders with a bright or dark line)", 11, true);
        for (const auto& s : a["seams"]) {
            pg.text(s.value("orientation", std::string()) + " border " +
                    std::to_string(s.value("border", 0)) + ", segment " +
                    std::to_string(s.value("segment", 0)) + ": " + s.value("kind", std::string()) +
                    " " + fmt("%+.1f %%", num(s, "contrast_pct")));
        }
        if (a["seams"].empty()) {
            pg.text("none");
        }
        pg.gap(6);
        pg.text("Pixel defects (wall pixel; module; position in the module)", 11, true);
        for (const auto& d : a["defects"]) {
            pg.text(d.value("kind", std::string()) + " at pixel " +
                    std::to_string(d.value("x_px", 0)) + "," + std::to_string(d.value("y_px", 0)) +
                    "; module " + std::to_string(d.value("module_col", 0)) + "," +
                    std::to_string(d.value("module_row", 0)) + "; in module " +
                    std::to_string(d.value("x_in_module", 0)) + "," +
                    std::to_string(d.value("y_in_module", 0)));
        }
        if (a["defects"].empty()) {
            pg.text("none");
        }
    }
    pg.gap(10);
    pg.text("Per-module table: modules.csv; all values: analysis.json.", 8.5);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        std::filesystem::remove(tmp);
        throw std::runtime_error(file.string() + ": " + cairo_status_to_string(st));
    }
    std::filesystem::rename(tmp, file);
}

}  // namespace cm::app

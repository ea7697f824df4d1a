// SPDX-License-Identifier: Apache-2.0
// PDF rendering of the report model: header and "page n of N" on every page, run details, verdict,
// figures (wrapped cells), sources, readings, charts, and the signature block last.
#include "app/common/report/report_pdf.h"

#include "app/common/storage/safe_file.h"

#include "app/common/present/chart_data.h"
#include "app/common/present/instrument_text.h"
#include "app/common/present/profile_text.h"
#include "app/common/present/reading_conditions.h"
#include "app/common/present/translations.h"
#include "app/common/report/pdf_charts.h"
#include "app/common/report/pdf_style.h"
#include "app/common/report/pdf_text.h"
#include "app/common/report/report_json.h"

#include "libmeasure/errors.h"

#include <cairo-pdf.h>

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
using pdf::kMargin;
using pdf::kPageH;
using pdf::kPageW;
using pdf::kPass;
using pdf::Rgb;
using present::Lang;
using present::tr;

constexpr Rgb kAmber{0.55, 0.45, 0.0};
constexpr double kTop = kMargin + 14;         // below the running header
constexpr double kBottom = kPageH - kMargin;  // above the footer
constexpr double kCellPad = 3.0;

Rgb verdictColour(evaluation::Verdict v, bool informative) {
    if (informative) {
        return kGrey;
    }
    switch (v) {
        case evaluation::Verdict::Pass:
            return kPass;
        case evaluation::Verdict::Fail:
            return kFail;
        case evaluation::Verdict::ConditionalPass:
        case evaluation::Verdict::ConditionalFail:
            return {0.85, 0.45, 0.0};
        default:
            return kAmber;
    }
}

std::string fixed(double v, int d) {
    return present::formatFixed(v, d);
}

/// Pages with a running header and footer; `total` is known on the second pass.
class Pages {
public:
    Pages(cairo_t* cr, const report::CertificationReport& r, Lang lang, int total)
        : cr_(cr), t_(cr), r_(r), lang_(lang), total_(total) {
        furniture();
    }
    pdf::TextLayout& t() { return t_; }
    cairo_t* cr() const { return cr_; }
    Lang lang() const { return lang_; }
    double y() const { return y_; }
    void advance(double pts) { y_ += pts; }
    int page() const { return page_; }

    /// Starts a new page unless `height` points still fit on this one.
    void need(double height) {
        if (y_ + height > kBottom) {
            nextPage();
        }
    }
    void nextPage() {
        cairo_show_page(cr_);
        ++page_;
        y_ = kTop;
        furniture();
    }
    void finish() { cairo_show_page(cr_); }

    /// A wrapped paragraph across the text width (or from x); moves y below it.
    void paragraph(const std::string& s, double size = 9.0, bool bold = false, Rgb c = kBlack,
                   double x = kMargin) {
        const double h = t_.set(s, size, bold, kPageW - kMargin - x);
        need(h);
        t_.draw(x, y_, c);
        y_ += h + 2;
    }
    void heading(const std::string& s) {
        need(40);  // a heading never ends a page alone
        y_ += 6;
        paragraph(s, 12, true);
        y_ += 2;
    }

private:
    void furniture() {
        const auto& s = r_.site;
        std::string head = s.site.empty() ? "—" : s.site;
        if (!s.auditorium.empty()) {
            head += " / " + s.auditorium;
        }
        if (s.screen_width_m > 0) {
            head += " · " + tr("Screen", lang_) + " " + fixed(s.screen_width_m, 2) + " × " +
                    fixed(s.screen_height_m, 2) + " m";
        }
        head += " · " + r_.run.started_utc.substr(0, 10);
        t_.set(head, 7.5, false, kPageW - 2 * kMargin - 120);
        t_.draw(kMargin, kMargin - 16, kGrey);
        t_.set(r_.profile.id, 7.5);
        t_.draw(kPageW - kMargin - t_.width(), kMargin - 16, kGrey);
        cairo_set_source_rgb(cr_, 0.75, 0.75, 0.75);
        cairo_set_line_width(cr_, 0.5);
        cairo_move_to(cr_, kMargin, kMargin - 2);
        cairo_line_to(cr_, kPageW - kMargin, kMargin - 2);
        cairo_stroke(cr_);
        const std::string foot = "cinemeasure " + r_.run.software_version + " (git " +
                                 r_.run.git_revision + ") · " + r_.run.session_id;
        t_.set(foot, 7, false, kPageW - 2 * kMargin - 110);
        t_.draw(kMargin, kPageH - kMargin + 8, kGrey);
        const std::string pg =
            lang_ == Lang::ZhCN
                ? "第 " + std::to_string(page_) + " 页，共 " + std::to_string(total_) + " 页"
                : "page " + std::to_string(page_) + " of " + std::to_string(total_);
        t_.set(pg, 7.5);
        t_.draw(kPageW - kMargin - t_.width(), kPageH - kMargin + 8, kGrey);
    }

    cairo_t* cr_;
    pdf::TextLayout t_;
    const report::CertificationReport& r_;
    Lang lang_;
    int total_;
    double y_ = kTop;
    int page_ = 1;
};

struct Column {
    std::string head;
    double width;
    double size = 8.0;
};

struct Cell {
    std::string text;
    bool bold = false;
    Rgb colour = kBlack;
};

/// A table whose cells wrap inside their column; rows never split across pages and the header
/// repeats on each page the table continues on.
class Table {
public:
    Table(Pages& pg, std::vector<Column> cols) : pg_(pg), cols_(std::move(cols)) {}

    void header() {
        std::vector<Cell> cells;
        for (const auto& c : cols_) {
            cells.push_back({c.head, true, kBlack});
        }
        drawRow(cells, true);
    }
    void row(const std::vector<Cell>& cells) {
        const double h = measure(cells);
        if (pg_.y() + h > kBottom) {
            pg_.nextPage();
            header();
        }
        drawRow(cells, false);
    }

private:
    double measure(const std::vector<Cell>& cells) {
        double h = 0;
        for (std::size_t i = 0; i < cells.size() && i < cols_.size(); ++i) {
            h = std::max(h, pg_.t().set(cells[i].text, cols_[i].size, cells[i].bold,
                                        cols_[i].width - 2 * kCellPad));
        }
        return h + 2 * kCellPad;
    }
    void drawRow(const std::vector<Cell>& cells, bool head) {
        const double h = measure(cells);
        pg_.need(h + (head ? 30 : 0));
        double x = kMargin;
        for (std::size_t i = 0; i < cells.size() && i < cols_.size(); ++i) {
            pg_.t().set(cells[i].text, cols_[i].size, cells[i].bold, cols_[i].width - 2 * kCellPad);
            pg_.t().draw(x + kCellPad, pg_.y() + kCellPad, cells[i].colour);
            x += cols_[i].width;
        }
        pg_.advance(h);
        cairo_t* cr = pg_.cr();
        cairo_set_source_rgb(cr, head ? 0.5 : 0.85, head ? 0.5 : 0.85, head ? 0.5 : 0.85);
        cairo_set_line_width(cr, head ? 0.6 : 0.3);
        cairo_move_to(cr, kMargin, pg_.y());
        cairo_line_to(cr, x, pg_.y());
        cairo_stroke(cr);
    }

    Pages& pg_;
    std::vector<Column> cols_;
};

void keyValues(Pages& pg, const std::vector<std::pair<std::string, std::string>>& kv) {
    for (const auto& [k, v] : kv) {
        if (v.empty()) {
            continue;
        }
        const double hv = pg.t().set(v, 9, false, kPageW - 2 * kMargin - 120);
        pg.need(hv);
        pg.t().draw(kMargin + 120, pg.y());
        pg.t().text(kMargin, pg.y(), k, 9, true, 115);
        pg.advance(hv + 2);
    }
}

void runDetails(Pages& pg, const report::CertificationReport& r) {
    const Lang L = pg.lang();
    pg.paragraph(tr("Screen certification report", L), 18, true);
    pg.advance(2);
    // The profile's own text in the report's language (the shipped translations, as the GUI).
    pg.paragraph(present::profileText(r.profile.title, L), 11, true);
    pg.paragraph(r.profile.standard.name + ":" + r.profile.standard.edition + " · " +
                     tr("room class", L) + " " + tr(r.profile.room_class, L) + " · " +
                     r.profile.dynamic_range + " " + r.profile.stereo + " · " +
                     tr(r.profile.display_type, L),
                 9, false, kGrey);
    pg.advance(6);
    std::vector<std::pair<std::string, std::string>> kv = {
        {tr("Site", L), r.site.site.empty() ? "—" : r.site.site},
        {tr("Auditorium", L), r.site.auditorium.empty() ? "—" : r.site.auditorium},
        {tr("Screen", L), fixed(r.site.screen_width_m, 2) + " m × " +
                              fixed(r.site.screen_height_m, 2) + " m, " +
                              tr(r.site.screen_type, L)},
        {tr("Meter position", L), tr("seat", L) + " '" + r.site.seat_id + "' (" +
                                      present::profileText(r.profile.geometry.source, L) + ")"},
    };
    const nlohmann::json j = reportToJson(r);
    for (const auto& in : j["instruments"]) {
        kv.emplace_back(tr("Instrument", L), present::instrumentLine(in, L));
    }
    // Corrections applied to the readings (colorimeter matrices), by id.
    std::vector<std::string> corrections;
    for (const auto& rr : r.readings) {
        if (!rr.reading.correction_id.empty() &&
            std::find(corrections.begin(), corrections.end(), rr.reading.correction_id) ==
                corrections.end()) {
            corrections.push_back(rr.reading.correction_id);
        }
    }
    std::string corr;
    for (const auto& c : corrections) {
        corr += (corr.empty() ? "" : ", ") + c;
    }
    kv.emplace_back(tr("correction", L), corr.empty() ? tr("none", L) : corr);
    kv.emplace_back(
        tr("Source", L),
        r.run.source + (r.run.seed >= 0 ? " (seed " + std::to_string(r.run.seed) + ")" : ""));
    kv.emplace_back(tr("Measured", L), r.run.started_utc + " – " + r.run.finished_utc);
    kv.emplace_back(tr("Operator", L), r.run.operator_name.empty() ? "—" : r.run.operator_name);
    kv.emplace_back(tr("Decision rule", L), tr(r.run.decision_rule, L));
    {
        // Fitness and room conditions, one line each (full detail in report.json).
        std::string fit;
        for (const auto& c : r.fitness) {
            if (c.outcome != evaluation::FitnessOutcome::Ok) {
                fit += (fit.empty() ? "" : "; ") + c.id + " " + evaluation::toString(c.outcome) +
                       ": " + c.message;
            }
        }
        kv.emplace_back(tr("Instrument fitness", L), r.fitness.empty() ? tr("not checked", L)
                                                     : fit.empty()     ? tr("ok", L)
                                                                       : fit);
        if (r.conditions.warm_up_required_min_minutes > 0.0) {
            std::string required = tr(" (≥ %1 min required)", L);
            required.replace(required.find("%1"), 2,
                             fixed(r.conditions.warm_up_required_min_minutes, 0));
            kv.emplace_back(tr("Warm-up", L), tr(r.conditions.warm_up_outcome, L) + required);
        }
        if (!r.conditions.ambient_step.empty()) {
            kv.emplace_back(tr("Ambient, display off", L),
                            r.conditions.ambient_cdm2 >= 0.0
                                ? fixed(r.conditions.ambient_cdm2, 5) + " cd/m²"
                                : tr("not read", L));
        }
        if (!r.run.provisional_warning.empty()) {
            kv.emplace_back(tr("WARNING", L), r.run.provisional_warning);
        }
        if (!r.overall_note.empty()) {
            kv.emplace_back(tr("Note", L), r.overall_note);
        }
    }
    keyValues(pg, kv);
    pg.advance(8);

    const Rgb vc = verdictColour(r.evaluation.overall, false);
    pg.need(26);
    cairo_set_source_rgb(pg.cr(), vc.r, vc.g, vc.b);
    cairo_rectangle(pg.cr(), kMargin, pg.y(), kPageW - 2 * kMargin, 24);
    cairo_fill(pg.cr());
    pg.t().text(kMargin + 8, pg.y() + 5,
                tr("Overall verdict", L) + ": " +
                    present::verdictWord(r.evaluation.overall, false, L) +
                    (r.complete ? "" : "  (" + tr("INCOMPLETE RUN", L) + ")"),
                12, true, 0, {1, 1, 1});
    pg.advance(30);
}

void figuresTable(Pages& pg, const report::CertificationReport& r) {
    const Lang L = pg.lang();
    pg.heading(tr("Figures", L));
    const double W = kPageW - 2 * kMargin;
    Table table(pg, {{tr("Figure", L), W * 0.34},
                     {tr("Value ± U (k=2)", L), W * 0.25},
                     {tr("Limit", L), W * 0.20},
                     {tr("Verdict", L), W * 0.13},
                     {tr("Source", L), W * 0.08}});
    table.header();
    std::vector<std::string> sources;
    bool anyProvisional = false;
    for (const auto& f : r.evaluation.figures) {
        const auto ft = present::formatFigure(f, L);
        const auto& t = f.spec.tolerance;
        anyProvisional = anyProvisional || t.provisional;
        auto it = std::find(sources.begin(), sources.end(), t.source);
        if (it == sources.end()) {
            sources.push_back(t.source);
            it = sources.end() - 1;
        }
        table.row({{ft.label},
                   {ft.value_u},
                   {ft.limit},
                   {ft.verdict, true, verdictColour(f.verdict, t.informative)},
                   {"[" + std::to_string(it - sources.begin() + 1) + "]", false, kGrey}});
    }
    pg.advance(4);
    pg.paragraph(
        "(i) " + tr("informative: reported, not part of the verdict.", L) + "  ~ " +
            tr("value ± U straddles a limit.", L) +
            (anyProvisional
                 ? "  † " + tr("provisional limit (draft or unconfirmed source)", L) + ", " +
                       tr(r.run.provisional_limits == "informative" ? "informative in this run."
                                                                    : "binding in this run.",
                          L)
                 : std::string()),
        7.5, false, kGrey);
    pg.advance(4);
    pg.paragraph(tr("Sources", L), 9, true);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        pg.paragraph("[" + std::to_string(i + 1) + "] " + present::profileText(sources[i], L), 7.5,
                     false, kGrey);
    }
}

void readingsTable(Pages& pg, const report::CertificationReport& r) {
    const Lang L = pg.lang();
    pg.heading(tr("Readings", L));
    const double W = kPageW - 2 * kMargin;
    Table table(pg, {{tr("Step", L), W * 0.14, 7.5},
                     {tr("Point", L), W * 0.08, 7.5},
                     {tr("Rep", L), W * 0.05, 7.5},
                     {"L (cd/m²)", W * 0.12, 7.5},
                     {"u(L) k=1", W * 0.10, 7.5},
                     {"x", W * 0.075, 7.5},
                     {"y", W * 0.075, 7.5},
                     {"u′", W * 0.075, 7.5},
                     {"v′", W * 0.075, 7.5},
                     {"u(xy) k=1", W * 0.08, 7.5},
                     {tr("Time (UTC)", L), W * 0.12, 7.5}});
    table.header();
    for (const auto& rr : r.readings) {
        const auto& xyz = rr.reading.xyz_cdm2;
        const auto xy = colorimetry::toXY(xyz);
        const auto uv = colorimetry::toUV(xyz);
        const int dL = present::decimalsFor(xyz.Y, 0.0, {}, "cd/m2");
        const double uL = rr.reading.u_luminance_rel * xyz.Y;
        table.row(
            {{rr.step_id},
             {rr.point_id},
             {std::to_string(rr.repeat + 1)},
             {fixed(xyz.Y, std::max(dL, 2))},
             {uL > 0 ? fixed(uL, present::decimalsFor(xyz.Y, uL, {}, "cd/m2")) : "—"},
             {fixed(xy.x, 4)},
             {fixed(xy.y, 4)},
             {fixed(uv.u_prime, 4)},
             {fixed(uv.v_prime, 4)},
             {rr.reading.u_chromaticity_xy > 0 ? fixed(rr.reading.u_chromaticity_xy, 4) : "—"},
             {rr.reading.timestamp_utc}});
    }
    // Reading details: how each reading beyond one exposure at the default ceiling was taken
    // (longer integration or averaging at low light).
    bool conditionsHeading = false;
    for (const auto& rr : r.readings) {
        const std::string c = present::readingConditions(rr.reading, L);
        if (c.empty()) {
            continue;
        }
        if (!conditionsHeading) {
            pg.paragraph(tr("Reading conditions", L), 8, true);
            conditionsHeading = true;
        }
        pg.paragraph(
            rr.step_id + " / " + rr.point_id + " #" + std::to_string(rr.repeat + 1) + ": " + c, 7.5,
            false, kGrey);
    }
    for (const auto& s : r.skipped) {
        pg.paragraph(tr("Skipped", L) + ": " + s.step_id + " / " + s.point_id + ": " + s.reason, 8,
                     false, kAmber);
    }
    if (!r.notes.empty()) {
        pg.heading(tr("Operator notes", L));
        for (const auto& n : r.notes) {
            pg.paragraph(n, 8.5);
        }
    }
}

void charts(Pages& pg, const report::CertificationReport& r) {
    const Lang L = pg.lang();
    const auto targets = present::chromaticityTargets(r);
    const auto maps = present::multiPointSteps(r);
    const auto ramps = present::rampCharts(r);
    const auto bars = present::ratioBars(r);
    pg.nextPage();
    pg.heading(tr("Charts", L));
    const double W = kPageW - 2 * kMargin;
    const double side = (W - 20) / 2;
    pg.need(side + 50);
    pdf::drawGamutDiagram(pg.cr(), pg.t(), {kMargin, pg.y(), side, side}, r, false, L);
    pdf::drawGamutDiagram(pg.cr(), pg.t(), {kMargin + side + 20, pg.y(), side, side}, r, true, L);
    pg.advance(side + 48);
    // Each target zoomed on its own tolerance, three to a row.
    const double panel = (W - 2 * 18) / 3;
    for (std::size_t i = 0; i < targets.size(); i += 3) {
        pg.need(panel + 34);
        for (std::size_t k = i; k < std::min(targets.size(), i + 3); ++k) {
            pdf::drawTargetPanel(
                pg.cr(), pg.t(),
                {kMargin + static_cast<double>(k - i) * (panel + 18), pg.y(), panel, panel}, r,
                targets[k], L);
        }
        pg.advance(panel + 36);
    }
    for (const auto& step : maps) {
        const double h = W * std::min(0.6, r.site.screen_height_m / r.site.screen_width_m) + 40;
        pg.need(h);
        pg.advance(pdf::drawLuminanceMap(pg.cr(), pg.t(), {kMargin, pg.y(), W, h}, r, step, L) + 8);
    }
    for (const auto& c : ramps) {
        pg.need(250);
        pdf::drawRampChart(pg.cr(), pg.t(), {kMargin, pg.y(), W, 220}, c, L);
        pg.advance(250);
    }
    if (!bars.empty()) {
        const double h = 30 + 26.0 * static_cast<double>(bars.size());
        pg.need(h);
        pg.advance(pdf::drawRatioBars(pg.cr(), pg.t(), {kMargin, pg.y(), W, h}, bars, L) + 8);
    }
    if (const auto spectra = present::displaySpectra(r); !spectra.empty()) {
        const double h = 240 + 11.0 * static_cast<double>(spectra.size());
        pg.need(h);
        pdf::drawSpectraChart(pg.cr(), pg.t(), {kMargin, pg.y(), W, h}, spectra, L);
        pg.advance(h + 8);
    }
}

void signatureBlock(Pages& pg) {
    const Lang L = pg.lang();
    pg.need(120);
    pg.heading(tr("Signature", L));
    const double W = kPageW - 2 * kMargin;
    const std::pair<std::string, double> fields[] = {{tr("Inspector", L), 0},
                                                     {tr("Organisation", L), 0},
                                                     {tr("Date", L), 0},
                                                     {tr("Signature", L), 0},
                                                     {tr("Key id", L), 0}};
    for (const auto& [name, _] : fields) {
        pg.t().text(kMargin, pg.y(), name, 9, false, 110);
        cairo_set_source_rgb(pg.cr(), 0.4, 0.4, 0.4);
        cairo_set_line_width(pg.cr(), 0.5);
        cairo_move_to(pg.cr(), kMargin + 115, pg.y() + 12);
        cairo_line_to(pg.cr(), kMargin + W * 0.75, pg.y() + 12);
        cairo_stroke(pg.cr());
        pg.advance(20);
    }
}

int render(cairo_t* cr, const report::CertificationReport& r, Lang lang, int total) {
    Pages pg(cr, r, lang, total);
    runDetails(pg, r);
    figuresTable(pg, r);
    readingsTable(pg, r);
    charts(pg, r);
    signatureBlock(pg);
    const int pages = pg.page();
    pg.finish();
    return pages;
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) {
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void writeReportPdf(const report::CertificationReport& report, const std::filesystem::path& file,
                    Lang lang) {
    // First pass into nothing, to know N for "page n of N".
    int total = 0;
    {
        cairo_surface_t* s = cairo_pdf_surface_create_for_stream(discard, nullptr, kPageW, kPageH);
        cairo_t* cr = cairo_create(s);
        total = render(cr, report, lang, 0);
        cairo_destroy(cr);
        cairo_surface_finish(s);
        cairo_surface_destroy(s);
    }
    TempFile part(file);  // private random name, replaced into place by commit()
    const std::filesystem::path tmp = part.path();
    cairo_surface_t* surface = cairo_pdf_surface_create(tmp.c_str(), kPageW, kPageH);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const std::string why = cairo_status_to_string(cairo_surface_status(surface));
        cairo_surface_destroy(surface);
        throw errors::StorageError(file.string() + ": cannot create PDF: " + why);
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   ("Certification: " + report.profile.title).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cinemeasure");
    cairo_t* cr = cairo_create(surface);
    render(cr, report, lang, total);
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t finishStatus = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS || finishStatus != CAIRO_STATUS_SUCCESS) {
        throw errors::StorageError(
            file.string() + ": PDF rendering failed: " +
            cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : finishStatus));
    }
    part.commit();
}

}  // namespace cm::app

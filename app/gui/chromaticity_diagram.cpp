// SPDX-License-Identifier: Apache-2.0
// Chromaticity diagrams drawn with QPainter from the report model.
#include "app/gui/chromaticity_diagram.h"

#include "app/common/present/chart_data.h"
#include "app/gui/i18n.h"
#include "app/gui/theme.h"
#include "libmeasure/colorimetry/tristimulus.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace cm::gui {

namespace {

// Locus and targets come from the one presentation layer the PDF uses too.
const std::vector<colorimetry::ChromaticityXY>& locusXY() {
    return app::present::spectralLocusXY();
}

using Target = app::present::ChromaTarget;

std::vector<Target> targets(const report::CertificationReport& r) {
    return app::present::chromaticityTargets(r);
}

}  // namespace

ChromaticityDiagram::ChromaticityDiagram(Space space, QWidget* parent)
    : QWidget(parent), space_(space) {
    setMinimumSize(320, 300);
    setAccessibleName(space == Space::CIE1931xy ? tr("CIE 1931 xy chromaticity diagram")
                                                : tr("CIE 1976 u'v' chromaticity diagram"));
}

void ChromaticityDiagram::setReport(ReportPtr report) {
    report_ = std::move(report);
    update();
}

QPointF ChromaticityDiagram::toSpace(double x, double y) const {
    if (space_ == Space::CIE1931xy) {
        return {x, y};
    }
    const auto uv = colorimetry::toUV(colorimetry::ChromaticityXY{x, y});
    return {uv.u_prime, uv.v_prime};
}

QRectF ChromaticityDiagram::plotArea() const {
    return {48, 14, width() - 62.0, height() - 50.0};
}

ChromaticityDiagram::Box ChromaticityDiagram::fullView() const {
    return space_ == Space::CIE1931xy ? Box{0.0, 0.8, 0.0, 0.9} : Box{0.0, 0.65, 0.0, 0.62};
}

QPointF ChromaticityDiagram::widgetPoint(double x, double y) const {
    const QRectF area = plotArea();
    const Box v = fullView();
    const QPointF s = toSpace(x, y);
    return {area.left() + (s.x() - v.x0) / (v.x1 - v.x0) * area.width(),
            area.bottom() - (s.y() - v.y0) / (v.y1 - v.y0) * area.height()};
}

QRectF ChromaticityDiagram::insetRect() const {
    const QRectF area = plotArea();
    if (space_ == Space::CIE1931xy) {
        // Above the red-green edge: nothing is plotted there.
        const double side = std::min(area.width(), area.height()) * 0.42;
        return {area.right() - side - 6, area.top() + 6, side, side};
    }
    // Below the purple line, right of the blue corner: empty in u′v′ (the red corner is top right).
    const double side = std::min(area.width(), area.height()) * 0.36;
    return {area.right() - side - 6, area.bottom() - side - 6, side, side};
}

void ChromaticityDiagram::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const bool xy = space_ == Space::CIE1931xy;
    const Box full = fullView();
    const QRectF area = plotArea();
    plot(p, area, full, false);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(area.left(), area.bottom() + 20, area.width(), 20), Qt::AlignCenter,
               xy ? tr("CIE 1931 x") : tr("CIE 1976 u′"));
    p.save();
    p.translate(12, area.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-60, -10, 120, 20), Qt::AlignCenter, xy ? tr("y") : tr("v′"));
    p.restore();

    // Inset around the first target (the white point in the theatre profiles): the tolerance of
    // ±0.006 is a few pixels on the full diagram.
    if (report_) {
        const auto ts = targets(*report_);
        // The white point (the first target that is not a primary), else the first target.
        const auto white =
            std::find_if(ts.begin(), ts.end(), [](const Target& t) { return !t.isPrimary(); });
        const Target* chosen = white != ts.end() ? &*white : (ts.empty() ? nullptr : &ts.front());
        if (chosen != nullptr && !std::isnan(chosen->x) && !std::isnan(chosen->xhi)) {
            const Target& t = *chosen;
            const double halfX = 3.0 * (t.xhi - t.xlo) / 2.0;
            const double halfY = 3.0 * (t.yhi - t.ylo) / 2.0;
            const QPointF lo = toSpace(t.x - halfX, t.y - halfY);
            const QPointF hi = toSpace(t.x + halfX, t.y + halfY);
            const QPointF c = toSpace(t.x, t.y);
            const double h = std::max(std::abs(hi.x() - lo.x()), std::abs(hi.y() - lo.y())) / 2;
            const QRectF inset = insetRect();
            p.fillRect(inset, palette().window());
            plot(p, inset, {c.x() - h, c.x() + h, c.y() - h, c.y() + h}, true);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(inset.adjusted(4, 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                       tr("%1 at %2 (×%3)")
                           .arg(stimulusText(t.step), QString::fromStdString(t.point))
                           .arg(std::round((full.x1 - full.x0) / (2 * h))));
        }
    }
}

void ChromaticityDiagram::plot(QPainter& p, const QRectF& area, const Box& v, bool inset) const {
    p.save();
    p.setClipRect(area.adjusted(-1, -1, 1, 1));
    auto map = [&](QPointF s) {
        return QPointF(area.left() + (s.x() - v.x0) / (v.x1 - v.x0) * area.width(),
                       area.bottom() - (s.y() - v.y0) / (v.y1 - v.y0) * area.height());
    };
    const QColor grid(70, 70, 74);
    p.setPen(QPen(grid, 1));
    p.drawRect(area);
    if (!inset) {
        for (double g = 0.1; g < std::max(v.x1, v.y1); g += 0.1) {
            if (g < v.x1) {
                p.drawLine(map({g, v.y0}), map({g, v.y1}));
                p.drawText(map({g, v.y0}) + QPointF(-9, 14), QString::number(g, 'f', 1));
            }
            if (g < v.y1) {
                p.drawLine(map({v.x0, g}), map({v.x1, g}));
                p.drawText(map({v.x0, g}) + QPointF(-28, 4), QString::number(g, 'f', 1));
            }
        }
    }
    // Spectral locus and purple line.
    const auto& locus = locusXY();
    if (!locus.empty()) {
        QPolygonF poly;
        for (const auto& c : locus) {
            poly << map(toSpace(c.x, c.y));
        }
        poly << poly.front();
        p.setPen(QPen(QColor(200, 200, 200), 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(poly);
    }
    // DCI-P3 primaries (SMPTE RP 431-2:2011 Table 1: R 0.680/0.320, G 0.265/0.690, B 0.150/0.060).
    QPolygonF p3;
    for (auto c : {QPointF(0.680, 0.320), QPointF(0.265, 0.690), QPointF(0.150, 0.060)}) {
        p3 << map(toSpace(c.x(), c.y()));
    }
    p.setPen(QPen(QColor(120, 150, 200), 1, Qt::DashLine));
    p.drawPolygon(p3);
    if (!report_) {
        p.restore();
        return;
    }
    // Readings: small dots.
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(170, 170, 170));
    for (const auto& rr : report_->readings) {
        const auto c = colorimetry::toXY(rr.reading.xyz_cdm2);
        if (std::isfinite(c.x) && std::isfinite(c.y)) {
            p.drawEllipse(map(toSpace(c.x, c.y)), inset ? 2.5 : 1.8, inset ? 2.5 : 1.8);
        }
    }
    for (const Target& t : targets(*report_)) {
        if (!std::isnan(t.xlo) && !std::isnan(t.xhi) && !std::isnan(t.ylo) && !std::isnan(t.yhi)) {
            // The xy box, traced edge by edge so it bends correctly in u'v'.
            QPolygonF box;
            const int n = 12;
            for (int i = 0; i <= n; ++i)
                box << map(toSpace(t.xlo + (t.xhi - t.xlo) * i / n, t.ylo));
            for (int i = 0; i <= n; ++i)
                box << map(toSpace(t.xhi, t.ylo + (t.yhi - t.ylo) * i / n));
            for (int i = 0; i <= n; ++i)
                box << map(toSpace(t.xhi - (t.xhi - t.xlo) * i / n, t.yhi));
            for (int i = 0; i <= n; ++i)
                box << map(toSpace(t.xlo, t.yhi - (t.yhi - t.ylo) * i / n));
            QColor fill = limitColor();
            fill.setAlpha(40);
            p.setPen(QPen(limitColor(), 1.2));
            p.setBrush(fill);
            p.drawPolygon(box);
        }
        if (!std::isnan(t.x) && !std::isnan(t.y)) {
            const QPointF c = map(toSpace(t.x, t.y));
            p.setPen(QPen(limitColor(), 1.5));
            p.drawLine(c + QPointF(-5, 0), c + QPointF(5, 0));
            p.drawLine(c + QPointF(0, -5), c + QPointF(0, 5));
        }
        if (std::isfinite(t.mx) && std::isfinite(t.my)) {
            p.setPen(QPen(palette().color(QPalette::Text), 1));
            p.setBrush(verdictMarkColor(t.verdict));
            p.drawEllipse(map(toSpace(t.mx, t.my)), 4.5, 4.5);
        }
    }
    p.restore();
}

}  // namespace cm::gui

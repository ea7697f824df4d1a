// SPDX-License-Identifier: Apache-2.0
// Contrast bars: one horizontal bar per figure whose unit is "ratio", the limit as a line.
#include "app/gui/contrast_bars.h"

#include "app/gui/theme.h"

#include <QPainter>

#include <cmath>

namespace cm::gui {

ContrastBars::ContrastBars(QWidget* parent) : QWidget(parent) {
    setMinimumSize(300, 160);
    setAccessibleName(tr("Contrast figures"));
}

void ContrastBars::setReport(ReportPtr report) {
    report_ = std::move(report);
    update();
}

int ContrastBars::barCount() const {
    int n = 0;
    if (report_) {
        for (const auto& f : report_->evaluation.figures) {
            n += f.spec.unit == "ratio" ? 1 : 0;
        }
    }
    return n;
}

void ContrastBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    p.setPen(palette().color(QPalette::Text));
    if (barCount() == 0) {
        p.drawText(rect(), Qt::AlignCenter, tr("This profile has no contrast figures"));
        return;
    }
    std::vector<const evaluation::FigureResult*> bars;
    double top = 0.0;
    for (const auto& f : report_->evaluation.figures) {
        if (f.spec.unit == "ratio") {
            bars.push_back(&f);
            top = std::max({top, std::isfinite(f.value) ? f.value + f.expanded_uncertainty : 0.0,
                            f.spec.tolerance.lower.value_or(0.0),
                            f.spec.tolerance.target.value_or(0.0)});
        }
    }
    top *= 1.15;
    const double labelW = 200;
    const double x0 = labelW + 10;
    const double w = width() - x0 - 70;
    const double rowH = std::min(56.0, (height() - 20.0) / static_cast<double>(bars.size()));
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& f = *bars[i];
        const double y = 10 + rowH * static_cast<double>(i);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(4, y, labelW, rowH * 0.7), Qt::AlignRight | Qt::AlignVCenter,
                   QString::fromStdString(f.spec.label));
        if (std::isfinite(f.value) && top > 0) {
            const double bw = w * f.value / top;
            p.fillRect(QRectF(x0, y + rowH * 0.15, bw, rowH * 0.45),
                       verdictColor(f.verdict).lighter(130));
            // Expanded uncertainty U (k = 2) as an error bar.
            const double u = w * f.expanded_uncertainty / top;
            p.setPen(QPen(Qt::white, 1));
            p.drawLine(QPointF(x0 + bw - u, y + rowH * 0.375),
                       QPointF(x0 + bw + u, y + rowH * 0.375));
            p.drawText(QPointF(x0 + bw + u + 6, y + rowH * 0.5),
                       QStringLiteral("%1:1").arg(f.value, 0, 'f', 0));
        }
        if (f.spec.tolerance.lower && top > 0) {
            const double lx = x0 + w * *f.spec.tolerance.lower / top;
            p.setPen(QPen(QColor(255, 200, 80), 2));
            p.drawLine(QPointF(lx, y + 2), QPointF(lx, y + rowH * 0.75));
            p.drawText(QPointF(lx + 3, y + rowH * 0.85),
                       tr("min %1:1").arg(*f.spec.tolerance.lower, 0, 'f', 0));
        }
    }
}

}  // namespace cm::gui

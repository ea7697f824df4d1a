// SPDX-License-Identifier: Apache-2.0
// Contrast bars: one horizontal bar per figure whose unit is "ratio", the limit as a line.
#include "app/gui/contrast_bars.h"

#include "app/gui/i18n.h"
#include "app/gui/theme.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
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

std::vector<const evaluation::FigureResult*> ContrastBars::bars() const {
    std::vector<const evaluation::FigureResult*> out;
    if (report_) {
        for (const auto& f : report_->evaluation.figures) {
            if (f.spec.unit == "ratio") {
                out.push_back(&f);
            }
        }
    }
    return out;
}

double ContrastBars::rowHeight(std::size_t n) const {
    // Two text lines of label plus the bar, and never more than 72 px a row.
    const double need = 2.8 * fontMetrics().lineSpacing();
    const double fit = (height() - 20.0) / static_cast<double>(std::max<std::size_t>(1, n));
    return std::max(std::min(72.0, fit), std::min(need, fit));
}

int ContrastBars::labelFlags() {
    return Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap;
}

std::vector<ContrastBars::Label> ContrastBars::labels() const {
    const auto bs = bars();
    std::vector<Label> out;
    const QFontMetricsF fm(font());
    double widest = 0.0;
    for (const auto* f : bs) {
        const QString text = figureLabelText(f->spec.label);
        widest = std::max(widest, fm.horizontalAdvance(text));
        out.push_back({{}, text});
    }
    // As wide as the longest label on one line, else wrapped in at most 45 % of the width.
    const double labelW = std::min(widest + 4.0, std::max(120.0, width() * 0.45));
    const double rowH = rowHeight(bs.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].rect = QRectF(4, 10 + rowH * static_cast<double>(i), labelW, rowH * 0.75);
    }
    return out;
}

void ContrastBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    p.setPen(palette().color(QPalette::Text));
    const auto bs = bars();
    if (bs.empty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("This profile has no contrast figures"));
        return;
    }
    double top = 0.0;
    for (const auto* f : bs) {
        top = std::max({top, std::isfinite(f->value) ? f->value + f->expanded_uncertainty : 0.0,
                        f->spec.tolerance.lower.value_or(0.0),
                        f->spec.tolerance.target.value_or(0.0)});
    }
    top *= 1.15;
    const auto ls = labels();
    const double x0 = ls.front().rect.right() + 10;
    // Room on the right for the value text ("12345:1").
    const double w = std::max(
        40.0, width() - x0 - fontMetrics().horizontalAdvance(QStringLiteral("000000:1")) - 10);
    const double rowH = rowHeight(bs.size());
    for (std::size_t i = 0; i < bs.size(); ++i) {
        const auto& f = *bs[i];
        const double y = 10 + rowH * static_cast<double>(i);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(ls[i].rect, labelFlags(), ls[i].text);
        if (std::isfinite(f.value) && top > 0) {
            const double bw = w * f.value / top;
            p.fillRect(QRectF(x0, y + rowH * 0.15, bw, rowH * 0.45), verdictMarkColor(f.verdict));
            // Expanded uncertainty U (k = 2) as an error bar.
            const double u = w * f.expanded_uncertainty / top;
            p.setPen(QPen(palette().color(QPalette::Text), 1));
            p.drawLine(QPointF(x0 + bw - u, y + rowH * 0.375),
                       QPointF(x0 + bw + u, y + rowH * 0.375));
            p.drawText(QPointF(x0 + bw + u + 6, y + rowH * 0.5),
                       QStringLiteral("%1:1").arg(f.value, 0, 'f', 0));
        }
        if (f.spec.tolerance.lower && top > 0) {
            const double lx = x0 + w * *f.spec.tolerance.lower / top;
            p.setPen(QPen(limitColor(), 2));
            p.drawLine(QPointF(lx, y + 2), QPointF(lx, y + rowH * 0.75));
            p.drawText(QPointF(lx + 3, y + rowH * 0.85),
                       tr("min %1:1").arg(*f.spec.tolerance.lower, 0, 'f', 0));
        }
    }
}

}  // namespace cm::gui

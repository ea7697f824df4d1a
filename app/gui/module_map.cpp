// SPDX-License-Identifier: Apache-2.0
// Module heat map painting and hit testing; the values come from the one wall analysis.
#include "app/gui/module_map.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cm::gui {

namespace {

/// A perceptually ordered dark-blue → teal → pale-yellow ramp for t in [0, 1]: luminance order is
/// kept, and none of its colours is a verdict colour.
QColor ramp(double t) {
    t = std::clamp(t, 0.0, 1.0);
    static const QColor stops[] = {QColor(30, 40, 90), QColor(35, 110, 140), QColor(80, 170, 140),
                                   QColor(190, 210, 120), QColor(250, 240, 190)};
    const double x = t * 4.0;
    const int i = std::min(3, static_cast<int>(x));
    const double f = x - i;
    const QColor a = stops[i], b = stops[i + 1];
    return QColor::fromRgbF(static_cast<float>(a.redF() + f * (b.redF() - a.redF())),
                            static_cast<float>(a.greenF() + f * (b.greenF() - a.greenF())),
                            static_cast<float>(a.blueF() + f * (b.blueF() - a.blueF())));
}

}  // namespace

ModuleMap::ModuleMap(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("moduleMap"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(
        tr("Colour: module luminance / wall mean; outlined: outside the limits; rings: "
           "dead or stuck LEDs"));
}

void ModuleMap::setAnalysis(WallAnalysisPtr analysis) {
    analysis_ = std::move(analysis);
    hovered_ = -1;
    update();
}

QRectF ModuleMap::wallRect() const {
    if (!analysis_ || analysis_->layout.modules_across <= 0) {
        return {};
    }
    const auto& l = analysis_->layout;
    // Keep the wall's aspect (in LED pixels); leave a line at the bottom for the legend.
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -22);
    const double aspect = double(l.widthPx()) / l.heightPx();
    double w = area.width(), h = w / aspect;
    if (h > area.height()) {
        h = area.height();
        w = h * aspect;
    }
    return {area.left() + (area.width() - w) / 2, area.top() + (area.height() - h) / 2, w, h};
}

int ModuleMap::moduleAt(QPointF pos) const {
    const QRectF r = wallRect();
    if (r.isEmpty() || !r.contains(pos)) {
        return -1;
    }
    const auto& l = analysis_->layout;
    const int col =
        std::min(l.modules_across - 1, int((pos.x() - r.left()) / r.width() * l.modules_across));
    const int row =
        std::min(l.modules_down - 1, int((pos.y() - r.top()) / r.height() * l.modules_down));
    const int i = row * l.modules_across + col;
    return i < int(analysis_->modules.size()) ? i : -1;
}

QPointF ModuleMap::moduleCentre(int index) const {
    const QRectF r = wallRect();
    if (r.isEmpty() || index < 0) {
        return {};
    }
    const auto& l = analysis_->layout;
    const int col = index % l.modules_across, row = index / l.modules_across;
    return {r.left() + (col + 0.5) * r.width() / l.modules_across,
            r.top() + (row + 0.5) * r.height() / l.modules_down};
}

QString ModuleMap::moduleDescription(int index) const {
    if (!analysis_ || index < 0 || index >= int(analysis_->modules.size())) {
        return {};
    }
    const app::ModuleVerdict& m = analysis_->modules[std::size_t(index)];
    QString s = tr("Module column %1, row %2 (cabinet %3, %4)")
                    .arg(m.stats.index.col + 1)
                    .arg(m.stats.index.row + 1)
                    .arg(m.cabinet.col + 1)
                    .arg(m.cabinet.row + 1);
    s += QLatin1Char('\n') + tr("Luminance %1 cd/m², %2 ± %3 of the wall mean")
                                 .arg(m.stats.mean_cdm2, 0, 'f', 2)
                                 .arg(m.stats.ratio_to_wall, 0, 'f', 4)
                                 .arg(m.u_ratio_k2, 0, 'f', 4);
    if (std::isfinite(m.stats.xy.x)) {
        s += QLatin1Char('\n') + tr("Chromaticity x %1, y %2; largest Δu′v′ to a neighbour %3")
                                     .arg(m.stats.xy.x, 0, 'f', 4)
                                     .arg(m.stats.xy.y, 0, 'f', 4)
                                     .arg(m.worst_duv, 0, 'f', 4);
    }
    s += QLatin1Char('\n') + tr("Largest step to a neighbour %1 %; pixel defects %2")
                                 .arg(m.worst_step_pct, 0, 'f', 2)
                                 .arg(m.defects);
    s += QLatin1Char('\n') + (m.pass ? tr("Within the limits") : tr("Outside the limits"));
    return s;
}

void ModuleMap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRectF r = wallRect();
    if (r.isEmpty()) {
        p.setPen(palette().text().color());
        p.drawText(rect(), Qt::AlignCenter, tr("No analysis yet"));
        return;
    }
    const app::WallAnalysis& a = *analysis_;
    const auto& l = a.layout;
    double lo = 1.0, hi = 1.0;
    for (const auto& m : a.modules) {
        if (std::isfinite(m.stats.ratio_to_wall)) {
            lo = std::min(lo, m.stats.ratio_to_wall);
            hi = std::max(hi, m.stats.ratio_to_wall);
        }
    }
    if (hi - lo < 1e-6) {
        hi = lo + 1e-6;
    }
    const double cw = r.width() / l.modules_across, ch = r.height() / l.modules_down;
    for (std::size_t i = 0; i < a.modules.size(); ++i) {
        const auto& m = a.modules[i];
        const QRectF c(r.left() + m.stats.index.col * cw, r.top() + m.stats.index.row * ch, cw, ch);
        p.fillRect(c, ramp((m.stats.ratio_to_wall - lo) / (hi - lo)));
    }
    // Module borders thin, cabinet borders thicker.
    p.setPen(QPen(QColor(0, 0, 0, 90), 1));
    for (int c = 1; c < l.modules_across; ++c) {
        p.drawLine(QPointF(r.left() + c * cw, r.top()), QPointF(r.left() + c * cw, r.bottom()));
    }
    for (int rr = 1; rr < l.modules_down; ++rr) {
        p.drawLine(QPointF(r.left(), r.top() + rr * ch), QPointF(r.right(), r.top() + rr * ch));
    }
    p.setPen(QPen(QColor(0, 0, 0, 170), 2));
    for (int c = l.cabinet_w_modules; c < l.modules_across; c += l.cabinet_w_modules) {
        p.drawLine(QPointF(r.left() + c * cw, r.top()), QPointF(r.left() + c * cw, r.bottom()));
    }
    for (int rr = l.cabinet_h_modules; rr < l.modules_down; rr += l.cabinet_h_modules) {
        p.drawLine(QPointF(r.left(), r.top() + rr * ch), QPointF(r.right(), r.top() + rr * ch));
    }
    // Failing modules: the verdict colour, as an outline only.
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(220, 60, 60), 2));
    for (const auto& m : a.modules) {
        if (!m.pass) {
            p.drawRect(
                QRectF(r.left() + m.stats.index.col * cw, r.top() + m.stats.index.row * ch, cw, ch)
                    .adjusted(1.5, 1.5, -1.5, -1.5));
        }
    }
    // Pixel defects as small rings at their LED.
    const double px = r.width() / l.widthPx();
    p.setPen(QPen(QColor(255, 255, 255), 1.5));
    for (const auto& d : a.defects) {
        const QPointF c(r.left() + (d.x_px + 0.5) * px, r.top() + (d.y_px + 0.5) * px);
        p.drawEllipse(c, 4, 4);
    }
    if (hovered_ >= 0) {
        const auto& m = a.modules[std::size_t(hovered_)];
        p.setPen(QPen(palette().highlight().color(), 2));
        p.drawRect(
            QRectF(r.left() + m.stats.index.col * cw, r.top() + m.stats.index.row * ch, cw, ch));
    }
    // Legend: the ramp and its range in ratios to the wall mean.
    const QRectF bar(r.left(), height() - 16, std::min(160.0, r.width() / 3), 10);
    for (int x = 0; x < int(bar.width()); ++x) {
        p.fillRect(QRectF(bar.left() + x, bar.top(), 1, bar.height()), ramp(x / bar.width()));
    }
    p.setPen(palette().text().color());
    p.drawText(QPointF(bar.right() + 6, bar.bottom()),
               tr("module / wall mean %1 … %2").arg(lo, 0, 'f', 3).arg(hi, 0, 'f', 3));
}

void ModuleMap::mouseMoveEvent(QMouseEvent* event) {
    const int i = moduleAt(event->position());
    if (i != hovered_) {
        hovered_ = i;
        update();
        emit moduleHovered(i);
    }
    if (i >= 0) {
        QToolTip::showText(event->globalPosition().toPoint(), moduleDescription(i), this);
    }
}

void ModuleMap::mousePressEvent(QMouseEvent* event) {
    const int i = moduleAt(event->position());
    if (i >= 0 && event->button() == Qt::LeftButton) {
        emit moduleClicked(i);
    }
}

void ModuleMap::leaveEvent(QEvent*) {
    if (hovered_ != -1) {
        hovered_ = -1;
        update();
        emit moduleHovered(-1);
    }
}

QImage ledPatchImage(const cv::Mat& lum, cv::Rect patch, double lo, double hi, int scale) {
    patch &= cv::Rect(0, 0, lum.cols, lum.rows);
    scale = std::max(1, scale);
    QImage img(patch.width * scale, patch.height * scale, QImage::Format_RGB32);
    img.fill(Qt::black);
    if (patch.empty() || lum.type() != CV_32FC1) {
        return img;
    }
    const double span = hi > lo ? hi - lo : 1.0;
    for (int y = 0; y < patch.height; ++y) {
        const float* row = lum.ptr<float>(patch.y + y);
        for (int x = 0; x < patch.width; ++x) {
            const float v = row[patch.x + x];
            QRgb c;
            if (!std::isfinite(v)) {
                c = qRgb(120, 20, 20);
            } else {
                const int g = int(std::lround(255.0 * std::clamp((v - lo) / span, 0.0, 1.0)));
                c = qRgb(g, g, g);
            }
            for (int dy = 0; dy < scale; ++dy) {
                auto* line = reinterpret_cast<QRgb*>(img.scanLine(y * scale + dy));
                std::fill(line + x * scale, line + (x + 1) * scale, c);
            }
        }
    }
    return img;
}

}  // namespace cm::gui

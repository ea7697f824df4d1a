// SPDX-License-Identifier: Apache-2.0
// Heat map by inverse-distance weighting (power 2) of the mean luminance at each point; the
// colour ramp spans the measured minimum to maximum and is labelled in cd/m².
#include "app/gui/luminance_map.h"

#include "app/common/present/chart_data.h"
#include "app/gui/i18n.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cm::gui {

namespace {

QColor ramp(double t) {
    t = std::clamp(t, 0.0, 1.0);
    static const QColor stops[] = {
        {13, 13, 115}, {0, 153, 230}, {26, 191, 51}, {242, 217, 26}, {217, 26, 13}};
    const double f = t * 4.0;
    const int i = std::min(3, static_cast<int>(f));
    const double u = f - i;
    auto mix = [u](int a, int b) { return static_cast<int>(std::lround(a + u * (b - a))); };
    return {mix(stops[i].red(), stops[i + 1].red()), mix(stops[i].green(), stops[i + 1].green()),
            mix(stops[i].blue(), stops[i + 1].blue())};
}

}  // namespace

LuminanceMap::LuminanceMap(QWidget* parent) : QWidget(parent) {
    setMinimumSize(300, 200);
    setAccessibleName(tr("Luminance heat map"));
}

void LuminanceMap::setReport(ReportPtr report) {
    report_ = std::move(report);
    update();
}

void LuminanceMap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (!report_ || report_->readings.empty() || !(report_->site.screen_width_m > 0)) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(rect(), Qt::AlignCenter, tr("No luminance readings"));
        return;
    }
    const auto& r = *report_;
    // The first step read at several points, with the means the PDF maps too.
    const auto steps = app::present::multiPointSteps(r);
    if (steps.empty()) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(rect(), Qt::AlignCenter, tr("No step was read at several points"));
        return;
    }
    const std::string step = steps.front();
    struct P {
        double x, y, L;
        QString id;
    };
    std::vector<P> pts;
    double lo = 1e300, hi = 0.0;
    for (const auto& m : app::present::pointMeans(r, step)) {
        pts.push_back({m.x_m, m.y_m, m.luminance_cdm2, QString::fromStdString(m.point)});
        lo = std::min(lo, m.luminance_cdm2);
        hi = std::max(hi, m.luminance_cdm2);
    }
    if (pts.empty()) {
        return;
    }
    const double W = r.site.screen_width_m;
    const double H = r.site.screen_height_m;
    const double legendW = 70;
    const double scale = std::min((width() - 30 - legendW) / W, (height() - 40) / H);
    const QRectF screen(15, 25, W * scale, H * scale);
    const int nx = 96;
    const int ny = std::max(8, static_cast<int>(nx * H / W));
    QImage img(nx, ny, QImage::Format_RGB32);
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            const double sx = -W / 2 + (i + 0.5) * W / nx;
            const double sy = H / 2 - (j + 0.5) * H / ny;
            double num = 0, den = 0;
            for (const auto& q : pts) {
                const double d2 = (sx - q.x) * (sx - q.x) + (sy - q.y) * (sy - q.y) + 1e-6;
                num += q.L / d2;
                den += 1.0 / d2;
            }
            img.setPixelColor(i, j, ramp(hi > lo ? (num / den - lo) / (hi - lo) : 0.5));
        }
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(screen, img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(15, 2, screen.width(), 20), Qt::AlignLeft,
               tr("Luminance, step '%1' (cd/m²)").arg(stimulusText(step)));
    for (const auto& q : pts) {
        const QPointF c(screen.center().x() + q.x * scale, screen.center().y() - q.y * scale);
        p.setPen(Qt::black);
        p.setBrush(Qt::white);
        p.drawEllipse(c, 3, 3);
        p.setPen(Qt::white);
        p.drawText(c + QPointF(6, -4), QStringLiteral("%1 %2").arg(q.id).arg(q.L, 0, 'f', 1));
    }
    // Legend.
    const QRectF bar(screen.right() + 20, screen.top(), 16, screen.height());
    for (int k = 0; k < static_cast<int>(bar.height()); ++k) {
        p.setPen(ramp(1.0 - k / bar.height()));
        p.drawLine(QPointF(bar.left(), bar.top() + k), QPointF(bar.right(), bar.top() + k));
    }
    p.setPen(palette().color(QPalette::Text));
    p.drawText(bar.topRight() + QPointF(4, 10), QString::number(hi, 'f', 1));
    p.drawText(bar.bottomRight() + QPointF(4, 0), QString::number(lo, 'f', 1));
}

}  // namespace cm::gui

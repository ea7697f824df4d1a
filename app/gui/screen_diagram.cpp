// SPDX-License-Identifier: Apache-2.0
// Screen diagram: proportional screen, points at their positions, current point ringed.
#include "app/gui/screen_diagram.h"

#include <QPainter>

namespace cm::gui {

ScreenDiagram::ScreenDiagram(QWidget* parent) : QWidget(parent) {
    setMinimumSize(240, 140);
    setAccessibleName(tr("Screen with measurement points"));
}

void ScreenDiagram::setLayout(double width_m, double height_m,
                              std::vector<geometry::MeasurementPoint> points) {
    width_m_ = width_m > 0 ? width_m : 16.0;
    height_m_ = height_m > 0 ? height_m : 9.0;
    points_ = std::move(points);
    marks_.clear();
    shown_.clear();
    update();
}

void ScreenDiagram::setCurrent(const QString& point_id) {
    current_ = point_id;
    update();
}

void ScreenDiagram::setShownPoints(const QStringList& point_ids) {
    shown_ = point_ids;
    update();
}

void ScreenDiagram::setMarked(const QString& point_id, const QColor& colour) {
    marks_[point_id] = colour;
    update();
}

void ScreenDiagram::clearMarks() {
    marks_.clear();
    update();
}

void ScreenDiagram::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const double margin = 16;
    const double availW = width() - 2 * margin;
    const double availH = height() - 2 * margin;
    const double scale = std::min(availW / width_m_, availH / height_m_);
    const QRectF screen(width() / 2.0 - width_m_ * scale / 2,
                        height() / 2.0 - height_m_ * scale / 2, width_m_ * scale,
                        height_m_ * scale);
    p.setPen(QPen(QColor(140, 140, 140), 1.5));
    p.setBrush(QColor(52, 52, 56));
    p.drawRect(screen);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    for (const auto& pt : points_) {
        // Screen coordinates: origin at the centre, y up (libmeasure/geometry/screen.h).
        const QPointF c(screen.center().x() + pt.position.x_m * scale,
                        screen.center().y() - pt.position.y_m * scale);
        const QString id = QString::fromStdString(pt.id);
        if (!shown_.isEmpty() && !shown_.contains(id)) {
            continue;  // another step's point: it would only confuse the aim
        }
        const bool isCurrent = id == current_;
        const auto mark = marks_.find(id);
        p.setPen(QPen(QColor(180, 180, 180), 1));
        p.setBrush(mark != marks_.end() ? *mark : QColor(90, 90, 95));
        p.drawEllipse(c, 6, 6);
        if (isCurrent) {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(QColor(255, 200, 80), 3));
            p.drawEllipse(c, 13, 13);
            p.drawLine(c + QPointF(-20, 0), c + QPointF(-14, 0));
            p.drawLine(c + QPointF(14, 0), c + QPointF(20, 0));
            p.drawLine(c + QPointF(0, -20), c + QPointF(0, -14));
            p.drawLine(c + QPointF(0, 14), c + QPointF(0, 20));
        }
        p.setPen(QColor(220, 220, 220));
        p.drawText(c + QPointF(9, -8), id);
    }
}

}  // namespace cm::gui

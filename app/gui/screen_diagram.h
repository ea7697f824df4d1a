// SPDX-License-Identifier: Apache-2.0
// The screen seen from the seat, with the measurement points and the one to aim at highlighted.
#pragma once

#include "libmeasure/geometry/point_layout.h"

#include <QColor>
#include <QMap>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace cm::gui {

class ScreenDiagram : public QWidget {
    Q_OBJECT
public:
    explicit ScreenDiagram(QWidget* parent = nullptr);
    void setLayout(double width_m, double height_m, std::vector<geometry::MeasurementPoint> points);
    void setCurrent(const QString& point_id);
    /// Only these points are drawn (the current step's); empty: every point of the layout.
    void setShownPoints(const QStringList& point_ids);
    QStringList shownPoints() const { return shown_; }
    /// Marks a point as measured, in a verdict or neutral colour.
    void setMarked(const QString& point_id, const QColor& colour);
    void clearMarks();
    QString current() const { return current_; }
    QSize sizeHint() const override { return {360, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double width_m_ = 16.0;
    double height_m_ = 9.0;
    std::vector<geometry::MeasurementPoint> points_;
    QString current_;
    QStringList shown_;
    QMap<QString, QColor> marks_;
};

}  // namespace cm::gui

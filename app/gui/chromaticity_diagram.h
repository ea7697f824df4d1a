// SPDX-License-Identifier: Apache-2.0
// CIE 1931 xy or CIE 1976 u'v' diagram: spectral locus, DCI-P3 gamut, each chromaticity target
// with its tolerance region, and the measured points; an inset magnifies the white target.
#pragma once

#include "app/gui/run_types.h"

#include <QWidget>

namespace cm::gui {

class ChromaticityDiagram : public QWidget {
    Q_OBJECT
public:
    enum class Space { CIE1931xy, CIE1976uv };
    explicit ChromaticityDiagram(Space space, QWidget* parent = nullptr);
    void setReport(ReportPtr report);
    Space space() const { return space_; }
    QSize sizeHint() const override { return {520, 480}; }
    /// Where the CIE 1931 chromaticity (x, y) is drawn, in logical widget pixels.
    QPointF widgetPoint(double x, double y) const;
    /// The zoomed inset around the white point: top right in xy, bottom right in u′v′, the
    /// corners no gamut reaches, so it never hides a primary.
    QRectF insetRect() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Box {
        double x0, x1, y0, y1;
    };
    void plot(QPainter& p, const QRectF& area, const Box& view, bool inset) const;
    QPointF toSpace(double x, double y) const;
    QRectF plotArea() const;
    Box fullView() const;

    Space space_;
    ReportPtr report_;
};

}  // namespace cm::gui

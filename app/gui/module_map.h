// SPDX-License-Identifier: Apache-2.0
// The LED wall's module map as an interactive heat map: each module coloured by its luminance
// relative to the wall mean, failing modules outlined, pixel defects marked; hovering tells a
// module's values, clicking asks for its LED image.
#pragma once

#include "app/common/imaging/wall_analysis.h"

#include <QImage>
#include <QWidget>

#include <memory>

namespace cm::gui {

using WallAnalysisPtr = std::shared_ptr<const app::WallAnalysis>;

class ModuleMap : public QWidget {
    Q_OBJECT
public:
    explicit ModuleMap(QWidget* parent = nullptr);
    void setAnalysis(WallAnalysisPtr analysis);
    /// Row-major module index under a widget point, -1 outside the wall.
    int moduleAt(QPointF pos) const;
    /// The module's centre in widget coordinates (for tests and keyboard focus).
    QPointF moduleCentre(int index) const;
    /// The module's values in words (luminance, ratio ± U, chromaticity, steps, defects, verdict).
    QString moduleDescription(int index) const;
    int hoveredModule() const { return hovered_; }
    QSize sizeHint() const override { return {560, 330}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

signals:
    void moduleHovered(int index);
    void moduleClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRectF wallRect() const;

    WallAnalysisPtr analysis_;
    int hovered_ = -1;
};

/// A patch of the per-LED luminance map (CV_32FC1, cd/m²) as a grey image, black at `lo` and
/// white at `hi` (NaN dark red), each LED `scale` × `scale` pixels.
QImage ledPatchImage(const cv::Mat& luminance, cv::Rect patch, double lo, double hi, int scale);

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// Luminance heat map over the screen, interpolated from the first step's readings.
#pragma once

#include "app/gui/run_types.h"

#include <QWidget>

namespace cm::gui {

class LuminanceMap : public QWidget {
    Q_OBJECT
public:
    explicit LuminanceMap(QWidget* parent = nullptr);
    void setReport(ReportPtr report);
    QSize sizeHint() const override { return {520, 320}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ReportPtr report_;
};

}  // namespace cm::gui

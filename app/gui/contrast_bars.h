// SPDX-License-Identifier: Apache-2.0
// Bars for the contrast figures (ratio to 1) against their limits.
#pragma once

#include "app/gui/run_types.h"

#include <QWidget>

namespace cm::gui {

class ContrastBars : public QWidget {
    Q_OBJECT
public:
    explicit ContrastBars(QWidget* parent = nullptr);
    void setReport(ReportPtr report);
    /// Number of contrast figures shown.
    int barCount() const;
    QSize sizeHint() const override { return {520, 300}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ReportPtr report_;
};

}  // namespace cm::gui

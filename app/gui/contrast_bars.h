// SPDX-License-Identifier: Apache-2.0
// Bars for the contrast figures (ratio to 1) against their limits.
#pragma once

#include "app/gui/run_types.h"

#include <QRectF>
#include <QString>
#include <QWidget>

#include <vector>

namespace cm::gui {

class ContrastBars : public QWidget {
    Q_OBJECT
public:
    explicit ContrastBars(QWidget* parent = nullptr);
    void setReport(ReportPtr report);
    /// Number of contrast figures shown.
    int barCount() const;
    QSize sizeHint() const override { return {520, 300}; }

    /// Where a bar's label goes (logical pixels, so high-DPI screens scale it) and its text.
    struct Label {
        QRectF rect;
        QString text;
    };
    /// The label of each bar as painted: wrapped over up to two lines in a column as wide as the
    /// longest label needs, at most 45 % of the widget.
    std::vector<Label> labels() const;
    /// Flags the labels are drawn with.
    static int labelFlags();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<const evaluation::FigureResult*> bars() const;
    double rowHeight(std::size_t n) const;

    ReportPtr report_;
};

}  // namespace cm::gui

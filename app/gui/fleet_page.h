// SPDX-License-Identifier: Apache-2.0
// The fleet page: the registry's screens with due dates and luminance trends (as `cinemeasure
// fleet`), loaded off the UI thread.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cm::gui {

class FleetPage : public QWidget {
    Q_OBJECT
public:
    explicit FleetPage(QWidget* parent = nullptr);
    /// Reads the registry in the background; `loaded` or `loadFailed` follows.
    void load();

signals:
    void backClicked();
    void loaded(int screens);
    void loadFailed(const QString& message);

private:
    QLineEdit* url_;
    QSpinBox* interval_;
    QPushButton* load_;
    QTableWidget* table_;
    QLabel* status_;
    QLabel* method_;
};

}  // namespace cm::gui

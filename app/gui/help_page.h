// SPDX-License-Identifier: Apache-2.0
// Help page: the keyboard flow of a run and what each page is for, in the UI language.
#pragma once

#include <QWidget>

class QTextBrowser;

namespace cm::gui {

class HelpPage : public QWidget {
    Q_OBJECT
public:
    explicit HelpPage(QWidget* parent = nullptr);
    /// The help text as shown (HTML).
    QString html() const;

signals:
    void backClicked();

private:
    QTextBrowser* text_ = nullptr;
};

}  // namespace cm::gui

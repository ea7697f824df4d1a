// SPDX-License-Identifier: Apache-2.0
// Help page text: the keyboard flow of a run, built from translated pieces.
#include "app/gui/help_page.h"

#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cm::gui {

namespace {

QString row(const QString& key, const QString& what) {
    return QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>")
        .arg(key.toHtmlEscaped(), what.toHtmlEscaped());
}

}  // namespace

HelpPage::HelpPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("helpPage"));
    auto* lay = new QVBoxLayout(this);
    text_ = new QTextBrowser;
    text_->setObjectName(QStringLiteral("helpText"));
    text_->setOpenExternalLinks(false);
    QString h;
    h += QStringLiteral("<h2>%1</h2>").arg(tr("Keyboard flow of a certification run"));
    h +=
        QStringLiteral("<p>%1</p>")
            .arg(
                tr("Every step of a run can be done without the mouse, with the meter in one hand. "
                   "The run page shows the pattern to put on the screen and the point to aim "
                   "at; the state line says when the run waits for you.")
                    .toHtmlEscaped());
    h += QStringLiteral("<table>");
    h += row(tr("N or Enter"), tr("Done: the meter is aimed, take the reading"));
    h += row(tr("R"), tr("Retake the last reading"));
    h += row(tr("P"), tr("Pause the run; press again to resume"));
    h += row(tr("Esc"), tr("Cancel the reading in progress"));
    h += row(tr("Tab / Shift+Tab"), tr("Move between fields and buttons"));
    h += row(tr("Space"), tr("Press the focused button"));
    h += QStringLiteral("</table>");
    h += QStringLiteral("<h3>%1</h3>").arg(tr("Pages"));
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Start: choose the profile, the instrument (or the simulator) and the "
                     "theatre, then start or resume a session. Run: follow the prompts; every "
                     "reading is written to the session journal at once, so stopping never loses "
                     "a reading. Results: figures with their expanded uncertainty U (k = 2), the "
                     "decision rule, the charts, and the export to PDF, JSON and CSV.")
                      .toHtmlEscaped());
    text_->setHtml(h);
    lay->addWidget(text_, 1);
    auto* back = new QPushButton(tr("Back"));
    back->setObjectName(QStringLiteral("helpBackButton"));
    connect(back, &QPushButton::clicked, this, &HelpPage::backClicked);
    lay->addWidget(back, 0, Qt::AlignLeft);
}

QString HelpPage::html() const {
    return text_->toHtml();
}

}  // namespace cm::gui

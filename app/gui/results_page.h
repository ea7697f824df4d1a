// SPDX-License-Identifier: Apache-2.0
// The results screen: figures coloured by verdict with the decision rule, the chromaticity
// diagrams, the luminance map, contrast bars, and export to PDF, JSON and CSV.
#pragma once

#include "app/gui/run_types.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace cm::gui {

class ChromaticityDiagram;
class ContrastBars;
class LuminanceMap;

class ResultsPage : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPage(QWidget* parent = nullptr);
    void setReport(ReportPtr report, const QString& out_dir);
    ReportPtr report() const { return report_; }
    /// Writes the chosen formats ("pdf", "json", "csv") into files off the UI thread.
    void exportTo(const QStringList& files);

signals:
    void newRunClicked();
    /// Export finished: the files written, or an error message.
    void exported(QStringList files, QString error);

private:
    void exportFinished();

    ReportPtr report_;
    QLabel* overall_;
    QLabel* rule_;
    QLabel* status_;
    QTableWidget* table_;
    QTabWidget* tabs_;
    ChromaticityDiagram* xy_;
    ChromaticityDiagram* uv_;
    LuminanceMap* map_;
    ContrastBars* bars_;
    QLineEdit* exportDir_;
    QPushButton* exportAll_;
    QFutureWatcher<QString> watcher_;
    QStringList pending_;
};

}  // namespace cm::gui

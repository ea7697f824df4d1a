// SPDX-License-Identifier: Apache-2.0
// Results page: the report model rendered; export through the app/common report writers.
#include "app/gui/results_page.h"

#include "app/common/data_paths.h"
#include "app/common/present/figure_text.h"
#include "app/common/report/output_guard.h"
#include "app/common/report/report_csv.h"
#include "app/common/report/report_json.h"
#include "app/common/report/report_pdf.h"
#include "app/gui/chromaticity_diagram.h"
#include "app/gui/contrast_bars.h"
#include "app/gui/i18n.h"
#include "app/gui/luminance_map.h"
#include "app/gui/theme.h"
#include "libmeasure/colorimetry/units.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace cm::gui {

namespace {

/// The figure as the CLI and the PDF print it (app/common/present).
QString valueText(const evaluation::FigureResult& f) {
    const auto t = app::present::formatFigure(f, uiLang());
    return QString::fromStdString(t.value_u + (t.value_fl.empty() ? "" : " " + t.value_fl));
}

/// Runs on a pool thread: the same writers as the CLI.
QString writeFiles(const report::CertificationReport& rep, const QStringList& files) {
    try {
        for (const QString& f : files) {
            const std::filesystem::path path = f.toStdString();
            const QString ext = QFileInfo(f).suffix().toLower();
            if (!path.parent_path().empty()) {
                app::ensureWritableDirectory(path.parent_path());
            }
            // A signature covered the old bytes: a rewritten report is unsigned.
            app::removeStaleSignature(path);
            if (ext == QLatin1String("json")) {
                app::writeFileAtomically(path, app::reportToJson(rep).dump(2) + "\n");
            } else if (ext == QLatin1String("csv")) {
                app::writeFileAtomically(path, app::reportCsv(rep));
            } else if (ext == QLatin1String("pdf")) {
                app::writeReportPdf(rep, path);
            } else {
                return QObject::tr("%1: unknown format (use .pdf, .json or .csv)").arg(f);
            }
        }
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

ResultsPage::ResultsPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("resultsPage"));
    auto* lay = new QVBoxLayout(this);
    overall_ = new QLabel;
    overall_->setObjectName(QStringLiteral("overallVerdict"));
    QFont big = overall_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    overall_->setFont(big);
    rule_ = new QLabel;
    rule_->setObjectName(QStringLiteral("decisionRuleLabel"));
    rule_->setWordWrap(true);
    lay->addWidget(overall_);
    lay->addWidget(rule_);

    auto* mid = new QHBoxLayout;
    table_ = new QTableWidget(0, 5);
    table_->setObjectName(QStringLiteral("resultsTable"));
    table_->setHorizontalHeaderLabels(
        {tr("Figure"), tr("Value ± U (k=2)"), tr("Limit"), tr("Verdict"), tr("Source")});
    // Fits a 1366×768 laptop without horizontal scrolling: the numbers take what they need, the
    // label and the source share the rest, wrapped over lines (the full source is the tooltip).
    auto* header = table_->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c : {1, 2, 3}) {
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    header->setSectionResizeMode(4, QHeaderView::Stretch);
    table_->setWordWrap(true);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    mid->addWidget(table_, 3);
    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("diagramTabs"));
    xy_ = new ChromaticityDiagram(ChromaticityDiagram::Space::CIE1931xy);
    xy_->setObjectName(QStringLiteral("cie1931Diagram"));
    uv_ = new ChromaticityDiagram(ChromaticityDiagram::Space::CIE1976uv);
    uv_->setObjectName(QStringLiteral("cie1976Diagram"));
    map_ = new LuminanceMap;
    map_->setObjectName(QStringLiteral("luminanceMap"));
    bars_ = new ContrastBars;
    bars_->setObjectName(QStringLiteral("contrastBars"));
    tabs_->addTab(xy_, tr("CIE 1931 xy"));
    tabs_->addTab(uv_, tr("CIE 1976 u′v′"));
    tabs_->addTab(map_, tr("Luminance map"));
    tabs_->addTab(bars_, tr("Contrast"));
    mid->addWidget(tabs_, 2);
    lay->addLayout(mid, 1);

    auto* row = new QHBoxLayout;
    exportDir_ = new QLineEdit;
    exportDir_->setObjectName(QStringLiteral("exportDirEdit"));
    exportAll_ = new QPushButton(tr("Export PDF, JSON and CSV"));
    exportAll_->setObjectName(QStringLiteral("exportAllButton"));
    auto* one = new QPushButton(tr("Export as…"));
    one->setObjectName(QStringLiteral("exportAsButton"));
    auto* again = new QPushButton(tr("New certification"));
    again->setObjectName(QStringLiteral("newRunButton"));
    row->addWidget(new QLabel(tr("Report folder")));
    row->addWidget(exportDir_, 1);
    row->addWidget(exportAll_);
    row->addWidget(one);
    row->addStretch();
    row->addWidget(again);
    lay->addLayout(row);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("exportStatus"));
    status_->setWordWrap(true);
    lay->addWidget(status_);

    connect(exportAll_, &QPushButton::clicked, this, [this] {
        const QDir dir(exportDir_->text());
        exportTo({dir.filePath(QStringLiteral("report.pdf")),
                  dir.filePath(QStringLiteral("report.json")),
                  dir.filePath(QStringLiteral("report.csv"))});
    });
    connect(one, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(
            this, tr("Export report"),
            QDir(exportDir_->text()).filePath(QStringLiteral("report.pdf")),
            tr("PDF report (*.pdf);;JSON report (*.json);;CSV readings (*.csv)"));
        if (!f.isEmpty()) {
            exportTo({f});
        }
    });
    connect(again, &QPushButton::clicked, this, &ResultsPage::newRunClicked);
    connect(&watcher_, &QFutureWatcher<QString>::finished, this, &ResultsPage::exportFinished);
}

void ResultsPage::setReport(ReportPtr report, const QString& out_dir) {
    report_ = std::move(report);
    const auto& r = *report_;
    overall_->setText(tr("Overall: %1 — %2")
                          .arg(verdictText(r.evaluation.overall), profileText(r.profile.title)));
    overall_->setStyleSheet(QStringLiteral("background: %1; padding: 6px;")
                                .arg(verdictColor(r.evaluation.overall).name()));
    rule_->setText(tr("Decision rule: %1. Session %2%3")
                       .arg(decisionRuleText(r.run.decision_rule),
                            QString::fromStdString(r.run.session_id),
                            r.complete ? QString() : tr(" — incomplete")));
    table_->setRowCount(static_cast<int>(r.evaluation.figures.size()));
    for (int i = 0; i < table_->rowCount(); ++i) {
        const auto& f = r.evaluation.figures[static_cast<std::size_t>(i)];
        const auto& t = f.spec.tolerance;
        const auto text = app::present::formatFigure(f, uiLang());
        const QString source = profileText(t.source);
        const QString label = QString::fromStdString(text.label);
        QTableWidgetItem* items[] = {
            new QTableWidgetItem(label), new QTableWidgetItem(valueText(f)),
            new QTableWidgetItem(QString::fromStdString(text.limit)),
            new QTableWidgetItem(t.informative ? tr("info") : verdictText(f.verdict)),
            new QTableWidgetItem(source)};
        items[0]->setData(Qt::UserRole, QString::fromStdString(f.spec.id));
        items[3]->setData(Qt::UserRole, QString::fromLatin1(evaluation::toString(f.verdict)));
        for (int c = 0; c < 5; ++c) {
            items[c]->setBackground(verdictColor(f.verdict));
            items[c]->setToolTip(source);
            table_->setItem(i, c, items[c]);
        }
    }
    xy_->setReport(report_);
    uv_->setReport(report_);
    map_->setReport(report_);
    bars_->setReport(report_);
    exportDir_->setText(out_dir);
    status_->clear();
}

void ResultsPage::exportTo(const QStringList& files) {
    if (!report_ || watcher_.isRunning()) {
        return;
    }
    exportAll_->setEnabled(false);
    status_->setText(tr("Writing…"));
    pending_ = files;
    auto rep = report_;
    watcher_.setFuture(QtConcurrent::run([rep, files] { return writeFiles(*rep, files); }));
}

void ResultsPage::exportFinished() {
    exportAll_->setEnabled(true);
    const QString error = watcher_.result();
    if (error.isEmpty()) {
        status_->setText(tr("Written: %1").arg(pending_.join(QStringLiteral(", "))));
    } else {
        status_->setText(
            tr("Export failed: %1 (the readings are kept in the session journal)").arg(error));
    }
    emit exported(error.isEmpty() ? pending_ : QStringList{}, error);
}

}  // namespace cm::gui

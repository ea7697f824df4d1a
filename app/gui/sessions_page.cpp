// SPDX-License-Identifier: Apache-2.0
// Session browser: app::listSessions on a worker thread → a sortable table; archive and export
// through app/common (app::archiveSession, app::storedSessionReport, app::writeSessionReport).
// app/common first: libmeasure headers must not see Qt's `emit` macro.
#include "app/common/report/output_guard.h"
#include "app/common/run/run_session.h"
#include "app/common/session/session_list.h"
#include "app/common/session/session_store.h"
#include "app/gui/start_page.h"

#include "app/gui/sessions_page.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <variant>

namespace cm::gui {

namespace {

using Loaded = std::variant<std::vector<app::SessionRow>, QString>;

Loaded readSessions(const std::filesystem::path& db, const std::string& site,
                    const std::string& status) {
    try {
        if (!std::filesystem::exists(db)) {
            return std::vector<app::SessionRow>{};
        }
        app::SessionStore store(db, app::SessionStore::Open::Existing);
        return app::listSessions(store, {site, {}, status});
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

QTableWidgetItem* cell(const QString& text) {
    auto* i = new QTableWidgetItem(text.isEmpty() ? QStringLiteral("—") : text);
    i->setFlags(i->flags() & ~Qt::ItemIsEditable);
    return i;
}

}  // namespace

QString sessionStatusText(const QString& s) {
    if (s == QLatin1String("running")) {
        return SessionsPage::tr("running");
    }
    if (s == QLatin1String("paused")) {
        return SessionsPage::tr("paused");
    }
    if (s == QLatin1String("interrupted")) {
        return SessionsPage::tr("interrupted");
    }
    if (s == QLatin1String("complete")) {
        return SessionsPage::tr("complete");
    }
    if (s == QLatin1String("archived")) {
        return SessionsPage::tr("archived");
    }
    if (s == QLatin1String("failed")) {
        return SessionsPage::tr("failed");
    }
    if (s == QLatin1String("stopped")) {
        return SessionsPage::tr("stopped");
    }
    return s;
}

SessionsPage::SessionsPage(std::filesystem::path db, QWidget* parent)
    : QWidget(parent), db_(std::move(db)) {
    setObjectName(QStringLiteral("sessionsPage"));
    auto* outer = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* back = new QPushButton(tr("Back"));
    back->setObjectName(QStringLiteral("sessionsBack"));
    site_ = new QLineEdit;
    site_->setObjectName(QStringLiteral("sessionsSite"));
    site_->setPlaceholderText(tr("Site contains…"));
    site_->setClearButtonEnabled(true);
    status_ = new QComboBox;
    status_->setObjectName(QStringLiteral("sessionsStatus"));
    status_->addItem(tr("Every status"), QString());
    for (const char* s : {"running", "paused", "interrupted", "complete", "archived"}) {
        status_->addItem(sessionStatusText(QLatin1String(s)), QLatin1String(s));
    }
    auto* refreshButton = new QPushButton(tr("Refresh"));
    refreshButton->setObjectName(QStringLiteral("sessionsRefresh"));
    top->addWidget(back);
    top->addWidget(new QLabel(tr("<b>Sessions</b>")));
    top->addStretch();
    top->addWidget(site_, 1);
    top->addWidget(status_);
    top->addWidget(refreshButton);
    outer->addLayout(top);

    table_ = new QTableWidget(0, Count);
    table_->setObjectName(QStringLiteral("sessionBrowserTable"));
    table_->setHorizontalHeaderLabels({tr("Site"), tr("Auditorium"), tr("Date (UTC)"),
                                       tr("Operator"), tr("Profile"), tr("Status"), tr("Readings"),
                                       tr("Session")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto* h = table_->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(Site, QHeaderView::Stretch);
    h->setSectionResizeMode(Auditorium, QHeaderView::Stretch);
    h->setSectionResizeMode(Profile, QHeaderView::Stretch);
    for (int c : {Date, Operator, Status, Readings, Session}) {
        h->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    table_->setSortingEnabled(true);
    table_->sortByColumn(Date, Qt::DescendingOrder);
    outer->addWidget(table_, 1);

    auto* actions = new QHBoxLayout;
    resume_ = new QPushButton(tr("Resume"));
    resume_->setObjectName(QStringLiteral("sessionsResume"));
    open_ = new QPushButton(tr("Open report"));
    open_->setObjectName(QStringLiteral("sessionsOpenReport"));
    format_ = new QComboBox;
    format_->setObjectName(QStringLiteral("sessionsExportFormat"));
    format_->addItem(QStringLiteral("PDF"), QStringLiteral("pdf"));
    format_->addItem(QStringLiteral("JSON"), QStringLiteral("json"));
    format_->addItem(QStringLiteral("CSV"), QStringLiteral("csv"));
    export_ = new QPushButton(tr("Export…"));
    export_->setObjectName(QStringLiteral("sessionsExport"));
    archive_ = new QPushButton(tr("Archive"));
    archive_->setObjectName(QStringLiteral("sessionsArchive"));
    actions->addWidget(resume_);
    actions->addWidget(open_);
    actions->addStretch();
    actions->addWidget(format_);
    actions->addWidget(export_);
    actions->addWidget(archive_);
    outer->addLayout(actions);
    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("sessionsMessage"));
    message_->setWordWrap(true);
    outer->addWidget(message_);

    connect(back, &QPushButton::clicked, this, &SessionsPage::backClicked);
    connect(refreshButton, &QPushButton::clicked, this, &SessionsPage::refresh);
    connect(site_, &QLineEdit::returnPressed, this, &SessionsPage::refresh);
    connect(status_, &QComboBox::currentIndexChanged, this, &SessionsPage::refresh);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &SessionsPage::updateButtons);
    connect(resume_, &QPushButton::clicked, this, &SessionsPage::resumeSelected);
    connect(open_, &QPushButton::clicked, this, &SessionsPage::openReport);
    connect(archive_, &QPushButton::clicked, this, &SessionsPage::archiveSelected);
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString id = selectedSession();
        if (id.isEmpty()) {
            return;
        }
        const QString fmt = format_->currentData().toString();
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Export the report of session %1").arg(id),
            QDir::home().filePath(QStringLiteral("report-%1.%2").arg(id, fmt)),
            QStringLiteral("%1 (*.%2)").arg(format_->currentText(), fmt));
        if (!file.isEmpty()) {
            exportSession(id, fmt, file);
        }
    });
    updateButtons();
}

void SessionsPage::refresh() {
    message_->setText(tr("Reading the journal…"));
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        const Loaded r = watcher->result();
        watcher->deleteLater();
        if (const auto* error = std::get_if<QString>(&r)) {
            showError(*error);
            return;
        }
        const auto& rows = std::get<0>(r);
        const QString keep = selectedSession();
        table_->setSortingEnabled(false);
        table_->clearContents();
        table_->setRowCount(int(rows.size()));
        for (int i = 0; i < int(rows.size()); ++i) {
            const app::SessionRow& s = rows[std::size_t(i)];
            auto q = [](const std::string& t) { return QString::fromStdString(t); };
            table_->setItem(i, Site, cell(q(s.site)));
            table_->setItem(i, Auditorium, cell(q(s.auditorium)));
            table_->setItem(i, Date, cell(q(s.created_utc)));
            table_->setItem(i, Operator, cell(q(s.operator_name)));
            table_->setItem(i, Profile, cell(q(s.profile_id)));
            auto* st = cell(sessionStatusText(q(s.status)));
            st->setData(Qt::UserRole, q(s.status));
            table_->setItem(i, Status, st);
            auto* n = new QTableWidgetItem;
            n->setData(Qt::DisplayRole, qulonglong(s.readings));  // sorts as a number
            n->setFlags(n->flags() & ~Qt::ItemIsEditable);
            n->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(i, Readings, n);
            auto* id = cell(q(s.id));
            id->setData(Qt::UserRole, q(s.out_dir));
            id->setToolTip(q(s.out_dir));
            table_->setItem(i, Session, id);
        }
        table_->setSortingEnabled(true);
        for (int i = 0; i < table_->rowCount(); ++i) {
            if (table_->item(i, Session)->text() == keep) {
                table_->selectRow(i);
            }
        }
        message_->setText(rows.empty()
                              ? tr("No sessions in %1").arg(QString::fromStdString(db_.string()))
                              : tr("%n session(s)", nullptr, int(rows.size())));
        updateButtons();
        emit loaded(int(rows.size()));
    });
    watcher->setFuture(QtConcurrent::run(readSessions, db_, site_->text().trimmed().toStdString(),
                                         status_->currentData().toString().toStdString()));
}

QString SessionsPage::selectedSession() const {
    const auto rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty() || table_->item(rows.front().row(), Session) == nullptr) {
        return {};
    }
    return table_->item(rows.front().row(), Session)->text();
}

QString SessionsPage::selectedOutDir() const {
    const auto rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty() || table_->item(rows.front().row(), Session) == nullptr) {
        return {};
    }
    return table_->item(rows.front().row(), Session)->data(Qt::UserRole).toString();
}

void SessionsPage::updateButtons() {
    const auto rows = table_->selectionModel()->selectedRows();
    const bool any = !rows.isEmpty();
    QString status;
    if (any && table_->item(rows.front().row(), Status) != nullptr) {
        status = table_->item(rows.front().row(), Status)->data(Qt::UserRole).toString();
    }
    resume_->setEnabled(any && status != QLatin1String("complete") &&
                        status != QLatin1String("archived") && status != QLatin1String("running"));
    open_->setEnabled(any);
    export_->setEnabled(any);
    archive_->setEnabled(any && status != QLatin1String("archived") &&
                         status != QLatin1String("running"));
}

void SessionsPage::showError(const QString& message) {
    message_->setText(tr("Error: %1").arg(message));
    emit failed(message);
}

void SessionsPage::openReport() {
    const QString dir = selectedOutDir();
    const QString pdf = QDir(dir).filePath(QStringLiteral("report.pdf"));
    if (dir.isEmpty() || !QFileInfo::exists(pdf)) {
        showError(tr("No report.pdf in %1: export one instead.").arg(dir));
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(pdf));
}

void SessionsPage::resumeSelected() {
    const QString id = selectedSession();
    if (id.isEmpty()) {
        return;
    }
    const QString outDir = selectedOutDir();
    QString port;
    try {
        app::SessionStore store(db_, app::SessionStore::Open::Existing);
        port = QString::fromStdString(app::fieldSessionPort(store.session(id.toStdString())));
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
        return;
    }
    if (port.isEmpty()) {
        emit resumeRequested(id, outDir, {});
        return;
    }
    // Not modal to the event loop, like the run page's dialogs: the page stays drawn.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("resumePortDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Resume session %1").arg(id));
    dialog->setLabelText(tr("Session %1 was measured on %2. The port of the meter now:")
                             .arg(id, QDir::toNativeSeparators(port)));
    QStringList ports = serialPorts();
    ports.removeAll(port);
    ports.prepend(port);
    dialog->setComboBoxItems(ports);
    dialog->setComboBoxEditable(true);
    dialog->setTextValue(port);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id, outDir](const QString& p) {
        if (p.trimmed().isEmpty()) {
            showError(tr("Not resumed: a field session needs the meter's port."));
            return;
        }
        emit resumeRequested(id, outDir, p.trimmed());
    });
    dialog->open();
}

void SessionsPage::archiveSelected() {
    const QString id = selectedSession();
    if (id.isEmpty()) {
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Archive session"),
        tr("Archive session %1? Its readings are kept; it is listed as archived and cannot be "
           "resumed.")
            .arg(id));
    if (answer != QMessageBox::Yes) {
        return;
    }
    try {
        app::SessionStore store(db_, app::SessionStore::Open::Existing);
        app::archiveSession(store, id.toStdString());
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
        return;
    }
    emit archived(id);
    refresh();
}

void SessionsPage::exportSession(const QString& id, const QString& format, const QString& file) {
    message_->setText(tr("Writing the report of session %1…").arg(id));
    export_->setEnabled(false);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, file] {
        const QString error = watcher->result();
        watcher->deleteLater();
        updateButtons();
        if (!error.isEmpty()) {
            showError(error);
            return;
        }
        message_->setText(tr("Wrote %1").arg(file));
        emit exported(file);
    });
    const app::present::Lang lang = QLocale().name().startsWith(QLatin1String("zh"))
                                        ? app::present::Lang::ZhCN
                                        : app::present::Lang::En;
    watcher->setFuture(
        QtConcurrent::run([db = db_, id = id.toStdString(), fmt = format.toStdString(),
                           path = file.toStdString(), lang]() -> QString {
            try {
                app::SessionStore store(db, app::SessionStore::Open::Existing);
                const report::CertificationReport rep = app::storedSessionReport(store, id);
                // The file dialog asked before replacing; the old file is kept beside it.
                app::prepareOutputFile(path, true);
                app::writeSessionReport(rep, fmt, path, lang);
                return {};
            } catch (const std::exception& e) {
                return QString::fromStdString(e.what());
            }
        }));
}

}  // namespace cm::gui

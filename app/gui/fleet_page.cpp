// SPDX-License-Identifier: Apache-2.0
// Fleet page: registry URL and interval in, the same cells as the CLI table out. The registry is
// read on a worker thread (QtConcurrent); only the finished rows reach the widgets.
#include "app/gui/fleet_page.h"

#include "app/gui/i18n.h"

#include "app/common/registry/fleet.h"
#include "app/common/registry/migrations.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <ctime>
#include <variant>

namespace cm::gui {

namespace {

/// The worker's answer: the rendered cells, or the one-line error.
using FleetResult = std::variant<std::vector<std::vector<std::string>>, QString>;

FleetResult readFleet(const std::string& url, int intervalDays) {
    try {
        registry::Connection c(url);
        registry::requireSchema(c);
        registry::FleetOptions o;
        o.interval_days = intervalDays;
        o.as_of_unix_s = static_cast<double>(std::time(nullptr));
        return registry::fleetCells(registry::loadFleet(c, o));
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

}  // namespace

FleetPage::FleetPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("fleetPage"));
    auto* outer = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    auto* back = new QPushButton(tr("Back"));
    back->setObjectName(QStringLiteral("fleetBack"));
    url_ = new QLineEdit(qEnvironmentVariable("CINEMEASURE_REGISTRY"));
    url_->setObjectName(QStringLiteral("fleetRegistry"));
    url_->setPlaceholderText(tr("Registry, e.g. postgresql://chain-it@registry.example/cm"));
    interval_ = new QSpinBox;
    interval_->setObjectName(QStringLiteral("fleetInterval"));
    interval_->setRange(1, 36500);
    interval_->setValue(365);
    interval_->setSuffix(tr(" days"));
    load_ = new QPushButton(tr("Load fleet"));
    load_->setObjectName(QStringLiteral("fleetLoad"));
    row->addWidget(back);
    row->addWidget(new QLabel(tr("Registry:")));
    row->addWidget(url_, 1);
    row->addWidget(new QLabel(tr("Interval:")));
    row->addWidget(interval_);
    row->addWidget(load_);
    outer->addLayout(row);
    table_ = new QTableWidget;
    table_->setObjectName(QStringLiteral("fleetTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    outer->addWidget(table_, 1);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("fleetStatus"));
    // registry::trendMethod() in the UI language.
    method_ = new QLabel(
        tr("Trend: ordinary least-squares line of %1 against time in years of 365.25 days, over "
           "every signed session of the screen; U (k=2) of the slope from the residuals (3 or "
           "more sessions); projected date = where the line meets the lower limit of the latest "
           "session's profile.")
            .arg(figureLabelText("Centre luminance")));
    method_->setWordWrap(true);
    outer->addWidget(status_);
    outer->addWidget(method_);
    connect(back, &QPushButton::clicked, this, &FleetPage::backClicked);
    connect(load_, &QPushButton::clicked, this, &FleetPage::load);
}

void FleetPage::load() {
    load_->setEnabled(false);
    status_->setText(tr("Reading the registry…"));
    auto* watcher = new QFutureWatcher<FleetResult>(this);
    connect(watcher, &QFutureWatcher<FleetResult>::finished, this, [this, watcher] {
        const FleetResult r = watcher->result();
        watcher->deleteLater();
        load_->setEnabled(true);
        if (const auto* error = std::get_if<QString>(&r)) {
            status_->setText(*error);
            emit loadFailed(*error);
            return;
        }
        const auto& cells = std::get<0>(r);
        table_->clear();
        table_->setColumnCount(static_cast<int>(cells.front().size()));
        table_->setRowCount(static_cast<int>(cells.size()) - 1);
        QStringList header;
        for (const auto& h : cells.front()) {
            header << QString::fromStdString(h);
        }
        table_->setHorizontalHeaderLabels(header);
        for (std::size_t i = 1; i < cells.size(); ++i) {
            for (std::size_t j = 0; j < cells[i].size(); ++j) {
                table_->setItem(static_cast<int>(i - 1), static_cast<int>(j),
                                new QTableWidgetItem(QString::fromStdString(cells[i][j])));
            }
        }
        const int screens = static_cast<int>(cells.size()) - 1;
        status_->setText(tr("%n screen(s)", nullptr, screens));
        emit loaded(screens);
    });
    watcher->setFuture(
        QtConcurrent::run(readFleet, url_->text().toStdString(), interval_->value()));
}

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// Run page widgets; every action is a signal, the controller talks to the worker.
#include "app/gui/run_page.h"

#include "app/gui/i18n.h"
#include "app/gui/screen_diagram.h"
#include "app/gui/theme.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

#include <cmath>

namespace cm::gui {

RunPage::RunPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("runPage"));
    auto* lay = new QVBoxLayout(this);
    title_ = new QLabel;
    title_->setObjectName(QStringLiteral("runTitle"));
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title_->setFont(big);
    lay->addWidget(title_);
    auto* prow = new QHBoxLayout;
    progressText_ = new QLabel;
    progressText_->setObjectName(QStringLiteral("progressText"));
    progress_ = new QProgressBar;
    progress_->setObjectName(QStringLiteral("taskProgress"));
    prow->addWidget(progressText_);
    prow->addWidget(progress_, 1);
    lay->addLayout(prow);

    // Fault panel: the message and Retry; hidden until an instrument error.
    faultPanel_ = new QFrame;
    faultPanel_->setObjectName(QStringLiteral("faultPanel"));
    faultPanel_->setFrameShape(QFrame::StyledPanel);
    faultPanel_->setStyleSheet(QStringLiteral("#faultPanel { background: #5a1e1a; }"));
    auto* frow = new QHBoxLayout(faultPanel_);
    faultText_ = new QLabel;
    faultText_->setObjectName(QStringLiteral("faultText"));
    faultText_->setWordWrap(true);
    retry_ = new QPushButton(tr("Retry"));
    retry_->setObjectName(QStringLiteral("retryButton"));
    frow->addWidget(faultText_, 1);
    frow->addWidget(retry_);
    faultPanel_->hide();
    lay->addWidget(faultPanel_);

    auto* mid = new QHBoxLayout;
    auto* task = new QVBoxLayout;
    pattern_ = new QLabel;
    pattern_->setObjectName(QStringLiteral("patternLabel"));
    pattern_->setFont(big);
    aim_ = new QLabel;
    aim_->setObjectName(QStringLiteral("aimLabel"));
    instruction_ = new QLabel;
    instruction_->setWordWrap(true);
    diagram_ = new ScreenDiagram;
    diagram_->setObjectName(QStringLiteral("screenDiagram"));
    busy_ = new QProgressBar;
    busy_->setObjectName(QStringLiteral("busyIndicator"));
    busy_->setTextVisible(false);
    busy_->setRange(0, 1);
    reading_ = new QLabel(tr("No reading yet"));
    reading_->setObjectName(QStringLiteral("readingLabel"));
    reading_->setFont(big);
    task->addWidget(pattern_);
    task->addWidget(aim_);
    task->addWidget(instruction_);
    task->addWidget(diagram_, 1);
    task->addWidget(busy_);
    task->addWidget(reading_);
    mid->addLayout(task, 3);

    auto* side = new QVBoxLayout;
    figures_ = new QTableWidget(0, 3);
    figures_->setObjectName(QStringLiteral("liveFigures"));
    figures_->setHorizontalHeaderLabels({tr("Figure"), tr("Value"), tr("Verdict")});
    figures_->horizontalHeader()->setStretchLastSection(true);
    figures_->verticalHeader()->hide();
    figures_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    log_ = new QListWidget;
    log_->setObjectName(QStringLiteral("eventLog"));
    side->addWidget(new QLabel(tr("Verdicts so far")));
    side->addWidget(figures_, 2);
    side->addWidget(log_, 1);
    mid->addLayout(side, 2);
    lay->addLayout(mid, 1);

    auto* buttons = new QHBoxLayout;
    done_ = new QPushButton(tr("&Done — measure (N)"));
    done_->setObjectName(QStringLiteral("doneButton"));
    done_->setShortcut(QKeySequence(Qt::Key_N));
    done_->setEnabled(false);  // until a task waits for the operator
    retake_ = new QPushButton(tr("Retake (R)"));
    retake_->setObjectName(QStringLiteral("retakeButton"));
    retake_->setShortcut(QKeySequence(Qt::Key_R));
    skipReason_ = new QLineEdit;
    skipReason_->setObjectName(QStringLiteral("skipReasonEdit"));
    skipReason_->setPlaceholderText(tr("Reason for skipping"));
    skip_ = new QPushButton(tr("Skip"));
    skip_->setObjectName(QStringLiteral("skipButton"));
    pause_ = new QPushButton(tr("Pause (P)"));
    pause_->setObjectName(QStringLiteral("pauseButton"));
    pause_->setCheckable(true);
    pause_->setShortcut(QKeySequence(Qt::Key_P));
    cancel_ = new QPushButton(tr("Cancel reading (Esc)"));
    cancel_->setObjectName(QStringLiteral("cancelButton"));
    cancel_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancel_->setEnabled(false);
    stop_ = new QPushButton(tr("Stop run"));
    stop_->setObjectName(QStringLiteral("stopButton"));
    buttons->addWidget(done_);
    buttons->addWidget(retake_);
    buttons->addWidget(skipReason_, 1);
    buttons->addWidget(skip_);
    buttons->addWidget(pause_);
    buttons->addWidget(cancel_);
    buttons->addStretch();
    buttons->addWidget(stop_);
    lay->addLayout(buttons);
    // Return confirms the aim too: the natural key when the meter is in place.
    auto* enter = new QShortcut(QKeySequence(Qt::Key_Return), this);
    connect(enter, &QShortcut::activated, done_, &QPushButton::click);

    connect(done_, &QPushButton::clicked, this, [this] {
        if (current_ >= 0 && done_->isEnabled()) {
            done_->setEnabled(false);
            emit doneClicked(current_);
        }
    });
    connect(retake_, &QPushButton::clicked, this, [this] {
        if (lastReadTask_ >= 0) {
            log(tr("Retake of task %1 requested").arg(lastReadTask_ + 1));
            emit retakeClicked(lastReadTask_);
        }
    });
    connect(skip_, &QPushButton::clicked, this, [this] {
        if (current_ >= 0) {
            emit skipClicked(current_, skipReason_->text().trimmed());
            skipReason_->clear();
        }
    });
    connect(pause_, &QPushButton::toggled, this, [this](bool on) {
        setPaused(on);
        emit pauseToggled(on);
    });
    connect(cancel_, &QPushButton::clicked, this, [this] {
        cancel_->setEnabled(false);
        setPaused(true);
        log(tr("Reading cancelled: it is discarded when the instrument returns; run paused"));
        emit cancelClicked();
    });
    connect(retry_, &QPushButton::clicked, this, [this] {
        retry_->setEnabled(false);
        faultText_->setText(faultText_->text() + QLatin1Char('\n') + tr("Reconnecting…"));
        emit retryClicked();
    });
    connect(stop_, &QPushButton::clicked, this, &RunPage::stopClicked);
}

void RunPage::setPaused(bool paused) {
    const QSignalBlocker block(pause_);
    pause_->setChecked(paused);
    pause_->setText(paused ? tr("Resume (P)") : tr("Pause (P)"));
    pause_->setShortcut(QKeySequence(Qt::Key_P));
}

void RunPage::log(const QString& line) {
    log_->addItem(QTime::currentTime().toString(QStringLiteral("HH:mm:ss ")) + line);
    log_->scrollToBottom();
}

void RunPage::setRunLayout(const RunLayout& layout) {
    title_->setText(tr("%1 — session %2")
                        .arg(profileText(layout.profile_title.toStdString()), layout.session_id));
    diagram_->setLayout(layout.screen_width_m, layout.screen_height_m, layout.points);
    total_ = layout.total_tasks;
    readingsTaken_ = layout.already_taken;
    progress_->setRange(0, std::max(1, total_));
    progress_->setValue(layout.already_taken);
    figures_->setRowCount(0);
    log_->clear();
    hideFault();
    setPaused(false);
    current_ = -1;
    lastReadTask_ = -1;
    done_->setEnabled(false);
    reading_->setText(tr("No reading yet"));
    if (layout.already_taken > 0) {
        log(tr("Resumed: %1 reading(s) already in the journal").arg(layout.already_taken));
    }
}

void RunPage::showTask(const TaskView& t) {
    current_ = t.index;
    waitsForOperator_ = t.waits_for_operator;
    progressText_->setText(tr("Task %1 of %2").arg(t.index + 1).arg(t.total));
    const QString eyewear =
        t.eyewear == QLatin1String("none")
            ? QString()
            : tr(" through the %1 lens").arg(stimulusText(t.eyewear.toStdString()));
    pattern_->setText(
        tr("Show pattern: %1%2").arg(stimulusText(t.stimulus.toStdString()), eyewear));
    aim_->setText(tr("Aim at: %1 (%2) — repeat %3 of %4")
                      .arg(t.point, pointLabelText(t.point_label.toStdString()))
                      .arg(t.repeat + 1)
                      .arg(t.repeats));
    instruction_->setText(profileText(t.instruction.toStdString()));
    instruction_->setVisible(!t.instruction.isEmpty());
    diagram_->setCurrent(t.point);
    done_->setEnabled(t.waits_for_operator);
    skip_->setEnabled(true);
    if (t.new_stimulus) {
        log(tr("Pattern '%1' on screen").arg(stimulusText(t.stimulus.toStdString())));
    }
}

void RunPage::showMeasuring(int) {
    busy_->setRange(0, 0);  // indeterminate: the instrument integrates
    cancel_->setEnabled(true);
    done_->setEnabled(false);
}

void RunPage::showReading(const ReadingView& r) {
    busy_->setRange(0, 1);
    busy_->setValue(1);
    cancel_->setEnabled(false);
    lastReadTask_ = r.task_index;
    readingsTaken_ = r.readings_taken;
    progress_->setValue(r.task_index + 1);
    reading_->setText(tr("%1: L = %2 cd/m²   x = %3   y = %4")
                          .arg(r.point)
                          .arg(r.luminance_cdm2, 0, 'f', 2)
                          .arg(r.x, 0, 'f', 4)
                          .arg(r.y, 0, 'f', 4));
    diagram_->setMarked(r.point, QColor(110, 110, 160));
    log(tr("Reading %1 at %2: %3 cd/m²")
            .arg(r.readings_taken)
            .arg(r.point)
            .arg(r.luminance_cdm2, 0, 'f', 2));
    if (!r.evaluation) {
        return;
    }
    const auto& figs = r.evaluation->figures;
    figures_->setRowCount(static_cast<int>(figs.size()));
    for (int i = 0; i < static_cast<int>(figs.size()); ++i) {
        const auto& f = figs[static_cast<std::size_t>(i)];
        auto* name = new QTableWidgetItem(figureLabelText(f.spec.label));
        auto* value = new QTableWidgetItem(std::isfinite(f.value) ? QString::number(f.value, 'g', 5)
                                                                  : QStringLiteral("—"));
        auto* verdict = new QTableWidgetItem(verdictText(f.verdict));
        verdict->setBackground(verdictColor(f.verdict));
        figures_->setItem(i, 0, name);
        figures_->setItem(i, 1, value);
        figures_->setItem(i, 2, verdict);
    }
    figures_->resizeColumnsToContents();
}

void RunPage::showSkipped(int task_index, const QString& reason) {
    progress_->setValue(task_index + 1);
    log(tr("Task %1 skipped: %2").arg(task_index + 1).arg(skipReasonText(reason.toStdString())));
}

void RunPage::showRetaken(int task_index, int readings_taken) {
    readingsTaken_ = readings_taken;
    progress_->setValue(task_index);
    lastReadTask_ = -1;
    log(tr("Back to task %1 for a retake").arg(task_index + 1));
}

void RunPage::showCancelled(int task_index) {
    busy_->setRange(0, 1);
    busy_->setValue(0);
    log(tr("Reading of task %1 discarded").arg(task_index + 1));
}

void RunPage::showFault(const QString& message, int readings_kept) {
    busy_->setRange(0, 1);
    busy_->setValue(0);
    cancel_->setEnabled(false);
    faultText_->setText(tr("Instrument problem: %1\n%2 reading(s) are kept in the journal. "
                           "Check the cable and the instrument, then Retry.")
                            .arg(message)
                            .arg(readings_kept));
    retry_->setEnabled(true);
    faultPanel_->show();
    log(tr("Instrument problem: %1").arg(message));
}

void RunPage::hideFault() {
    faultPanel_->hide();
    retry_->setEnabled(true);
}

void RunPage::showStopped(const QString& session_id, int readings_kept) {
    busy_->setRange(0, 1);
    cancel_->setEnabled(false);
    done_->setEnabled(false);
    log(tr("Run stopped; %1 reading(s) kept in session %2").arg(readings_kept).arg(session_id));
}

}  // namespace cm::gui

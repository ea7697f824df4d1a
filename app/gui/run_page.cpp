// SPDX-License-Identifier: Apache-2.0
// Run page widgets; every action is a signal, the controller talks to the worker.
#include "app/gui/run_page.h"

#include "app/common/present/figure_text.h"
#include "app/gui/i18n.h"
#include "app/gui/screen_diagram.h"
#include "app/gui/theme.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

#include <algorithm>
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

    // The connected meter and the checks made before the first reading.
    instrument_ = new QLabel(tr("Meter: not connected yet"));
    instrument_->setObjectName(QStringLiteral("instrumentLabel"));
    instrument_->setWordWrap(true);
    instrument_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    checks_ = new QLabel;
    checks_->setObjectName(QStringLiteral("fitnessLabel"));
    checks_->setWordWrap(true);
    checks_->hide();
    lay->addWidget(instrument_);
    lay->addWidget(checks_);

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
    state_ = new QLabel;
    state_->setObjectName(QStringLiteral("stateLabel"));
    state_->setWordWrap(true);
    QFont bold = state_->font();
    bold.setBold(true);
    state_->setFont(bold);
    pattern_ = new QLabel;
    pattern_->setObjectName(QStringLiteral("patternLabel"));
    pattern_->setFont(big);
    swatch_ = new QLabel;
    swatch_->setObjectName(QStringLiteral("patternSwatch"));
    swatch_->setFixedSize(44, 28);
    swatch_->setFrameShape(QFrame::Box);
    swatch_->setAccessibleName(tr("Colour of the pattern to show"));
    patternFile_ = new QLabel;
    patternFile_->setObjectName(QStringLiteral("patternFileLabel"));
    patternFile_->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    reading_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tolerance_ = new QLabel;
    tolerance_->setObjectName(QStringLiteral("readingTolerance"));
    tolerance_->setWordWrap(true);
    task->addWidget(state_);
    auto* patternRow = new QHBoxLayout;
    patternRow->addWidget(swatch_);
    patternRow->addWidget(pattern_, 1);
    task->addLayout(patternRow);
    task->addWidget(patternFile_);
    task->addWidget(aim_);
    task->addWidget(instruction_);
    task->addWidget(diagram_, 1);
    task->addWidget(busy_);
    task->addWidget(reading_);
    task->addWidget(tolerance_);
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
        if (paused_) {
            return;  // paused: N does nothing (nothing is queued for the resume)
        }
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
        if (current_ < 0) {
            return;
        }
        const QString why = skipReason_->text().trimmed();
        if (why.isEmpty()) {
            askSkipReason();  // a skip needs a reason: it goes into the report
            return;
        }
        emit skipClicked(current_, why);
        skipReason_->clear();
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
    connect(stop_, &QPushButton::clicked, this, &RunPage::confirmStop);
}

void RunPage::askSkipReason() {
    // Not modal to the event loop: the run keeps its state on screen while the reason is typed.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("skipReasonDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Skip this reading"));
    dialog->setLabelText(
        tr("Why is task %1 skipped? The reason goes into the report.").arg(current_ + 1));
    dialog->setInputMode(QInputDialog::TextInput);
    const int task = current_;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, task](const QString& text) {
        const QString why = text.trimmed();
        if (why.isEmpty()) {
            setState(tr("Not skipped: a skip needs a reason."));
            return;
        }
        if (task == current_) {
            emit skipClicked(task, why);
        }
    });
    dialog->open();
}

void RunPage::confirmStop() {
    auto* box = new QMessageBox(QMessageBox::Question, tr("Stop the run?"),
                                tr("Stop the run? The %1 reading(s) taken stay in the journal and "
                                   "the session can be resumed later.")
                                    .arg(readingsTaken_),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("stopConfirmBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::No);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes) {
            emit stopClicked();
        }
    });
    box->open();
}

void RunPage::setState(const QString& text) {
    state_->setText(text);
}

void RunPage::showInstrument(const InstrumentView& v) {
    const QString none = tr("not stated");
    instrument_->setText(
        tr("Meter: %1 %2 — serial %3, firmware %4, calibrated %5%6")
            .arg(v.family, v.model.isEmpty() ? tr("(model not reported)") : v.model,
                 v.serial.isEmpty() ? none : v.serial, v.firmware.isEmpty() ? none : v.firmware,
                 v.calibration_date.isEmpty() ? none : v.calibration_date,
                 v.port.isEmpty() ? QString() : tr(" — on %1").arg(v.port)));
    checks_->setText(tr("Checks before the first reading:") + QLatin1Char('\n') +
                     v.checks.join(QLatin1Char('\n')));
    checks_->setVisible(!v.checks.isEmpty());
    if (v.any_not_fit) {
        log(
            tr("Instrument not fit for this profile (accepted for a rehearsal): no overall "
               "verdict"));
    }
}

void RunPage::showMeasuringFor(int task_index, int seconds) {
    if (measuring_ && task_index == current_) {
        setState(tr("Measuring… (%1 s). Cancel (Esc) discards this reading.").arg(seconds));
    }
}

void RunPage::showWaitingForMeter(const QString& status) {
    setState(tr("Waiting for the meter: %1. Plug it back in; the run continues by itself, or "
                "Stop.")
                 .arg(status));
}

void RunPage::setPaused(bool paused) {
    paused_ = paused;
    done_->setEnabled(!paused && waitsForOperator_ && !measuring_ && current_ >= 0);
    if (paused) {
        setState(tr("Paused: nothing is measured until you resume (P)."));
    } else if (current_ >= 0 && !measuring_) {
        setState(waitsForOperator_
                     ? tr("Waiting for you: %1 Then press Done (N).").arg(instructionText_)
                     : tr("Measuring next task…"));
    }
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
    points_ = layout.points;
    instrument_->setText(tr("Meter: connecting…"));
    checks_->hide();
    measuring_ = false;
    tolerance_->clear();
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
    measuring_ = false;
    waitsForOperator_ = t.waits_for_operator;
    instructionText_ = t.instruction;
    progressText_->setText(tr("Task %1 of %2").arg(t.index + 1).arg(t.total));
    const QString eyewear =
        t.eyewear == QLatin1String("none")
            ? QString()
            : tr(" through the %1 lens").arg(stimulusText(t.eyewear.toStdString()));
    // The stimulus by name; a code-value step also shows its code values ("code:X,Y,Z").
    QString shown = stimulusText(t.stimulus.toStdString());
    if (t.pattern.startsWith(QLatin1String("code:"))) {
        shown += tr(" (X'Y'Z' %1)").arg(t.pattern.mid(5));
    }
    pattern_->setText(tr("Show pattern: %1%2").arg(shown, eyewear));
    if (t.swatch.isValid()) {
        swatch_->setStyleSheet(QStringLiteral("background: %1;").arg(t.swatch.name()));
        swatch_->setToolTip(t.swatch.name());
    } else {
        swatch_->setStyleSheet(QString());  // display off and the like: no colour to show
    }
    patternFile_->setText(
        t.pattern_file.isEmpty()
            ? tr("Pattern file: none for this step")
            : tr("Pattern file: %1 (`cinemeasure patterns`)").arg(t.pattern_file));
    aim_->setText(tr("Aim at: %1 (%2) — repeat %3 of %4")
                      .arg(t.point, pointLabelText(t.point_label.toStdString()))
                      .arg(t.repeat + 1)
                      .arg(t.repeats));
    instruction_->setText(t.instruction);  // already in the UI language (run_text.h)
    instruction_->setVisible(!t.instruction.isEmpty());
    diagram_->setShownPoints(t.step_points);
    diagram_->setCurrent(t.point);
    done_->setEnabled(t.waits_for_operator && !paused_);
    skip_->setEnabled(true);
    busy_->setRange(0, 1);
    busy_->setValue(0);
    cancel_->setEnabled(false);
    if (!t.problem.isEmpty()) {
        setState(tr("Waiting for you: %1\nRetry with Done (N) after checking the pattern and the "
                    "aim, or Skip with a reason.")
                     .arg(t.problem));
        log(t.problem);
    } else if (paused_) {
        setState(tr("Paused: nothing is measured until you resume (P)."));
    } else if (t.waits_for_operator) {
        setState(tr("Waiting for you: %1 Then press Done (N).").arg(t.instruction));
    } else {
        setState(tr("Measuring automatically (simulated operator)…"));
    }
    if (t.new_stimulus) {
        log(tr("Pattern '%1' on screen").arg(stimulusText(t.stimulus.toStdString())));
    }
}

void RunPage::showMeasuring(int) {
    measuring_ = true;
    setState(tr("Measuring… keep the meter still."));
    busy_->setRange(0, 0);  // indeterminate: the instrument integrates
    cancel_->setEnabled(true);
    done_->setEnabled(false);
}

void RunPage::showReading(const ReadingView& r) {
    measuring_ = false;
    busy_->setRange(0, 1);
    busy_->setValue(1);
    cancel_->setEnabled(false);
    lastReadTask_ = r.task_index;
    readingsTaken_ = r.readings_taken;
    progress_->setValue(r.task_index + 1);
    // u′v′ from xy (CIE 1976 UCS): u′ = 4x / (−2x + 12y + 3), v′ = 9y / (−2x + 12y + 3).
    const double d = -2.0 * r.x + 12.0 * r.y + 3.0;
    const double up = d != 0.0 ? 4.0 * r.x / d : 0.0;
    const double vp = d != 0.0 ? 9.0 * r.y / d : 0.0;
    reading_->setText(tr("%1: L = %2 cd/m²   x = %3   y = %4   u′ = %5   v′ = %6")
                          .arg(r.point)
                          .arg(r.luminance_cdm2, 0, 'f', 2)
                          .arg(r.x, 0, 'f', 4)
                          .arg(r.y, 0, 'f', 4)
                          .arg(up, 0, 'f', 4)
                          .arg(vp, 0, 'f', 4));
    diagram_->setMarked(r.point, QColor(110, 110, 160));
    log(tr("Reading %1 at %2: %3 cd/m²")
            .arg(r.readings_taken)
            .arg(r.point)
            .arg(r.luminance_cdm2, 0, 'f', 2));
    if (!r.evaluation) {
        return;
    }
    // Against the tolerance: each figure of this step at this point, with its limit and verdict.
    QStringList against;
    for (const auto& f : r.evaluation->figures) {
        const bool here = f.spec.step == r.step.toStdString() &&
                          (f.spec.point == r.point.toStdString() ||
                           std::find(f.spec.points.begin(), f.spec.points.end(),
                                     r.point.toStdString()) != f.spec.points.end() ||
                           (f.spec.point.empty() && f.spec.points.empty()));
        if (!here) {
            continue;
        }
        const auto text = app::present::formatFigure(f, uiLang());
        against << tr("%1: %2 — limit %3 — %4")
                       .arg(QString::fromStdString(text.label),
                            QString::fromStdString(text.value_u),
                            QString::fromStdString(text.limit.empty() ? "—" : text.limit),
                            QString::fromStdString(text.verdict));
    }
    tolerance_->setText(against.join(QLatin1Char('\n')));
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
    measuring_ = false;
    busy_->setRange(0, 1);
    busy_->setValue(0);
    log(tr("Reading of task %1 discarded").arg(task_index + 1));
}

void RunPage::showFault(const QString& message, int readings_kept) {
    busy_->setRange(0, 1);
    busy_->setValue(0);
    cancel_->setEnabled(false);
    measuring_ = false;
    // The advice follows the fault: a lost connection is a cable or power matter, a reading out of
    // range is the pattern or the aim, anything else the instrument's own message.
    const QString lower = message.toLower();
    QString advice;
    if (lower.contains(QStringLiteral("too dark")) || lower.contains(QStringLiteral("under"))) {
        advice =
            tr("Too little light for this meter: check that the pattern is on screen and "
               "the meter is aimed at the point, then Retry; or Skip with a reason.");
    } else if (lower.contains(QStringLiteral("over range")) ||
               lower.contains(QStringLiteral("over-range"))) {
        advice =
            tr("Too bright for this meter: check the pattern, then Retry; or Skip with a "
               "reason.");
    } else if (lower.contains(QStringLiteral("disconnect")) ||
               lower.contains(QStringLiteral("cannot open"))) {
        advice = tr("Check the cable and that the instrument is switched on, then Retry.");
    } else {
        advice = tr("Check the instrument, then Retry.");
    }
    faultText_->setText(tr("Instrument problem: %1\n%2 reading(s) are kept in the journal. %3")
                            .arg(message)
                            .arg(readings_kept)
                            .arg(advice));
    setState(tr("Waiting for you: the instrument needs attention (see above)."));
    retry_->setEnabled(true);
    faultPanel_->show();
    log(tr("Instrument problem: %1").arg(message));
}

void RunPage::hideFault() {
    faultPanel_->hide();
    retry_->setEnabled(true);
}

void RunPage::showStopped(const QString& session_id, int readings_kept) {
    measuring_ = false;
    setState(tr("Stopped."));
    busy_->setRange(0, 1);
    cancel_->setEnabled(false);
    done_->setEnabled(false);
    log(tr("Run stopped; %1 reading(s) kept in session %2").arg(readings_kept).arg(session_id));
}

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// LED wall page: settings → WallRunSpec (app/common) → WallJobRunner (worker thread) → the
// analysis shown as map, defects and figures; export through app/common's writers.
#include "app/gui/wall_page.h"

#include "app/common/data_paths.h"
#include "app/common/present/wall_text.h"
#include "app/gui/i18n.h"
#include "app/gui/module_map.h"
#include "drivers/camera/device.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace cm::gui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

std::string ss(const QString& s) {
    return s.trimmed().toStdString();
}

/// Widgets side by side in one form row; the first stretches.
QWidget* inRow(std::initializer_list<QWidget*> widgets) {
    auto* w = new QWidget;
    auto* row = new QHBoxLayout(w);
    row->setContentsMargins(0, 0, 0, 0);
    for (QWidget* c : widgets) {
        row->addWidget(c, c == *widgets.begin() ? 1 : 0);
    }
    return w;
}

/// A file field with a Browse button: a file of `filter`, or a folder when `filter` is empty.
QWidget* withBrowse(QLineEdit* edit, const QString& title, const QString& filter) {
    auto* browse = new QPushButton(WallPage::tr("Browse…"));
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, title, filter] {
        const QString f = filter.isEmpty()
                              ? QFileDialog::getExistingDirectory(edit, title, edit->text())
                              : QFileDialog::getOpenFileName(edit, title, edit->text(), filter);
        if (!f.isEmpty()) {
            edit->setText(f);
        }
    });
    return inRow({edit, browse});
}

/// A simulated sensor dimension in pixels.
QSpinBox* sensorSpin(const char* name, int px) {
    auto* s = new QSpinBox;
    s->setObjectName(QLatin1String(name));
    s->setRange(16, 20000);
    s->setValue(px);
    return s;
}

QString defectKindText(imaging::DefectKind kind) {
    return kind == imaging::DefectKind::Dead ? WallPage::tr("dead") : WallPage::tr("stuck");
}

enum class PlanState { Waiting, Now, Captured };

/// One line of the capture plan: "2. white — now".
QString planText(int index, const QString& stimulus, PlanState state) {
    switch (state) {
        case PlanState::Waiting:
            return WallPage::tr("%1. %2 — waiting").arg(index + 1).arg(stimulus);
        case PlanState::Now:
            return WallPage::tr("%1. %2 — now").arg(index + 1).arg(stimulus);
        case PlanState::Captured:
            break;
    }
    return WallPage::tr("%1. %2 — captured").arg(index + 1).arg(stimulus);
}

QTableWidgetItem* item(const QString& text) {
    auto* i = new QTableWidgetItem(text);
    i->setFlags(i->flags() & ~Qt::ItemIsEditable);
    return i;
}

QTableWidgetItem* numberItem(double v, int decimals) {
    // A clipped stuck LED's ratio is +∞ (pixel_defects.h): a symbol, not Qt's English "inf".
    auto* i = item(std::isnan(v)   ? QStringLiteral("—")
                   : std::isinf(v) ? (v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞"))
                                   : QString::number(v, 'f', decimals));
    i->setData(Qt::UserRole, v);
    i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

/// The model and port libgphoto2 finds, or the error in words.
struct Detected {
    std::vector<drivers::DetectedCamera> cameras;
    QString error;
};

Detected detectNow() {
    Detected d;
    try {
        d.cameras = drivers::camera::CameraDevice::list();
    } catch (const std::exception& e) {
        d.error = QString::fromStdString(e.what());
    }
    return d;
}

}  // namespace

WallPage::WallPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("wallPage"));
    runner_ = new WallJobRunner(this);
    auto* outer = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* back = new QPushButton(tr("Back"));
    back->setObjectName(QStringLiteral("wallBack"));
    auto* title = new QLabel(tr("<b>LED wall</b> — camera capture, per-module analysis, report"));
    top->addWidget(back);
    top->addWidget(title, 1);
    outer->addLayout(top);

    auto* split = new QSplitter(Qt::Horizontal);
    split->setChildrenCollapsible(false);
    split->addWidget(buildSettings());
    split->addWidget(buildCapture());
    split->addWidget(buildResults());
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 0);
    split->setStretchFactor(2, 1);
    outer->addWidget(split, 1);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("wallStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(status_);

    connect(back, &QPushButton::clicked, this, &WallPage::backClicked);
    connect(runner_, &WallJobRunner::planReady, this, [this](const QStringList& steps) {
        plan_->clear();
        for (int i = 0; i < steps.size(); ++i) {
            plan_->addItem(planText(i, steps[i], PlanState::Waiting));
            plan_->item(i)->setData(Qt::UserRole, steps[i]);
        }
    });
    connect(runner_, &WallJobRunner::patternRequested, this,
            [this](int step, const QString& stimulus, bool waiting) {
                for (int i = 0; i < plan_->count(); ++i) {
                    const QString s = plan_->item(i)->data(Qt::UserRole).toString();
                    plan_->item(i)->setText(planText(i, s,
                                                     i < step    ? PlanState::Captured
                                                     : i == step ? PlanState::Now
                                                                 : PlanState::Waiting));
                }
                plan_->setCurrentRow(step);
                prompt_->setText(
                    waiting ? tr("Show “%1” full screen on the wall, then press “Pattern is on "
                                 "the wall”.")
                                  .arg(stimulus)
                            : tr("The simulated wall shows “%1”; capturing.").arg(stimulus));
                continue_->setEnabled(waiting);
                if (waiting) {
                    continue_->setFocus();
                }
            });
    connect(runner_, &WallJobRunner::progress, this,
            [this](const QString& line) { log_->appendPlainText(line); });
    connect(runner_, &WallJobRunner::captured, this, [this](const WallCaptureView& c) {
        auto* it =
            new QListWidgetItem(QIcon(QPixmap::fromImage(c.thumbnail)),
                                tr("%1\n%2 s, level %3 %4")
                                    .arg(QFileInfo(c.file).fileName())
                                    .arg(c.exposure_s, 0, 'g', 3)
                                    .arg(c.level, 0, 'f', 2)
                                    .arg(c.accepted ? tr("used") : tr("retake: %1").arg(c.note)));
        it->setToolTip(c.file);
        it->setData(Qt::UserRole, c.file);
        thumbs_->addItem(it);
        thumbs_->scrollToItem(it);
    });
    connect(runner_, &WallJobRunner::finished, this, [this](WallOutcomePtr o) {
        setBusy(false);
        for (int i = 0; i < plan_->count(); ++i) {
            plan_->item(i)->setText(
                planText(i, plan_->item(i)->data(Qt::UserRole).toString(), PlanState::Captured));
        }
        prompt_->setText(tr("Capture finished and analysed."));
        showOutcome(std::move(o));
    });
    connect(runner_, &WallJobRunner::failed, this, [this](const QString& message) {
        setBusy(false);
        prompt_->clear();
        showError(message);
    });
    connect(continue_, &QPushButton::clicked, this, [this] {
        continue_->setEnabled(false);
        prompt_->setText(tr("Capturing…"));
        runner_->continueCapture();
    });
    connect(cancel_, &QPushButton::clicked, this, [this] { runner_->cancel(); });
    connect(capture_, &QPushButton::clicked, this, &WallPage::startCapture);
    connect(analyse_, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Images of the wall: the uniformity frame, then optionally a defect frame"),
            {},
            tr("Images (*.tif *.tiff *.dng *.cr2 *.cr3 *.nef *.arw *.raf *.orf *.rw2);;All "
               "files (*)"));
        if (!files.isEmpty()) {
            analyseImages(files);
        }
    });
    connect(export_, &QPushButton::clicked, this, [this] { exportResults(); });
    connect(detect_, &QPushButton::clicked, this, &WallPage::detectCameras);
    connect(source_, &QComboBox::currentIndexChanged, this, &WallPage::updateSourceControls);
    connect(map_, &ModuleMap::moduleHovered, this, [this](int i) {
        if (i >= 0) {
            moduleInfo_->setText(map_->moduleDescription(i));
        }
    });
    connect(map_, &ModuleMap::moduleClicked, this, &WallPage::showModule);
    connect(defects_, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { showDefect(row); });
    updateSourceControls();
    setBusy(false);
    export_->setEnabled(false);
}

QWidget* WallPage::buildSettings() {
    auto* box = new QWidget;
    auto* form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    source_ = new QComboBox;
    source_->setObjectName(QStringLiteral("wallSource"));
    source_->addItem(tr("Simulated camera (virtual wall)"), QStringLiteral("simulate"));
    source_->addItem(tr("Camera (libgphoto2)"), QStringLiteral("camera"));
    form->addRow(tr("Camera:"), source_);
    camera_ = new QComboBox;
    camera_->setObjectName(QStringLiteral("wallCamera"));
    camera_->setEditable(true);
    camera_->setToolTip(
        tr("libgphoto2 port, e.g. usb: or ptpip:HOST (PTP/IP cameras are not "
           "discoverable: type the address)"));
    detect_ = new QPushButton(tr("Detect"));
    detect_->setObjectName(QStringLiteral("wallDetect"));
    form->addRow(tr("Port:"), inRow({camera_, detect_}));

    layout_ = new QLineEdit(qs((app::dataDir() / "virtual" / "led-sample-wall.json").string()));
    layout_->setObjectName(QStringLiteral("wallLayout"));
    layout_->setToolTip(
        tr("A config with screen and led sections; with the simulator also the "
           "virtual wall it photographs"));
    form->addRow(tr("Wall layout:"),
                 withBrowse(layout_, tr("LED wall layout"), tr("Config (*.json)")));
    limits_ = new QComboBox;
    limits_->setObjectName(QStringLiteral("wallLimits"));
    limits_->setEditable(true);
    limits_->addItems({QStringLiteral("dyt8-2023-draft"), QStringLiteral("dci-dvd-1.2")});
    form->addRow(tr("Limits:"), limits_);
    provisional_ = new QComboBox;
    provisional_->setObjectName(QStringLiteral("wallProvisional"));
    provisional_->addItem(tr("Draft limits informative"), QStringLiteral("informative"));
    provisional_->addItem(tr("Draft limits binding (with a warning)"), QStringLiteral("binding"));
    form->addRow(tr("Draft limits:"), provisional_);
    calibration_ = new QLineEdit;
    calibration_->setObjectName(QStringLiteral("wallCalibration"));
    calibration_->setPlaceholderText(tr("the virtual camera's"));
    form->addRow(tr("Camera calibration:"),
                 withBrowse(calibration_, tr("Camera calibration"), tr("Calibration (*.json)")));
    iso_ = new QLineEdit(QStringLiteral("100"));
    iso_->setObjectName(QStringLiteral("wallIso"));
    aperture_ = new QLineEdit(QStringLiteral("2.8"));
    aperture_->setObjectName(QStringLiteral("wallAperture"));
    form->addRow(tr("Exposure:"),
                 inRow({new QLabel(tr("ISO")), iso_, new QLabel(tr("f/")), aperture_}));
    uniformityPattern_ = new QLineEdit(QStringLiteral("white@1/8"));
    uniformityPattern_->setObjectName(QStringLiteral("wallUniformityPattern"));
    uniformityPattern_->setToolTip(tr("Pattern for modules and seams, with the first shutter"));
    form->addRow(tr("Uniformity pattern:"), uniformityPattern_);
    defectPattern_ = new QLineEdit(QStringLiteral("grey:0.5@1/2"));
    defectPattern_->setObjectName(QStringLiteral("wallDefectPattern"));
    defectPattern_->setToolTip(tr("Pattern for dead and stuck LEDs; none to skip"));
    form->addRow(tr("Defect pattern:"), defectPattern_);
    sensorW_ = sensorSpin("wallSensorWidth", 6144);
    sensorH_ = sensorSpin("wallSensorHeight", 3456);
    form->addRow(tr("Simulated sensor:"), inRow({sensorW_, new QLabel(QStringLiteral("×")),
                                                 sensorH_, new QLabel(tr("px"))}));
    // Fault injection for demonstrations and rehearsals (as `wall --simulate --fault`).
    fault_ = new QComboBox;
    fault_->setObjectName(QStringLiteral("wallFault"));
    fault_->addItem(tr("no fault"), QStringLiteral("none"));
    fault_->addItem(tr("unplugged during a download"), QStringLiteral("unplug"));
    fault_->addItem(tr("garbled reply"), QStringLiteral("garbage"));
    fault_->addItem(tr("connection dropped"), QStringLiteral("drop"));
    fault_->addItem(tr("slow camera"), QStringLiteral("slow"));
    fault_->addItem(tr("camera busy"), QStringLiteral("busy"));
    fault_->addItem(tr("memory card full"), QStringLiteral("card-full"));
    form->addRow(tr("Simulated fault:"), fault_);
    wait_ = new QCheckBox(tr("Wait for me before each pattern"));
    wait_->setObjectName(QStringLiteral("wallWait"));
    form->addRow(QString(), wait_);
    out_ = new QLineEdit;
    out_->setObjectName(QStringLiteral("wallOut"));
    out_->setPlaceholderText(tr("captures, analysis and report go here"));
    form->addRow(tr("Output folder:"), withBrowse(out_, tr("Output folder"), QString()));
    capture_ = new QPushButton(tr("Capture"));
    capture_->setObjectName(QStringLiteral("wallCapture"));
    capture_->setDefault(true);
    form->addRow(QString(), capture_);

    exposure_ = new QDoubleSpinBox;
    exposure_->setObjectName(QStringLiteral("wallImageExposure"));
    exposure_->setDecimals(5);
    exposure_->setRange(0.0, 3600.0);
    exposure_->setSpecialValueText(tr("from the file"));
    exposure_->setSuffix(tr(" s"));
    form->addRow(tr("Image exposure:"), exposure_);
    corners_ = new QLineEdit;
    corners_->setObjectName(QStringLiteral("wallCorners"));
    corners_->setPlaceholderText(tr("found in the image"));
    corners_->setToolTip(
        tr("Screen corners x,y ×4 (top-left, top-right, bottom-right, "
           "bottom-left), camera pixels"));
    form->addRow(tr("Screen corners:"), corners_);
    analyse_ = new QPushButton(tr("Analyse existing images…"));
    analyse_->setObjectName(QStringLiteral("wallAnalyseImages"));
    form->addRow(QString(), analyse_);

    auto* scroll = new QScrollArea;
    scroll->setWidget(box);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(330);
    scroll->setMaximumWidth(400);
    return scroll;
}

QWidget* WallPage::buildCapture() {
    auto* w = new QWidget;
    auto* v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(new QLabel(tr("Capture plan")));
    plan_ = new QListWidget;
    plan_->setObjectName(QStringLiteral("wallPlan"));
    plan_->setMaximumHeight(80);
    plan_->setWordWrap(true);
    plan_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    v->addWidget(plan_);
    prompt_ = new QLabel;
    prompt_->setObjectName(QStringLiteral("wallPrompt"));
    prompt_->setWordWrap(true);
    prompt_->setMinimumHeight(40);
    v->addWidget(prompt_);
    auto* row = new QHBoxLayout;
    continue_ = new QPushButton(tr("Pattern is on the wall"));
    continue_->setObjectName(QStringLiteral("wallContinue"));
    continue_->setEnabled(false);
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setObjectName(QStringLiteral("wallCancel"));
    row->addWidget(continue_, 1);
    row->addWidget(cancel_);
    v->addLayout(row);
    v->addWidget(new QLabel(tr("Captures")));
    thumbs_ = new QListWidget;
    thumbs_->setObjectName(QStringLiteral("wallThumbnails"));
    thumbs_->setViewMode(QListView::IconMode);
    thumbs_->setIconSize(QSize(200, 120));
    thumbs_->setResizeMode(QListView::Adjust);
    thumbs_->setWordWrap(true);
    thumbs_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    v->addWidget(thumbs_, 1);
    log_ = new QPlainTextEdit;
    log_->setObjectName(QStringLiteral("wallLog"));
    log_->setReadOnly(true);
    log_->setMaximumHeight(110);
    log_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    v->addWidget(log_);
    w->setMinimumWidth(240);
    w->setMaximumWidth(300);
    return w;
}

QWidget* WallPage::buildResults() {
    auto* w = new QWidget;
    auto* v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    verdict_ = new QLabel(tr("No analysis yet"));
    verdict_->setObjectName(QStringLiteral("wallVerdict"));
    verdict_->setWordWrap(true);
    v->addWidget(verdict_);
    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("wallTabs"));
    // Module map with the hovered module's values and the clicked module's LEDs.
    auto* mapTab = new QWidget;
    auto* mv = new QVBoxLayout(mapTab);
    map_ = new ModuleMap;
    mv->addWidget(map_, 1);
    auto* info = new QHBoxLayout;
    moduleInfo_ = new QLabel(tr("Point at a module for its values; click it for its LEDs."));
    moduleInfo_->setObjectName(QStringLiteral("wallModuleInfo"));
    moduleInfo_->setWordWrap(true);
    moduleInfo_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    ledImage_ = new QLabel;
    ledImage_->setObjectName(QStringLiteral("wallLedImage"));
    ledImage_->setMinimumSize(160, 120);
    ledImage_->setAlignment(Qt::AlignCenter);
    info->addWidget(moduleInfo_, 1);
    info->addWidget(ledImage_);
    mv->addLayout(info);
    tabs_->addTab(mapTab, tr("Module map"));
    // Defects with a zoom on the selected one.
    auto* defTab = new QWidget;
    auto* dv = new QHBoxLayout(defTab);
    defects_ = new QTableWidget(0, 6);
    defects_->setObjectName(QStringLiteral("wallDefects"));
    defects_->setHorizontalHeaderLabels(
        {tr("Kind"), tr("LED x"), tr("LED y"), tr("Module"), tr("Ratio"), tr("cd/m²")});
    defects_->setSelectionBehavior(QAbstractItemView::SelectRows);
    defects_->setSelectionMode(QAbstractItemView::SingleSelection);
    defects_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    defects_->verticalHeader()->setVisible(false);
    dv->addWidget(defects_, 1);
    defectZoom_ = new QLabel;
    defectZoom_->setObjectName(QStringLiteral("wallDefectZoom"));
    defectZoom_->setMinimumSize(208, 208);
    defectZoom_->setAlignment(Qt::AlignCenter);
    dv->addWidget(defectZoom_);
    tabs_->addTab(defTab, tr("Defects"));
    figures_ = new QTableWidget(0, 4);
    figures_->setObjectName(QStringLiteral("wallFigures"));
    figures_->setHorizontalHeaderLabels({tr("Figure"), tr("Value"), tr("Limit"), tr("Verdict")});
    figures_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < figures_->columnCount(); ++c) {
        figures_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    figures_->verticalHeader()->setVisible(false);
    figures_->setWordWrap(true);
    tabs_->addTab(figures_, tr("Figures"));
    v->addWidget(tabs_, 1);
    export_ = new QPushButton(tr("Export PDF and JSON"));
    export_->setObjectName(QStringLiteral("wallExport"));
    v->addWidget(export_, 0, Qt::AlignRight);
    w->setMinimumWidth(420);
    return w;
}

void WallPage::updateSourceControls() {
    const bool sim = source_->currentData().toString() == QLatin1String("simulate");
    camera_->setEnabled(!sim && !runner_->busy());
    detect_->setEnabled(!sim && !runner_->busy());
    sensorW_->setEnabled(sim);
    sensorH_->setEnabled(sim);
    fault_->setEnabled(sim);
    wait_->setEnabled(sim);
    wait_->setToolTip(sim ? QString() : tr("A real camera always waits for you"));
}

void WallPage::setBusy(bool busy) {
    capture_->setEnabled(!busy);
    analyse_->setEnabled(!busy);
    cancel_->setEnabled(busy);
    source_->setEnabled(!busy);
    if (!busy) {
        continue_->setEnabled(false);
    }
    updateSourceControls();
}

void WallPage::beginJob(const QString& prompt) {
    status_->clear();
    plan_->clear();
    thumbs_->clear();
    log_->clear();
    outcome_.reset();
    export_->setEnabled(false);
    setBusy(true);
    prompt_->setText(prompt);
}

void WallPage::showError(const QString& message) {
    status_->setText(tr("Error: %1").arg(message));
    log_->appendPlainText(message);
    emit failed(message);
}

void WallPage::startCapture() {
    if (runner_->busy()) {
        return;
    }
    app::WallRunSpec spec;
    spec.simulate = source_->currentData().toString() == QLatin1String("simulate");
    spec.layout_file = ss(layout_->text());
    if (!spec.simulate) {
        const QVariant port = camera_->currentData();
        spec.port = ss(camera_->currentText());
        if (port.isValid() &&
            camera_->currentText() == camera_->itemText(camera_->currentIndex())) {
            const QStringList pm = port.toStringList();
            spec.port = ss(pm.value(0));
            spec.model = ss(pm.value(1));
        }
    }
    spec.calibration = ss(calibration_->text());
    spec.limits = ss(limits_->currentText());
    spec.provisional = ss(provisional_->currentData().toString());
    spec.uniformity_pattern = ss(uniformityPattern_->text());
    spec.defect_pattern = ss(defectPattern_->text());
    spec.iso = ss(iso_->text());
    spec.aperture = ss(aperture_->text());
    spec.width_px = sensorW_->value();
    spec.height_px = sensorH_->value();
    spec.fault = ss(fault_->currentData().toString());
    spec.out = ss(out_->text());
    // Checked here so the message stands beside the field, before any thread starts.
    QString problem;
    if (spec.layout_file.empty()) {
        problem = tr("Choose the wall layout (a config with an led section).");
    } else if (!spec.simulate && spec.port.empty()) {
        problem = tr("Choose a camera: Detect, or type its libgphoto2 port.");
    } else if (spec.out.empty()) {
        problem = tr("Choose an output folder for the captures and the report.");
    }
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    beginJob(tr("Checking the inputs and connecting to the camera…"));
    runner_->startCapture(spec, wait_->isChecked());
}

void WallPage::analyseImages(const QStringList& files) {
    if (runner_->busy()) {
        return;
    }
    app::WallImageSpec spec;
    for (const QString& f : files) {
        spec.images.push_back(f.toStdString());
    }
    spec.layout_file = ss(layout_->text());
    spec.limits = ss(limits_->currentText());
    spec.provisional = ss(provisional_->currentData().toString());
    spec.calibration = ss(calibration_->text());
    spec.corners = ss(corners_->text());
    if (exposure_->value() > 0) {
        spec.overrides.exposure_s = exposure_->value();
    }
    beginJob(tr("Analysing %n image(s)…", nullptr, int(files.size())));
    runner_->startImages(spec);
}

void WallPage::showOutcome(WallOutcomePtr o) {
    outcome_ = std::move(o);
    const app::WallAnalysis& a = *outcome_->analysis;
    status_->clear();
    // Worded here from the evaluation's values (present::wallVerdictText is the CLI's English).
    const auto names = [&a](const std::vector<std::string>& ids) {
        QStringList out;
        for (const std::string& id : ids) {
            out << wallFigureText(a, id);
        }
        return out.join(tr("; "));
    };
    const QString outcome = !a.failed.empty() ? tr("FAIL (%1)").arg(names(a.failed))
                            : a.judged        ? tr("PASS")
                                       : tr("NOT JUDGED — only draft limits (informative); "
                                            "choose “Draft limits binding” to judge by them");
    QString verdict = tr("Verdict: %1 (against %2)").arg(outcome, qs(outcome_->limits.id));
    if (a.provisional_binding) {
        verdict += QLatin1Char('\n') +
                   tr("WARNING: draft (provisional) limits decide this verdict; they are not "
                      "confirmed standard values");
    }
    if (!a.informative_failed.empty()) {
        verdict += QLatin1Char('\n') + tr("draft limits (informative, not deciding) would fail: %1")
                                           .arg(names(a.informative_failed));
    }
    verdict_->setText(verdict);
    map_->setAnalysis(outcome_->analysis);
    moduleInfo_->setText(
        tr("%n module(s) outside the limits. Point at a module for its values; "
           "click it for its LEDs.",
           nullptr, a.modules_failing));
    ledImage_->clear();

    defects_->setSortingEnabled(false);
    defects_->setRowCount(int(a.defects.size()));
    for (int i = 0; i < int(a.defects.size()); ++i) {
        const auto& d = a.defects[std::size_t(i)];
        auto* kind = item(defectKindText(d.kind));
        kind->setData(Qt::UserRole, i);
        defects_->setItem(i, 0, kind);
        defects_->setItem(i, 1, numberItem(d.x_px, 0));
        defects_->setItem(i, 2, numberItem(d.y_px, 0));
        defects_->setItem(
            i, 3, item(QStringLiteral("%1, %2").arg(d.module.col + 1).arg(d.module.row + 1)));
        defects_->setItem(i, 4, numberItem(d.ratio, 3));
        defects_->setItem(i, 5, numberItem(d.luminance_cdm2, 2));
    }
    defects_->setSortingEnabled(true);
    defectZoom_->clear();
    tabs_->setTabText(1, tr("Defects (%1)").arg(a.defects.size()));

    figures_->setRowCount(int(a.figures.size()));
    for (int i = 0; i < int(a.figures.size()); ++i) {
        const auto& f = a.figures[std::size_t(i)];
        QString value;
        if (!f.measured) {
            value = tr("not measured");
        } else {
            // The PDF's digits (app/common), in the UI's locale-free notation.
            const int d = app::present::wallValueDecimals(f);
            value = f.u_k2 > 0
                        ? QStringLiteral("%1 ± %2 %3")
                              .arg(f.value, 0, 'f', d)
                              .arg(f.u_k2, 0, 'f', app::present::wallUncertaintyDecimals(f))
                              .arg(wallUnitText(f.unit))
                        : QStringLiteral("%1 %2").arg(f.value, 0, 'f', d).arg(wallUnitText(f.unit));
        }
        const QString v = !f.measured    ? QString()
                          : !f.has_limit ? tr("information")
                          : f.pass       ? tr("pass")
                          : f.deciding   ? tr("FAIL")
                                         : tr("would fail");
        QString limit = f.has_limit ? wallLimitText(f.limit) : QString();
        if (f.has_limit && f.provisional) {
            limit += f.deciding ? tr(" (provisional, binding)") : tr(" (provisional, informative)");
        }
        // The note under the name (the stretching column), the limit's source as its tooltip.
        const QString note = wallNoteText(f.note);
        auto* name =
            item(note.isEmpty() ? wallFigureText(f) : wallFigureText(f) + QLatin1Char('\n') + note);
        name->setToolTip(wallSourceText(f));
        figures_->setItem(i, 0, name);
        figures_->setItem(i, 1, item(value));
        figures_->setItem(i, 2, item(limit));
        figures_->setItem(i, 3, item(v));
    }
    figures_->resizeRowsToContents();
    export_->setEnabled(true);
    emit analysisShown();
}

void WallPage::showModule(int index) {
    if (!outcome_ || index < 0) {
        return;
    }
    const app::WallAnalysis& a = *outcome_->analysis;
    const auto& m = a.modules[std::size_t(index)];
    moduleInfo_->setText(map_->moduleDescription(index));
    if (a.luminance.empty()) {
        ledImage_->setText(tr("No per-LED image"));
        return;
    }
    // Black at 0.8 × the module mean, white at 1.2 × (a dead LED is black, a stuck one white).
    const cv::Rect r = a.layout.moduleRect(m.stats.index);
    const int scale =
        std::max(1, std::min(200 / std::max(1, r.width), 150 / std::max(1, r.height)));
    ledImage_->setPixmap(QPixmap::fromImage(
        ledPatchImage(a.luminance, r, 0.8 * m.stats.mean_cdm2, 1.2 * m.stats.mean_cdm2, scale)));
    ledImage_->setToolTip(
        tr("LEDs of module %1, %2").arg(m.stats.index.col + 1).arg(m.stats.index.row + 1));
}

void WallPage::showDefect(int row) {
    if (!outcome_ || row < 0 || defects_->item(row, 0) == nullptr) {
        defectZoom_->clear();
        return;
    }
    const app::WallAnalysis& a = *outcome_->analysis;
    const int i = defects_->item(row, 0)->data(Qt::UserRole).toInt();
    const auto& d = a.defects[std::size_t(i)];
    if (a.luminance.empty()) {
        return;
    }
    // 13 × 13 LEDs around the defect, 16 screen pixels each, the defect framed.
    constexpr int kHalf = 6, kScale = 16;
    const cv::Rect r(d.x_px - kHalf, d.y_px - kHalf, 2 * kHalf + 1, 2 * kHalf + 1);
    const cv::Rect clipped = r & cv::Rect(0, 0, a.luminance.cols, a.luminance.rows);
    const double mean =
        a.modules[std::size_t(d.module.row * a.layout.modules_across + d.module.col)]
            .stats.mean_cdm2;
    QImage img = ledPatchImage(a.luminance, clipped, 0.0, 1.5 * mean, kScale);
    QPainter p(&img);
    p.setPen(QPen(QColor(255, 200, 0), 2));
    p.drawRect((d.x_px - clipped.x) * kScale, (d.y_px - clipped.y) * kScale, kScale, kScale);
    p.end();
    defectZoom_->setPixmap(QPixmap::fromImage(img));
    defectZoom_->setToolTip(
        tr("%1 LED at x %2, y %3").arg(defectKindText(d.kind)).arg(d.x_px).arg(d.y_px));
}

void WallPage::exportResults(const QString& dirIn) {
    if (!outcome_) {
        showError(tr("Nothing to export yet: capture or analyse images first."));
        return;
    }
    QString dir = dirIn.isEmpty() ? out_->text().trimmed() : dirIn;
    if (dir.isEmpty()) {
        dir = QFileDialog::getExistingDirectory(this, tr("Export into"));
        if (dir.isEmpty()) {
            return;
        }
    }
    export_->setEnabled(false);
    status_->setText(tr("Writing the report…"));
    const WallOutcomePtr o = outcome_;
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, dir] {
        const QString error = watcher->result();
        watcher->deleteLater();
        export_->setEnabled(true);
        if (!error.isEmpty()) {
            showError(error);
            return;
        }
        status_->setText(tr("Wrote report.pdf and analysis.json in %1").arg(dir));
        emit exportFinished(dir);
    });
    watcher->setFuture(QtConcurrent::run([o, path = dir.toStdString()]() -> QString {
        try {
            app::writeWallOutputs(path, *o->analysis, o->limits, o->meta);
            return {};
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }));
}

void WallPage::detectCameras() {
    detect_->setEnabled(false);
    status_->setText(tr("Looking for cameras…"));
    auto* watcher = new QFutureWatcher<Detected>(this);
    connect(watcher, &QFutureWatcher<Detected>::finished, this, [this, watcher] {
        const Detected d = watcher->result();
        watcher->deleteLater();
        updateSourceControls();
        if (!d.error.isEmpty()) {
            showError(d.error);
            return;
        }
        camera_->clear();
        for (const auto& c : d.cameras) {
            camera_->addItem(QStringLiteral("%1 — %2").arg(qs(c.model), qs(c.port)),
                             QStringList{qs(c.port), qs(c.model)});
        }
        status_->setText(
            d.cameras.empty()
                ? tr("No camera found. Check the USB cable and that the camera is on and not "
                     "mounted as a disk; PTP/IP (Wi-Fi) cameras cannot be found: type "
                     "ptpip:ADDRESS as the port.")
                : tr("%n camera(s) found.", nullptr, int(d.cameras.size())));
    });
    watcher->setFuture(QtConcurrent::run(detectNow));
}

}  // namespace cm::gui

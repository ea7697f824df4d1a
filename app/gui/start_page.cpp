// SPDX-License-Identifier: Apache-2.0
// Start page: a form over the shipped profiles, virtual theatres and instrument families.
#include "app/gui/start_page.h"

#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/report/output_guard.h"
#include "app/common/run/run_inputs.h"
#include "app/common/run/run_session.h"
#include "app/common/session/session_store.h"
#include "app/common/simulated_session.h"
#include "app/gui/i18n.h"
#include "app/gui/run_worker.h"
#include "drivers/families.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cm::gui {

namespace {

/// A family's description in the interface language: its own Chinese text, or its model names
/// joined the Chinese way.
QString familyDescriptionText(const drivers::Family& f) {
    if (uiLang() != app::present::Lang::ZhCN) {
        return QString::fromStdString(f.description);
    }
    if (!f.description_zh.empty()) {
        return QString::fromStdString(f.description_zh);
    }
    QString t = QString::fromStdString(f.description);
    return t.replace(QStringLiteral(" and "), QStringLiteral("、"))
        .replace(QStringLiteral(", "), QStringLiteral("、"));
}
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

/// Scrolls its widget up and down only, and is never narrower than the widget needs (it would
/// be cut off, there being no sideways scrolling).
class VerticalScrollArea : public QScrollArea {
public:
    QSize minimumSizeHint() const override {
        QSize s = QScrollArea::minimumSizeHint();
        if (widget() != nullptr) {
            s.setWidth(widget()->minimumSizeHint().width() +
                       verticalScrollBar()->sizeHint().width() + 2 * frameWidth());
        }
        return s;
    }
};

/// A problem line shown under its field while the input is wrong.
QLabel* problemLabel(const char* name) {
    auto* l = new QLabel;
    l->setObjectName(QString::fromLatin1(name));
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #ff8a70"));
    l->hide();
    return l;
}

/// The name of an input as its field is labelled (for "Start needs: …").
QString inputName(app::RunInput input) {
    switch (input) {
        case app::RunInput::Port:
            return StartPage::tr("Port");
        case app::RunInput::Site:
            return StartPage::tr("Site");
        case app::RunInput::Auditorium:
            return StartPage::tr("Auditorium");
        case app::RunInput::Operator:
            return StartPage::tr("Operator");
        case app::RunInput::Screen:
            return StartPage::tr("Screen size");
        case app::RunInput::CorrectionFile:
            return StartPage::tr("Correction file");
        case app::RunInput::OutDir:
            return StartPage::tr("Report folder");
    }
    return {};
}

/// The GUI's words for app/common's per-input problem (the CLI has its own, naming options).
QString inputProblemText(const app::InputIssue& i) {
    const QString path = QDir::toNativeSeparators(qs(i.path));
    switch (i.input) {
        case app::RunInput::Port:
            return StartPage::tr(
                "No serial port chosen for the instrument: pick the port the meter is plugged "
                "into (Detect lists them).");
        case app::RunInput::Site:
            return StartPage::tr("A field run needs the site (cinema) for the report.");
        case app::RunInput::Auditorium:
            return StartPage::tr("A field run needs the auditorium (screen room) for the report.");
        case app::RunInput::Operator:
            return StartPage::tr("A field run needs the operator's name for the report.");
        case app::RunInput::Screen:
            return StartPage::tr("A field run needs the screen's width and height in metres.");
        case app::RunInput::CorrectionFile:
            switch (i.problem) {
                case app::InputProblem::NoSuchFile:
                    return StartPage::tr("No such file: %1").arg(path);
                case app::InputProblem::NotAFile:
                    return StartPage::tr("Not a file: %1").arg(path);
                default:
                    return StartPage::tr("Cannot read %1").arg(path);
            }
        case app::RunInput::OutDir:
            switch (i.problem) {
                case app::InputProblem::Missing:
                    return StartPage::tr("Choose a folder for the report.");
                case app::InputProblem::NotADirectory:
                    return StartPage::tr(
                               "%1 is a file, not a folder: choose another report folder.")
                        .arg(path);
                default:
                    return StartPage::tr("Cannot write into %1: choose another report folder.")
                        .arg(path);
            }
    }
    return {};
}
}  // namespace

StartPage::StartPage(std::filesystem::path db, QWidget* parent)
    : QWidget(parent), db_(std::move(db)) {
    setObjectName(QStringLiteral("startPage"));
    auto* outer = new QHBoxLayout(this);
    // The form is taller than a 768-pixel laptop screen: it scrolls up and down (never sideways)
    // so that the window fits the screen.
    auto* form = new QWidget(this);  // a child at once, for findChildren below
    form->setObjectName(QStringLiteral("startForm"));
    auto* left = new QVBoxLayout(form);
    left->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new VerticalScrollArea;
    scroll->setObjectName(QStringLiteral("startFormScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll, 3);

    // Profile.
    auto* pbox = new QGroupBox(tr("Standard profile"));
    auto* pform = new QFormLayout(pbox);
    profile_ = new QComboBox;
    profile_->setObjectName(QStringLiteral("profileCombo"));
    profileInfo_ = new QLabel;
    profileInfo_->setObjectName(QStringLiteral("profileInfo"));
    profileInfo_->setWordWrap(true);
    pform->addRow(tr("Profile"), profile_);
    pform->addRow(profileInfo_);
    left->addWidget(pbox);
    try {
        for (const auto& e : app::loadProfileDirectory(app::dataDir() / "profiles")) {
            profile_->addItem(qs(e.profile.id + " — ") + profileText(e.profile.title),
                              qs(e.file.string()));
            profile_->setItemData(
                profile_->count() - 1,
                tr("%1 · %2 · %3 · %4 screen%5")
                    .arg(profileAttributeText(e.profile.room_class), qs(e.profile.dynamic_range),
                         profileAttributeText(e.profile.stereo),
                         profileAttributeText(e.profile.display_type),
                         e.profile.provisional ? tr(" · provisional") : QString()),
                Qt::ToolTipRole);
            profile_->setItemData(profile_->count() - 1, qs(e.profile.display_type),
                                  Qt::UserRole + 1);
            profile_->setItemData(profile_->count() - 1,
                                  qs(e.profile.dynamic_range + " " + e.profile.stereo),
                                  Qt::UserRole + 2);
        }
    } catch (const std::exception& e) {
        profileInfo_->setText(tr("Cannot load the profiles: %1").arg(qs(e.what())));
    }

    // Theatre.
    auto* tbox = new QGroupBox(tr("Theatre"));
    auto* tform = new QFormLayout(tbox);
    site_ = new QLineEdit(tr("Simulated site"));
    site_->setObjectName(QStringLiteral("siteEdit"));
    auditorium_ = new QLineEdit;
    auditorium_->setObjectName(QStringLiteral("auditoriumEdit"));
    width_ = new QDoubleSpinBox;
    width_->setObjectName(QStringLiteral("screenWidthSpin"));
    height_ = new QDoubleSpinBox;
    height_->setObjectName(QStringLiteral("screenHeightSpin"));
    for (auto* s : {width_, height_}) {
        // 0 is "not entered yet": a field run needs the inspector to type the real screen.
        s->setRange(0.0, 60.0);
        s->setDecimals(2);
        s->setSuffix(tr(" m"));
        s->setSpecialValueText(tr("not set"));
    }
    width_->setValue(12.0);
    height_->setValue(5.0);
    seat_ = new QLineEdit(QStringLiteral("reference"));
    seat_->setObjectName(QStringLiteral("seatEdit"));
    operator_ = new QLineEdit;
    operator_->setObjectName(QStringLiteral("operatorEdit"));
    siteProblem_ = problemLabel("siteProblem");
    auditoriumProblem_ = problemLabel("auditoriumProblem");
    screenProblem_ = problemLabel("screenProblem");
    operatorProblem_ = problemLabel("operatorProblem");
    tform->addRow(tr("Site"), site_);
    tform->addRow(nullptr, siteProblem_);
    tform->addRow(tr("Auditorium"), auditorium_);
    tform->addRow(nullptr, auditoriumProblem_);
    tform->addRow(tr("Screen width"), width_);
    tform->addRow(tr("Screen height"), height_);
    tform->addRow(nullptr, screenProblem_);
    tform->addRow(tr("Seat position"), seat_);
    tform->addRow(tr("Operator"), operator_);
    tform->addRow(nullptr, operatorProblem_);
    left->addWidget(tbox);

    // Instrument.
    auto* ibox = new QGroupBox(tr("Instrument"));
    auto* iform = new QFormLayout(ibox);
    simulator_ = new QRadioButton(tr("Simulator (virtual theatre)"));
    simulator_->setObjectName(QStringLiteral("simulatorRadio"));
    serial_ = new QRadioButton(tr("Instrument on a serial port"));
    serial_->setObjectName(QStringLiteral("serialRadio"));
    simulator_->setChecked(true);
    iform->addRow(simulator_);
    theatre_ = new QComboBox;
    theatre_->setObjectName(QStringLiteral("theatreCombo"));
    const QDir vdir(qs((app::dataDir() / "virtual").string()));
    for (const QString& f : vdir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        theatre_->addItem(f, vdir.absoluteFilePath(f));
        try {
            // The screen type, to pick the virtual theatre that matches a profile.
            const auto cfg = app::loadTheatreConfig(vdir.absoluteFilePath(f).toStdString());
            theatre_->setItemData(theatre_->count() - 1, qs(cfg.screen_type), Qt::UserRole + 1);
        } catch (const std::exception&) {
            // Shown when chosen (theatreChanged); no screen type to match.
        }
    }
    theatre_->setCurrentIndex(
        std::max(0, theatre_->findText(QStringLiteral("projector-reference.json"))));
    simFamily_ = new QComboBox;
    simFamily_->setObjectName(QStringLiteral("simFamilyCombo"));
    for (const auto& f : app::simulatedFamilies()) {
        simFamily_->addItem(profileAttributeText(f), qs(f));
    }
    fault_ = new QComboBox;
    fault_->setObjectName(QStringLiteral("faultCombo"));
    const std::pair<const char*, QString> faults[] = {{"none", tr("none")},
                                                      {"unplug", tr("unplug the cable")},
                                                      {"garbage", tr("garbled reply")},
                                                      {"drop", tr("dropped reply")},
                                                      {"slow", tr("slow reply")},
                                                      {"over-range", tr("over range")},
                                                      {"too-dark", tr("too dark")},
                                                      {"error-code", tr("instrument error code")}};
    for (const auto& [id, text] : faults) {
        fault_->addItem(text, QString::fromLatin1(id));
    }
    faultAt_ = new QSpinBox;
    faultAt_->setObjectName(QStringLiteral("faultAtSpin"));
    faultAt_->setRange(1, 999);
    timeScale_ = new QDoubleSpinBox;
    timeScale_->setObjectName(QStringLiteral("timeScaleSpin"));
    timeScale_->setRange(0.0, 10.0);
    timeScale_->setDecimals(3);
    timeScale_->setValue(0.05);
    confirm_ = new QCheckBox(tr("Wait for Done at each point, as with a real instrument"));
    confirm_->setObjectName(QStringLiteral("confirmCheck"));
    iform->addRow(tr("Virtual theatre"), theatre_);
    iform->addRow(tr("Instrument family"), simFamily_);
    iform->addRow(tr("Fault injection (demo)"), fault_);
    iform->addRow(tr("Fault at measurement"), faultAt_);
    iform->addRow(tr("Time scale (s per simulated s)"), timeScale_);
    iform->addRow(confirm_);
    iform->addRow(serial_);
    port_ = new QComboBox;
    port_->setObjectName(QStringLiteral("portCombo"));
    port_->setEditable(true);
    auto* refreshPortsButton = new QPushButton(tr("Detect"));
    refreshPortsButton->setObjectName(QStringLiteral("detectPortsButton"));
    auto* portRow = new QHBoxLayout;
    portRow->addWidget(port_, 1);
    portRow->addWidget(refreshPortsButton);
    serialFamily_ = new QComboBox;
    serialFamily_->setObjectName(QStringLiteral("serialFamilyCombo"));
    for (const auto& f : drivers::families()) {
        serialFamily_->addItem(qs(f.id) + QStringLiteral(" — ") + familyDescriptionText(f),
                               qs(f.id));
    }
    portProblem_ = problemLabel("portProblem");
    iform->addRow(tr("Port"), portRow);
    iform->addRow(nullptr, portProblem_);
    iform->addRow(tr("Family"), serialFamily_);
    left->addWidget(ibox);

    auto* obox = new QGroupBox(tr("Report"));
    auto* oform = new QFormLayout(obox);
    rule_ = new QComboBox;
    rule_->setObjectName(QStringLiteral("decisionRuleCombo"));
    rule_->addItem(tr("Simple acceptance (ILAC-G8, w = 0)"), QStringLiteral("simple"));
    rule_->addItem(tr("Guarded acceptance, binary (ILAC-G8, w = U)"), QStringLiteral("guarded"));
    rule_->addItem(tr("Non-binary statement (ILAC-G8, w = U)"), QStringLiteral("non-binary"));
    allowUncorrected_ =
        new QCheckBox(tr("Accept a colorimeter without a correction for this screen"));
    allowUncorrected_->setObjectName(QStringLiteral("allowUncorrectedCheck"));
    allowUnfit_ = new QCheckBox(
        tr("Rehearsal: accept an instrument the profile does not allow (no overall verdict)"));
    allowUnfit_->setObjectName(QStringLiteral("allowUnfitCheck"));
    outDir_ =
        new QLineEdit(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                          .filePath(QStringLiteral("cinemeasure")));
    outDir_->setObjectName(QStringLiteral("outDirEdit"));
    // One folder per session (site-auditorium-date) so no run writes over another's evidence;
    // proposed until the operator types a folder of their own.
    const auto propose = [this] {
        if (outDir_->isModified()) {
            return;
        }
        const std::filesystem::path base =
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                .filePath(QStringLiteral("cinemeasure"))
                .toStdString();
        outDir_->setText(QString::fromStdString(
            app::sessionFolder(
                base, site_->text().toStdString(), auditorium_->text().toStdString(),
                QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate).toStdString())
                .string()));
    };
    connect(site_, &QLineEdit::textChanged, this, propose);
    connect(auditorium_, &QLineEdit::textChanged, this, propose);
    propose();
    auto* outBrowse = new QPushButton(tr("Browse…"));
    outBrowse->setObjectName(QStringLiteral("outDirBrowseButton"));
    connect(outBrowse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Report folder"), outDir_->text());
        if (!dir.isEmpty()) {
            outDir_->setText(dir);
            outDir_->setModified(true);  // the operator's own folder: no longer proposed
        }
    });
    auto* outRow = new QHBoxLayout;
    outRow->addWidget(outDir_, 1);
    outRow->addWidget(outBrowse);
    correction_ = new QLineEdit;
    correction_->setObjectName(QStringLiteral("correctionEdit"));
    correction_->setPlaceholderText(tr("none (colorimeters: a correction for this screen type)"));
    auto* correctionBrowse = new QPushButton(tr("Browse…"));
    correctionBrowse->setObjectName(QStringLiteral("correctionBrowseButton"));
    connect(correctionBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Colorimeter correction"), qs((app::dataDir() / "corrections").string()),
            tr("Correction files (*.json)"));
        if (!file.isEmpty()) {
            correction_->setText(file);
        }
    });
    auto* correctionRow = new QHBoxLayout;
    correctionRow->addWidget(correction_, 1);
    correctionRow->addWidget(correctionBrowse);
    provisional_ = new QComboBox;
    provisional_->setObjectName(QStringLiteral("provisionalCombo"));
    provisional_->addItem(tr("Informative: draft limits are reported, never decide"),
                          QStringLiteral("informative"));
    provisional_->addItem(tr("Binding: draft limits decide (the report says so)"),
                          QStringLiteral("binding"));
    notes_ = new QPlainTextEdit;
    notes_->setObjectName(QStringLiteral("notesEdit"));
    notes_->setPlaceholderText(tr("Notes for the report, one per line"));
    notes_->setMaximumHeight(60);
    oform->addRow(tr("Decision rule"), rule_);
    oform->addRow(tr("Draft limits"), provisional_);
    correctionProblem_ = problemLabel("correctionProblem");
    outDirProblem_ = problemLabel("outDirProblem");
    oform->addRow(tr("Correction file"), correctionRow);
    oform->addRow(nullptr, correctionProblem_);
    oform->addRow(tr("Notes"), notes_);
    oform->addRow(tr("Report folder"), outRow);
    oform->addRow(nullptr, outDirProblem_);
    oform->addRow(allowUncorrected_);
    oform->addRow(allowUnfit_);
    left->addWidget(obox);

    start_ = new QPushButton(tr("Start certification"));
    start_->setObjectName(QStringLiteral("startButton"));
    start_->setDefault(true);
    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("startMessage"));
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #ff8a70"));
    blocked_ = new QLabel;
    blocked_->setObjectName(QStringLiteral("startBlockedLabel"));
    blocked_->setWordWrap(true);
    blocked_->hide();
    left->addWidget(start_);
    left->addWidget(blocked_);
    left->addWidget(message_);
    left->addStretch();

    // Unfinished sessions.
    auto* rbox = new QGroupBox(tr("Unfinished sessions"));
    auto* rlay = new QVBoxLayout(rbox);
    sessions_ = new QTableWidget(0, 4);
    sessions_->setObjectName(QStringLiteral("sessionsTable"));
    sessions_->setHorizontalHeaderLabels(
        {tr("Session"), tr("Status"), tr("Profile"), tr("Readings")});
    sessions_->setSelectionBehavior(QAbstractItemView::SelectRows);
    sessions_->setSelectionMode(QAbstractItemView::SingleSelection);
    sessions_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    sessions_->horizontalHeader()->setStretchLastSection(true);
    sessions_->verticalHeader()->hide();
    auto* refreshSessionsButton = new QPushButton(tr("Refresh"));
    refreshSessionsButton->setObjectName(QStringLiteral("refreshSessionsButton"));
    resume_ = new QPushButton(tr("Resume session"));
    resume_->setObjectName(QStringLiteral("resumeButton"));
    resume_->setEnabled(false);
    auto* rrow = new QHBoxLayout;
    rrow->addWidget(refreshSessionsButton);
    rrow->addStretch();
    rrow->addWidget(resume_);
    rlay->addWidget(sessions_);
    rlay->addLayout(rrow);
    outer->addWidget(rbox, 2);

    // Long profile titles and instrument descriptions must not widen the page beyond a 1366 px
    // laptop screen: the combos size to a fixed length and show the whole text in their list.
    for (QComboBox* c : findChildren<QComboBox*>()) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(28);
    }
    // After the combos' size policy: the scroll area asks the form for its size at once, and a
    // combo keeps the first minimum size it was asked for.
    scroll->setWidget(form);
    connect(profile_, &QComboBox::currentIndexChanged, this, &StartPage::profileChanged);
    connect(theatre_, &QComboBox::currentIndexChanged, this, &StartPage::theatreChanged);
    connect(simulator_, &QRadioButton::toggled, this, &StartPage::sourceChanged);
    connect(refreshPortsButton, &QPushButton::clicked, this, [this] {
        refreshPorts();
        if (port_->count() == 0) {
            setMessage(
                tr("No instruments found. Plug the meter in and switch it on: USB-serial "
                   "meters appear as /dev/ttyUSB* (K-10, specbos) or /dev/ttyACM* (PR-6xx, "
                   "CS-2000). If it is plugged in, check that you may open it (group "
                   "dialout, or the udev rules), then Detect again."));
        } else {
            setMessage(tr("%n port(s) found.", nullptr, port_->count()));
        }
    });
    connect(refreshSessionsButton, &QPushButton::clicked, this, &StartPage::refreshSessions);
    connect(sessions_, &QTableWidget::itemSelectionChanged, this,
            [this] { resume_->setEnabled(!sessions_->selectedItems().isEmpty()); });
    connect(start_, &QPushButton::clicked, this, [this] {
        validate();
        if (!start_->isEnabled()) {
            return;  // the problems are shown under their fields
        }
        setMessage({});
        if (serial_->isChecked()) {
            rememberFieldInputs();
        }
        emit startRequested(request());
    });
    connect(resume_, &QPushButton::clicked, this, [this] {
        const auto rows = sessions_->selectionModel()->selectedRows();
        if (rows.isEmpty()) {
            return;
        }
        RunRequest r = request();
        r.resume_session = sessions_->item(rows.front().row(), 0)->text().toStdString();
        setMessage({});
        emit resumeRequested(r);
    });
    profile_->setCurrentIndex(
        std::max(0, profile_->findText(QStringLiteral("st431-1-theatre"), Qt::MatchStartsWith)));
    profileChanged();
    theatreChanged();
    sourceChanged();
    refreshPorts();
    refreshSessions();
    // Every typed-in input is checked as it changes.
    for (QLineEdit* e : {site_, auditorium_, operator_, correction_, outDir_}) {
        connect(e, &QLineEdit::textChanged, this, &StartPage::validate);
    }
    for (QDoubleSpinBox* b : {width_, height_}) {
        connect(b, &QDoubleSpinBox::valueChanged, this, &StartPage::validate);
    }
    connect(port_, &QComboBox::currentTextChanged, this, &StartPage::validate);
    connect(simulator_, &QRadioButton::toggled, this, &StartPage::validate);
    validate();
}

void StartPage::validate() {
    const app::RunDescription d = describeRun(request());
    const std::pair<app::RunInput, QLabel*> checks[] = {
        {app::RunInput::Port, portProblem_},
        {app::RunInput::Site, siteProblem_},
        {app::RunInput::Auditorium, auditoriumProblem_},
        {app::RunInput::Operator, operatorProblem_},
        {app::RunInput::Screen, screenProblem_},
        {app::RunInput::CorrectionFile, correctionProblem_},
        {app::RunInput::OutDir, outDirProblem_}};
    QStringList wrong;
    for (const auto& [input, label] : checks) {
        const auto issue = app::checkRunInput(d, input);
        label->setText(issue ? inputProblemText(*issue) : QString());
        label->setVisible(issue.has_value());
        if (issue) {
            wrong << inputName(input);
        }
    }
    const QString why =
        wrong.isEmpty()
            ? QString()
            : tr("Start needs these fixed first: %1").arg(wrong.join(tr(", ", "list separator")));
    start_->setEnabled(wrong.isEmpty());
    start_->setToolTip(why);
    blocked_->setText(why);
    blocked_->setVisible(!wrong.isEmpty());
}

void StartPage::profileChanged() {
    profileInfo_->setText(profile_->currentData(Qt::ToolTipRole).toString());
    // The virtual theatre that matches the profile's screen type (an LED profile in an LED
    // theatre), unless the one chosen matches already; the reference theatre first.
    const QString type = profile_->currentData(Qt::UserRole + 1).toString();
    if (type.isEmpty() || theatre_->currentData(Qt::UserRole + 1).toString() == type) {
        return;
    }
    // Among the theatres of that screen type: HDR for HDR profiles, 3D for stereo ones, then a
    // reference theatre before a defective one.
    const QString kind = profile_->currentData(Qt::UserRole + 2).toString().toLower();
    const bool hdr = kind.contains(QStringLiteral("hdr"));
    const bool stereo =
        kind.contains(QStringLiteral("3d")) || kind.contains(QStringLiteral("stereo"));
    int match = -1;
    int best = -1;
    for (int i = 0; i < theatre_->count(); ++i) {
        if (theatre_->itemData(i, Qt::UserRole + 1).toString() != type) {
            continue;
        }
        const QString name = theatre_->itemText(i);
        const int score = (name.contains(QStringLiteral("hdr")) == hdr ? 4 : 0) +
                          (name.contains(QStringLiteral("3d")) == stereo ? 2 : 0) +
                          (name.contains(QStringLiteral("reference")) ? 1 : 0);
        if (score > best) {
            best = score;
            match = i;
        }
    }
    if (match >= 0) {
        theatre_->setCurrentIndex(match);
    }
}

void StartPage::rememberFieldInputs() const {
    QSettings s;
    s.beginGroup(QStringLiteral("field"));
    s.setValue(QStringLiteral("site"), site_->text());
    s.setValue(QStringLiteral("auditorium"), auditorium_->text());
    s.setValue(QStringLiteral("operator"), operator_->text());
    s.setValue(QStringLiteral("screenWidth"), width_->value());
    s.setValue(QStringLiteral("screenHeight"), height_->value());
    s.setValue(QStringLiteral("port"), port_->currentText());
    s.setValue(QStringLiteral("family"), serialFamily_->currentData().toString());
}

void StartPage::restoreFieldInputs() {
    QSettings s;
    s.beginGroup(QStringLiteral("field"));
    if (!s.contains(QStringLiteral("site"))) {
        return;
    }
    site_->setText(s.value(QStringLiteral("site")).toString());
    auditorium_->setText(s.value(QStringLiteral("auditorium")).toString());
    operator_->setText(s.value(QStringLiteral("operator")).toString());
    width_->setValue(s.value(QStringLiteral("screenWidth"), width_->value()).toDouble());
    height_->setValue(s.value(QStringLiteral("screenHeight"), height_->value()).toDouble());
    const QString port = s.value(QStringLiteral("port")).toString();
    if (!port.isEmpty()) {
        port_->setEditText(port);
    }
    const int family = serialFamily_->findData(s.value(QStringLiteral("family")));
    if (family >= 0) {
        serialFamily_->setCurrentIndex(family);
    }
}

void StartPage::theatreChanged() {
    if (!simulator_->isChecked() || theatre_->currentIndex() < 0) {
        return;
    }
    try {
        const auto cfg = app::loadTheatreConfig(theatre_->currentData().toString().toStdString());
        auditorium_->setText(profileText(cfg.name));  // the shipped theatres in the UI language
        width_->setValue(cfg.screen.width_m);
        height_->setValue(cfg.screen.height_m);
        setMessage({});
    } catch (const std::exception& e) {
        setMessage(qs(e.what()));
    }
}

void StartPage::sourceChanged() {
    const bool sim = simulator_->isChecked();
    for (QWidget* w : std::initializer_list<QWidget*>{theatre_, simFamily_, fault_, faultAt_,
                                                      timeScale_, confirm_}) {
        w->setEnabled(sim);
    }
    port_->setEnabled(!sim);
    serialFamily_->setEnabled(!sim);
    // The virtual theatre defines the screen; for a real room the inspector enters it.
    auditorium_->setReadOnly(sim);
    width_->setEnabled(!sim);
    height_->setEnabled(!sim);
    // A real room gets no simulator defaults: site and auditorium as the inspector types them.
    if (!sim) {
        if (site_->text() == tr("Simulated site")) {
            site_->clear();
        }
        auditorium_->clear();
        width_->setValue(0.0);  // the virtual theatre's screen is not this room's
        height_->setValue(0.0);
        restoreFieldInputs();  // the last field run's site, room, operator, screen and port
    } else if (site_->text().isEmpty()) {
        site_->setText(tr("Simulated site"));
    }
    theatreChanged();
}

QStringList serialPorts() {
    QStringList out;
    const QDir dev(QStringLiteral("/dev"));
    for (const QString& f : dev.entryList({QStringLiteral("ttyUSB*"), QStringLiteral("ttyACM*")},
                                          QDir::System, QDir::Name)) {
        out << dev.absoluteFilePath(f);
    }
    return out;
}

void StartPage::refreshPorts() {
    const QString current = port_->currentText();
    port_->clear();
    port_->addItems(serialPorts());
    if (!current.isEmpty() && port_->findText(current) < 0) {
        port_->addItem(current);
    }
}

void StartPage::refreshSessions() {
    sessions_->setRowCount(0);
    try {
        app::SessionStore store(db_);
        for (const auto& s : store.sessions()) {
            if (s.status == "complete") {
                continue;
            }
            const int row = sessions_->rowCount();
            sessions_->insertRow(row);
            sessions_->setItem(row, 0, new QTableWidgetItem(qs(s.id)));
            sessions_->setItem(row, 1, new QTableWidgetItem(sessionStatusText(s.status)));
            sessions_->setItem(row, 2, new QTableWidgetItem(qs(s.profile_id)));
            sessions_->setItem(row, 3, new QTableWidgetItem(QString::number(s.reading_count)));
        }
        sessions_->resizeColumnsToContents();
    } catch (const std::exception& e) {
        setMessage(tr("Session journal: %1").arg(qs(e.what())));
    }
    resume_->setEnabled(!sessions_->selectedItems().isEmpty());
}

void StartPage::setMessage(const QString& text) {
    message_->setText(text);
}

RunRequest StartPage::request() const {
    RunRequest r;
    r.profile = profile_->currentData().toString().toStdString();
    r.site = site_->text().toStdString();
    r.auditorium = auditorium_->text().toStdString();
    r.operator_name = operator_->text().toStdString();
    r.seat = seat_->text().toStdString();
    r.screen_width_m = width_->value();
    r.screen_height_m = height_->value();
    r.simulate = simulator_->isChecked();
    r.theatre_file = theatre_->currentData().toString().toStdString();
    r.family = r.simulate ? simFamily_->currentData().toString().toStdString()
                          : serialFamily_->currentData().toString().toStdString();
    r.fault = fault_->currentData().toString().toStdString();
    r.fault_at = faultAt_->value();
    r.time_scale = timeScale_->value();
    r.port = port_->currentText().toStdString();
    r.confirm_each_task = confirm_->isChecked();
    r.decision_rule = rule_->currentData().toString().toStdString();
    r.allow_unfit = allowUnfit_->isChecked();
    r.allow_uncorrected = allowUncorrected_->isChecked();
    r.out_dir = outDir_->text().toStdString();
    r.correction_file = correction_->text().trimmed().toStdString();
    r.provisional = provisional_->currentData().toString().toStdString();
    for (const QString& line : notes_->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty()) {
            r.notes.push_back(line.trimmed().toStdString());
        }
    }
    r.db = db_;
    return r;
}

}  // namespace cm::gui

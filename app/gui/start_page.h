// SPDX-License-Identifier: Apache-2.0
// The start screen: profile, theatre, instrument (serial port or simulator), and the list of
// unfinished sessions to resume.
#pragma once

#include "app/gui/run_types.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace cm::gui {

/// The serial ports a USB meter can appear on (/dev/ttyUSB*, /dev/ttyACM*), sorted.
QStringList serialPorts();

class StartPage : public QWidget {
    Q_OBJECT
public:
    StartPage(std::filesystem::path db, QWidget* parent = nullptr);
    /// The request built from the form (does not validate files; the worker does).
    RunRequest request() const;
    /// Re-reads the unfinished sessions from the session store.
    void refreshSessions();
    void refreshPorts();
    /// Shows a one-line error under the Start button (empty clears it).
    void setMessage(const QString& text);

signals:
    void startRequested(cm::gui::RunRequest request);
    void resumeRequested(cm::gui::RunRequest request);

private:
    void profileChanged();
    void theatreChanged();
    void sourceChanged();
    /// Checks each typed-in input with app/common's per-input check (the one prepareRun makes):
    /// shows each problem under its field and enables Start only when there is none.
    void validate();
    void rememberFieldInputs() const;
    void restoreFieldInputs();

    std::filesystem::path db_;
    QComboBox* profile_;
    QLabel* profileInfo_;
    QLineEdit* site_;
    QLineEdit* auditorium_;
    QDoubleSpinBox* width_;
    QDoubleSpinBox* height_;
    QLineEdit* seat_;
    QLineEdit* operator_;
    QRadioButton* simulator_;
    QRadioButton* serial_;
    QComboBox* theatre_;
    QComboBox* simFamily_;
    QComboBox* fault_;
    QSpinBox* faultAt_;
    QDoubleSpinBox* timeScale_;
    QCheckBox* confirm_;
    QCheckBox* allowUnfit_;
    QCheckBox* allowUncorrected_;
    QComboBox* port_;
    QComboBox* serialFamily_;
    QComboBox* rule_;
    QLineEdit* outDir_;
    QLineEdit* correction_;
    QComboBox* provisional_;
    QPlainTextEdit* notes_;
    QPushButton* start_;
    QLabel* message_;
    /// Why Start is disabled (the fields still wrong); hidden when it is enabled.
    QLabel* blocked_;
    /// Each checked input's problem, under its field (hidden while the input is right).
    QLabel* portProblem_;
    QLabel* siteProblem_;
    QLabel* auditoriumProblem_;
    QLabel* operatorProblem_;
    QLabel* screenProblem_;
    QLabel* correctionProblem_;
    QLabel* outDirProblem_;
    QTableWidget* sessions_;
    QPushButton* resume_;
};

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// The LED wall page: the vendors' workflow of `cinemeasure wall` in the window. Choose a camera
// (libgphoto2 detect, or the simulator), walk the capture plan pattern by pattern, see each
// capture, then the module map (hover for values, click for the module's LEDs), the defects with
// a zoom, the figures and the verdict; export the same PDF and JSON files as the CLI. Existing
// images (TIFF, DNG, camera raw) can be analysed instead.
#pragma once

#include "app/gui/wall_job_runner.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace cm::gui {

class ModuleMap;

class WallPage : public QWidget {
    Q_OBJECT
public:
    explicit WallPage(QWidget* parent = nullptr);

    /// Starts a capture with the page's settings (the Capture button).
    void startCapture();
    /// Analyses existing image files (the uniformity frame, then optionally a defect frame).
    void analyseImages(const QStringList& files);
    /// Writes analysis.json, modules.csv, luminance.tif/png and report.pdf into `dir` (empty: the
    /// output folder) off the UI thread; exportFinished or failed follows.
    void exportResults(const QString& dir = {});
    WallOutcomePtr outcome() const { return outcome_; }
    ModuleMap* moduleMap() const { return map_; }
    /// Looks for libgphoto2 cameras off the UI thread and lists them.
    void detectCameras();

signals:
    void backClicked();
    void analysisShown();
    void exportFinished(const QString& dir);
    void failed(const QString& message);

private:
    void setBusy(bool busy);
    /// Clears the last job's plan, captures, log and analysis and starts waiting for a new one.
    void beginJob(const QString& prompt);
    void showError(const QString& message);
    void showOutcome(WallOutcomePtr outcome);
    void showModule(int index);
    void showDefect(int row);
    void updateSourceControls();
    QWidget* buildSettings();
    QWidget* buildCapture();
    QWidget* buildResults();

    WallJobRunner* runner_;
    WallOutcomePtr outcome_;
    // settings
    QComboBox* source_;
    QComboBox* camera_;
    QPushButton* detect_;
    QLineEdit* layout_;
    QComboBox* limits_;
    QComboBox* provisional_;
    QLineEdit* calibration_;
    QLineEdit* iso_;
    QLineEdit* aperture_;
    QLineEdit* uniformityPattern_;
    QLineEdit* defectPattern_;
    QSpinBox* sensorW_;
    QSpinBox* sensorH_;
    QComboBox* fault_;
    QCheckBox* wait_;
    QLineEdit* out_;
    QDoubleSpinBox* exposure_;
    QLineEdit* corners_;
    QPushButton* capture_;
    QPushButton* analyse_;
    // capture
    QListWidget* plan_;
    QLabel* prompt_;
    QPushButton* continue_;
    QPushButton* cancel_;
    QListWidget* thumbs_;
    QPlainTextEdit* log_;
    QLabel* status_;
    // results
    QLabel* verdict_;
    QTabWidget* tabs_;
    ModuleMap* map_;
    QLabel* moduleInfo_;
    QLabel* ledImage_;
    QTableWidget* defects_;
    QLabel* defectZoom_;
    QTableWidget* figures_;
    QPushButton* export_;
};

}  // namespace cm::gui

// SPDX-License-Identifier: Apache-2.0
// The run screen: the connected meter and its fitness checks, the task at hand (pattern swatch and
// file, this step's points on the screen diagram, the operator instruction with a state line),
// the live reading against the tolerance and the verdicts so far, with Done, Retake, Skip (reason
// required), Pause, Cancel, Stop (confirmed) and the fault panel with Retry.
#pragma once

#include "app/gui/run_types.h"

#include <QMap>
#include <QStringList>
#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace cm::gui {

class ScreenDiagram;

class RunPage : public QWidget {
    Q_OBJECT
public:
    explicit RunPage(QWidget* parent = nullptr);

    void setRunLayout(const cm::gui::RunLayout& layout);
    void showInstrument(const cm::gui::InstrumentView& instrument);
    void showMeasuringFor(int task_index, int seconds);
    void showWaitingForMeter(const QString& status);
    void showTask(const cm::gui::TaskView& task);
    void showMeasuring(int task_index);
    void showReading(const cm::gui::ReadingView& reading);
    void showSkipped(int task_index, const QString& reason);
    void showRetaken(int task_index, int readings_taken);
    void showCancelled(int task_index);
    void showFault(const QString& message, int readings_kept);
    void hideFault();
    void showStopped(const QString& session_id, int readings_kept);
    /// Number of readings shown as taken.
    int readingsTaken() const { return readingsTaken_; }

signals:
    void doneClicked(int task_index);
    void retakeClicked(int task_index);
    void skipClicked(int task_index, QString reason);
    void pauseToggled(bool paused);
    void cancelClicked();
    void retryClicked();
    void stopClicked();

private:
    void log(const QString& line);
    void setPaused(bool paused);
    void setState(const QString& text);
    void askSkipReason();
    void confirmStop();

    int current_ = -1;
    int lastReadTask_ = -1;
    int readingsTaken_ = 0;
    int total_ = 0;
    bool waitsForOperator_ = false;
    bool paused_ = false;
    bool measuring_ = false;
    QString instructionText_;
    std::vector<geometry::MeasurementPoint> points_;
    QMap<QString, QStringList> stepPoints_;
    QLabel* title_;
    QLabel* progressText_;
    QProgressBar* progress_;
    QLabel* instrument_;
    QLabel* checks_;
    QLabel* state_;
    QLabel* swatch_;
    QLabel* patternFile_;
    QLabel* tolerance_;
    QLabel* pattern_;
    QLabel* aim_;
    QLabel* instruction_;
    ScreenDiagram* diagram_;
    QProgressBar* busy_;
    QLabel* reading_;
    QTableWidget* figures_;
    QListWidget* log_;
    QPushButton* done_;
    QPushButton* retake_;
    QPushButton* skip_;
    QLineEdit* skipReason_;
    QPushButton* pause_;
    QPushButton* cancel_;
    QPushButton* stop_;
    QFrame* faultPanel_;
    QLabel* faultText_;
    QPushButton* retry_;
};

}  // namespace cm::gui

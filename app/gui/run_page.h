// SPDX-License-Identifier: Apache-2.0
// The run screen: the task at hand (pattern, point on the screen diagram), the live reading and
// the verdicts so far, with Done, Retake, Skip, Pause, Cancel and the fault panel with Retry.
#pragma once

#include "app/gui/run_types.h"

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

    int current_ = -1;
    int lastReadTask_ = -1;
    int readingsTaken_ = 0;
    int total_ = 0;
    bool waitsForOperator_ = false;
    QLabel* title_;
    QLabel* progressText_;
    QProgressBar* progress_;
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

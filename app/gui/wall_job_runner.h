// SPDX-License-Identifier: Apache-2.0
// Runs the LED wall job (app/common's runWallJob, or the analysis of existing images) on a worker
// thread for the GUI: asks the operator to show each pattern, reports each capture with a
// thumbnail, and hands the finished analysis back to the UI thread. Widgets are never touched
// from the worker.
#pragma once

#include "app/common/imaging/wall_setup.h"

#include <QImage>
#include <QObject>
#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace cm::gui {

/// One capture as the wall page shows it.
struct WallCaptureView {
    int step = 0;  ///< index in the capture plan
    QString stimulus;
    QString role;
    QString file;
    double exposure_s = 0.0;
    double level = 0.0;
    bool accepted = false;
    QString note;
    QImage thumbnail;
};

/// A finished analysis with everything its export needs (the same files as `cinemeasure wall`).
struct WallOutcome {
    std::shared_ptr<const app::WallAnalysis> analysis;
    app::WallLimits limits;
    app::WallOutputMeta meta;
};
using WallOutcomePtr = std::shared_ptr<const WallOutcome>;

/// A small 8-bit preview of a linear frame (black to white level, display gamma 2.2).
QImage frameThumbnail(const imaging::RawFrame& frame, int width_px);

class WallJobRunner : public QObject {
    Q_OBJECT
public:
    explicit WallJobRunner(QObject* parent = nullptr);
    /// Cancels a job waiting for the operator and waits for the worker to end.
    ~WallJobRunner() override;

    bool busy() const { return busy_; }
    /// Starts a capture job. `wait_for_operator`: before each pattern, patternRequested and wait
    /// for continueCapture() (always so with a real camera).
    void startCapture(const app::WallRunSpec& spec, bool wait_for_operator);
    /// Starts the analysis of existing image files.
    void startImages(const app::WallImageSpec& spec);
    /// The operator has put the requested pattern on the wall.
    void continueCapture();
    /// Ends a job at its next pattern prompt (captures so far stay on disk).
    void cancel();

signals:
    /// The capture plan: one entry per pattern, "stimulus (role)".
    void planReady(const QStringList& steps);
    /// Step `step` needs `stimulus` on the wall; `waiting`: the job waits for continueCapture.
    void patternRequested(int step, const QString& stimulus, bool waiting);
    void progress(const QString& line);
    void captured(const cm::gui::WallCaptureView& capture);
    void finished(cm::gui::WallOutcomePtr outcome);
    void failed(const QString& message);

private:
    void launch(std::function<void()> body);
    void post(std::function<void()> f);
    void waitForOperator();

    std::thread thread_;
    bool busy_ = false;
    std::mutex mu_;
    std::condition_variable cv_;
    bool go_ = false;
    bool cancelled_ = false;
};

}  // namespace cm::gui

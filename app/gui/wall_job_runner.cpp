// SPDX-License-Identifier: Apache-2.0
// The wall job on a std::thread; every signal is emitted on the UI thread (queued to `this`).
#include "app/gui/wall_job_runner.h"

#include "app/gui/i18n.h"

#include "app/common/data_paths.h"
#include "drivers/camera/device.h"

#include <opencv2/imgproc.hpp>

#include <QMetaObject>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cm::gui {

namespace cam = drivers::camera;

QImage frameThumbnail(const imaging::RawFrame& frame, int width_px) {
    const cv::Mat& src = frame.rgb;
    if (src.empty() || width_px <= 0) {
        return {};
    }
    const int h = std::max(1, int(std::lround(double(width_px) * src.rows / src.cols)));
    cv::Mat small;
    cv::resize(src, small, cv::Size(width_px, h), 0, 0, cv::INTER_AREA);
    const double black = frame.black_level_dn;
    const double span = std::max(1.0, frame.white_level_dn - black);
    QImage img(width_px, h, QImage::Format_RGB32);
    const int ch = small.channels();
    for (int y = 0; y < h; ++y) {
        const auto* in = small.ptr<std::uint16_t>(y);
        auto* out = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < width_px; ++x) {
            int v[3];
            for (int c = 0; c < 3; ++c) {
                const double lin =
                    std::clamp((in[x * ch + (ch == 3 ? c : 0)] - black) / span, 0.0, 1.0);
                v[c] = int(std::lround(255.0 * std::pow(lin, 1.0 / 2.2)));
            }
            out[x] = qRgb(v[0], v[1], v[2]);
        }
    }
    return img;
}

WallJobRunner::WallJobRunner(QObject* parent) : QObject(parent) {}

WallJobRunner::~WallJobRunner() {
    cancel();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void WallJobRunner::post(std::function<void()> f) {
    // Queued to `this`: dropped, never run, if the runner is gone by then.
    QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

void WallJobRunner::launch(std::function<void()> body) {
    if (thread_.joinable()) {
        thread_.join();
    }
    {
        std::lock_guard lock(mu_);
        go_ = false;
        cancelled_ = false;
    }
    busy_ = true;
    thread_ = std::thread([this, body = std::move(body)] {
        QString error;
        try {
            body();
            return;
        } catch (const cam::DownloadStorageError& e) {
            error = tr("storage: %1; free space or choose another output folder, then capture "
                       "again")
                        .arg(QString::fromStdString(e.what()));
        } catch (const cam::CameraError& e) {
            error = QStringLiteral("%1: %2").arg(QString::fromLatin1(cam::toString(e.kind())),
                                                 QString::fromStdString(e.what()));
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        post([this, error] {
            if (thread_.joinable()) {
                thread_.join();
            }
            busy_ = false;
            emit failed(error);
        });
    });
}

void WallJobRunner::waitForOperator() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return go_ || cancelled_; });
    if (cancelled_) {
        throw std::runtime_error(tr("cancelled by the operator").toStdString());
    }
    go_ = false;
}

void WallJobRunner::continueCapture() {
    {
        std::lock_guard lock(mu_);
        go_ = true;
    }
    cv_.notify_all();
}

void WallJobRunner::cancel() {
    {
        std::lock_guard lock(mu_);
        cancelled_ = true;
    }
    cv_.notify_all();
}

void WallJobRunner::startCapture(const app::WallRunSpec& spec, bool wait_for_operator) {
    if (busy_) {
        return;
    }
    const bool wait = wait_for_operator || !spec.simulate;
    launch([this, spec, wait] {
        // Inputs first: nothing is captured unless every input is good.
        app::WallSetup setup = app::prepareWallJob(spec);
        app::ensureWritableDirectory(spec.out);
        std::unique_ptr<cam::PtpIpSimulator> sim;
        if (spec.simulate) {
            sim = app::startWallSimulator(setup, spec);
        }
        app::WallJobOptions& o = setup.options;
        QStringList plan;
        for (const auto& p : o.patterns) {
            plan << tr("%1 (%2)").arg(wallPatternText(p.stimulus),
                                      p.role == app::WallPattern::Role::Uniformity
                                          ? tr("modules and seams")
                                          : tr("dead and stuck LEDs"));
        }
        post([this, plan] { emit planReady(plan); });
        auto step = std::make_shared<int>(-1);
        const auto showOnWall = o.show;
        o.show = [this, step, wait, showOnWall](const std::string& s) {
            const int i = ++*step;
            const QString stimulus = wallPatternText(s);
            post([this, i, stimulus, wait] { emit patternRequested(i, stimulus, wait); });
            if (wait) {
                waitForOperator();
            }
            if (showOnWall) {
                showOnWall(s);
            }
        };
        o.progress = [this](const app::WallProgress& done) {
            const QString l = wallProgressText(done);
            post([this, l] { emit progress(l); });
        };
        o.captured = [this, step](const app::WallCapture& c, const imaging::RawFrame& frame) {
            WallCaptureView v;
            v.step = *step;
            v.stimulus = QString::fromStdString(c.stimulus);
            v.role = QString::fromStdString(c.role);
            v.file = QString::fromStdString(c.file.string());
            v.exposure_s = c.exposure_s;
            v.level = c.level;
            v.accepted = c.accepted;
            v.note = QString::fromStdString(c.note);
            v.thumbnail = frameThumbnail(frame, 200);
            post([this, v] { emit captured(v); });
        };
        app::WallJobResult r;
        // Nothing captured is lost: the message says where the files are.
        const std::string kept = "; " + tr("captures so far are in %1")
                                            .arg(QString::fromStdString(o.captures_dir.string()))
                                            .toStdString();
        try {
            r = app::runWallJob(o);
        } catch (const cam::DownloadStorageError& e) {
            throw std::runtime_error(
                tr("storage: %1; free space or choose another output folder, then capture again")
                    .arg(QString::fromStdString(e.what()))
                    .toStdString() +
                kept);
        } catch (const cam::CameraError& e) {
            throw std::runtime_error(std::string(cam::toString(e.kind())) + ": " + e.what() + kept);
        } catch (const std::exception& e) {
            throw std::runtime_error(e.what() + kept);
        }
        auto out = std::make_shared<WallOutcome>();
        out->meta = app::wallJobMeta(setup, r, app::utcNowIso8601());
        out->limits = o.limits;
        out->analysis = std::make_shared<const app::WallAnalysis>(std::move(r.analysis));
        WallOutcomePtr done = out;
        post([this, done] {
            if (thread_.joinable()) {
                thread_.join();
            }
            busy_ = false;
            emit finished(done);
        });
    });
}

void WallJobRunner::startImages(const app::WallImageSpec& spec) {
    if (busy_) {
        return;
    }
    launch([this, spec] {
        post([this] { emit progress(tr("reading the images")); });
        const app::WallImageInputs in = app::loadWallImages(spec);
        post([this] { emit progress(tr("analysing")); });
        app::WallAnalysis an;
        try {
            an = app::analyzeWallImages(in);
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string(e.what()) +
                                     (spec.corners.empty()
                                          ? "; " + tr("give the screen corners").toStdString()
                                          : std::string()));
        }
        auto out = std::make_shared<WallOutcome>();
        out->meta = app::wallImageMeta(in, app::utcNowIso8601());
        out->limits = in.limits;
        out->analysis = std::make_shared<const app::WallAnalysis>(std::move(an));
        WallOutcomePtr done = out;
        post([this, done] {
            if (thread_.joinable()) {
                thread_.join();
            }
            busy_ = false;
            emit finished(done);
        });
    });
}

}  // namespace cm::gui

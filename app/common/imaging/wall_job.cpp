// SPDX-License-Identifier: Apache-2.0
// LED wall job: camera control, exposure check, verified downloads, analysis.
#include "app/common/imaging/wall_job.h"

#include "app/common/data_paths.h"
#include "app/common/imaging/image_files.h"
#include "drivers/camera/device.h"

#include "libmeasure/errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>

namespace cm::app {

namespace cam = drivers::camera;

WallPattern parseWallPattern(const std::string& text, WallPattern::Role role,
                             double default_shutter_s) {
    WallPattern p;
    p.role = role;
    p.initial_shutter_s = default_shutter_s;
    const auto at = text.find('@');
    p.stimulus = text.substr(0, at);
    if (p.stimulus.empty()) {
        throw std::invalid_argument("pattern '" + text + "': no stimulus before '@'");
    }
    if (at != std::string::npos) {
        p.initial_shutter_s = cam::parseSettingInput(cam::Setting::Shutter, text.substr(at + 1));
    }
    return p;
}

namespace {

/// 99.5th percentile of the green channel above black, over the sensor range (0…1).
double exposureLevel(const imaging::RawFrame& f) {
    std::vector<std::uint32_t> hist(65536, 0);
    for (int y = 0; y < f.rgb.rows; ++y) {
        const auto* p = f.rgb.ptr<cv::Vec3w>(y);
        for (int x = 0; x < f.rgb.cols; ++x) {
            ++hist[p[x][1]];
        }
    }
    const auto total = static_cast<std::uint64_t>(f.rgb.total());
    const auto want = static_cast<std::uint64_t>(std::ceil(0.995 * static_cast<double>(total)));
    std::uint64_t seen = 0;
    std::size_t v = 0;
    for (; v < hist.size(); ++v) {
        seen += hist[v];
        if (seen >= want) {
            break;
        }
    }
    return (static_cast<double>(v) - f.black_level_dn) / (f.white_level_dn - f.black_level_dn);
}

/// The longest shutter choice not longer than `wanted` (the shortest if all are longer).
double shutterChoice(cam::CameraDevice& dev, double wanted) {
    const auto v = dev.read(cam::Setting::Shutter);
    if (!v) {
        throw cam::CameraError(cam::CameraErrorKind::UnsupportedSetting,
                               "the camera offers no shutter setting");
    }
    std::optional<double> best, shortest;
    for (const auto& c : v->choices) {
        const auto t = cam::parseSettingText(cam::Setting::Shutter, c);
        if (!t) {
            continue;
        }
        if (!shortest || *t < *shortest) {
            shortest = t;
        }
        // 1 % slack: choices are rounded ("1/8" is 0.125, the camera may say 0.1250s).
        if (*t <= wanted * 1.01 && (!best || *t > *best)) {
            best = t;
        }
    }
    if (!best && !shortest) {
        throw cam::CameraError(cam::CameraErrorKind::UnsupportedSetting,
                               "the camera's shutter choices do not parse");
    }
    return best ? *best : *shortest;
}

bool recoverable(cam::CameraErrorKind k) {
    return k == cam::CameraErrorKind::Disconnected || k == cam::CameraErrorKind::Timeout ||
           k == cam::CameraErrorKind::Protocol;
}

void writeCaptureLog(const std::filesystem::path& dir, const std::vector<WallCapture>& caps) {
    writeFileAtomically(dir / "captures.json", nlohmann::ordered_json(caps).dump(2) + "\n");
}

}  // namespace

void to_json(nlohmann::ordered_json& j, const WallCapture& c) {
    j = {{"file", c.file.filename().string()},
         {"camera_path", c.camera_path},
         {"stimulus", c.stimulus},
         {"role", c.role},
         {"exposure_s", c.exposure_s},
         {"iso", c.iso},
         {"f_number", c.f_number},
         {"level", c.level},
         {"accepted", c.accepted},
         {"note", c.note}};
}

WallJobResult runWallJob(const WallJobOptions& o) {
    auto say = [&](const WallProgress& step) {
        if (o.progress) {
            o.progress(step);
        }
    };
    int uniformity = 0, defects = 0;
    for (const auto& p : o.patterns) {
        (p.role == WallPattern::Role::Uniformity ? uniformity : defects) += 1;
    }
    if (uniformity != 1 || defects > 1) {
        throw std::invalid_argument(
            "a wall job needs one uniformity pattern and at most one "
            "defect pattern");
    }
    std::filesystem::create_directories(o.captures_dir);
    WallJobResult result;
    cam::CameraDevice dev(o.model, o.port);
    result.camera_model = dev.deviceModel();
    dev.set(cam::Setting::Iso, o.iso);
    dev.set(cam::Setting::Aperture, o.f_number);
    dev.setFormat(o.format);
    // What the camera actually took: its own reading after setting (the nearest choice).
    const double iso = dev.read(cam::Setting::Iso).value().number.value_or(o.iso);
    const double fno = dev.read(cam::Setting::Aperture).value().number.value_or(o.f_number);
    const double n = o.calibration_f_number / fno;
    const double sensitivity = (iso / o.calibration_iso) * n * n;
    {
        WallProgress step;
        step.kind = WallProgress::Kind::Camera;
        step.camera_model = result.camera_model;
        step.port = o.port;
        say(step);
    }

    std::optional<WallFrame> uniFrame, defFrame;
    for (const WallPattern& p : o.patterns) {
        const std::string role = p.role == WallPattern::Role::Uniformity ? "uniformity" : "defects";
        if (o.show) {
            o.show(p.stimulus);
        }
        double t = shutterChoice(dev, p.initial_shutter_s);
        for (int attempt = 1;; ++attempt) {
            dev.set(cam::Setting::Shutter, t);
            const double tSet = dev.read(cam::Setting::Shutter).value().number.value_or(t);
            std::vector<cam::DownloadedFile> files;
            try {
                files = dev.capture(o.captures_dir);
            } catch (const cam::CameraError& e) {
                // The file stays on the camera: one fresh connection and one more download.
                if (dev.pending().empty() || !recoverable(e.kind())) {
                    throw;
                }
                WallProgress step;
                step.kind = WallProgress::Kind::Reconnecting;
                step.error = e.what();
                say(step);
                dev.reconnect();
                files = dev.downloadPending(o.captures_dir);
            }
            if (files.empty()) {
                throw cam::CameraError(cam::CameraErrorKind::Device,
                                       "the capture produced no file");
            }
            WallCapture c;
            c.stimulus = p.stimulus;
            c.role = role;
            c.file = files.front().on_disk;
            c.camera_path = files.front().on_camera.full();
            c.exposure_s = tSet;
            c.iso = iso;
            c.f_number = fno;
            WallFrame f;
            f.file = c.file.string();
            f.stimulus = p.stimulus;
            f.relative_sensitivity = sensitivity;
            try {
                f.frame = imaging_io::readImage(c.file);
            } catch (const imaging_io::ImageFileError& e) {
                // The file the camera just delivered: a capture failure, not the user's input.
                throw errors::InstrumentError(std::string("the camera's image cannot be read: ") +
                                              e.what());
            }
            // The camera's settings are the record (LibRaw finds no ISO in a DNG without EXIF).
            f.frame.exposure_s = tSet;
            f.frame.iso = iso;
            c.level = exposureLevel(f.frame);
            WallProgress step;
            step.kind = WallProgress::Kind::Captured;
            step.stimulus = p.stimulus;
            step.file = c.file.filename().string();
            step.exposure_s = tSet;
            step.iso = iso;
            step.f_number = fno;
            step.level = c.level;
            say(step);
            c.accepted = c.level >= o.min_level && c.level <= o.max_level;
            if (!c.accepted) {
                c.note = c.level > o.max_level ? "overexposed" : "underexposed";
            }
            if (o.captured) {
                o.captured(c, f.frame);
            }
            const double next = shutterChoice(dev, tSet * o.target_level / std::max(c.level, 0.01));
            if (!c.accepted) {
                c.note = c.level > o.max_level ? "overexposed" : "underexposed";
                if (attempt >= o.max_tries || next == tSet) {
                    result.captures.push_back(c);
                    writeCaptureLog(o.captures_dir, result.captures);
                    throw errors::InstrumentError(p.stimulus + ": exposure level " +
                                                  std::to_string(c.level) + " out of range after " +
                                                  std::to_string(attempt) + " captures (" + c.note +
                                                  "); change ISO, aperture or --patterns");
                }
            }
            result.captures.push_back(c);
            writeCaptureLog(o.captures_dir, result.captures);
            if (c.accepted) {
                (p.role == WallPattern::Role::Uniformity ? uniFrame : defFrame) = std::move(f);
                break;
            }
            t = next;
        }
    }
    {
        WallProgress step;
        step.kind = WallProgress::Kind::Analysing;
        say(step);
    }
    try {
        result.analysis = analyzeWall(*uniFrame, defFrame ? &*defFrame : nullptr, o.calibration,
                                      o.layout, o.limits);
    } catch (const std::invalid_argument& e) {
        // Layout, limits and calibration were checked before the first capture: what fails now
        // is the captures themselves (the wall not found in them, too little signal).
        throw errors::InstrumentError(e.what());
    } catch (const std::runtime_error& e) {
        if (dynamic_cast<const errors::Error*>(&e) != nullptr) {
            throw;
        }
        throw errors::InstrumentError(e.what());
    }
    return result;
}

}  // namespace cm::app

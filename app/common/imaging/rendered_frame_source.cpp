// SPDX-License-Identifier: Apache-2.0
// Rendered frame source: renderer → exposure at the camera's settings → DNG or TIFF on the
// simulated card (a spool file).
#include "app/common/imaging/rendered_frame_source.h"

#include "app/common/imaging/image_files.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace cm::app {

namespace cam = drivers::camera;

double relativeSensitivity(const cam::CaptureSettings& s, const RenderedFrameSourceOptions& o) {
    const double n = o.reference_f_number / s.f_number;
    return (s.iso / o.reference_iso) * n * n;
}

namespace {

std::array<std::array<double, 3>, 3> toArray(const colorimetry::Matrix3& m) {
    std::array<std::array<double, 3>, 3> a{};
    for (std::size_t r = 0; r < 3; ++r) {
        for (std::size_t c = 0; c < 3; ++c) {
            a[r][c] = m[r][c];
        }
    }
    return a;
}

/// The frame's TIFF (exposure and scale in its description), as cinemeasure writes its own.
void writeFrameTiff(const std::filesystem::path& file, const imaging::RawFrame& f) {
    const nlohmann::json d = {{"exposure_s", f.exposure_s},
                              {"black_level_dn", f.black_level_dn},
                              {"white_level_dn", f.white_level_dn},
                              {"iso", f.iso}};
    imaging_io::writeTiff16(file, f.rgb, d.dump());
}

}  // namespace

cam::FrameSource renderedFrameSource(std::shared_ptr<const drivers::virt::VirtualTheatre> theatre,
                                     std::shared_ptr<const VirtualPatternGenerator> patterns,
                                     RenderedFrameSourceOptions options) {
    if (!theatre || !patterns) {
        throw std::invalid_argument("renderedFrameSource: no theatre or pattern generator");
    }
    return [theatre, patterns, options](const cam::CaptureSettings& s) {
        drivers::virt::CameraSetup setup = options.camera;
        const double k = relativeSensitivity(s, options);
        setup.exposure_s = s.exposure_s;
        setup.iso = s.iso;
        // More gain: more DN per photon, so fewer electrons per DN (shot noise grows with ISO).
        setup.dn_per_cdm2_s = options.camera.dn_per_cdm2_s * k;
        setup.electrons_per_dn = options.camera.electrons_per_dn / (s.iso / options.reference_iso);
        setup.seed = options.camera.seed + static_cast<std::uint64_t>(s.sequence) * 1000003ull;
        drivers::virt::RenderedFrame r =
            drivers::virt::renderCameraFrame(*theatre, patterns->showing(), setup);
        cam::CapturedFile file;
        file.width = static_cast<std::uint32_t>(r.frame.rgb.cols);
        file.height = static_cast<std::uint32_t>(r.frame.rgb.rows);
        file.bit_depth = 48;
        char name[32];
        // The file goes onto the simulated card on disk, written straight from the frame: the
        // frame and its encoded file are never both in memory (102 MP: 612 MB each).
        const bool raw = s.format == cam::ImageFormat::Raw;
        auto spool = std::make_shared<const cam::SpoolFile>(
            cam::SpoolFile::freshPath(raw ? ".DNG" : ".TIF"));
        if (raw) {
            // The camera's own colour matrix does not depend on the exposure: the reference one.
            imaging_io::writeDng(
                spool->path(), r.frame,
                toArray(colorimetry::inverse(drivers::virt::virtualCameraMatrix(options.camera))));
            file.format = cam::ImageFormat::Raw;
            std::snprintf(name, sizeof name, "IMG_%04d.DNG", s.sequence % 10000);
        } else {
            writeFrameTiff(spool->path(), r.frame);
            file.format = cam::ImageFormat::Tiff;
            std::snprintf(name, sizeof name, "IMG_%04d.TIF", s.sequence % 10000);
        }
        r.frame.rgb.release();
        file.spool = std::move(spool);
        file.name = name;
        return file;
    };
}

}  // namespace cm::app

// Imaging benchmark: decode-free analysis of a 45-megapixel frame (linearise + rectify + XYZ in one
// pass, module grid statistics, defect scan, seams) against one plain pass over the same raw frame;
// the LibRaw decode time of a DNG of that frame is printed beside it.
#include "app/bench/bench.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/imaging/image_files.h"
#include "drivers/virtual/camera_renderer.h"
#include "libmeasure/imaging/camera_matrix.h"
#include "libmeasure/imaging/module_uniformity.h"
#include "libmeasure/imaging/pixel_defects.h"
#include "libmeasure/imaging/rectify.h"
#include "libmeasure/imaging/seams.h"

#include <chrono>
#include <cstdio>
#include <numeric>

namespace cm::bench {
namespace {

struct Scene {
    drivers::virt::RenderedFrame rendered;
    imaging::Linearisation lin;
    double decode_s = 0.0;
};

/// 8192 × 5500 px (45.1 MP) of the reference LED wall (4096 × 2160 LED px), rendered once.
const Scene& scene() {
    static const Scene s = [] {
        Scene sc;
        drivers::virt::VirtualTheatre theatre(
            app::loadTheatreConfig(app::dataDir() / "virtual" / "led-defective.json"));
        drivers::virt::CameraSetup cam;
        cam.width_px = 8192;
        cam.height_px = 5500;
        cam.supersample = 1;
        sc.rendered = drivers::virt::renderCameraFrame(theatre, "white", cam);
        sc.lin = imaging::Linearisation::forFrame(sc.rendered.frame);
        sc.lin.vignetting = sc.rendered.truth.vignetting;
        const auto file = std::filesystem::temp_directory_path() / "cinemeasure-bench-45mp.dng";
        app::imaging_io::writeDng(file, sc.rendered.frame,
                                  colorimetry::inverse(sc.rendered.truth.rgb_to_xyz));
        const auto t0 = std::chrono::steady_clock::now();
        const imaging::RawFrame back = app::imaging_io::readRaw(file);
        sc.decode_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        doNotOptimise(back.rgb.data);
        std::filesystem::remove(file);
        return sc;
    }();
    return s;
}

const Registrar kAnalysis({
    "imaging",
    "45 MP analysis (linearise+rectify, modules, defects, seams)",
    "one plain pass summing the 45 MP raw frame",
    [](std::size_t n) {
        const Scene& s = scene();
        const auto& t = s.rendered.truth;
        const imaging::LedWallLayout& L = *t.layout;
        // A stream of frames (a wall job, a bracket) reuses its grid buffers: fresh pages for
        // 150 MB of grids each frame would cost more than the arithmetic.
        static cv::Mat xyz, y, mask;
        for (std::size_t i = 0; i < n; ++i) {
            imaging::rectifyRawToXyz(s.rendered.frame, s.lin, t.rgb_to_xyz, t.grid_to_camera,
                                     L.gridSize(), xyz);
            imaging::luminanceMap(xyz, y);
            const auto defects = imaging::detectPixelDefects(y, L, {0.5, 2.0, 1.0});
            imaging::defectMask(defects, L.gridSize(), mask);
            const auto u = imaging::moduleUniformity(xyz, L, {0.9, 1.1, 0.015, 0.015}, mask);
            const auto seams = imaging::measureSeams(y, L, {3.0, 1, 3});
            doNotOptimise(u.wall_mean_cdm2 + static_cast<double>(defects.size() + seams.size()));
        }
    },
    [](std::size_t n) {
        const cv::Mat& raw = scene().rendered.frame.rgb;
        const auto* p = raw.ptr<std::uint16_t>(0);
        const std::size_t count = raw.total() * 3;
        for (std::size_t i = 0; i < n; ++i) {
            doNotOptimise(std::accumulate(p, p + count, std::uint64_t{0}));
        }
    },
    [](double) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "libraw_decode_dng=%.3g s", scene().decode_s);
        return std::string(buf);
    },
});

}  // namespace
}  // namespace cm::bench

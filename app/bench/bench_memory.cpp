// SPDX-License-Identifier: Apache-2.0
// Peak memory of the 102 MP LED wall job (issue 14: ≤ 2 GB), as a ratio to one frame's pixels.
#include "app/bench/bench.h"
#include "app/bench/child_process.h"
#include "app/common/data_paths.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

extern char** environ;

namespace cm::bench {
namespace {

/// A 102 MP sensor (12288 × 8320 = 102.2 MP, as medium-format cameras have).
constexpr int kWidthPx = 12288;
constexpr int kHeightPx = 8320;
/// One frame as the job carries it: 16-bit R, G, B per pixel (the LinearRaw DNG's pixels).
constexpr double kFrameBytes = static_cast<double>(kWidthPx) * kHeightPx * 3 * 2;
/// Issue 14's goal for the whole job's peak resident memory.
constexpr double kGoalBytes = 2e9;

std::filesystem::path cliBesideBench() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        throw std::runtime_error("cannot find this executable (/proc/self/exe): " + ec.message());
    }
    const auto cli = exe.parent_path() / "cinemeasure";
    if (::access(cli.c_str(), X_OK) != 0) {
        throw std::runtime_error("cinemeasure not found beside " + exe.parent_path().string());
    }
    return cli;
}

/// Peak resident set of one run of `argv`, in bytes.
double childPeakRssBytes(const std::vector<std::string>& argv) {
    return runChild(argv).peak_rss_bytes;
}

const Registrar kWallJob({
    "memory",
    "102 MP wall job peak RSS (simulated camera, libgphoto2, DNG, analysis)",
    "one 102 MP frame as 16-bit RGB",
    nullptr,
    nullptr,
    [](double peak) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "(%d x %d px, two captures; goal peak <= %.1f GB: %s)",
                      kWidthPx, kHeightPx, kGoalBytes * 1e-9,
                      peak <= kGoalBytes ? "met" : "NOT met");
        return std::string(buf);
    },
    [] {
        const auto out = std::filesystem::temp_directory_path() /
                         ("cinemeasure-bench-wall102-" + std::to_string(::getpid()));
        std::filesystem::remove_all(out);
        const double peak = childPeakRssBytes(
            {cliBesideBench().string(), "wall", "--simulate",
             (app::dataDir() / "virtual" / "led-defective.json").string(), "--size",
             std::to_string(kWidthPx), std::to_string(kHeightPx), "--out", out.string()});
        std::filesystem::remove_all(out);
        return std::make_pair(peak, kFrameBytes);
    },
    kGoalBytes / kFrameBytes,  // issue 14: 2 GB for the whole job
    "peak RSS",
    "GB",
    1e-9,
});

}  // namespace
}  // namespace cm::bench

// SPDX-License-Identifier: Apache-2.0
// Start-up benchmarks: `cinemeasure --help` and `cinemeasure profiles` spawned as processes, each
// against an empty C++ program (cinemeasure-bench-empty) spawned the same way, so the ratio is the
// CLI's own cost of loading libraries and starting. Issue 19 asks for ≤ 20 ms per command.
#include "app/bench/bench.h"
#include "app/bench/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

extern char** environ;

namespace cm::bench {
namespace {

constexpr int kWarmUps = 2;
constexpr int kRuns = 21;  // odd: the median is one run

std::filesystem::path selfDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        throw std::runtime_error("cannot find this executable (/proc/self/exe): " + ec.message());
    }
    return exe.parent_path();
}

/// Beside this bench in the build tree; cinemeasure-bench-empty is installed in libexec.
std::filesystem::path sibling(const std::string& name) {
    const auto dir = selfDir();
    for (const auto& p : {dir / name, dir / ".." / "libexec" / "cinemeasure" / name}) {
        if (::access(p.c_str(), X_OK) == 0) {
            return p;
        }
    }
    throw std::runtime_error(name + " not found beside " + dir.string());
}

/// Wall time of one spawn-to-exit of `argv`, its output sent to /dev/null.
double spawnSeconds(const std::vector<std::string>& argv) {
    return runChild(argv).seconds;
}

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

/// Median wall time of the command and of the empty program, runs interleaved so a change in the
/// machine's load falls on both alike.
std::pair<double, double> startupMedians(const std::vector<std::string>& args,
                                         const std::shared_ptr<double>& floor_out) {
    std::vector<std::string> command{sibling("cinemeasure").string()};
    command.insert(command.end(), args.begin(), args.end());
    const std::vector<std::string> empty{sibling("cinemeasure-bench-empty").string()};
    for (int i = 0; i < kWarmUps; ++i) {
        spawnSeconds(command);
        spawnSeconds(empty);
    }
    std::vector<double> work;
    std::vector<double> floor;
    for (int i = 0; i < kRuns; ++i) {
        work.push_back(spawnSeconds(command));
        floor.push_back(spawnSeconds(empty));
    }
    *floor_out = median(floor);
    return {median(work), *floor_out};
}

Benchmark startupBench(const std::string& name, std::vector<std::string> args) {
    auto floor = std::make_shared<double>(0.0);
    return {
        "startup",
        "cinemeasure " + name,
        "empty C++ program",
        nullptr,
        nullptr,
        [floor](double work) {
            char buf[160];
            std::snprintf(buf, sizeof buf,
                          "median of %d: %.1f ms (goal <= 20 ms), empty program %.1f ms", kRuns,
                          work * 1e3, *floor * 1e3);
            return std::string(buf);
        },
        [args, floor] { return startupMedians(args, floor); },
    };
}

const Registrar kHelp(startupBench("--help", {"--help"}));
const Registrar kProfiles(startupBench("profiles", {"profiles"}));

}  // namespace
}  // namespace cm::bench

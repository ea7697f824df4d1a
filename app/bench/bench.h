// SPDX-License-Identifier: Apache-2.0
// Benchmark harness: each benchmark is timed against a floor measured in the same run, and the
// ratio is what we track (absolute times vary from machine to machine).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cm::bench {

struct Benchmark {
    std::string area;  ///< colorimetry, drivers, imaging, procedures
    std::string name;
    std::string floor_name;  ///< what the floor is, e.g. "plain dot product over 471 samples"
    /// Each runs `n` iterations of the work; the harness picks n so a run lasts long enough.
    std::function<void(std::size_t n)> work;
    std::function<void(std::size_t n)> floor;
    /// Optional extra text on the line (throughput, sizes).
    std::function<std::string(double seconds_per_iteration)> detail;
    /// For long, one-shot jobs (a whole simulated certification): when set, the harness calls it
    /// once instead of timing work and floor; it returns {work seconds, floor seconds}.
    std::function<std::pair<double, double>()> once = nullptr;
    /// The ratio the project aims for (≤); 0 when there is none. Printed beside the ratio with
    /// "met" or "NOT met", so a run says at a glance where the code stands.
    double goal_ratio = 0.0;
    /// What work and floor measure and in which unit, for lines that are not times (peak
    /// memory: "peak RSS", "GB", 1e-9 from bytes).
    std::string quantity = "time";
    std::string unit = "s";
    double unit_scale = 1.0;
};

/// Registers at static-initialisation time; used through BENCHMARK_REGISTRATION below.
struct Registrar {
    explicit Registrar(Benchmark b);
};

std::vector<Benchmark>& registry();

/// `cinemeasure-bench uncertainty [RUNS [REPORTED_RUNS]]`: reported U against the spread over
/// simulated runs for every metric (not a timing benchmark). Returns the exit code.
int runUncertaintyBench(int argc, char** argv);

/// Keeps the optimiser from deleting the benchmarked work.
template <typename T>
inline void doNotOptimise(const T& value) {
    asm volatile("" : : "r,m"(value) : "memory");
}

}  // namespace cm::bench

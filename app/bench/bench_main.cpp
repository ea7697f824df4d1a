// SPDX-License-Identifier: Apache-2.0
// cinemeasure-bench AREA: runs one area's benchmarks and prints a ratio against each floor.
#include "app/bench/bench.h"

#include <tuple>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <set>

namespace cm::bench {

std::vector<Benchmark>& registry() {
    static std::vector<Benchmark> r;
    return r;
}

Registrar::Registrar(Benchmark b) {
    registry().push_back(std::move(b));
}

namespace {

using Clock = std::chrono::steady_clock;

/// Iterations for one timed run of `fn`: grows n until a run lasts ≥ 0.25 s.
std::size_t iterationsFor(const std::function<void(std::size_t)>& fn) {
    std::size_t n = 1;
    for (;;) {
        const auto t0 = Clock::now();
        fn(n);
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        if (s >= 0.25 || n >= (std::size_t{1} << 40)) {
            return n;
        }
        n = s <= 1e-6 ? n * 64
                      : std::max<std::size_t>(
                            n * 2, static_cast<std::size_t>(static_cast<double>(n) * 0.3 / s));
    }
}

double secondsPerIteration(const std::function<void(std::size_t)>& fn, std::size_t n) {
    const auto t0 = Clock::now();
    fn(n);
    return std::chrono::duration<double>(Clock::now() - t0).count() / static_cast<double>(n);
}

/// Seconds per iteration of work and of floor: runs of the two alternate, five of each, and the
/// best of each is kept. On a shared or throttled machine the clock speed drifts over seconds;
/// alternating lets work and floor see the same machine, so their ratio holds where the absolute
/// times do not.
std::pair<double, double> timeBoth(const std::function<void(std::size_t)>& work,
                                   const std::function<void(std::size_t)>& floor) {
    const std::size_t nw = iterationsFor(work), nf = iterationsFor(floor);
    double bestWork = 1e300, bestFloor = 1e300;
    for (int rep = 0; rep < 5; ++rep) {
        bestWork = std::min(bestWork, secondsPerIteration(work, nw));
        bestFloor = std::min(bestFloor, secondsPerIteration(floor, nf));
    }
    return {bestWork, bestFloor};
}

}  // namespace
}  // namespace cm::bench

int main(int argc, char** argv) {
    using namespace cm::bench;
    if (argc >= 2 && std::strcmp(argv[1], "uncertainty") == 0) {
        return runUncertaintyBench(argc, argv);
    }
    std::set<std::string> areas;
    for (const auto& b : registry()) {
        areas.insert(b.area);
    }
    if (argc != 2 || (std::strcmp(argv[1], "all") != 0 && !areas.count(argv[1]))) {
        std::fprintf(stderr,
                     "usage: cinemeasure-bench AREA|all, or cinemeasure-bench uncertainty "
                     "[RUNS [REPORTED_RUNS]]\nareas:");
        for (const auto& a : areas) {
            std::fprintf(stderr, " %s", a.c_str());
        }
        std::fprintf(stderr, "\n");
        return 2;
    }
    const std::string want = argv[1];
    for (const auto& b : registry()) {
        if (want != "all" && b.area != want) {
            continue;
        }
        double work = 0.0;
        double floor = 0.0;
        if (b.once) {
            std::tie(work, floor) = b.once();
        } else {
            std::tie(work, floor) = timeBoth(b.work, b.floor);
        }
        const std::string extra = b.detail ? b.detail(work) : "";
        const double ratio = work / floor;
        char goal[64] = "";
        if (b.goal_ratio > 0.0) {
            std::snprintf(goal, sizeof goal, " goal<=%.3g %s", b.goal_ratio,
                          ratio <= b.goal_ratio ? "met" : "NOT met");
        }
        std::printf("%-12s %-40s %s=%.4g %s floor[%s]=%.4g %s %s ratio=%.3f%s\n", b.area.c_str(),
                    b.name.c_str(), b.quantity.c_str(), work * b.unit_scale, b.unit.c_str(),
                    b.floor_name.c_str(), floor * b.unit_scale, b.unit.c_str(), extra.c_str(),
                    ratio, goal);
        std::fflush(stdout);
    }
    return 0;
}

// SPDX-License-Identifier: Apache-2.0
// Runs a command as a child process for the benchmarks and reports its wall time and peak memory.
#pragma once

#include <string>
#include <vector>

namespace cm::bench {

/// What one run of a child process cost.
struct ChildRun {
    double seconds = 0.0;         ///< wall time from spawn to exit
    double peak_rss_bytes = 0.0;  ///< the child's peak resident set (wait4's ru_maxrss)
};

/// Spawns `argv` (argv[0] a path) with stdout and stderr sent to /dev/null and waits for it.
/// Throws std::runtime_error when it cannot be spawned or does not exit with 0.
ChildRun runChild(const std::vector<std::string>& argv);

}  // namespace cm::bench

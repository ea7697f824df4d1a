// SPDX-License-Identifier: Apache-2.0
// Runs a command as a child process for the benchmarks and reports its wall time and peak memory.
#include "app/bench/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace cm::bench {

ChildRun runChild(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        throw std::runtime_error(argv[0] + ": cannot spawn: " + std::system_category().message(rc));
    }
    int status = 0;
    rusage use{};
    while (::wait4(pid, &status, 0, &use) < 0) {
        if (errno != EINTR) {
            throw std::runtime_error(argv[0] + ": wait4 failed");
        }
    }
    ChildRun run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    run.peak_rss_bytes = static_cast<double>(use.ru_maxrss) * 1024.0;  // Linux: kilobytes
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string line;
        for (const auto& a : argv) {
            line += a + " ";
        }
        throw std::runtime_error(line + "did not exit with 0");
    }
    return run;
}

}  // namespace cm::bench

// SPDX-License-Identifier: Apache-2.0
// A child program on a pseudo-terminal (stdin, stdout and stderr), for instruments reached through
// another program (ArgyllCMS spotread). A pty rather than pipes because such programs read keys
// from a terminal, as DisplayCAL drives spotread.
#pragma once

#include <sys/types.h>
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace cm::drivers {

struct ChildResult {
    int exit_code = -1;      ///< exit status, or -1 when killed / not exited
    bool timed_out = false;  ///< killed after the timeout
    std::string output;      ///< everything the child wrote, CR LF turned into LF
};

class ChildProcess {
public:
    /// Starts `argv[0]` (looked up in PATH) with `env` added to the environment. Throws
    /// InstrumentError Disconnected when the program cannot be started.
    ChildProcess(const std::vector<std::string>& argv,
                 const std::map<std::string, std::string>& env = {});
    ~ChildProcess();  ///< kills the child if it still runs
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// Sends key presses / text to the child's terminal.
    void write(const std::string& keys);
    /// Collects output until the child exits or `timeout` passes (then kills it).
    ChildResult wait(std::chrono::milliseconds timeout);
    /// Collects output for up to `slice`; true once the child has exited (exit code in result()).
    bool poll(std::chrono::milliseconds slice);
    /// Output so far (CR LF as LF).
    const std::string& output() const { return output_; }
    /// Kills the child now (it is reaped); the result then says timed_out.
    void kill();
    ChildResult result() const;
    /// The child's process id while it runs, -1 once it has exited or been killed.
    pid_t pid() const { return pid_; }

private:
    void collect(std::chrono::milliseconds slice);
    pid_t pid_ = -1;
    int master_ = -1;
    int exit_code_ = -1;
    bool killed_ = false;
    std::string output_;
};

/// Runs a program to completion: `keys` are typed into its terminal at the start.
ChildResult runChild(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                     const std::map<std::string, std::string>& env = {},
                     const std::string& keys = {});

/// Absolute path of `program` found in PATH, or empty.
std::string findInPath(const std::string& program);

}  // namespace cm::drivers

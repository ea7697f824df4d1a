// SPDX-License-Identifier: Apache-2.0
// Child program on a pseudo-terminal.
#include "drivers/transport/child_process.h"

#include "drivers/instrument/spot_instrument.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace cm::drivers {

std::string findInPath(const std::string& program) {
    if (program.find('/') != std::string::npos) {
        return ::access(program.c_str(), X_OK) == 0 ? program : std::string{};
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string candidate = dirs.substr(start, end - start) + "/" + program;
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
        start = end + 1;
    }
    return {};
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::map<std::string, std::string>& env) {
    const std::string exe = argv.empty() ? std::string{} : findInPath(argv[0]);
    if (exe.empty()) {
        throw InstrumentError(ErrorKind::Disconnected,
                              "program not found: " + (argv.empty() ? std::string{} : argv[0]));
    }
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0) {
        throw InstrumentError(
            ErrorKind::Disconnected,
            std::string("cannot create a pseudo-terminal: ") + std::strerror(errno));
    }
    const std::string slave = ::ptsname(master_);
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ < 0) {
        throw InstrumentError(ErrorKind::Disconnected,
                              std::string("fork: ") + std::strerror(errno));
    }
    if (pid_ == 0) {
        ::setsid();
        const int fd = ::open(slave.c_str(), O_RDWR);
        if (fd < 0) {
            ::_exit(127);
        }
        termios t{};
        if (::tcgetattr(fd, &t) == 0) {
            t.c_lflag &= ~static_cast<tcflag_t>(ECHO);  // keys we type are not echoed back
            ::tcsetattr(fd, TCSANOW, &t);
        }
        ::dup2(fd, 0);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        if (fd > 2) {
            ::close(fd);
        }
        for (const auto& [k, v] : env) {
            ::setenv(k.c_str(), v.c_str(), 1);
        }
        ::execv(exe.c_str(), args.data());
        ::_exit(127);
    }
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) {
        ::close(master_);
    }
}

void ChildProcess::write(const std::string& keys) {
    if (master_ >= 0) {
        [[maybe_unused]] const ssize_t n = ::write(master_, keys.data(), keys.size());
    }
}

void ChildProcess::collect(std::chrono::milliseconds slice) {
    pollfd p{master_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(slice.count())) <= 0) {
        return;
    }
    char buf[4096];
    const ssize_t n = ::read(master_, buf, sizeof buf);
    if (n > 0) {
        for (ssize_t i = 0; i < n; ++i) {
            if (buf[i] != '\r') {
                output_ += buf[i];
            }
        }
    }
}

bool ChildProcess::poll(std::chrono::milliseconds slice) {
    if (pid_ <= 0) {
        return true;
    }
    collect(slice);
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        for (int i = 0; i < 5; ++i) {
            collect(std::chrono::milliseconds(10));  // what is still buffered in the pty
        }
        pid_ = -1;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return true;
    }
    return false;
}

void ChildProcess::kill() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
        killed_ = true;
    }
}

ChildResult ChildProcess::result() const {
    ChildResult r;
    r.exit_code = exit_code_;
    r.timed_out = killed_;
    r.output = output_;
    return r;
}

ChildResult ChildProcess::wait(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!poll(std::chrono::milliseconds(20))) {
        if (std::chrono::steady_clock::now() >= deadline) {
            kill();
            break;
        }
    }
    return result();
}

ChildResult runChild(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                     const std::map<std::string, std::string>& env, const std::string& keys) {
    ChildProcess child(argv, env);
    if (!keys.empty()) {
        child.write(keys);
    }
    return child.wait(timeout);
}

}  // namespace cm::drivers

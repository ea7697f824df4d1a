// SPDX-License-Identifier: Apache-2.0
// termios serial port: raw 8N1-style configuration, poll()-based timed reads.
#include "drivers/transport/serial_port.h"

#include "drivers/instrument/spot_instrument.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cm::drivers {

namespace {

speed_t toSpeed(int baud) {
    switch (baud) {
        case 2400:
            return B2400;
        case 4800:
            return B4800;
        case 9600:
            return B9600;
        case 19200:
            return B19200;
        case 38400:
            return B38400;
        case 57600:
            return B57600;
        case 115200:
            return B115200;
        case 230400:
            return B230400;
        case 921600:
            return B921600;
        default:
            break;
    }
    throw InstrumentError(ErrorKind::Protocol, "unsupported baud rate " + std::to_string(baud));
}

int fromSpeed(speed_t s) {
    switch (s) {
        case B2400:
            return 2400;
        case B4800:
            return 4800;
        case B9600:
            return 9600;
        case B19200:
            return 19200;
        case B38400:
            return 38400;
        case B57600:
            return 57600;
        case B115200:
            return 115200;
        case B230400:
            return 230400;
        case B921600:
            return 921600;
        default:
            return 0;
    }
}

std::string printable(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c >= 32 && c < 127) {
            out += static_cast<char>(c);
        } else {
            char b[8];
            std::snprintf(b, sizeof b, "\\x%02x", c);
            out += b;
        }
    }
    return out;
}

}  // namespace

SerialPort::SerialPort(std::string path, const LineSettings& settings)
    : path_(std::move(path)), settings_(settings) {
    open();
}

SerialPort::~SerialPort() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

void SerialPort::open() {
    fd_ = ::open(path_.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (fd_ < 0) {
        throw InstrumentError(ErrorKind::Disconnected,
                              path_ + ": cannot open: " + std::strerror(errno));
    }
    termios t{};
    if (::tcgetattr(fd_, &t) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd_);
        fd_ = -1;
        throw InstrumentError(ErrorKind::Disconnected, path_ + ": not a serial port: " + why);
    }
    ::cfmakeraw(&t);
    const speed_t sp = toSpeed(settings_.baud);
    ::cfsetispeed(&t, sp);
    ::cfsetospeed(&t, sp);
    t.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS);
    t.c_cflag |= CLOCAL | CREAD;
    t.c_cflag |= settings_.data_bits == 7 ? CS7 : CS8;
    if (settings_.parity == 'E') {
        t.c_cflag |= PARENB;
    } else if (settings_.parity == 'O') {
        t.c_cflag |= PARENB | PARODD;
    }
    if (settings_.stop_bits == 2) {
        t.c_cflag |= CSTOPB;
    }
    if (settings_.rts_cts) {
        t.c_cflag |= CRTSCTS;
    }
    if (::tcsetattr(fd_, TCSANOW, &t) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd_);
        fd_ = -1;
        throw InstrumentError(ErrorKind::Disconnected, path_ + ": cannot configure: " + why);
    }
    // Bytes an instrument sent before we opened (a reply to a previous session's command, line
    // noise at power-up) would be taken for the answer to our first command.
    flushInput();
}

LineSettings SerialPort::applied() const {
    termios t{};
    ::tcgetattr(fd_, &t);
    LineSettings s;
    s.baud = fromSpeed(::cfgetospeed(&t));
    s.data_bits = (t.c_cflag & CSIZE) == CS7 ? 7 : 8;
    s.parity = (t.c_cflag & PARENB) ? ((t.c_cflag & PARODD) ? 'O' : 'E') : 'N';
    s.stop_bits = (t.c_cflag & CSTOPB) ? 2 : 1;
    s.rts_cts = (t.c_cflag & CRTSCTS) != 0;
    return s;
}

void SerialPort::reconnect() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    open();
}

void SerialPort::write(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            pollfd p{fd_, POLLOUT, 0};
            ::poll(&p, 1, 100);
            continue;
        }
        if (n <= 0) {
            throw InstrumentError(ErrorKind::Disconnected,
                                  path_ + ": write failed: " + std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
}

bool SerialPort::fill(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
        return false;
    }
    pollfd p{fd_, POLLIN, 0};
    const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (r < 0 && errno != EINTR) {
        throw InstrumentError(ErrorKind::Disconnected, path_ + ": " + std::strerror(errno));
    }
    if (r > 0) {
        char buf[4096];
        const ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n > 0) {
            pending_.append(buf, static_cast<std::size_t>(n));
        } else if ((p.revents & (POLLHUP | POLLERR | POLLNVAL)) || n == 0 ||
                   (n < 0 && errno != EAGAIN && errno != EINTR)) {
            throw InstrumentError(ErrorKind::Disconnected,
                                  path_ + ": the instrument went away (port closed)");
        }
    }
    return true;
}

std::string SerialPort::readUntil(const std::string& terminator,
                                  std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto at = pending_.find(terminator);
        if (at != std::string::npos) {
            std::string line = pending_.substr(0, at);
            pending_.erase(0, at + terminator.size());
            return line;
        }
        if (!fill(deadline)) {
            throw InstrumentError(
                ErrorKind::Timeout,
                path_ + ": no complete reply within " + std::to_string(timeout.count()) + " ms" +
                    (pending_.empty() ? "" : " (got '" + printable(pending_) + "')"));
        }
    }
}

std::string SerialPort::readExactly(std::size_t count, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (pending_.size() < count) {
        if (!fill(deadline)) {
            throw InstrumentError(ErrorKind::Timeout, path_ + ": " +
                                                          std::to_string(pending_.size()) + " of " +
                                                          std::to_string(count) + " bytes within " +
                                                          std::to_string(timeout.count()) + " ms");
        }
    }
    std::string out = pending_.substr(0, count);
    pending_.erase(0, count);
    return out;
}

void SerialPort::flushInput() {
    pending_.clear();
    ::tcflush(fd_, TCIFLUSH);
    char buf[1024];
    while (::read(fd_, buf, sizeof buf) > 0) {
    }
}

}  // namespace cm::drivers

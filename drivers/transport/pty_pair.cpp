// SPDX-License-Identifier: Apache-2.0
// posix_openpt-based pseudo-terminal pair.
#include "drivers/transport/pty_pair.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace cm::drivers {

PtyPair::PtyPair() {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0) {
        throw std::runtime_error(std::string("cannot create a pseudo-terminal: ") +
                                 std::strerror(errno));
    }
    char name[128];
    if (::ptsname_r(master_, name, sizeof name) != 0) {
        throw std::runtime_error("cannot name the pseudo-terminal");
    }
    slave_path_ = name;
    slave_keepalive_ = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    termios t{};
    if (slave_keepalive_ >= 0 && ::tcgetattr(slave_keepalive_, &t) == 0) {
        ::cfmakeraw(&t);  // no echo, no line editing: bytes pass as a serial line would carry them
        ::tcsetattr(slave_keepalive_, TCSANOW, &t);
    }
}

PtyPair::~PtyPair() {
    closeMaster();
    if (slave_keepalive_ >= 0) {
        ::close(slave_keepalive_);
    }
}

void PtyPair::closeMaster() {
    if (master_ >= 0) {
        ::close(master_);
        master_ = -1;
    }
    if (slave_keepalive_ >= 0) {
        ::close(slave_keepalive_);
        slave_keepalive_ = -1;
    }
}

}  // namespace cm::drivers

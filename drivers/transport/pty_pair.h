// SPDX-License-Identifier: Apache-2.0
// A pseudo-terminal pair: simulators hold the master side, drivers open the slave path as if it
// were a real serial port.
#pragma once

#include <string>

namespace cm::drivers {

class PtyPair {
public:
    /// Creates the pair; throws std::runtime_error on failure.
    PtyPair();
    ~PtyPair();
    PtyPair(const PtyPair&) = delete;
    PtyPair& operator=(const PtyPair&) = delete;

    int masterFd() const { return master_; }
    const std::string& slavePath() const { return slave_path_; }
    /// Closes the master: the driver sees the device vanish (simulated unplug).
    void closeMaster();

private:
    int master_ = -1;
    int slave_keepalive_ =
        -1;  ///< keeps the slave side open so reads do not see HUP before the driver opens it
    std::string slave_path_;
};

}  // namespace cm::drivers

// SPDX-License-Identifier: Apache-2.0
// A captured file's bytes, in memory or spooled to disk, read piece by piece.
#include "drivers/camera/camera_types.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace cm::drivers::camera {

std::filesystem::path SpoolFile::freshPath(const std::string& extension) {
    static std::atomic<int> counter{0};
    return std::filesystem::temp_directory_path() /
           ("cinemeasure-card-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
            extension);
}

SpoolFile::~SpoolFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

std::uint64_t SpoolFile::size() const {
    std::error_code ec;
    const auto n = std::filesystem::file_size(path_, ec);
    if (ec) {
        throw std::runtime_error(path_.string() + ": " + ec.message());
    }
    return n;
}

std::vector<std::uint8_t> SpoolFile::read(std::uint64_t offset, std::size_t count) const {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw std::runtime_error(path_.string() + ": " + std::strerror(errno));
    }
    std::vector<std::uint8_t> out(count);
    std::size_t got = 0;
    while (got < count) {
        const ssize_t n =
            ::pread(fd, out.data() + got, count - got, static_cast<off_t>(offset + got));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            throw std::runtime_error(path_.string() + ": " + why);
        }
        if (n == 0) {
            break;
        }
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(got);
    return out;
}

std::vector<std::uint8_t> CapturedFile::read(std::uint64_t offset, std::size_t count) const {
    if (spool) {
        return spool->read(offset, count);
    }
    const std::size_t off = static_cast<std::size_t>(std::min<std::uint64_t>(offset, bytes.size()));
    const std::size_t n = std::min(count, bytes.size() - off);
    return {bytes.begin() + static_cast<std::ptrdiff_t>(off),
            bytes.begin() + static_cast<std::ptrdiff_t>(off + n)};
}

}  // namespace cm::drivers::camera

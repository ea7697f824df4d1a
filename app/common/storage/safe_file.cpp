// SPDX-License-Identifier: Apache-2.0
// Safe file writes: O_EXCL|O_NOFOLLOW temporary files with random names, fsync around rename.
#include "app/common/storage/safe_file.h"

#include "libmeasure/errors.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>

namespace cm::app {

namespace {

std::string randomSuffix() {
    static thread_local std::mt19937_64 gen{std::random_device{}() ^
                                            (static_cast<std::uint64_t>(::getpid()) << 32)};
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string s;
    for (int i = 0; i < 12; ++i) {
        s += kDigits[gen() % 36];
    }
    return s;
}

std::string osError(int err) {
    if (err == ENOSPC || err == EDQUOT) {
        return std::string(std::strerror(err)) + " (the disk is full)";
    }
    return std::strerror(err);
}

void syncFolder(const std::filesystem::path& dir) {
    const int d = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d >= 0) {
        ::fsync(d);  // some filesystems refuse fsync on folders; the rename is still done
        ::close(d);
    }
}

}  // namespace

TempFile::TempFile(const std::filesystem::path& target, mode_t mode) : target_(target) {
    const std::filesystem::path dir = target.parent_path();
    // Hidden, random, unique per writer: two writers never share a temporary name.
    for (int attempt = 0; attempt < 16 && fd_ < 0; ++attempt) {
        tmp_ = dir / ("." + target.filename().string() + "." + randomSuffix() + ".part");
        fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd_ < 0 && errno != EEXIST) {
            throw errors::StorageError(target.string() +
                                       ": cannot create a temporary file: " + osError(errno));
        }
    }
    if (fd_ < 0) {
        throw errors::StorageError(target.string() + ": cannot create a unique temporary file");
    }
    ::fchmod(fd_, mode);  // exact mode regardless of umask
}

TempFile::~TempFile() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
    if (!done_) {
        ::unlink(tmp_.c_str());
    }
}

void TempFile::write(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw errors::StorageError(target_.string() +
                                       ": write failed: " + osError(n < 0 ? errno : ENOSPC));
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void TempFile::syncAndClose() {
    if (::fsync(fd_) != 0) {
        throw errors::StorageError(target_.string() + ": cannot flush to disk: " + osError(errno));
    }
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        throw errors::StorageError(target_.string() + ": write failed: " + osError(errno));
    }
}

void TempFile::commit() {
    syncAndClose();
    if (::rename(tmp_.c_str(), target_.c_str()) != 0) {
        throw errors::StorageError(target_.string() + ": cannot replace: " + osError(errno));
    }
    done_ = true;
    syncFolder(target_.parent_path());
}

void TempFile::commitNoReplace() {
    syncAndClose();
    // link() fails with EEXIST for any existing name, a dangling symlink included.
    if (::link(tmp_.c_str(), target_.c_str()) != 0) {
        const int err = errno;
        throw errors::StorageError(target_.string() +
                                   (err == EEXIST ? std::string(": already exists; not overwriting")
                                                  : ": cannot create: " + osError(err)));
    }
    ::unlink(tmp_.c_str());
    done_ = true;
    syncFolder(target_.parent_path());
}

void writeFileSafely(const std::filesystem::path& path, std::string_view content, mode_t mode) {
    TempFile tmp(path, mode);
    tmp.write(content);
    tmp.commit();
}

void requirePlainFileName(const std::string& name, const std::string& what) {
    bool ok = !name.empty() && name.size() <= 64 && name.front() != '.';
    for (const char c : name) {
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-');
    }
    if (!ok) {
        throw std::invalid_argument(what +
                                    " must be a plain file name (letters, digits, '.', '_', '-', "
                                    "not starting with '.', at most 64 characters)");
    }
}

}  // namespace cm::app

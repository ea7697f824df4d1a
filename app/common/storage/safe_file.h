// SPDX-License-Identifier: Apache-2.0
// Safe file writes: a private temporary file beside the target, fsync'ed and renamed into place.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace cm::app {

/// A temporary file created in the target's folder with a random name, O_EXCL|O_NOFOLLOW (a
/// planted file or symlink is never opened or followed). commit() fsyncs it, renames it over the
/// target and fsyncs the folder, so after a power loss the target is either the old or the new
/// file, never half of one. Destroyed without commit(), the temporary file is removed.
class TempFile {
public:
    /// Throws std::runtime_error naming the target and the OS error.
    explicit TempFile(const std::filesystem::path& target, mode_t mode = 0644);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::filesystem::path& path() const { return tmp_; }
    const std::filesystem::path& target() const { return target_; }
    /// Appends bytes; throws on a short write (disk full: the message says so).
    void write(std::string_view bytes);
    /// Replaces the target (a symlink at the target is replaced, never followed).
    void commit();
    /// Publishes only if the target does not exist (not even as a dangling symlink); throws
    /// otherwise. For files that must never be overwritten, such as secret keys.
    void commitNoReplace();

private:
    void syncAndClose();

    std::filesystem::path target_;
    std::filesystem::path tmp_;
    int fd_ = -1;
    bool done_ = false;
};

/// Writes `content` to `path` through a TempFile (see above).
void writeFileSafely(const std::filesystem::path& path, std::string_view content,
                     mode_t mode = 0644);

/// A file name chosen by a user for something we create (a key name): letters, digits, '.', '_'
/// and '-' only, not starting with '.', at most 64 characters. Throws std::invalid_argument.
void requirePlainFileName(const std::string& name, const std::string& what);

}  // namespace cm::app

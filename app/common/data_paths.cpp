// SPDX-License-Identifier: Apache-2.0
// Data directory lookup and careful file I/O for the app layer.
#include "app/common/data_paths.h"
#include "app/common/storage/safe_file.h"

#include "libmeasure/errors.h"

#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cm::app {

namespace {
std::filesystem::path& overrideDir() {
    static std::filesystem::path dir;
    return dir;
}
}  // namespace

void setDataDirOverride(const std::filesystem::path& dir) {
    overrideDir() = dir;
}

std::filesystem::path dataDir() {
    if (!overrideDir().empty()) {
        return overrideDir();
    }
    if (const char* env = std::getenv("CINEMEASURE_DATA_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    // An installed binary finds its data beside it (<prefix>/bin -> <prefix>/share/cinemeasure), so a
    // relocated package or a different install prefix works without a rebuild.
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "cinemeasure" / "calibration";
        if (std::filesystem::is_directory(installed / "profiles", ec)) {
            return installed;
        }
    }
    return CINEMEASURE_DEFAULT_DATA_DIR;
}

std::string readTextFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw errors::InputError(path.string() + ": cannot open: " + std::strerror(errno));
    }
    std::ostringstream os;
    os << in.rdbuf();
    if (in.bad()) {
        throw errors::InputError(path.string() + ": read error");
    }
    return os.str();
}

void writeFileAtomically(const std::filesystem::path& path, const std::string& content) {
    writeFileSafely(path, content);
}

void ensureWritableDirectory(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        throw errors::StorageError("output directory " + dir.string() + ": " + ec.message());
    }
    if (!std::filesystem::is_directory(dir)) {
        throw errors::StorageError("output directory " + dir.string() + ": not a directory");
    }
    if (::access(dir.c_str(), W_OK | X_OK) != 0) {
        throw errors::StorageError("output directory " + dir.string() +
                                   ": not writable: " + std::strerror(errno));
    }
}

}  // namespace cm::app

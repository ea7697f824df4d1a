// SPDX-License-Identifier: Apache-2.0
// Where shipped data lives (calibration/): --data-dir, then $CINEMEASURE_DATA_DIR, then an installed
// tree beside the executable (<prefix>/share/cinemeasure/calibration), then the build-time default.
#pragma once

#include <filesystem>
#include <string>

namespace cm::app {

/// Set by the CLI's --data-dir option; empty means "not given".
void setDataDirOverride(const std::filesystem::path& dir);
std::filesystem::path dataDir();

/// Reads a whole text file; throws std::runtime_error naming the file and the OS error.
std::string readTextFile(const std::filesystem::path& path);

/// Writes through a private temporary file, fsync and rename (storage/safe_file.h), so a reader
/// never sees half a file, even after a power loss.
void writeFileAtomically(const std::filesystem::path& path, const std::string& content);

/// Creates the directory if needed and proves it is writable; throws with a one-line reason.
void ensureWritableDirectory(const std::filesystem::path& dir);

}  // namespace cm::app

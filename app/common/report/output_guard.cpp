// SPDX-License-Identifier: Apache-2.0
// Refusal of non-empty outputs, the previous-<timestamp> move and stale signature removal.
#include "app/common/report/output_guard.h"

#include <chrono>
#include <ctime>
#include <string>
#include <system_error>
#include <vector>

namespace cm::app {

namespace fs = std::filesystem;

namespace {

/// previous-YYYYMMDDTHHMMSSZ, with -2, -3 … when that name is taken (two runs in one second).
fs::path previousFolder(const fs::path& parent) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "previous-%Y%m%dT%H%M%SZ", &tm);
    fs::path p = parent / buf;
    for (int n = 2; fs::exists(p); ++n) {
        p = parent / (std::string(buf) + "-" + std::to_string(n));
    }
    return p;
}

bool isPrevious(const fs::path& p) {
    return p.filename().string().rfind("previous-", 0) == 0;
}

}  // namespace

bool directoryHasFiles(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) != fs::directory_iterator();
}

fs::path prepareOutputDirectory(const fs::path& dir, bool force) {
    if (!directoryHasFiles(dir)) {
        return {};
    }
    if (!force) {
        throw OutputExists("output directory " + dir.string() +
                           " already holds files (an earlier report is evidence): choose another "
                           "--out, or give --force to move the old files to " +
                           dir.string() + "/previous-<time>/");
    }
    try {
        std::vector<fs::path> move;
        for (const auto& e : fs::directory_iterator(dir)) {
            if (!isPrevious(e.path())) {
                move.push_back(e.path());
            }
        }
        if (move.empty()) {
            return {};
        }
        const fs::path prev = previousFolder(dir);
        fs::create_directory(prev);
        for (const auto& p : move) {
            fs::rename(p, prev / p.filename());
        }
        return prev;
    } catch (const fs::filesystem_error& e) {
        throw errors::StorageError(e.what());  // the old files could not be moved aside
    }
}

fs::path prepareOutputFile(const fs::path& file, bool force) {
    std::error_code ec;
    const bool exists = fs::exists(file, ec);
    const fs::path sig = file.string() + ".sig";
    if (!exists) {
        removeStaleSignature(file);  // a signature without its file signs nothing
        return {};
    }
    if (!force) {
        throw OutputExists(file.string() +
                           " already exists (an earlier report is evidence): choose another "
                           "--out, or give --force to move it to previous-<time>/ beside it");
    }
    try {
        const fs::path parent = file.has_parent_path() ? file.parent_path() : fs::path(".");
        const fs::path prev = previousFolder(parent);
        fs::create_directory(prev);
        fs::rename(file, prev / file.filename());
        if (fs::exists(sig, ec)) {
            fs::rename(sig, prev / sig.filename());
        }
        return prev;
    } catch (const fs::filesystem_error& e) {
        throw errors::StorageError(e.what());  // the old file could not be moved aside
    }
}

fs::path sessionFolder(const fs::path& base, const std::string& site, const std::string& auditorium,
                       const std::string& date) {
    std::string name;
    for (const std::string& part : {site, auditorium, date}) {
        if (part.empty()) {
            continue;
        }
        std::string clean;
        for (const char c : part) {
            const auto u = static_cast<unsigned char>(c);
            clean += (u < 0x20 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
                      c == '"' || c == '<' || c == '>' || c == '|')
                         ? '_'
                         : (c == ' ' ? '-' : c);
        }
        name += (name.empty() ? "" : "-") + clean;
    }
    if (name.empty() || name == "." || name == "..") {
        name = "session";
    }
    fs::path p = base / name;
    for (int n = 2; directoryHasFiles(p); ++n) {
        p = base / (name + "-" + std::to_string(n));
    }
    return p;
}

void removeStaleSignature(const fs::path& file) {
    std::error_code ec;
    fs::remove(fs::path(file.string() + ".sig"), ec);
}

}  // namespace cm::app

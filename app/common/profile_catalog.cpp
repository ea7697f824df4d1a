// SPDX-License-Identifier: Apache-2.0
// Profile lookup by id or path.
#include "app/common/profile_catalog.h"

#include "app/common/data_paths.h"

#include <algorithm>
#include <stdexcept>

namespace cm::app {

procedure::Profile loadProfileFile(const std::filesystem::path& file) {
    const std::string text = readTextFile(file);
    const nlohmann::json doc = util::parseJson(text, file.string());
    return procedure::parseProfile(util::JsonView(doc, file.string()));
}

std::vector<ProfileEntry> loadProfileDirectory(const std::filesystem::path& dir) {
    std::vector<ProfileEntry> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.is_regular_file() && e.path().extension() == ".json") {
            out.push_back({e.path(), loadProfileFile(e.path())});
        }
    }
    if (ec) {
        throw std::runtime_error("profile directory " + dir.string() + ": " + ec.message());
    }
    std::sort(out.begin(), out.end(), [](const ProfileEntry& a, const ProfileEntry& b) {
        return a.profile.id < b.profile.id;
    });
    return out;
}

procedure::Profile findProfile(const std::string& idOrPath) {
    return loadProfileFile(findProfileFile(idOrPath));
}

std::filesystem::path findProfileFile(const std::string& idOrPath) {
    if (idOrPath.ends_with(".json") && std::filesystem::exists(idOrPath)) {
        return idOrPath;
    }
    const auto all = loadProfileDirectory(dataDir() / "profiles");
    std::string ids;
    for (const ProfileEntry& e : all) {
        if (e.profile.id == idOrPath) {
            return e.file;
        }
        ids += ids.empty() ? "" : ", ";
        ids += e.profile.id;
    }
    throw std::runtime_error("unknown profile '" + idOrPath + "'; available: " + ids);
}

}  // namespace cm::app

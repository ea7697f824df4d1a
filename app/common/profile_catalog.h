// SPDX-License-Identifier: Apache-2.0
// The shipped profiles (calibration/profiles/*.json), loaded and validated on demand.
#pragma once

#include "libmeasure/procedure/profile.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cm::app {

struct ProfileEntry {
    std::filesystem::path file;
    procedure::Profile profile;
};

/// Loads one profile file; throws util::DataError (file, JSON path, expected form).
procedure::Profile loadProfileFile(const std::filesystem::path& file);

/// All profiles in a directory, sorted by id. Throws on the first invalid file: a broken shipped
/// profile is a defect to fix, not to skip.
std::vector<ProfileEntry> loadProfileDirectory(const std::filesystem::path& dir);

/// A profile by id, or by path when `idOrPath` names an existing .json file. Unknown ids throw
/// std::runtime_error listing the available ids.
procedure::Profile findProfile(const std::string& idOrPath);

/// The file behind an id or path (same lookup and errors as findProfile).
std::filesystem::path findProfileFile(const std::string& idOrPath);

}  // namespace cm::app

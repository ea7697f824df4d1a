// SPDX-License-Identifier: Apache-2.0
// The pattern files a profile needs: which stimulus images to write, which step uses which
// file, and the manifest that says so.
#pragma once

#include "libmeasure/patterns/pattern.h"
#include "libmeasure/procedure/profile.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cm::app {

/// One image file (a 2D pattern, or one eye of a 3D pattern).
struct PatternFile {
    std::string tiff;     ///< file name in the output directory
    std::string preview;  ///< PNG preview's file name
    std::string stimulus;
    patterns::FrameSpec frame;
    std::vector<std::string> steps;  ///< ids of the steps that show this file
};

/// A step and the files it shows (one, or left and right for 3D).
struct PatternStep {
    std::string id;
    std::string stimulus;
    std::string eyewear;
    std::string instruction;
    std::vector<std::string> files;  ///< tiff names
};

struct PatternSet {
    std::string profile_id;
    std::string profile_title;
    std::string dynamic_range;
    std::string stereo;
    patterns::Encoding encoding = patterns::Encoding::DciGamma26;
    patterns::ImageSize size;
    std::vector<PatternFile> files;  ///< in order of first use
    std::vector<PatternStep> steps;  ///< every step of the profile, in profile order
};

/// Plans the files (no I/O). Steps with the same stimulus and the same resolved codes share
/// files. Throws std::invalid_argument naming the step for an unknown or malformed stimulus.
PatternSet planPatternSet(const procedure::Profile& profile, patterns::ImageSize size);

std::string patternManifestJson(const PatternSet& set);
std::string patternManifestText(const PatternSet& set);

/// Writes every TIFF and PNG under a temporary name, renames them into place once all are
/// written, then writes manifest.txt and manifest.json (last: a directory with a manifest.json
/// is complete). A failure while writing removes the temporary files and leaves an earlier set
/// as it was; an earlier manifest is deleted before the renames, so a set interrupted there has
/// no manifest. Throws std::runtime_error naming the file.
void writePatternSet(const PatternSet& set, const std::filesystem::path& dir);

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// Evidence is never overwritten: a non-empty output is refused unless forced, and forcing moves
// the old files aside into previous-<timestamp>/; a rewritten report never keeps a stale .sig.
#pragma once
#include "libmeasure/errors.h"

#include <filesystem>
#include <stdexcept>

namespace cm::app {

/// The output already holds files and --force was not given.
class OutputExists : public errors::StorageError {
public:
    using errors::StorageError::StorageError;
};

/// True when `dir` exists and has any entry.
bool directoryHasFiles(const std::filesystem::path& dir);

/// Before a run writes into `dir`: throws OutputExists when it holds files and !force; with
/// force, moves every entry except earlier previous-* folders into dir/previous-<UTC time>/ and
/// returns that folder (empty when nothing was moved).
std::filesystem::path prepareOutputDirectory(const std::filesystem::path& dir, bool force);

/// Before a single report file is written: throws OutputExists when it exists and !force; with
/// force, moves it and its .sig into <parent>/previous-<UTC time>/ (returned; empty if none).
std::filesystem::path prepareOutputFile(const std::filesystem::path& file, bool force);

/// The folder proposed for one session's report: base/<site>-<auditorium>-<YYYY-MM-DD>, empty
/// parts left out, characters a file name cannot hold replaced by '_', and "-2", "-3" … added
/// while that folder already holds files.
std::filesystem::path sessionFolder(const std::filesystem::path& base, const std::string& site,
                                    const std::string& auditorium, const std::string& date);

/// Removes `file`.sig: called whenever `file` is (re)written, since the signature covered the
/// old bytes and `verify` would otherwise report tampering.
void removeStaleSignature(const std::filesystem::path& file);

}  // namespace cm::app

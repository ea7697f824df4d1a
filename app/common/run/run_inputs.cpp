// SPDX-License-Identifier: Apache-2.0
// Per-input checks of a run description (see run_inputs.h).
#include "app/common/run/run_inputs.h"

#include "app/common/run/run_session.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace cm::app {

namespace fs = std::filesystem;

namespace {

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

std::optional<InputIssue> issue(RunInput input, InputProblem problem, std::string path = {}) {
    return InputIssue{input, problem, std::move(path)};
}

std::optional<InputIssue> checkCorrection(const std::string& file) {
    if (blank(file)) {
        return std::nullopt;  // optional
    }
    std::error_code ec;
    const fs::file_status st = fs::status(file, ec);
    if (!fs::exists(st)) {
        return issue(RunInput::CorrectionFile, InputProblem::NoSuchFile, file);
    }
    if (!fs::is_regular_file(st)) {
        return issue(RunInput::CorrectionFile, InputProblem::NotAFile, file);
    }
    if (!std::ifstream(file).good()) {
        return issue(RunInput::CorrectionFile, InputProblem::Unreadable, file);
    }
    return std::nullopt;
}

/// The report folder is made when the run starts: it, or the nearest folder above it that
/// exists, must be a folder this process may write into.
std::optional<InputIssue> checkOutDir(const std::string& dir) {
    if (blank(dir)) {
        return issue(RunInput::OutDir, InputProblem::Missing);
    }
    fs::path p = fs::absolute(fs::path(dir));
    std::error_code ec;
    while (!fs::exists(fs::symlink_status(p, ec)) && p.has_relative_path()) {
        p = p.parent_path();
    }
    if (!fs::is_directory(p, ec)) {
        return issue(RunInput::OutDir, InputProblem::NotADirectory, p.string());
    }
    if (::access(p.c_str(), W_OK | X_OK) != 0) {
        return issue(RunInput::OutDir, InputProblem::NotWritable, p.string());
    }
    return std::nullopt;
}

}  // namespace

bool isFieldRun(const RunDescription& d) {
    return d.simulate.empty();
}

std::optional<InputIssue> checkRunInput(const RunDescription& d, RunInput input) {
    const bool field = isFieldRun(d);
    switch (input) {
        case RunInput::Port:
            if (!d.simulate.empty() && !d.port.empty()) {
                return issue(input, InputProblem::BothSources);
            }
            return field && blank(d.port) ? issue(input, InputProblem::Missing) : std::nullopt;
        case RunInput::Site:
            return field && blank(d.site) ? issue(input, InputProblem::Missing) : std::nullopt;
        case RunInput::Auditorium:
            return field && blank(d.auditorium) ? issue(input, InputProblem::Missing)
                                                : std::nullopt;
        case RunInput::Operator:
            return field && blank(d.operator_name) ? issue(input, InputProblem::Missing)
                                                   : std::nullopt;
        case RunInput::Screen:
            // !(x > 0) also refuses NaN.
            return field && (!(d.screen_width_m > 0.0) || !(d.screen_height_m > 0.0))
                       ? issue(input, InputProblem::NotPositive)
                       : std::nullopt;
        case RunInput::CorrectionFile:
            return checkCorrection(d.correction_file);
        case RunInput::OutDir:
            return checkOutDir(d.out_dir);
    }
    return std::nullopt;
}

std::vector<InputIssue> checkRunInputs(const RunDescription& d) {
    std::vector<InputIssue> out;
    for (RunInput i : {RunInput::Port, RunInput::Site, RunInput::Auditorium, RunInput::Operator,
                       RunInput::Screen, RunInput::CorrectionFile, RunInput::OutDir}) {
        if (auto p = checkRunInput(d, i)) {
            out.push_back(*p);
        }
    }
    return out;
}

std::string inputIssueText(const InputIssue& issue, const RunDescription& d) {
    switch (issue.input) {
        case RunInput::Port:
            return "give either --simulate CONFIG or --port DEVICE";
        case RunInput::Site:
            return "a field run needs --site (the cinema) for the report";
        case RunInput::Auditorium:
            return "a field run needs --auditorium (the screen room) for the report";
        case RunInput::Operator:
            return "a field run needs --operator (who measures) for the report";
        case RunInput::Screen:
            return "a field run needs --screen WIDTHxHEIGHT in metres (e.g. 12.0x5.0), got '" +
                   d.screen_text + "'";
        case RunInput::CorrectionFile:
            switch (issue.problem) {
                case InputProblem::NoSuchFile:
                    return "--correction " + issue.path + ": no such file";
                case InputProblem::NotAFile:
                    return "--correction " + issue.path + ": not a file";
                default:
                    return "--correction " + issue.path + ": cannot be read";
            }
        case RunInput::OutDir:
            switch (issue.problem) {
                case InputProblem::Missing:
                    return "a run needs --out, the report folder";
                case InputProblem::NotADirectory:
                    return "output directory " + d.out_dir + ": " + issue.path +
                           " is not a directory";
                default:
                    return "output directory " + d.out_dir + ": " + issue.path + " is not writable";
            }
    }
    return "invalid input";
}

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// The run description's typed-in inputs, each checked on its own: prepareRun refuses a run with
// any problem, and the GUI shows each problem next to its field while it is typed.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cm::app {

struct RunDescription;

/// An input the operator types or picks for a new run.
enum class RunInput {
    Port,            ///< a field run's serial port (or, in the CLI, --simulate / --port)
    Site,            ///< field runs: the cinema
    Auditorium,      ///< field runs: the screen room
    Operator,        ///< field runs: who measures
    Screen,          ///< field runs: width and height in metres
    CorrectionFile,  ///< optional colorimeter correction (.json)
    OutDir,          ///< the report folder
};

/// What is wrong with one input, as a value the CLI and the GUI each put into words.
enum class InputProblem {
    Missing,        ///< empty (for Port: neither a theatre nor a port)
    BothSources,    ///< Port: both a virtual theatre and a port
    NotPositive,    ///< Screen: width or height not above zero
    NoSuchFile,     ///< the file (or no folder above the report folder) exists
    NotAFile,       ///< a folder or device where a file is needed
    Unreadable,     ///< the file cannot be read
    NotADirectory,  ///< the report folder, or a folder above it, is a file
    NotWritable,    ///< the report folder (or the folder it would be made in) is not writable
};

struct InputIssue {
    RunInput input;
    InputProblem problem;
    std::string path;  ///< the file or folder concerned, when there is one
};

/// True when `d` describes a field run (no virtual theatre): site, auditorium, operator, screen
/// and port are then required.
bool isFieldRun(const RunDescription& d);

/// The problem with one input of `d`, if any. Reads the file system (does the correction file
/// exist, may the report folder be written) but changes nothing.
std::optional<InputIssue> checkRunInput(const RunDescription& d, RunInput input);

/// Every input's problem, in the order of the inputs above.
std::vector<InputIssue> checkRunInputs(const RunDescription& d);

/// The CLI's words for `issue` (English, naming the option: "--site", "--screen WIDTHxHEIGHT").
std::string inputIssueText(const InputIssue& issue, const RunDescription& d);

}  // namespace cm::app

// SPDX-License-Identifier: Apache-2.0
// The four kinds of failure every layer reports: input, instrument, storage, verification.
#pragma once

#include <stdexcept>
#include <string>

// Every layer throws one of these (or a domain type derived from one), so the front end decides
// what a failure means from its type alone: the CLI maps a kind to its exit code once, in main().
// Library code stays free of exit codes, printing and I/O; the message names what failed.
namespace cm::errors {

enum class Kind {
    Input,         ///< bad arguments, unknown profile or id, unreadable or invalid data file
    Instrument,    ///< the instrument or camera failed (readings so far are kept)
    Storage,       ///< a result could not be written (disk full, read-only, output occupied)
    Verification,  ///< a check the user asked for failed (signature, integrity)
};

const char* toString(Kind kind) noexcept;

/// Base of the hierarchy; `errorKind()` says which of the four a failure is. A domain type may
/// refine it per instance (a camera that lacks a setting is an input error, a dropped link is not).
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    virtual Kind errorKind() const noexcept = 0;
};

class InputError : public Error {
public:
    using Error::Error;
    Kind errorKind() const noexcept override { return Kind::Input; }
};

class InstrumentError : public Error {
public:
    using Error::Error;
    Kind errorKind() const noexcept override { return Kind::Instrument; }
};

class StorageError : public Error {
public:
    using Error::Error;
    Kind errorKind() const noexcept override { return Kind::Storage; }
};

class VerificationError : public Error {
public:
    using Error::Error;
    Kind errorKind() const noexcept override { return Kind::Verification; }
};

/// The kind of any exception: a typed error says its own; anything else (std::invalid_argument
/// from a parser, an out-of-range number, an unknown exception) is taken as bad input.
Kind kindOf(const std::exception& e) noexcept;

/// Throws the class of `kind` with `message`: for a caller that adds context (which session,
/// which file) to a failure without changing what kind of failure it is.
[[noreturn]] void throwError(Kind kind, const std::string& message);

}  // namespace cm::errors

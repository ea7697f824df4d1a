// SPDX-License-Identifier: Apache-2.0
// The CLI's exit codes and the one mapping from an error kind to its code (used by main()).
#pragma once

#include "libmeasure/errors.h"

namespace cm::cli {

/// Exit codes shared by all commands (README "Exit codes").
enum ExitCode : int {
    kExitOk = 0,
    kExitUsage = 2,        ///< bad arguments, unknown profile, invalid data file
    kExitInstrument = 3,   ///< the instrument failed; readings so far are kept
    kExitOutput = 4,       ///< the report could not be written
    kExitVerifyFailed = 5  ///< a check the user asked for failed
};

constexpr int exitCodeFor(errors::Kind kind) {
    switch (kind) {
        case errors::Kind::Input:
            return kExitUsage;
        case errors::Kind::Instrument:
            return kExitInstrument;
        case errors::Kind::Storage:
            return kExitOutput;
        case errors::Kind::Verification:
            return kExitVerifyFailed;
    }
    return kExitUsage;
}

}  // namespace cm::cli

// SPDX-License-Identifier: Apache-2.0
// The error kinds' names and the classification of untyped exceptions.
#include "libmeasure/errors.h"

namespace cm::errors {

const char* toString(Kind kind) noexcept {
    switch (kind) {
        case Kind::Input:
            return "input";
        case Kind::Instrument:
            return "instrument";
        case Kind::Storage:
            return "storage";
        case Kind::Verification:
            return "verification";
    }
    return "input";
}

Kind kindOf(const std::exception& e) noexcept {
    if (const auto* typed = dynamic_cast<const Error*>(&e)) {
        return typed->errorKind();
    }
    return Kind::Input;
}

void throwError(Kind kind, const std::string& message) {
    switch (kind) {
        case Kind::Instrument:
            throw InstrumentError(message);
        case Kind::Storage:
            throw StorageError(message);
        case Kind::Verification:
            throw VerificationError(message);
        case Kind::Input:
            break;
    }
    throw InputError(message);
}

}  // namespace cm::errors

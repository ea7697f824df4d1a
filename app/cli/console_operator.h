// SPDX-License-Identifier: Apache-2.0
// The field operator at a terminal: each AskOperator request's instruction is printed and the
// operator answers on stdin (Enter measures; s, r, p, n and ? as listed in the prompt).
#pragma once

#include "app/common/run/run_request.h"

#include <functional>
#include <iosfwd>
#include <string>

namespace cm::cli {

class ConsoleOperator final {
public:
    /// `note` journals an operator note.
    ConsoleOperator(std::istream& in, std::ostream& out,
                    std::function<void(const std::string&)> note);

    /// The operator's answer to an AskOperator request. End of input pauses (readings are
    /// kept); a skip without a reason is asked again.
    app::Decision decide(const app::Request& request);

private:
    std::istream& in_;
    std::ostream& out_;
    std::function<void(const std::string&)> note_;
};

}  // namespace cm::cli

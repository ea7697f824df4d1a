// SPDX-License-Identifier: Apache-2.0
// The field operator at a terminal: each task's instruction is printed and the operator answers
// on stdin (Enter measures; s, r, p, n and ? as listed in the prompt).
#pragma once

#include "app/common/certification.h"

#include <functional>
#include <iosfwd>
#include <string>

namespace cm::cli {

class ConsoleOperator final : public app::Operator {
public:
    /// `note` journals an operator note; `total` is the number of tasks, for the progress count.
    ConsoleOperator(const procedure::Profile& profile, std::size_t total, std::istream& in,
                    std::ostream& out, std::function<void(const std::string&)> note);

    /// Returns when the operator is ready to measure; throws app::OperatorSkip, OperatorRetake or
    /// OperatorPause for the other answers. End of input pauses (readings are kept).
    void perform(const procedure::MeasurementTask& task) override;

private:
    const procedure::Profile& profile_;
    std::size_t total_;
    std::istream& in_;
    std::ostream& out_;
    std::function<void(const std::string&)> note_;
};

}  // namespace cm::cli

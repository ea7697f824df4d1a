// SPDX-License-Identifier: Apache-2.0
// Console operator: one line per answer, so it works over ssh, in tmux and from a script.
#include "app/cli/console_operator.h"

#include <istream>
#include <ostream>

namespace cm::cli {

namespace {
constexpr const char* kHelp =
    "  Enter   measure now\n"
    "  s TEXT  skip this reading (TEXT is the reason, kept in the report)\n"
    "  r       retake the previous reading\n"
    "  n TEXT  add a note to the session\n"
    "  p       pause: readings are kept; continue later with `cinemeasure resume SESSION --port`\n"
    "  ?       this help\n";

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}
}  // namespace

ConsoleOperator::ConsoleOperator(const procedure::Profile& profile, std::size_t total,
                                 std::istream& in, std::ostream& out,
                                 std::function<void(const std::string&)> note)
    : profile_(profile), total_(total), in_(in), out_(out), note_(std::move(note)) {}

void ConsoleOperator::perform(const procedure::MeasurementTask& task) {
    out_ << "\n[" << task.index + 1 << "/" << total_ << "] "
         << procedure::operatorInstruction(task, profile_) << "\n";
    for (;;) {
        out_ << "  Enter = measure, s REASON = skip, r = retake, n TEXT = note, p = pause, ? = "
                "help > "
             << std::flush;
        std::string line;
        if (!std::getline(in_, line)) {
            throw app::OperatorPause{"end of operator input"};
        }
        line = trimmed(line);
        if (line.empty()) {
            return;
        }
        const char cmd = line[0];
        const std::string rest = trimmed(line.substr(1));
        if (cmd == 's') {
            throw app::OperatorSkip{rest.empty() ? "skipped by the operator" : rest};
        }
        if (cmd == 'r') {
            throw app::OperatorRetake{};
        }
        if (cmd == 'p') {
            throw app::OperatorPause{rest.empty() ? "paused by the operator" : rest};
        }
        if (cmd == 'n' && !rest.empty()) {
            note_(rest);
            out_ << "  note kept.\n";
            continue;
        }
        out_ << (cmd == '?' ? "" : "  not understood: '" + line + "'\n") << kHelp;
    }
}

}  // namespace cm::cli

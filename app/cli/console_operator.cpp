// SPDX-License-Identifier: Apache-2.0
// Console operator: one line per answer, so it works over ssh, in tmux and from a script.
#include "app/cli/console_operator.h"

#include <istream>
#include <ostream>

namespace cm::cli {

namespace {
constexpr const char* kHelp =
    "  Enter   measure now\n"
    "  s TEXT  skip this reading (TEXT, the reason, is required and kept in the report)\n"
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

ConsoleOperator::ConsoleOperator(std::istream& in, std::ostream& out,
                                 std::function<void(const std::string&)> note)
    : in_(in), out_(out), note_(std::move(note)) {}

app::Decision ConsoleOperator::decide(const app::Request& request) {
    if (!request.problem.empty()) {
        out_ << "  " << request.problem << "\n";
    } else if (request.task) {
        out_ << "\n[" << request.task->index + 1 << "/" << request.total_tasks << "] "
             << request.instruction << "\n";
    }
    for (;;) {
        out_ << "  Enter = measure, s REASON = skip, r = retake, n TEXT = note, p = pause, ? = "
                "help > "
             << std::flush;
        std::string line;
        if (!std::getline(in_, line)) {
            return app::Decision::pause("end of operator input");
        }
        line = trimmed(line);
        if (line.empty()) {
            return app::Decision::measure();
        }
        const char cmd = line[0];
        const std::string rest = trimmed(line.substr(1));
        if (cmd == 's') {
            if (rest.empty()) {
                out_ << "  a skip needs a reason (it goes into the report): s REASON\n";
                continue;
            }
            return app::Decision::skip(rest);
        }
        if (cmd == 'r') {
            return app::Decision::retake();
        }
        if (cmd == 'p') {
            return app::Decision::pause(rest.empty() ? "paused by the operator" : rest);
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

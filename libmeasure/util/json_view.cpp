// SPDX-License-Identifier: Apache-2.0
// Path-aware JSON access with errors that point at the offending field.
#include "libmeasure/util/json_view.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace cm::util {

namespace {
std::string typeName(const nlohmann::json& j) {
    return j.type_name();
}
}  // namespace

DataError::DataError(std::string source, std::string path, std::string problem)
    : errors::InputError(source + ": " + path + ": " + problem),
      source_(std::move(source)),
      path_(std::move(path)),
      problem_(std::move(problem)) {}

JsonView::JsonView(const nlohmann::json& node, std::string source, std::string path)
    : node_(&node), source_(std::move(source)), path_(std::move(path)) {}

void JsonView::fail(const std::string& problem) const {
    throw DataError(source_, path_, problem);
}

bool JsonView::has(const std::string& key) const {
    return node_->is_object() && node_->contains(key);
}

JsonView JsonView::at(const std::string& key) const {
    if (!node_->is_object()) {
        fail("expected an object with field '" + key + "', found " + typeName(*node_));
    }
    auto it = node_->find(key);
    if (it == node_->end()) {
        fail("missing required field '" + key + "'");
    }
    return JsonView(*it, source_, path_ + "." + key);
}

std::optional<JsonView> JsonView::find(const std::string& key) const {
    if (!has(key)) {
        return std::nullopt;
    }
    return at(key);
}

std::vector<JsonView> JsonView::elements() const {
    if (!node_->is_array()) {
        fail("expected an array, found " + typeName(*node_));
    }
    std::vector<JsonView> out;
    out.reserve(node_->size());
    for (std::size_t i = 0; i < node_->size(); ++i) {
        out.emplace_back((*node_)[i], source_, path_ + "[" + std::to_string(i) + "]");
    }
    return out;
}

std::vector<std::pair<std::string, JsonView>> JsonView::members() const {
    if (!node_->is_object()) {
        fail("expected an object, found " + typeName(*node_));
    }
    std::vector<std::pair<std::string, JsonView>> out;
    for (auto it = node_->begin(); it != node_->end(); ++it) {
        out.emplace_back(it.key(), JsonView(it.value(), source_, path_ + "." + it.key()));
    }
    return out;
}

double JsonView::number() const {
    if (!node_->is_number()) {
        fail("expected a number, found " + typeName(*node_));
    }
    const double v = node_->get<double>();
    if (!std::isfinite(v)) {
        fail("expected a finite number");
    }
    return v;
}

double JsonView::number(double lo, double hi) const {
    const double v = number();
    if (v < lo || v > hi) {
        std::ostringstream os;
        os << "expected a number in [" << lo << ", " << hi << "], found " << v;
        fail(os.str());
    }
    return v;
}

long long JsonView::integer(long long lo, long long hi) const {
    if (!node_->is_number_integer()) {
        fail("expected an integer, found " + typeName(*node_));
    }
    const long long v = node_->get<long long>();
    if (v < lo || v > hi) {
        fail("expected an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) +
             "], found " + std::to_string(v));
    }
    return v;
}

std::string JsonView::string() const {
    if (!node_->is_string()) {
        fail("expected a string, found " + typeName(*node_));
    }
    return node_->get<std::string>();
}

std::string JsonView::oneOf(std::initializer_list<const char*> choices) const {
    const std::string v = string();
    std::string list;
    for (const char* c : choices) {
        if (v == c) {
            return v;
        }
        list += list.empty() ? "" : ", ";
        list += c;
    }
    fail("expected one of {" + list + "}, found '" + v + "'");
}

bool JsonView::boolean() const {
    if (!node_->is_boolean()) {
        fail("expected true or false, found " + typeName(*node_));
    }
    return node_->get<bool>();
}

double JsonView::numberOr(const std::string& key, double fallback) const {
    auto v = find(key);
    return v ? v->number() : fallback;
}

std::string JsonView::stringOr(const std::string& key, const std::string& fallback) const {
    auto v = find(key);
    return v ? v->string() : fallback;
}

bool JsonView::booleanOr(const std::string& key, bool fallback) const {
    auto v = find(key);
    return v ? v->boolean() : fallback;
}

void JsonView::allowOnly(std::initializer_list<const char*> allowed) const {
    if (!node_->is_object()) {
        fail("expected an object, found " + typeName(*node_));
    }
    for (auto it = node_->begin(); it != node_->end(); ++it) {
        const bool known = std::any_of(allowed.begin(), allowed.end(),
                                       [&](const char* a) { return it.key() == a; });
        if (!known) {
            std::string list;
            for (const char* a : allowed) {
                list += list.empty() ? "" : ", ";
                list += a;
            }
            throw DataError(source_, path_ + "." + it.key(),
                            "unknown field (allowed here: " + list + ")");
        }
    }
}

namespace {

/// nlohmann's message without its "last read: '…'" excerpt and its own position prefix: the
/// excerpt is file content, and a wrong file given here (a secret key) must never be printed.
std::string withoutContent(const std::string& what) {
    std::string m = what;
    if (const auto colon = m.find(": "); m.rfind("[json.exception", 0) == 0 && colon != m.npos) {
        m = m.substr(colon + 2);  // drop "[json.exception.parse_error.101] parse error at …: "
    }
    if (const auto last = m.find("; last read: '"); last != m.npos) {
        // The excerpt ends at the last "'; expected" (or at the end of the message).
        const auto expected = m.rfind("'; expected");
        m = m.substr(0, last) +
            (expected != m.npos && expected > last ? m.substr(expected + 1) : std::string());
    }
    // Whatever else is quoted (an overflowing number, a bad token) is content too.
    std::string out;
    bool quoted = false;
    for (const char c : m) {
        if (c == '\'') {
            out += quoted ? "'" : "'…";
            quoted = !quoted;
        } else if (!quoted) {
            out += c;
        }
    }
    return out;
}

}  // namespace

nlohmann::json parseJson(const std::string& text, const std::string& source) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // Position (line, column) and the expected form; never the text itself.
        const std::size_t upto = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        const long line =
            1 + std::count(text.begin(), text.begin() + static_cast<long>(upto), '\n');
        std::size_t lineStart = upto;
        while (lineStart > 0 && text[lineStart - 1] != '\n') {
            --lineStart;
        }
        const std::size_t column = upto - lineStart + 1;
        throw DataError(source,
                        "line " + std::to_string(line) + ", column " + std::to_string(column),
                        "invalid JSON: " + withoutContent(e.what()) +
                            " (expected a JSON document: an object {…} for cinemeasure files)");
    } catch (const nlohmann::json::exception& e) {
        // e.g. out_of_range 406: a number too large for a double.
        throw DataError(source, "$", "invalid JSON: " + withoutContent(e.what()));
    }
}

}  // namespace cm::util

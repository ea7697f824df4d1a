// SPDX-License-Identifier: Apache-2.0
// Path-aware read access to a parsed JSON document, so every data error names file, JSON path and
// the expected form (profiles and virtual theatre configs are edited by hand).
#pragma once

#include "libmeasure/errors.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cm::util {

/// A data file that does not have the expected form.
class DataError : public errors::InputError {
public:
    DataError(std::string source, std::string path, std::string problem);
    const std::string& source() const { return source_; }
    const std::string& path() const { return path_; }
    const std::string& problem() const { return problem_; }

private:
    std::string source_;
    std::string path_;
    std::string problem_;
};

/// Borrowed view on one node of a JSON document; the document must outlive it.
class JsonView {
public:
    JsonView(const nlohmann::json& node, std::string source, std::string path = "$");

    const nlohmann::json& raw() const { return *node_; }
    const std::string& path() const { return path_; }
    const std::string& source() const { return source_; }

    bool has(const std::string& key) const;
    /// Required member; throws naming the missing field.
    JsonView at(const std::string& key) const;
    std::optional<JsonView> find(const std::string& key) const;
    /// Array elements (throws unless this node is an array).
    std::vector<JsonView> elements() const;
    /// Object members in document order (throws unless this node is an object).
    std::vector<std::pair<std::string, JsonView>> members() const;

    double number() const;
    /// Number within [lo, hi]; the message states the range.
    double number(double lo, double hi) const;
    long long integer(long long lo, long long hi) const;
    std::string string() const;
    /// One of the listed words.
    std::string oneOf(std::initializer_list<const char*> choices) const;
    bool boolean() const;

    double number(const std::string& key) const { return at(key).number(); }
    double numberOr(const std::string& key, double fallback) const;
    std::string string(const std::string& key) const { return at(key).string(); }
    std::string stringOr(const std::string& key, const std::string& fallback) const;
    bool booleanOr(const std::string& key, bool fallback) const;

    /// Rejects members not in `allowed`: a typo in a hand-written file must not pass silently.
    void allowOnly(std::initializer_list<const char*> allowed) const;

    [[noreturn]] void fail(const std::string& problem) const;

private:
    const nlohmann::json* node_;
    std::string source_;
    std::string path_;
};

/// Parses JSON text, turning syntax errors into DataError with line context.
nlohmann::json parseJson(const std::string& text, const std::string& source);

}  // namespace cm::util

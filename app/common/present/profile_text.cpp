// SPDX-License-Identifier: Apache-2.0
// Loading and lookup of the profile-text translations shipped under
// calibration/profiles/translations.
#include "app/common/present/profile_text.h"

#include "app/common/data_paths.h"
#include "libmeasure/util/json_view.h"

#include <mutex>

namespace cm::app::present {

ProfileTranslations loadProfileTranslations(const std::filesystem::path& file) {
    const std::string source = file.string();
    const auto doc = util::parseJson(readTextFile(file), source);
    auto fail = [&](const std::string& path, const std::string& problem) {
        throw util::DataError(source, path, problem);
    };
    if (!doc.is_object()) {
        fail("", "expected an object");
    }
    if (doc.value("schema", std::string()) != "cinemeasure-profile-translations") {
        fail("schema", "expected \"cinemeasure-profile-translations\"");
    }
    if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"] != 1) {
        fail("version", "expected 1");
    }
    ProfileTranslations t;
    if (!doc.contains("lang") || !doc["lang"].is_string() ||
        doc["lang"].get<std::string>().empty()) {
        fail("lang", "expected a language code such as \"zh_CN\"");
    }
    t.lang = doc["lang"].get<std::string>();
    if (!doc.contains("strings") || !doc["strings"].is_object()) {
        fail("strings", "expected an object of English text to translated text");
    }
    for (const auto& [english, translated] : doc["strings"].items()) {
        if (!translated.is_string() || translated.get<std::string>().empty()) {
            fail("strings." + english, "expected a non-empty string");
        }
        t.strings.emplace(english, translated.get<std::string>());
    }
    return t;
}

std::string profileText(const std::string& english, Lang lang) {
    if (lang == Lang::En || english.empty()) {
        return english;
    }
    // One cache per data directory: tests and --data-dir may point elsewhere.
    static std::mutex mutex;
    static std::map<std::string, std::map<std::string, std::string>> cache;
    const auto file =
        dataDir() / "profiles" / "translations" / (std::string(toString(lang)) + ".json");
    const std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(file.string());
    if (it == cache.end()) {
        std::map<std::string, std::string> strings;
        std::error_code ec;
        if (std::filesystem::is_regular_file(file, ec)) {
            strings = loadProfileTranslations(file).strings;
        }
        it = cache.emplace(file.string(), std::move(strings)).first;
    }
    const auto hit = it->second.find(english);
    return hit == it->second.end() ? english : hit->second;
}

}  // namespace cm::app::present

// SPDX-License-Identifier: Apache-2.0
// Every shipped profile validates against docs/profile.schema.json (checked by Debian's
// python3-jsonschema, an independent validator), and the schema's metric list is the registry's.
#include "cli_run.h"
#include "libmeasure/evaluation/metric_registry.h"

#include <catch2/catch.hpp>

#include <set>

namespace fs = std::filesystem;

namespace {
const std::string kSchema = std::string(CINEMEASURE_SOURCE_DIR) + "/docs/profile.schema.json";

int validate(const fs::path& profile) {
    const std::string cmd =
        "/usr/bin/python3 -c \"import json,sys,jsonschema; "
        "jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))\" " +
        profile.string() + " " + kSchema + " >/dev/null 2>&1";
    return std::system(cmd.c_str());
}
}  // namespace

TEST_CASE("every shipped profile conforms to docs/profile.schema.json", "[profile][schema]") {
    REQUIRE(std::system("/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1") == 0);
    int n = 0;
    for (const auto& e :
         fs::directory_iterator(std::string(CINEMEASURE_CALIBRATION_DIR) + "/profiles")) {
        if (e.path().extension() == ".json") {
            INFO(e.path());
            CHECK(validate(e.path()) == 0);
            ++n;
        }
    }
    CHECK(n >= 10);
    // Not a rubber stamp: a misspelt tolerance key is rejected.
    auto j = cm::test::readJson(std::string(CINEMEASURE_CALIBRATION_DIR) +
                                "/profiles/st431-1-theatre.json");
    j["figures"][0]["tolerance"]["plus_minnus"] = 1;
    const fs::path broken = cm::test::freshDir("profile-schema") += ".json";
    std::ofstream(broken) << j.dump();
    CHECK(validate(broken) != 0);
    fs::remove(broken);
}

TEST_CASE("the schema lists exactly the metrics of the registry", "[profile][schema]") {
    const auto schema = cm::test::readJson(kSchema);
    std::set<std::string> inSchema;
    for (const auto& m : schema["properties"]["figures"]["items"]["properties"]["metric"]["enum"]) {
        inSchema.insert(m.get<std::string>());
    }
    std::set<std::string> inRegistry;
    for (const auto& m : cm::evaluation::allMetrics()) {
        inRegistry.insert(m.name);
    }
    CHECK(inSchema == inRegistry);
}

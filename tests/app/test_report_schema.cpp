// SPDX-License-Identifier: Apache-2.0
// report.json validates against the published JSON Schema (docs/report.schema.json), checked by an
// independent validator (Debian's python3-jsonschema), and the schema rejects a broken report.
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

namespace fs = std::filesystem;

namespace {
int validate(const fs::path& report) {
    const std::string schema = std::string(CINEMEASURE_SOURCE_DIR) + "/docs/report.schema.json";
    const std::string cmd =
        "/usr/bin/python3 -c \"import json,sys,jsonschema; "
        "jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))\" " +
        report.string() + " " + schema + " >/dev/null 2>&1";
    return std::system(cmd.c_str());
}
}  // namespace

TEST_CASE("report.json conforms to docs/report.schema.json", "[report][schema]") {
    REQUIRE(std::system("/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1") == 0);
    const fs::path out = cm::test::freshDir("schema");
    REQUIRE(cm::test::cli("certify --profile st431-1-review --simulate " +
                          cm::test::virtualTheatre("projector-dim-corners.json") + " --out " +
                          out.string() + " --quiet")
                .exit_code == 0);
    CHECK(validate(out / "report.json") == 0);
    // The validator is not a rubber stamp: a report with a misspelt verdict fails.
    std::ifstream in(out / "report.json");
    auto j = nlohmann::json::parse(in);
    j["figures"][0]["verdict"] = "PASSED";
    std::ofstream(out / "broken.json") << j.dump(2);
    CHECK(validate(out / "broken.json") != 0);
    fs::remove_all(out);
}

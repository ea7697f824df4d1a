// SPDX-License-Identifier: Apache-2.0
// Signed reports: intact and trusted → exit 0; any changed byte in any section → exit 5 naming it.
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
void dump(const fs::path& p, const std::string& s) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << s;
}
}  // namespace

TEST_CASE("sign and verify a certification report - tampering fails with the section named",
          "[signing]") {
    const fs::path base = cm::test::freshDir("sign");
    fs::create_directories(base / "trusted");
    REQUIRE(cli("certify --profile st431-1-theatre --simulate " +
                cm::test::virtualTheatre("projector-reference.json") + " --out " +
                (base / "out").string() + " --quiet")
                .exit_code == 0);
    const auto kg = cli("keygen --out " + (base / "keys").string() + " --name alice");
    REQUIRE(kg.exit_code == 0);
    const fs::path sk = base / "keys" / "alice.key";
    struct stat st {};
    REQUIRE(::stat(sk.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string secretHex = slurp(sk).substr(0, 64);
    CHECK(kg.output.find(secretHex) == std::string::npos);  // never printed

    const fs::path report = base / "out" / "report.json";
    REQUIRE(cli("sign " + report.string() + " --key " + sk.string()).exit_code == 0);
    CHECK(slurp(report.string() + ".sig").find(secretHex) == std::string::npos);
    CHECK(slurp(report).find(secretHex) == std::string::npos);

    // Unknown key: intact but not trusted.
    auto r = cli("verify " + report.string() + " --trusted-keys " + (base / "trusted").string());
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.output, Catch::Contains("not among the trusted keys"));
    fs::copy_file(base / "keys" / "alice.pub", base / "trusted" / "alice.pub");
    r = cli("verify " + report.string() + " --trusted-keys " + (base / "trusted").string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("valid signature"));

    const std::string original = slurp(report);
    auto tamper = [&](const std::string& section, auto&& edit) {
        auto j = nlohmann::json::parse(original);
        edit(j);
        // Keep the writer's layout so only the edited bytes differ.
        dump(report, j.dump(2) + "\n");
        const auto t =
            cli("verify " + report.string() + " --trusted-keys " + (base / "trusted").string());
        INFO(section << ": " << t.output);
        CHECK(t.exit_code == 5);
        CHECK_THAT(t.output, Catch::Contains("changed: " + section));
        dump(report, original);
    };
    tamper("figures", [](nlohmann::json& j) {
        j["figures"][0]["value"] = j["figures"][0]["value"].get<double>() + 0.01;
    });
    tamper("readings", [](nlohmann::json& j) { j["readings"][2]["Y"] = 41.0; });
    tamper("run", [](nlohmann::json& j) { j["run"]["operator"] = "Mallory"; });
    tamper("site", [](nlohmann::json& j) { j["site"]["site"] = "Elsewhere"; });
    tamper("overall_verdict", [](nlohmann::json& j) { j["overall_verdict"] = "FAIL"; });

    // One flipped byte anywhere in the file fails too.
    std::string bytes = original;
    bytes[bytes.size() / 2] ^= 0x01;
    dump(report, bytes);
    CHECK(cli("verify " + report.string() + " --trusted-keys " + (base / "trusted").string())
              .exit_code == 5);
    dump(report, original);
    CHECK(cli("verify " + report.string() + " --trusted-keys " + (base / "trusted").string())
              .exit_code == 0);
    // A keygen never overwrites an existing key.
    CHECK(cli("keygen --out " + (base / "keys").string() + " --name alice").exit_code == 4);
    fs::remove_all(base);
}

TEST_CASE("sign --key takes the name keygen was given, looked up in the key folder", "[signing]") {
    // An inspector runs `keygen --name alice`, then `sign REPORT --key alice`: the name is the
    // key the folder holds, not a file in the current directory.
    const fs::path base = cm::test::freshDir("sign-by-name");
    fs::create_directories(base);
    const fs::path report = base / "report.json";
    dump(report, "{\"schema\": \"test\"}\n");
    ::setenv("CINEMEASURE_KEYS", (base / "keys").c_str(), 1);
    REQUIRE(cli("keygen --name alice").exit_code == 0);
    REQUIRE(fs::exists(base / "keys" / "alice.key"));
    const auto s = cli("sign " + report.string() + " --key alice");
    INFO(s.output);
    CHECK(s.exit_code == 0);
    CHECK(fs::exists(report.string() + ".sig"));
    // A name the folder does not hold: one line naming where it looked, usage exit code.
    const auto missing = cli("sign " + report.string() + " --key bob");
    INFO(missing.output);
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.output, Catch::Contains((base / "keys" / "bob.key").string()));
    ::unsetenv("CINEMEASURE_KEYS");
    fs::remove_all(base);
}

// SPDX-License-Identifier: Apache-2.0
// Files written safely and secrets never echoed (#20 cases 7, 8, 9): planted temporary names and
// symlinks are never followed, key names stay plain file names, a key file fed to any JSON option
// is not printed, and `evaluate REPORT` judges against the report's own recorded limits.
#include "app/common/data_paths.h"
#include "app/common/imaging/camera_calibration_file.h"
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using cm::test::cli;
using cm::test::readText;

namespace {

std::string certifyInto(const fs::path& out, const std::string& extra = "") {
    return "certify --profile st431-1-review --simulate " +
           cm::test::virtualTheatre("projector-reference.json") + " --out " + out.string() +
           " --quiet " + extra;
}

}  // namespace

TEST_CASE(
    "planted .part files and symlinks in the report folder are never written through (case 8)",
    "[safe-files]") {
    const fs::path base = cm::test::freshDir("planted");
    const fs::path out = base / "out";
    fs::create_directories(out);
    std::ofstream(base / "victim.txt") << "precious\n";
    fs::create_symlink(base / "victim.txt", out / "report.csv.part");
    fs::create_symlink(base / "victim.txt", out / "report.json.part");
    fs::create_directories(out / "report.pdf.part");  // a fixed temporary name taken
    // A folder holding files is refused outright (evidence is never overwritten, issue 18) ...
    const auto refused = cli(certifyInto(out));
    INFO(refused.output);
    CHECK(refused.exit_code == 4);
    CHECK(readText(base / "victim.txt") == "precious\n");
    // ... and with --force the planted entries are moved aside, never followed.
    const auto r = cli(certifyInto(out) + " --force");
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(readText(base / "victim.txt") == "precious\n");
    CHECK(fs::is_regular_file(out / "report.pdf"));
    CHECK_FALSE(fs::is_symlink(out / "report.csv"));
    // A symlink AT the report's name is replaced, not followed.
    fs::remove(out / "report.json");
    fs::create_symlink(base / "victim.txt", out / "report.json");
    CHECK(cli(certifyInto(out) + " --force").exit_code == 0);
    CHECK(readText(base / "victim.txt") == "precious\n");
    CHECK_FALSE(fs::is_symlink(out / "report.json"));
    // No temporary file is left behind.
    for (const auto& e : fs::directory_iterator(out)) {
        const std::string name = e.path().filename().string();
        const bool planted = name == "report.pdf.part" || fs::is_symlink(e.path());
        INFO(name);
        CHECK((planted || name.find(".part") == std::string::npos));
    }
    fs::remove_all(base);
}

TEST_CASE("two writers replacing one file at once never collide (case 1)", "[safe-files]") {
    const fs::path base = cm::test::freshDir("writers");
    fs::create_directories(base);
    std::vector<std::thread> writers;
    std::vector<std::string> errors(8);
    for (int t = 0; t < 8; ++t) {
        writers.emplace_back([&, t] {
            try {
                for (int i = 0; i < 50; ++i) {
                    cm::app::writeFileAtomically(base / "report.json",
                                                 std::string(1000, static_cast<char>('a' + t)));
                }
            } catch (const std::exception& e) {
                errors[t] = e.what();
            }
        });
    }
    for (auto& w : writers) {
        w.join();
    }
    for (const auto& e : errors) {
        CHECK(e.empty());
    }
    const std::string text = readText(base / "report.json");
    CHECK(text.size() == 1000);
    CHECK(text == std::string(1000, text[0]));  // one writer's whole file, never a mix
    CHECK(std::distance(fs::directory_iterator(base), fs::directory_iterator{}) == 1);
    fs::remove_all(base);
}

TEST_CASE("keygen: plain names only, never through a dangling symlink (case 8)", "[safe-files]") {
    const fs::path base = cm::test::freshDir("keygen");
    const fs::path keys = base / "keys";
    fs::create_directories(keys);
    const auto escape = cli("keygen --out " + keys.string() + " --name ../evil");
    CHECK(escape.exit_code != 0);
    CHECK_THAT(escape.output, Catch::Contains("plain file name"));
    CHECK_FALSE(fs::exists(base / "evil.key"));

    fs::create_symlink(base / "stolen.txt", keys / "inspector.key");  // dangling
    const auto planted = cli("keygen --out " + keys.string() + " --name inspector");
    CHECK(planted.exit_code != 0);
    CHECK_FALSE(fs::exists(base / "stolen.txt"));

    const auto ok = cli("keygen --out " + keys.string() + " --name field-kit_2");
    INFO(ok.output);
    CHECK(ok.exit_code == 0);
    CHECK((fs::status(keys / "field-kit_2.key").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    fs::remove_all(base);
}

TEST_CASE("a secret key file given to any JSON option is never echoed (case 9)",
          "[safe-files][secrets]") {
    const fs::path base = cm::test::freshDir("secret");
    fs::create_directories(base);
    REQUIRE(cli("keygen --out " + base.string() + " --name k").exit_code == 0);
    const fs::path key = base / "k.key";
    const std::string secret = readText(key).substr(0, 128);
    REQUIRE(secret.size() == 128);
    // A key whose hex starts with digits is read as far as a number goes; a number overflowing
    // a double is the other way content reached the messages.
    const fs::path digits = base / "digits.key";
    std::ofstream(digits) << "1765715138120" << secret.substr(13) << "\n";
    const fs::path huge = base / "huge.key";
    std::ofstream(huge) << "1" << std::string(400, '7') << "\n";
    const std::string theatre = cm::test::virtualTheatre("projector-reference.json");
    REQUIRE(cli(certifyInto(base / "out")).exit_code == 0);
    for (const fs::path& k : {key, digits, huge}) {
        const std::string content = readText(k);
        const std::vector<std::string> commands = {
            "certify --profile st431-1-review --simulate " + theatre + " --out " +
                (base / "o").string() + " --correction " + k.string(),
            "certify --profile st431-1-review --simulate " + k.string() + " --out " +
                (base / "o").string(),
            "certify --profile " + k.string() + " --simulate " + theatre + " --out " +
                (base / "o").string(),
            "evaluate " + k.string() + " --profile st431-1-review",
            "evaluate " + (base / "out" / "report.json").string() + " --profile " + k.string(),
            "verify " + (base / "out" / "report.json").string() + " --signature " + k.string(),
        };
        // The camera calibration of `analyze`/`wall --camera-calibration`, in-process (those
        // commands need an image first).
        try {
            cm::app::loadCameraCalibration(k);
            FAIL_CHECK("a key file loaded as a camera calibration");
        } catch (const std::exception& e) {
            const std::string what = e.what();
            for (std::size_t i = 0; i + 6 <= content.size() - 1; i += 3) {
                CHECK(what.find(content.substr(i, 6)) == std::string::npos);
            }
        }
        for (const auto& c : commands) {
            const auto r = cli(c);
            INFO(c << "\n" << r.output);
            CHECK(r.exit_code != 0);
            // No run of 6 characters of the file appears in what is printed.
            for (std::size_t i = 0; i + 6 <= content.size() - 1; i += 3) {
                const std::string piece = content.substr(i, 6);
                if (r.output.find(piece) != std::string::npos) {
                    FAIL_CHECK("printed '" << piece << "' from the key file");
                    break;
                }
            }
        }
    }
    fs::remove_all(base);
}

TEST_CASE("evaluate REPORT compares with the report's recorded limits and verdicts (case 7)",
          "[evaluate][safe-files]") {
    const fs::path base = cm::test::freshDir("evaluate-recorded");
    fs::create_directories(base);
    // A profile with a narrow centre luminance limit (30 ± 1): the report FAILS on it.
    auto profile = cm::test::readJson(std::string(CINEMEASURE_CALIBRATION_DIR) +
                                      "/profiles/st431-1-theatre.json");
    for (auto& f : profile["figures"]) {
        if (f["id"] == "centre_luminance") {
            f["tolerance"] = {{"target", 30.0}, {"plus_minus", 1.0}, {"source", "test"}};
        }
    }
    std::ofstream(base / "narrow.json") << profile.dump(2);
    REQUIRE(cli("certify --profile " + (base / "narrow.json").string() + " --simulate " +
                cm::test::virtualTheatre("projector-reference.json") + " --out " +
                (base / "out").string() + " --quiet")
                .exit_code == 0);
    const fs::path report = base / "out" / "report.json";
    REQUIRE(fs::exists(report));
    const auto r = cli("evaluate " + report.string() + " --profile st431-1-theatre");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    // Old: the recorded 30 ± 1 FAIL, not the installed profile's 48 ± 10.2.
    CHECK_THAT(r.output, Catch::Contains("30 ± 1"));
    CHECK_THAT(r.output, Catch::Contains("1 verdict(s) changed"));

    // The report's profile id is never used as a path.
    auto doc = cm::test::readJson(report);
    doc["profile"]["id"] = (base / "narrow.json").string();
    std::ofstream(base / "pathid.json") << doc.dump(2);
    fs::remove(base / "narrow.json");
    const auto p =
        cli("evaluate " + (base / "pathid.json").string() + " --profile st431-1-theatre");
    CHECK(p.exit_code == 0);
    CHECK_THAT(p.output, Catch::Contains("30 ± 1"));

    // Edited readings: flagged, not evaluated silently.
    for (const double y : {-1.0, 1e308}) {
        auto edited = cm::test::readJson(report);
        edited["readings"][0]["Y"] = y;
        std::ofstream(base / "edited.json") << edited.dump(2);
        const auto e =
            cli("evaluate " + (base / "edited.json").string() + " --profile st431-1-theatre");
        INFO(e.output);
        CHECK(e.exit_code == 2);
        CHECK_THAT(e.output, Catch::Contains("implausible readings"));
    }
    fs::remove_all(base);
}

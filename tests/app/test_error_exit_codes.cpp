// SPDX-License-Identifier: Apache-2.0
// One error hierarchy, one mapping: every error class gives the exit code the README documents.
#include "app/cli/exit_codes.h"
#include "app/common/imaging/image_files.h"
#include "app/common/registry/pg.h"
#include "app/common/report/output_guard.h"
#include "app/common/run/run_checks.h"
#include "app/common/session/session_store.h"
#include "app/common/signing.h"
#include "cli_run.h"
#include "drivers/camera/camera_error.h"
#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/colorimetry/cct.h"
#include "libmeasure/colorimetry/spectrum.h"
#include "libmeasure/errors.h"
#include "libmeasure/util/json_view.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {

// README "Exit codes": 0 ran (whatever the verdict), 2 bad input, 3 instrument failure (readings
// kept), 4 output not writable or already holding a report, 5 verification failed.
constexpr int kReadmeInput = 2;
constexpr int kReadmeInstrument = 3;
constexpr int kReadmeOutput = 4;
constexpr int kReadmeVerification = 5;

struct Case {
    const char* what;
    std::function<void()> raise;
    int exit_code;
};

int exitCodeOf(const std::function<void()>& raise) {
    try {
        raise();
    } catch (const std::exception& e) {
        return cm::cli::exitCodeFor(cm::errors::kindOf(e));
    }
    FAIL("nothing thrown");
    return -1;
}

void write(const fs::path& f, const std::string& text) {
    std::ofstream out(f);
    out << text;
}

}  // namespace

TEST_CASE("each error class maps to its documented exit code", "[errors]") {
    namespace cam = cm::drivers::camera;
    using cm::errors::Kind;
    const std::vector<Case> cases = {
        // The four classes.
        {"InputError", [] { throw cm::errors::InputError("x"); }, kReadmeInput},
        {"InstrumentError", [] { throw cm::errors::InstrumentError("x"); }, kReadmeInstrument},
        {"StorageError", [] { throw cm::errors::StorageError("x"); }, kReadmeOutput},
        {"VerificationError", [] { throw cm::errors::VerificationError("x"); },
         kReadmeVerification},
        // Domain types of every layer are subclasses of the four.
        {"util::DataError", [] { throw cm::util::DataError("f.json", "$.a", "missing"); },
         kReadmeInput},
        {"colorimetry::SpectrumError", [] { throw cm::colorimetry::SpectrumError("x"); },
         kReadmeInput},
        {"colorimetry::CctRangeError", [] { throw cm::colorimetry::CctRangeError("x"); },
         kReadmeInput},
        {"drivers::InstrumentError",
         [] { throw cm::drivers::InstrumentError(cm::drivers::ErrorKind::Disconnected, "x"); },
         kReadmeInstrument},
        {"camera Disconnected",
         [] { throw cam::CameraError(cam::CameraErrorKind::Disconnected, "x"); },
         kReadmeInstrument},
        {"camera UnsupportedSetting (the user's value)",
         [] { throw cam::CameraError(cam::CameraErrorKind::UnsupportedSetting, "x"); },
         kReadmeInput},
        {"camera DownloadStorageError", [] { throw cam::DownloadStorageError("x"); },
         kReadmeOutput},
        {"app::RunRefused", [] { throw cm::app::RunRefused("x"); }, kReadmeInput},
        {"app::SessionStoreError (no such session, corrupt file)",
         [] { throw cm::app::SessionStoreError("x"); }, kReadmeInput},
        {"app::SessionStorageError (disk full)", [] { throw cm::app::SessionStorageError("x"); },
         kReadmeOutput},
        {"app::SessionInUseError", [] { throw cm::app::SessionInUseError("x"); }, kReadmeOutput},
        {"app::OutputExists", [] { throw cm::app::OutputExists("x"); }, kReadmeOutput},
        {"app::SigningError", [] { throw cm::app::SigningError("x"); }, kReadmeVerification},
        {"app::SigningError of a secret key given to sign",
         [] { throw cm::app::SigningError("x", Kind::Input); }, kReadmeInput},
        {"imaging_io::ImageFileError (read)",
         [] { throw cm::app::imaging_io::ImageFileError("x"); }, kReadmeInput},
        {"imaging_io::ImageWriteError", [] { throw cm::app::imaging_io::ImageWriteError("x"); },
         kReadmeOutput},
        {"registry::RegistryError", [] { throw cm::registry::RegistryError("x"); }, kReadmeOutput},
        // Untyped exceptions from parsers and the standard library are bad input.
        {"std::invalid_argument", [] { throw std::invalid_argument("x"); }, kReadmeInput},
        {"std::runtime_error", [] { throw std::runtime_error("x"); }, kReadmeInput},
        // Context added by throwError keeps the kind.
        {"throwError(Storage)", [] { cm::errors::throwError(Kind::Storage, "x"); }, kReadmeOutput},
        {"throwError(Instrument)", [] { cm::errors::throwError(Kind::Instrument, "x"); },
         kReadmeInstrument},
        {"throwError(Verification)", [] { cm::errors::throwError(Kind::Verification, "x"); },
         kReadmeVerification},
        {"throwError(Input)", [] { cm::errors::throwError(Kind::Input, "x"); }, kReadmeInput},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(exitCodeOf(c.raise) == c.exit_code);
    }
    // The message travels unchanged.
    try {
        throw cm::app::OutputExists("out/report.pdf already exists");
    } catch (const cm::errors::Error& e) {
        CHECK(std::string(e.what()) == "out/report.pdf already exists");
    }
}

TEST_CASE("representative CLI failures exit with the documented code", "[errors][cli]") {
    const fs::path base = cm::test::freshDir("exit-codes");
    fs::create_directories(base);
    const std::string theatre = cm::test::virtualTheatre("projector-reference.json");

    SECTION("a bad profile file is input (2)") {
        write(base / "bad-profile.json", "{\"schema\": \"cinemeasure-profile\", \"version\": ");
        for (const std::string& cmd :
             {"certify --profile " + (base / "bad-profile.json").string() + " --simulate " +
                  theatre + " --quiet --out " + (base / "run").string(),
              "patterns --profile " + (base / "bad-profile.json").string() + " --out " +
                  (base / "patterns").string()}) {
            const auto r = cli(cmd);
            INFO(cmd << "\n" << r.output);
            CHECK(r.exit_code == kReadmeInput);
            CHECK_THAT(r.output, Catch::Contains("bad-profile.json"));
        }
        CHECK_FALSE(fs::exists(base / "run" / "report.json"));
    }
    SECTION("a meter that disconnects mid-run is an instrument failure (3)") {
        const auto r = cli("certify --profile st431-1-review --simulate " + theatre +
                           " --instrument pr6xx --time-scale 0.001 --seed 3 --quiet --fault "
                           "unplug --fault-at 2 --out " +
                           (base / "cut").string());
        INFO(r.output);
        CHECK(r.exit_code == kReadmeInstrument);
        CHECK_THAT(r.output, Catch::Contains("disconnected"));
    }
    SECTION("an output that cannot be written is a storage failure (4)") {
        // /proc takes no new folders, not even from root (who ignores permission bits).
        const std::string readOnly = "/proc/cinemeasure-exit-codes-test";
        for (const std::string& cmd :
             {"patterns --profile st431-1-theatre --size 64x32 --out " + readOnly,
              "certify --profile st431-1-review --simulate " + theatre + " --quiet --out " +
                  readOnly,
              "correction fit --meter " + std::string(CINEMEASURE_SOURCE_DIR) +
                  "/tests/data/correction/k10a_rgbw.csv --reference " + CINEMEASURE_SOURCE_DIR +
                  "/tests/data/correction/pr670_rgbw.csv --out " + readOnly +
                  "/k10a.json --screen s --meter-model M --meter-serial 1 --reference-model R "
                  "--reference-serial 2"}) {
            const auto r = cli(cmd);
            INFO(cmd << "\n" << r.output);
            CHECK(r.exit_code == kReadmeOutput);
            CHECK_THAT(r.output, Catch::Contains(readOnly));
        }
    }
    SECTION("a tampered or unusable signature is a verification failure (5)") {
        const fs::path report = base / "report.json";
        write(report, "{\"overall_verdict\": \"PASS\"}\n");
        REQUIRE(cli("keygen --out " + (base / "keys").string() + " --name k").exit_code == 0);
        REQUIRE(cli("sign " + report.string() + " --key " + (base / "keys" / "k.key").string())
                    .exit_code == 0);
        const std::string verify = "verify " + report.string() + " --public-key " +
                                   (base / "keys" / "k.pub").string() + " --trusted-keys " +
                                   (base / "none").string();
        REQUIRE(cli(verify).exit_code == 0);
        write(report, "{\"overall_verdict\": \"FAIL\"}\n");
        auto r = cli(verify);
        INFO(r.output);
        CHECK(r.exit_code == kReadmeVerification);
        CHECK_THAT(r.output, Catch::Contains("NOT VALID"));
        write(fs::path(report.string() + ".sig"), "not a signature");
        r = cli(verify);
        INFO(r.output);
        CHECK(r.exit_code == kReadmeVerification);
        CHECK_THAT(r.output, Catch::Contains("not a cinemeasure signature file"));
        // A secret key that is not one is the user's input, not a failed verification.
        write(base / "bad.key", "zz\n");
        r = cli("sign " + report.string() + " --key " + (base / "bad.key").string());
        INFO(r.output);
        CHECK(r.exit_code == kReadmeInput);
    }
    fs::remove_all(base);
}

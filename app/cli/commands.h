// SPDX-License-Identifier: Apache-2.0
// CLI subcommands: each file registers one command on the CLI11 app; main() lists them.
#pragma once

#include "app/cli/exit_codes.h"
#include "libmeasure/errors.h"

#include <CLI/CLI.hpp>

#include <array>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace cm::cli {

// Commands throw the typed errors of libmeasure/errors.h (or a domain type derived from one);
// main() prints the one-line message and maps the kind to the exit code (exit_codes.h).

void registerProfilesCommand(CLI::App& app);
void registerCertifyCommand(CLI::App& app);
void registerCalcCommand(CLI::App& app);
void registerSessionCommands(CLI::App& app);
void registerSigningCommands(CLI::App& app);
void registerEvaluateCommand(CLI::App& app);
void registerInstrumentCommands(CLI::App& app);
void registerCorrectionCommands(CLI::App& app);
void registerPatternsCommand(CLI::App& app);
/// Also adds `sim camera`: call after registerInstrumentCommands.
void registerCameraCommands(CLI::App& app);
void registerImagingCommands(CLI::App& app);
/// `camera calibrate`, under the `camera` command.
void registerCameraCalibrateCommand(CLI::App* camera);
void registerWallCommand(CLI::App& app);
/// `push`, `fleet`, `registry ...` (app/common/registry).
void registerRegistryCommands(CLI::App& app);

}  // namespace cm::cli

namespace cm::app {
struct PreparedSimulation;
class SessionStore;
}  // namespace cm::app
namespace cm::drivers {
class InstrumentError;
}  // namespace cm::drivers
namespace cm::report {
struct CertificationReport;
}  // namespace cm::report

namespace cm::cli {

/// Runs (or continues) a simulated session, writes the report files, prints the verdict table.
/// `lang` ("en", "zh_CN") is the language of the PDF and the CSV headers.
void runAndReport(app::PreparedSimulation& sim, app::SessionStore& store, bool quiet,
                  const std::string& lang = "en");

/// Runs (or continues) a field session with the real instrument on `port` and the operator at
/// the terminal; writes the report when every task is done, or keeps the session when paused.
void runFieldAndReport(app::PreparedSimulation& session, app::SessionStore& store,
                       const std::string& port, bool quiet, const std::string& lang = "en");

/// Exposure metadata given on the command line for images that do not carry it (a third-party
/// TIFF): each overrides the file's value when set (NaN: not given).
struct ImageMetadataArgs {
    double exposure_s = std::numeric_limits<double>::quiet_NaN();
    double black_level_dn = std::numeric_limits<double>::quiet_NaN();
    double white_level_dn = std::numeric_limits<double>::quiet_NaN();
    std::string sidecar;  ///< JSON with exposure_s / black_level_dn / white_level_dn / iso
};

/// Inputs of an image analysis (`analyze`); with a layout it is `wall --image` for one image.
/// Limits come only from calibration/led-walls/ (an id or a file).
struct AnalyzeArgs {
    std::string image, calibration, layout, corners, out, limits = "dyt8-2023-draft";
    std::string provisional = "informative";  ///< draft wall limits: informative or binding
    ImageMetadataArgs meta;
};
/// Writes luminance.{tif,png}, analysis.json and (with a layout) modules.csv and report.pdf.
void runAnalyze(const AnalyzeArgs& a);

/// `evaluate --registry`: every session in the registry re-evaluated under a profile (id or file);
/// prints the verdict changes per screen, writes them to `csvOut` if given, and stores the run
/// in the registry only with `record`.
void runRegistryEvaluate(const std::string& url, const std::string& profile, bool record,
                         const std::string& site, const std::string& csvOut);

/// The journal refused a write (disk full, read-only, I/O error, or another writer took the
/// session): a StorageError (exit 4) with the real cause and how to continue. Marks the session
/// interrupted when the store still accepts that.
[[noreturn]] void journalFailed(app::SessionStore& store, const std::string& session_id,
                                const std::exception& cause, const std::string& resume_args = "");

/// The message for an instrument failure, with how to continue; when the instrument cannot
/// measure the stimulus at all (too dark, over range) it says a plain resume cannot succeed and
/// offers `resume --skip-next`.
std::string instrumentFailure(const drivers::InstrumentError& e, const app::PreparedSimulation& sim,
                              const app::SessionStore& store, const std::string& resume_args);

/// The LED wall analysis of image files (uniformity, then an optional defect frame), its result
/// files and report into `out`, and the figure lines on stdout; shared by `analyze --layout` and
/// `wall --image`. `provisional`: "informative" (draft limits do not decide) or "binding".
void analyzeWallImages(const std::vector<std::string>& images, const ImageMetadataArgs& meta,
                       const std::string& layout_file, const std::string& limits,
                       const std::string& provisional, const std::string& calibration,
                       const std::string& corners, const std::string& out);

/// "x,y,x,y,x,y,x,y" (TL, TR, BR, BL, camera pixels) → 8 numbers; errors::InputError on bad text.
std::array<double, 8> parseCornerNumbers(const std::string& text);

/// Adds --exposure, --black-level, --white-level and --sidecar to a command.
void addImageMetadataOptions(CLI::App* cmd, ImageMetadataArgs& meta);

/// The figure table with values ± U, limits and verdicts.
void printVerdictTable(const report::CertificationReport& report);

}  // namespace cm::cli

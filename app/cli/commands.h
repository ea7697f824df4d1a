// CLI subcommands: each file registers one command on the CLI11 app; main() lists them.
#pragma once

#include <CLI/CLI.hpp>

#include <stdexcept>
#include <string>

namespace cm::cli {

/// Exit codes shared by all commands.
enum ExitCode : int {
    kExitOk = 0,
    kExitUsage = 2,        ///< bad arguments, unknown profile, invalid data file
    kExitInstrument = 3,   ///< the instrument failed; readings so far are kept
    kExitOutput = 4,       ///< the report could not be written
    kExitVerifyFailed = 5  ///< a check the user asked for failed
};

/// A command failure with its exit code; main() prints the one-line message.
class CommandError : public std::runtime_error {
public:
    CommandError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

void registerProfilesCommand(CLI::App& app);
void registerCertifyCommand(CLI::App& app);
void registerCalcCommand(CLI::App& app);
void registerSessionCommands(CLI::App& app);
void registerSigningCommands(CLI::App& app);
void registerEvaluateCommand(CLI::App& app);
void registerInstrumentCommands(CLI::App& app);
void registerCorrectionCommands(CLI::App& app);
/// Also adds `sim camera`: call after registerInstrumentCommands.
void registerCameraCommands(CLI::App& app);
void registerImagingCommands(CLI::App& app);
void registerWallCommand(CLI::App& app);

}  // namespace cm::cli

namespace cm::app {
struct PreparedSimulation;
class SessionStore;
}  // namespace cm::app

namespace cm::cli {

/// Runs (or continues) a simulated session, writes the report files, prints the verdict table.
void runAndReport(app::PreparedSimulation& sim, app::SessionStore& store, bool quiet);

}  // namespace cm::cli

// SPDX-License-Identifier: Apache-2.0
// cinemeasure: command-line front end. Each subcommand lives in its own cmd_*.cpp.
#include "app/cli/commands.h"
#include "app/common/data_paths.h"

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"cinemeasure: certify cinema screens by optical measurement"};
    // The data directory is part of the version answer: which profiles a figure was judged by
    // depends on it (build tree, installed package or an override).
    app.set_version_flag("--version", [] {
        return std::string("cinemeasure " CINEMEASURE_VERSION " (git " CINEMEASURE_GIT_REVISION ")\ndata: ") +
               cm::app::dataDir().string();
    });
    app.require_subcommand(1);
    std::string dataDir;
    app.add_option(
        "--data-dir", dataDir,
        "Shipped data directory (default: $CINEMEASURE_DATA_DIR, the installed share/cinemeasure/calibration, or the build's calibration/)");
    app.parse_complete_callback([&] {
        if (!dataDir.empty()) {
            cm::app::setDataDirOverride(dataDir);
        }
    });
    cm::cli::registerProfilesCommand(app);
    cm::cli::registerCertifyCommand(app);
    cm::cli::registerCalcCommand(app);
    cm::cli::registerSessionCommands(app);
    cm::cli::registerSigningCommands(app);
    cm::cli::registerEvaluateCommand(app);
    cm::cli::registerInstrumentCommands(app);
    cm::cli::registerCorrectionCommands(app);
    cm::cli::registerCameraCommands(app);
    cm::cli::registerImagingCommands(app);
    cm::cli::registerWallCommand(app);
    cm::cli::registerPatternsCommand(app);
    cm::cli::registerRegistryCommands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : cm::cli::kExitUsage;
    } catch (const std::exception& e) {
        // The one place a failure becomes an exit code: by its kind (libmeasure/errors.h).
        std::cerr << "cinemeasure: " << e.what() << "\n";
        return cm::cli::exitCodeFor(cm::errors::kindOf(e));
    }
    return 0;
}

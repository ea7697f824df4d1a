// SPDX-License-Identifier: Apache-2.0
// `cinemeasure patterns --profile ID --out DIR [--size WxH]`: the test-pattern images a profile's
// steps need, as 16-bit X'Y'Z' TIFF with PNG previews and a manifest.
#include "app/cli/commands.h"
#include "app/common/data_paths.h"
#include "app/common/patterns/pattern_set.h"
#include "app/common/profile_catalog.h"

#include <cstdio>

namespace cm::cli {

namespace {

struct PatternsArgs {
    std::string profile;
    std::string out;
    std::string size = "2048x1080";
};

void run(const PatternsArgs& a) {
    // Every input is checked before the first file is written.
    const app::PatternSet set =
        app::planPatternSet(app::findProfile(a.profile), patterns::parseImageSize(a.size));
    app::ensureWritableDirectory(a.out);
    app::writePatternSet(set, a.out);
    std::size_t eyes = 0;
    for (const auto& f : set.files) {
        eyes += f.frame.eye != patterns::Eye::Both ? 1 : 0;
    }
    std::printf("%s: %zu pattern file(s)%s at %dx%d for %zu step(s) → %s/manifest.json\n",
                set.profile_id.c_str(), set.files.size(), eyes > 0 ? " (3D: left/right pairs)" : "",
                set.size.width, set.size.height, set.steps.size(), a.out.c_str());
}

}  // namespace

void registerPatternsCommand(CLI::App& app) {
    auto args = std::make_shared<PatternsArgs>();
    CLI::App* cmd = app.add_subcommand(
        "patterns",
        "Write the test patterns a profile needs: 16-bit X'Y'Z' TIFF (12-bit codes << 4), PNG "
        "previews, manifest.json/.txt (which step shows which file)");
    cmd->add_option("--profile", args->profile, "Profile id or .json file")->required();
    cmd->add_option("--out", args->out, "Output directory (created if needed)")->required();
    cmd->add_option("--size", args->size,
                    "Image size WIDTHxHEIGHT: 2048x1080 (2K, default), 4096x2160 (4K) or any");
    cmd->callback([args] { run(*args); });
}

}  // namespace cm::cli

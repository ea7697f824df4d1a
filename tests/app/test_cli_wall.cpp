// The LED wall job from capture to report: frames rendered from a virtual wall, served by the
// PTP/IP camera simulator, captured and downloaded through the real libgphoto2, analysed per
// module, reported as PDF; and the stock gphoto2 tool capturing a rendered DNG.
#include "app/common/imaging/image_files.h"
#include "app/common/imaging/rendered_frame_source.h"
#include "cli_run.h"
#include "drivers/camera/ptpip_simulator.h"

#include <catch2/catch.hpp>

#include <set>

namespace fs = std::filesystem;
using namespace cm;

namespace {
const std::string kTestWall =
    std::string(CINEMEASURE_TEST_DATA_DIR) + "/imaging/led-test-wall.json";

test::Run wall(const std::string& args) {
    // libgphoto2 keeps settings in $HOME/.gphoto: a private HOME for this process and its children.
    static const bool homeSet = [] {
        const auto h = test::freshDir("wall-home");
        fs::create_directories(h);
        return ::setenv("HOME", h.c_str(), 1) == 0;
    }();
    REQUIRE(homeSet);
    return test::cli("wall " + args);
}
}  // namespace

TEST_CASE("wall: capture through libgphoto2 to per-module report finds the configured defects",
          "[wall][camera]") {
    const fs::path out = test::freshDir("wall-defective");
    const test::Run r = wall("--simulate " + kTestWall + " --size 1200 --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("verdict: FAIL"));
    CHECK(fs::file_size(out / "captures" / "CMV_0001.DNG") > 1000000);  // the capture is kept
    const auto a = test::readJson(out / "analysis.json");
    // Every dead or stuck pixel of the config is found where it is, and nothing else.
    const auto cfg = test::readJson(kTestWall);
    std::set<std::pair<int, int>> truth, found;
    for (const auto& d : cfg["led"]["dead_pixels"]) {
        truth.insert({d["x_px"].get<int>(), d["y_px"].get<int>()});
    }
    for (const auto& d : a["defects"]) {
        found.insert({d["x_px"].get<int>(), d["y_px"].get<int>()});
    }
    CHECK(found == truth);
    // Seams: the config's three seam lines (full-height border 3, part of border 2 and 6).
    std::set<std::string> borders;
    for (const auto& s : a["seams"]) {
        borders.insert(s["orientation"].get<std::string>() +
                       std::to_string(s["border"].get<int>()));
    }
    CHECK(borders == std::set<std::string>{"vertical3", "horizontal2", "vertical6"});
    CHECK(a["modules"].size() == 48);  // 8 × 6 modules of 16 × 12 px
    std::ifstream pdf(out / "wall-report.pdf", std::ios::binary);
    std::string magic(5, '\0');
    pdf.read(magic.data(), 5);
    CHECK(magic == "%PDF-");
}

TEST_CASE("wall: a clean wall passes", "[wall][camera]") {
    auto cfg = test::readJson(kTestWall);
    cfg["led"]["dead_pixels"] = nlohmann::json::array();
    cfg["led"]["seams"] = nlohmann::json::array();
    cfg["led"]["module_gain_spread_pct"] = 0.5;
    const fs::path dir = test::freshDir("wall-clean");
    fs::create_directories(dir);
    std::ofstream(dir / "wall.json") << cfg.dump(2);
    const test::Run r =
        wall("--simulate " + (dir / "wall.json").string() + " --out " + (dir / "out").string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("verdict: PASS (modules pass, 0 seams, 0 defective"));
}

TEST_CASE("wall: camera faults are one-line errors; a broken download is fetched again",
          "[wall][camera][edge]") {
    const fs::path busy = test::freshDir("wall-busy");
    test::Run r = wall("--simulate " + kTestWall + " --fault busy --out " + busy.string());
    INFO(r.output);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.output, Catch::Contains("camera: ") && Catch::Contains("run again"));
    CHECK_FALSE(fs::exists(busy / "analysis.json"));

    // The transfer breaks half way (camera reset): the file is still on the card, the job
    // reconnects, downloads it again, verifies it and carries on.
    const fs::path unplug = test::freshDir("wall-unplug");
    r = wall("--simulate " + kTestWall + " --fault unplug --out " + unplug.string());
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(unplug / "captures" / "CMV_0001.DNG"));
    CHECK(fs::exists(unplug / "wall-report.pdf"));

    r = wall("--simulate " + std::string(CINEMEASURE_CALIBRATION_DIR) +
             "/virtual/projector-reference.json --out " + test::freshDir("wall-proj").string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("needs a config with an led section"));
}

TEST_CASE("stock gphoto2 captures a rendered DNG from the simulator and LibRaw reads it",
          "[wall][camera][gphoto2]") {
    if (std::system("command -v gphoto2 >/dev/null 2>&1") != 0) {
        WARN("gphoto2 command-line tool not installed: skipped");
        return;
    }
    nlohmann::json cfgDoc = test::readJson(kTestWall);
    auto theatre = std::make_shared<const drivers::virt::VirtualTheatre>(
        drivers::virt::parseTheatreConfig(util::JsonView(cfgDoc, kTestWall)));
    drivers::virt::CameraSetup setup;
    setup.width_px = 480;
    setup.height_px = 320;
    drivers::camera::PtpIpSimulatorOptions o;
    o.source = app::renderedFrameSource(theatre, setup, "white");
    drivers::camera::PtpIpSimulator sim(o);
    sim.start();
    const fs::path dir = test::freshDir("gphoto2-dng");
    fs::create_directories(dir);
    // imagequality 2 is the simulator's RAW (drivers/camera/README.md).
    const std::string cmd = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                            "' timeout -k 5 120 gphoto2 --port " + sim.portString() +
                            " --camera 'PTP/IP Camera' --set-config imagequality=2"
                            " --capture-image-and-download --filename 'shot_%n.%C' >/dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
    REQUIRE(fs::exists(dir / "shot_1.DNG"));
    const imaging::RawFrame f = app::imaging_io::readRaw(dir / "shot_1.DNG");
    CHECK(f.rgb.cols == 480);
    CHECK(f.rgb.rows == 320);
    CHECK(f.exposure_s > 0.0);
}

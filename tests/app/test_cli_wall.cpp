// SPDX-License-Identifier: Apache-2.0
// `cinemeasure wall` end to end: the PTP/IP camera simulator photographing a virtual LED wall,
// driven through the real libgphoto2; the report against the renderer's truth and the config.
#include "app/common/certification.h"
#include "app/common/imaging/image_files.h"
#include "app/common/present/text_table.h"
#include "cli_run.h"
#include "drivers/virtual/camera_renderer.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <set>
#include <sstream>

using namespace cm::test;

namespace {

/// libgphoto2 writes $HOME/.gphoto/settings: a private HOME for this test process.
void privateHome() {
    static const bool done = [] {
        const auto h = freshDir("wall-home");
        std::filesystem::create_directories(h);
        ::setenv("HOME", h.c_str(), 1);
        return true;
    }();
    (void)done;
}

std::string firstBytes(const std::filesystem::path& p, std::size_t n) {
    std::ifstream in(p, std::ios::binary);
    std::string s(n, '\0');
    in.read(s.data(), static_cast<std::streamsize>(n));
    return s.substr(0, static_cast<std::size_t>(in.gcount()));
}

// The sensor must resolve single LED pixels of the 4096 × 2160 wall: 6144 px across with the
// wall filling 90 % of the width is 1.35 camera pixels per LED pixel (5120 px loses defects).
const std::string kSensor = " --size 6144 3300";

/// The text of a PDF (poppler-utils' pdftotext).
std::string pdfText(const std::filesystem::path& pdf) {
    FILE* p = ::popen(("pdftotext -enc UTF-8 " + pdf.string() + " -").c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p) != nullptr) {
        out += buf;
    }
    ::pclose(p);
    return out;
}

}  // namespace

/// `cinemeasure sim camera` as its own process (so limits set on the client do not reach it);
/// port is empty when it did not start.
struct SimCamera {
    pid_t pid = -1;
    FILE* out = nullptr;
    std::string port;

    SimCamera(const std::string& config, const char* width, const char* height) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::dup2(fds[1], 1);
            ::close(fds[0]);
            ::execl(CINEMEASURE_CLI, CINEMEASURE_CLI, "sim", "camera", "--time-scale", "0",
                    "--virtual", config.c_str(), "--size", width, height, nullptr);
            ::_exit(127);
        }
        ::close(fds[1]);
        out = ::fdopen(fds[0], "r");
        char line[256] = {};
        if (std::fgets(line, sizeof line, out) != nullptr) {
            port = line;
            port.erase(port.find_last_not_of("\r\n") + 1);
        }
    }
    ~SimCamera() {
        ::kill(pid, SIGTERM);
        int status = 0;
        ::waitpid(pid, &status, 0);
        std::fclose(out);
    }
    SimCamera(const SimCamera&) = delete;
    SimCamera& operator=(const SimCamera&) = delete;
};

TEST_CASE("wall job on the defective LED wall finds its dead and stuck pixels and bad modules",
          "[cli][wall]") {
    privateHome();
    const auto out = freshDir("wall-defective");
    const std::string config = virtualTheatre("led-defective.json");
    // One capture of a mid-grey shows dead and stuck pixels alike (a stuck pixel is invisible on
    // white); module ratios to the wall mean do not depend on the level.
    const auto r = cli(
        "wall --simulate " + config + kSensor +
        " --uniformity-pattern grey:0.5@1/2 --defect-pattern none --provisional binding --out " +
        out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    // The DY/T 8 draft limits decide here because they are asked to, and the run says so.
    CHECK(r.output.find("WARNING: draft (provisional) limits decide") != std::string::npos);
    CHECK(r.output.find("verdict: FAIL (") != std::string::npos);
    CHECK(r.output.find("against dyt8-2023-draft") != std::string::npos);
    const auto a = readJson(out / "analysis.json");
    CHECK(a["verdict"] == "fail");
    CHECK(a["limits"]["module_luminance"]["provisional"] == true);
    CHECK(a["limits"]["module_luminance"]["source"].get<std::string>().find("DY/T 8-2023") !=
          std::string::npos);

    // Pixel defects: every pixel the config defines, with its kind (level < 0.5 dead, else
    // stuck), and nothing else.
    const auto cfg = readJson(config);
    std::set<std::tuple<int, int, std::string>> want, got;
    for (const auto& d : cfg["led"]["dead_pixels"]) {
        want.insert({d["x_px"].get<int>(), d["y_px"].get<int>(),
                     d["level"].get<double>() < 0.5 ? "dead" : "stuck"});
    }
    for (const auto& d : a["defects"]) {
        got.insert({d["x_px"].get<int>(), d["y_px"].get<int>(), d["kind"].get<std::string>()});
    }
    CHECK(want.size() == 5);
    CHECK(got == want);

    // Modules: the renderer's truth of this wall from the same seat says which modules are
    // outside 90–110 % of the wall mean; the report must flag exactly those.
    cm::drivers::virt::VirtualTheatre theatre(cm::app::loadTheatreConfig(config));
    cm::drivers::virt::CameraSetup tiny;
    tiny.width_px = tiny.height_px = 16;
    tiny.noise = false;
    const auto truth = cm::drivers::virt::renderCameraFrame(theatre, "grey:0.5", tiny).truth;
    std::set<std::pair<int, int>> badTruth, badReport;
    for (const auto& m : truth.modules.modules) {
        const double ratio = m.mean_cdm2 / truth.modules.wall_mean_cdm2;
        if (ratio < 0.90 || ratio > 1.10) {
            badTruth.insert({m.index.col, m.index.row});
        }
    }
    REQUIRE(a["modules"].size() == 768);
    for (const auto& m : a["modules"]) {
        if (m["verdict"] == "fail") {
            badReport.insert({m["col"].get<int>(), m["row"].get<int>()});
        }
    }
    CHECK(badTruth.size() == 2);  // led-defective: 3 % spread, two modules below 90 %
    CHECK(badReport == badTruth);

    // Files: per-module CSV (header + 768 rows), luminance map, PDF, the capture kept.
    std::ifstream csv(out / "modules.csv");
    int lines = 0;
    for (std::string l; std::getline(csv, l);) {
        ++lines;
    }
    CHECK(lines == 769);
    CHECK(firstBytes(out / "report.pdf", 5) == "%PDF-");
    CHECK(std::filesystem::file_size(out / "report.pdf") > 5000);
    CHECK(std::filesystem::exists(out / "luminance.tif"));
    CHECK(std::filesystem::exists(out / "luminance.png"));
    CHECK(std::filesystem::exists(out / "captures" / "IMG_0001.DNG"));
    CHECK(readJson(out / "captures" / "captures.json")[0]["accepted"] == true);
}

TEST_CASE("draft wall limits are informative by default: the sample wall is not judged by them",
          "[cli][wall][provisional]") {
    privateHome();
    const auto out = freshDir("wall-informative");
    const auto r = cli("wall --simulate " + virtualTheatre("led-sample-wall.json") +
                       " --size 1200 800 --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    // Its dead and stuck LEDs break the DY/T 8 draft's "no defects", which may not decide.
    CHECK(r.output.find("verdict: FAIL") == std::string::npos);
    CHECK(r.output.find("verdict: PASS") == std::string::npos);
    CHECK(r.output.find("verdict: NOT JUDGED — only draft limits (informative); --provisional "
                        "binding to judge by them") != std::string::npos);
    CHECK(r.output.find("would fail: Dead LEDs; Stuck LEDs") != std::string::npos);
    CHECK(r.output.find("WARNING") == std::string::npos);
    const auto a = readJson(out / "analysis.json");
    CHECK(a["verdict"] == "not judged");
    CHECK(a["verdict_text"].get<std::string>().rfind("NOT JUDGED", 0) == 0);
    CHECK(a["provisional"] == "informative");
    CHECK(a["failed"].empty());
    CHECK(a["informative_failed"] == nlohmann::json({"Dead LEDs", "Stuck LEDs"}));
    CHECK_FALSE(a.contains("warning"));
    const std::string pdf = pdfText(out / "report.pdf");
    CHECK(pdf.find("VERDICT: NOT JUDGED") != std::string::npos);
    CHECK(pdf.find("VERDICT: FAIL") == std::string::npos);
}

TEST_CASE("binding draft limits (--provisional binding) fail the sample wall, with a warning",
          "[cli][wall][provisional]") {
    privateHome();
    const auto out = freshDir("wall-binding");
    const auto r = cli("wall --simulate " + virtualTheatre("led-sample-wall.json") +
                       " --size 1200 800 --provisional binding --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("WARNING: draft (provisional) limits decide this verdict") !=
          std::string::npos);
    CHECK(r.output.find("verdict: FAIL (Dead LEDs; Stuck LEDs) against dyt8-2023-draft") !=
          std::string::npos);
    // The figure table as an inspector reads it: the PDF's decimals (no "8.298e-05"), and
    // its columns aligned on screen whatever the multi-byte characters (Δ, ², ±) in a row.
    CHECK(r.output.find("e-0") == std::string::npos);
    std::vector<std::size_t> verdictColumn;
    std::istringstream lines(r.output);
    bool inTable = false;
    for (std::string line; std::getline(lines, line);) {
        // The table follows "analysing" and ends at the first line that is not indented.
        if (line == "analysing") {
            inTable = true;
            continue;
        }
        inTable = inTable && line.rfind("  ", 0) == 0;
        if (!inTable) {
            continue;
        }
        for (const char* word : {" pass ", " FAIL ", " information"}) {
            if (const auto at = line.find(word); at != std::string::npos) {
                verdictColumn.push_back(cm::app::present::displayWidth(line.substr(0, at)));
                break;
            }
        }
    }
    REQUIRE(verdictColumn.size() == 8);  // one line per figure of the DY/T 8 draft limits
    for (std::size_t c : verdictColumn) {
        CHECK(c == verdictColumn.front());
    }
    CHECK(r.output.find("Module chromaticity (worst |Δx|, |Δy|, CIE 1931)") != std::string::npos);
    CHECK(r.output.find("0.0001 ± 0.0006") != std::string::npos);
    const auto a = readJson(out / "analysis.json");
    CHECK(a["verdict"] == "fail");
    CHECK(a["provisional"] == "binding");
    CHECK(a["failed"] == nlohmann::json({"Dead LEDs", "Stuck LEDs"}));
    CHECK(a["warning"].get<std::string>().find("not confirmed") != std::string::npos);
    const std::string pdf = pdfText(out / "report.pdf");
    CHECK(pdf.find("VERDICT: FAIL") != std::string::npos);
    CHECK(pdf.find("WARNING: draft (provisional) limits decide") != std::string::npos);
    // The sample wall's stuck LEDs clip the defect frame: said in words, not "— × median".
    CHECK(pdf.find("clipped the camera") != std::string::npos);
    CHECK(pdf.find("— × module median") == std::string::npos);
    // The map's heading stays with its map (it was alone at the foot of page 1).
    const auto mapAt = pdf.find("Module map");
    REQUIRE(mapAt != std::string::npos);
    CHECK(pdf.rfind('\f', mapAt) == pdf.rfind('\f', pdf.find("Modules outside the limits")));
    // An unknown policy is a usage error before anything is captured.
    const auto bad = cli("wall --simulate " + virtualTheatre("led-sample-wall.json") +
                         " --provisional maybe --out " + (out / "x").string());
    CHECK(bad.exit_code != 0);
}

TEST_CASE("wall job on the reference LED wall passes", "[cli][wall]") {
    privateHome();
    const auto out = freshDir("wall-reference");
    const auto r = cli("wall --simulate " + virtualTheatre("led-reference.json") + kSensor +
                       " --defect-pattern none --provisional binding --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("verdict: PASS") != std::string::npos);
    const auto a = readJson(out / "analysis.json");
    CHECK(a["verdict"] == "pass");
    CHECK(a["wall"]["modules_failing"] == 0);
    CHECK(a["defects"].empty());
    // The wall mean against the renderer's truth from the same seat (module means of the
    // emitted light): within the chain's stated 1 % module bound.
    cm::drivers::virt::VirtualTheatre theatre(
        cm::app::loadTheatreConfig(virtualTheatre("led-reference.json")));
    cm::drivers::virt::CameraSetup tiny;
    tiny.width_px = tiny.height_px = 16;
    tiny.noise = false;
    const double truthMean =
        cm::drivers::virt::renderCameraFrame(theatre, "white", tiny).truth.modules.wall_mean_cdm2;
    CHECK(a["wall"]["mean_cdm2"].get<double>() == Approx(truthMean).epsilon(0.01));
    CHECK(firstBytes(out / "report.pdf", 5) == "%PDF-");
}

TEST_CASE("wall job with a full card fails with one line, keeps the first capture and re-runs",
          "[cli][wall]") {
    privateHome();
    const auto out = freshDir("wall-fault");
    const std::string base = "wall --simulate " + virtualTheatre("led-reference.json") +
                             " --size 960 540 --out " + out.string();
    auto r = cli(base + " --fault card-full --fault-at 2");
    INFO(r.output);
    CHECK(r.exit_code == 3);
    CHECK(r.output.find("cinemeasure: card full: ") != std::string::npos);
    CHECK(r.output.find("captures so far are in") != std::string::npos);
    CHECK(std::filesystem::exists(out / "captures" / "IMG_0001.DNG"));
    CHECK_FALSE(std::filesystem::exists(out / "report.pdf"));
    // Re-run into the same directory: the earlier capture is not overwritten.
    const auto before = std::filesystem::file_size(out / "captures" / "IMG_0001.DNG");
    r = cli(base);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(std::filesystem::file_size(out / "captures" / "IMG_0001.DNG") == before);
    CHECK(std::filesystem::exists(out / "report.pdf"));
}

TEST_CASE("wall job re-fetches a capture after the camera drops off mid-download", "[cli][wall]") {
    privateHome();
    const auto out = freshDir("wall-unplug");
    const auto r =
        cli("wall --simulate " + virtualTheatre("led-reference.json") +
            " --size 960 540 --defect-pattern none --fault unplug --out " + out.string());
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("reconnecting to fetch the capture again") != std::string::npos);
    const auto frame = cm::app::imaging_io::readRaw(out / "captures" / "IMG_0001.DNG");
    CHECK(frame.rgb.cols == 960);
    CHECK(frame.rgb.rows == 540);
}

TEST_CASE("wall job on a full disk says so (exit 4), leaves no partial capture and re-runs",
          "[cli][wall][storage]") {
    // #20 case 13: a full disk was reported as a camera fault (exit 3 "device:") and left a
    // .part file. A file-size limit on the wall job (not on the camera simulator, which runs as
    // its own process) makes the kernel refuse to grow the capture (EFBIG), as a full disk does
    // with ENOSPC; no root, no mounts.
    privateHome();
    const std::string config = virtualTheatre("led-reference.json");
    const auto out = freshDir("wall-disk-full");
    Run full{-1, ""}, again{-1, ""};
    {
        SimCamera sim(config, "960", "540");
        const std::string& port = sim.port;
        const bool got = !port.empty();
        REQUIRE(got);
        const std::string run = "wall --port " + port + " --layout " + config +
                                " --camera-calibration " + CINEMEASURE_CALIBRATION_DIR +
                                "/cameras/virtual-camera.json --out " + out.string() +
                                " < /dev/null";
        rlimit old{};
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
        rlimit lim = old;
        lim.rlim_cur = 200 * 1024;  // a 960 × 540 DNG is ~1 MB
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &lim) == 0);
        full = cli(run);
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
        // Space again: the same command completes (the capture stayed on the camera).
        again = cli(run);
    }
    INFO(full.output);
    CHECK(full.exit_code == 4);
    CHECK(full.output.find("cinemeasure: storage: cannot write") != std::string::npos);
    CHECK(full.output.find("the file stays on the camera") != std::string::npos);
    for (const auto& e : std::filesystem::recursive_directory_iterator(out)) {
        INFO(e.path());
        CHECK(e.path().extension() != ".part");
    }
    INFO(again.output);
    CHECK(again.exit_code == 0);
    CHECK(std::filesystem::exists(out / "report.pdf"));
}

TEST_CASE("stock gphoto2 captures a rendered DNG from sim camera --virtual that LibRaw reads",
          "[cli][wall]") {
    privateHome();
    if (std::system("command -v gphoto2 > /dev/null 2>&1") != 0) {
        FAIL("the gphoto2 command-line tool is not installed");
    }
    const auto dir = freshDir("wall-gphoto2");
    std::filesystem::create_directories(dir);
    int rc = -1;
    bool got = false;
    {
        SimCamera sim(virtualTheatre("led-reference.json"), "640", "400");
        got = !sim.port.empty();
        if (got) {
            // CompressionSetting 2 is the simulator's DNG ("Unknown value 0002": set by index).
            const std::string cmd = "cd " + dir.string() + " && timeout -k 2 30 gphoto2 --port " +
                                    sim.port +
                                    " --set-config-index imagequality=2 --set-config iso=400 "
                                    "--capture-image-and-download --filename shot.%C > "
                                    "gphoto2.log 2>&1";
            rc = std::system(cmd.c_str());
        }
    }
    REQUIRE(got);
    INFO(firstBytes(dir / "gphoto2.log", 4000));
    CHECK(rc == 0);
    REQUIRE(std::filesystem::exists(dir / "shot.DNG"));
    // A real rendered frame: the requested size, 16-bit RGB, the dark room at the black level
    // and the lit wall in the middle (ISO 400 at 1/60 s, f/2.8: 48 cd/m² × 8000 DN/(cd/m²·s) ×
    // 4 / 60 ≈ 25 600 DN above black at the centre).
    const auto f = cm::app::imaging_io::readRaw(dir / "shot.DNG");
    CHECK(f.rgb.cols == 640);
    CHECK(f.rgb.rows == 400);
    CHECK(std::filesystem::file_size(dir / "shot.DNG") > 640u * 400u * 6u);
    const cv::Vec3w centre = f.rgb.at<cv::Vec3w>(200, 320);
    const cv::Vec3w corner = f.rgb.at<cv::Vec3w>(2, 2);
    CHECK(corner[1] < 600);
    CHECK(centre[1] > 15000);
    CHECK(centre[1] < 40000);
}

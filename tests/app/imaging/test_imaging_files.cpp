// SPDX-License-Identifier: Apache-2.0
// Image files through the real libraries (libtiff, LibRaw, OpenCV PNG), the camera calibration
// file, and the render/analyze commands end to end.
#include "app/common/imaging/camera_calibration_file.h"
#include "app/common/imaging/image_files.h"
#include "drivers/virtual/camera_renderer.h"
#include "libmeasure/util/json_view.h"
#include "tests/app/cli_run.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using namespace cm;
namespace io = cm::app::imaging_io;

namespace {

imaging::RawFrame testFrame() {
    imaging::RawFrame f;
    f.rgb.create(37, 53, CV_16UC3);  // odd sizes on purpose
    for (int y = 0; y < f.rgb.rows; ++y) {
        for (int x = 0; x < f.rgb.cols; ++x) {
            f.rgb.at<cv::Vec3w>(y, x) = cv::Vec3w(static_cast<std::uint16_t>(512 + 1000 * x + y),
                                                  static_cast<std::uint16_t>(65535 - 7 * x * y),
                                                  static_cast<std::uint16_t>(3 * x + 11 * y));
        }
    }
    f.exposure_s = 0.125;  // exactly representable as a TIFF rational
    f.iso = 200;
    f.black_level_dn = 512;
    f.white_level_dn = 65535;
    return f;
}

const std::array<std::array<double, 3>, 3> kXyzToCam = {
    {{1.7, -0.36, -0.25}, {-0.67, 1.6, 0.016}, {0.018, -0.043, 0.98}}};

}  // namespace

TEST_CASE("DNG round trip: written by libtiff, read back by LibRaw with exact DN and metadata") {
    const auto dir = test::freshDir("dng");
    std::filesystem::create_directories(dir);
    const imaging::RawFrame f = testFrame();
    io::writeDng(dir / "f.dng", f, kXyzToCam);
    const imaging::RawFrame g = io::readRaw(dir / "f.dng");
    REQUIRE(g.rgb.size() == f.rgb.size());
    CHECK(cv::norm(g.rgb, f.rgb, cv::NORM_INF) == 0.0);
    CHECK(g.black_level_dn == 512.0);
    CHECK(g.white_level_dn == 65535.0);
    CHECK(g.exposure_s == Approx(0.125));
    // ISO is written (tag 34855 in IFD 0) but LibRaw 0.20 takes ISO from an EXIF IFD only; the
    // maths never uses it (the calibration fixes the gain), so it is not checked here.
    // The in-memory encoder gives the same bytes as the file.
    const auto bytes = io::encodeDng(f, kXyzToCam);
    std::ifstream in(dir / "f.dng", std::ios::binary);
    const std::vector<std::uint8_t> file((std::istreambuf_iterator<char>(in)),
                                         std::istreambuf_iterator<char>());
    CHECK(bytes == file);
    CHECK(bytes.size() > static_cast<std::size_t>(37 * 53 * 6));
}

TEST_CASE("TIFF round trip keeps pixels and the exposure metadata") {
    const auto dir = test::freshDir("tiff");
    std::filesystem::create_directories(dir);
    const imaging::RawFrame f = testFrame();
    io::writeTiff16(dir / "f.tif", f.rgb,
                    R"({"exposure_s": 0.125, "black_level_dn": 512, "iso": 200})");
    const imaging::RawFrame g = io::readImage(dir / "f.tif");
    CHECK(cv::norm(g.rgb, f.rgb, cv::NORM_INF) == 0.0);
    CHECK(g.exposure_s == 0.125);
    CHECK(g.black_level_dn == 512);
    cv::Mat grey(5, 7, CV_16UC1, cv::Scalar(1234));
    io::writeTiff16(dir / "g.tif", grey);
    CHECK(cv::norm(io::readTiff16Plane(dir / "g.tif"), grey, cv::NORM_INF) == 0.0);
    // A monochrome TIFF is a frame of its own (an imaging photometer's), exposure not stated.
    const imaging::RawFrame m = io::readTiff16(dir / "g.tif");
    CHECK(m.rgb.type() == CV_16UC1);
    CHECK_FALSE(m.exposure_known);
}

TEST_CASE("corrupt and truncated image files give an error naming the file") {
    const auto dir = test::freshDir("corrupt");
    std::filesystem::create_directories(dir);
    const imaging::RawFrame f = testFrame();
    io::writeDng(dir / "good.dng", f, kXyzToCam);
    io::writeTiff16(dir / "good.tif", f.rgb);
    for (const char* name : {"good.dng", "good.tif"}) {
        std::ifstream in(dir / name, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string cut = std::string("cut-") + name;
        std::ofstream(dir / cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
        CHECK_THROWS_WITH(io::readImage(dir / cut), Catch::Contains(cut));
        CHECK_THROWS_AS(io::readImage(dir / cut), io::ImageFileError);
    }
    std::ofstream(dir / "junk.dng") << "this is not an image";
    CHECK_THROWS_WITH(io::readImage(dir / "junk.dng"), Catch::Contains("junk.dng"));
    std::ofstream(dir / "junk.tif") << "II*\0garbage";
    CHECK_THROWS_WITH(io::readImage(dir / "junk.tif"), Catch::Contains("junk.tif"));
    CHECK_THROWS_WITH(io::readImage(dir / "missing.tif"), Catch::Contains("missing.tif"));
}

TEST_CASE("false-colour PNG: NaN black, range mapped through the colour map") {
    const auto dir = test::freshDir("png");
    std::filesystem::create_directories(dir);
    cv::Mat m(4, 4, CV_32FC1, cv::Scalar(10.0));
    m.at<float>(0, 0) = NAN;
    m.at<float>(3, 3) = 20.0f;
    io::writeFalseColourPng(dir / "m.png", m, 10.0, 20.0);
    const cv::Mat png = cv::imread((dir / "m.png").string(), cv::IMREAD_COLOR);
    REQUIRE(png.size() == m.size());
    CHECK(png.at<cv::Vec3b>(0, 0) == cv::Vec3b(0, 0, 0));
    CHECK(png.at<cv::Vec3b>(1, 1) != png.at<cv::Vec3b>(3, 3));
    // Colour order and map ends: lo is turbo's dark blue end, hi its dark red end (both read
    // back as BGR), so a red/blue swap in the writer fails here.
    cv::Mat ends(1, 2, CV_8UC1);
    ends.at<std::uint8_t>(0, 0) = 0;
    ends.at<std::uint8_t>(0, 1) = 255;
    cv::Mat turbo;
    cv::applyColorMap(ends, turbo, cv::COLORMAP_TURBO);
    CHECK(png.at<cv::Vec3b>(1, 1) == turbo.at<cv::Vec3b>(0, 0));
    CHECK(png.at<cv::Vec3b>(3, 3) == turbo.at<cv::Vec3b>(0, 1));
    CHECK(png.at<cv::Vec3b>(3, 3)[2] > png.at<cv::Vec3b>(3, 3)[0]);  // red end: R > B
    CHECK(png.at<cv::Vec3b>(1, 1)[0] > png.at<cv::Vec3b>(1, 1)[2]);  // blue end: B > R
    CHECK_THROWS_AS(io::writeFalseColourPng(dir / "m.png", m, 5, 5), io::ImageFileError);
    CHECK_THROWS_WITH(io::writeFalseColourPng(dir / "no-such-dir" / "m.png", m, 10.0, 20.0),
                      Catch::Contains("no-such-dir/m.png"));
}

TEST_CASE("shipped virtual camera calibration matches the renderer's true matrix") {
    const auto cal = app::loadCameraCalibration(std::string(CINEMEASURE_CALIBRATION_DIR) +
                                                "/cameras/virtual-camera.json");
    const auto truth = drivers::virt::virtualCameraMatrix({});
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            // 0.5 % of the row's largest coefficient: noise in the 2° spot and the module gains.
            CHECK(cal.rgb_to_xyz[r][c] == Approx(truth[r][c]).margin(0.005 * truth[r][r]));
        }
    }
    CHECK(cal.vignetting.k1 == Approx(-0.25).margin(0.01));
    CHECK(cal.rms_delta_Y_pct < 0.5);
    // Save and load give the same values; a broken file names file and path.
    const auto dir = test::freshDir("cal");
    std::filesystem::create_directories(dir);
    app::saveCameraCalibration(dir / "c.json", cal);
    const auto again = app::loadCameraCalibration(dir / "c.json");
    CHECK(again.rgb_to_xyz == cal.rgb_to_xyz);
    CHECK(again.residuals.size() == cal.residuals.size());
    std::ofstream(dir / "bad.json")
        << R"({"schema": "cinemeasure-camera-calibration", "version": 1, "camera": "c",
        "source": "s", "rgb_to_xyz": [[1, 0, 0], [0, 1]]})";
    CHECK_THROWS_WITH(app::loadCameraCalibration(dir / "bad.json"),
                      Catch::Contains("bad.json") && Catch::Contains("rgb_to_xyz"));
}

TEST_CASE("cinemeasure render then analyze finds the test wall's seams and defects") {
    const auto dir = test::freshDir("analyze");
    std::filesystem::create_directories(dir);
    const std::string wall = std::string(CINEMEASURE_TEST_DATA_DIR) + "/imaging/led-test-wall.json";
    auto r = test::cli("render --virtual " + wall + " --out " + (dir / "w.dng").string() +
                       " --stimulus grey:0.5 --exposure 0.5 --width 480 --height 320 --seed 5");
    REQUIRE(r.exit_code == 0);
    // Draft limits decide only when asked: --provisional binding (the default is informative).
    r = test::cli("analyze --image " + (dir / "w.dng").string() + " --layout " + wall +
                  " --provisional binding --out " + (dir / "out").string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("WARNING: draft (provisional) limits decide") != std::string::npos);
    const auto j = test::readJson(dir / "out" / "analysis.json");
    CHECK(j["provisional"] == "binding");
    CHECK(j["warning"].get<std::string>().find("draft") != std::string::npos);
    CHECK(j["modules"].size() == 48);
    CHECK(j["seam_lines"].size() == 13);  // every rendered seam segment beyond 3 %
    CHECK(j["defects"].size() == 6);
    // Six defective LEDs against the draft's "no defects": the verdict fails and says why.
    CHECK(j["verdict"] == "fail");
    // Dead, stuck, and the stuck LEDs clip the sensor at this exposure: each named.
    CHECK(j["failed"].size() == 3);
    CHECK(j["failed"].dump().find("Dead LEDs") != std::string::npos);
    CHECK(j["failed"].dump().find("Stuck LEDs") != std::string::npos);
    CHECK(j["failed"].dump().find("Saturated") != std::string::npos);
    CHECK(j["wall"]["modules_failing"] == 0);
    CHECK(j["defects"][0]["x_px"] == 5);
    CHECK(j["defects"][0]["kind"] == "dead");
    // The luminance TIFF's scale brings back cd/m² of the area-average map.
    const cv::Mat y16 = io::readTiff16Plane(dir / "out" / "luminance.tif");
    const double scale = j["luminance_map"]["cdm2_per_dn"];
    const double mean = j["wall"]["mean_cdm2"];
    CHECK(y16.at<std::uint16_t>(36, 64) * scale == Approx(mean).epsilon(0.05));
    std::ifstream csv(dir / "out" / "modules.csv");
    std::string header;
    std::getline(csv, header);
    CHECK(header.rfind("module_col,module_row,cabinet_col", 0) == 0);
    CHECK(std::filesystem::exists(dir / "out" / "report.pdf"));
    // The same image as a projection screen: luminance map and the ST 431-1 points.
    r = test::cli("analyze --image " + (dir / "w.dng").string() + " --out " +
                  (dir / "screen").string());
    CHECK(r.exit_code == 0);
    CHECK(test::readJson(dir / "screen" / "analysis.json")["points"].size() == 9);
    // ... and on the terminal, not only in the file: each point's luminance, its share of the
    // centre's (the ST 431-1 uniformity figure) and its chromaticity.
    INFO(r.output);
    CHECK(r.output.find("point") != std::string::npos);
    CHECK(r.output.find("% of centre") != std::string::npos);
    CHECK(r.output.find("100.0") != std::string::npos);  // the centre against itself
    for (const char* id : {"C ", "L ", "R ", "T ", "B ", "TL ", "TR ", "BL ", "BR "}) {
        CHECK(r.output.find(std::string("\n") + id) != std::string::npos);
    }
}

TEST_CASE("cinemeasure analyze: bad input is one line and a usage exit code") {
    const auto dir = test::freshDir("analyze-bad");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "x.dng") << "not a dng";
    auto r =
        test::cli("analyze --image " + (dir / "x.dng").string() + " --out " + (dir / "o").string());
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("x.dng") != std::string::npos);
    CHECK(std::count(r.output.begin(), r.output.end(), '\n') == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "o"));
    r = test::cli("analyze --image " + (dir / "x.dng").string() + " --corners 1,2,3 --out " +
                  (dir / "o").string());
    CHECK(r.exit_code == 2);
    // A black frame has no screen in it.
    imaging::RawFrame black;
    black.rgb = cv::Mat(64, 96, CV_16UC3, cv::Scalar(512, 512, 512));
    io::writeTiff16(dir / "black.tif", black.rgb);
    r = test::cli("analyze --image " + (dir / "black.tif").string() + " --out " +
                  (dir / "o").string());
    CHECK(r.exit_code == 2);
    // A third-party TIFF without exposure metadata: refused, saying how to give it.
    CHECK(r.output.find("--exposure") != std::string::npos);
    r = test::cli("analyze --image " + (dir / "black.tif").string() + " --exposure 0.5 --out " +
                  (dir / "o").string());
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("--corners") != std::string::npos);
}

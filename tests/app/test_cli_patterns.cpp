// SPDX-License-Identifier: Apache-2.0
// `cinemeasure patterns` end to end: code values read back from the TIFFs with libtiff (not our
// writer), checkerboard geometry, 3D pairs, HDR codes, manifest completeness, every shipped
// profile, and the refusals.
#include "app/cli/commands.h"
#include "cli_run.h"

#include <tiffio.h>

#include <array>
#include <map>
#include <set>
#include <vector>

namespace {

using cm::test::cli;
using cm::test::freshDir;
using cm::test::readJson;
using Px = std::array<std::uint16_t, 3>;

/// A TIFF read back with libtiff's scanline API, checking the layout the brief promises.
struct TiffImage {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint16_t> samples;
    Px at(std::uint32_t x, std::uint32_t y) const {
        const std::size_t i = (std::size_t{y} * width + x) * 3;
        return {samples[i], samples[i + 1], samples[i + 2]};
    }
};

TiffImage readTiff(const std::filesystem::path& file) {
    INFO(file);
    TIFF* tif = TIFFOpen(file.c_str(), "r");
    REQUIRE(tif != nullptr);
    TiffImage img;
    std::uint16_t bps = 0, spp = 0, photometric = 0, planar = 0;
    TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &img.width);
    TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &img.height);
    TIFFGetField(tif, TIFFTAG_BITSPERSAMPLE, &bps);
    TIFFGetField(tif, TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetField(tif, TIFFTAG_PHOTOMETRIC, &photometric);
    TIFFGetFieldDefaulted(tif, TIFFTAG_PLANARCONFIG, &planar);
    CHECK(bps == 16);
    CHECK(spp == 3);
    CHECK(photometric == PHOTOMETRIC_RGB);
    CHECK(planar == PLANARCONFIG_CONTIG);
    REQUIRE(TIFFScanlineSize(tif) == static_cast<tmsize_t>(img.width) * 6);
    img.samples.resize(std::size_t{img.width} * img.height * 3);
    for (std::uint32_t y = 0; y < img.height; ++y) {
        REQUIRE(TIFFReadScanline(tif, img.samples.data() + std::size_t{y} * img.width * 3, y, 0) ==
                1);
    }
    TIFFClose(tif);
    return img;
}

/// Every pixel of a full field equals `v`.
bool uniform(const TiffImage& img, const Px& v) {
    for (std::uint32_t y = 0; y < img.height; ++y) {
        for (std::uint32_t x = 0; x < img.width; ++x) {
            if (img.at(x, y) != v) {
                return false;
            }
        }
    }
    return true;
}

/// The manifest's files for a step, by eye ("both", "left", "right").
std::map<std::string, std::string> filesOf(const nlohmann::json& manifest,
                                           const std::string& step) {
    std::map<std::string, std::string> out;
    for (const auto& f : manifest["files"]) {
        for (const auto& s : f["steps"]) {
            if (s["id"] == step) {
                out[f["eye"].get<std::string>()] = f["tiff"].get<std::string>();
            }
        }
    }
    return out;
}

std::vector<std::string> profileStepIds(const std::string& profile) {
    const auto j =
        readJson(std::string(CINEMEASURE_CALIBRATION_DIR) + "/profiles/" + profile + ".json");
    std::vector<std::string> ids;
    for (const auto& s : j["steps"]) {
        ids.push_back(s["id"].get<std::string>());
    }
    return ids;
}

/// Each step once in the step list, and in exactly one file per eye.
void checkManifestCoversSteps(const nlohmann::json& m, const std::string& profile) {
    const std::vector<std::string> ids = profileStepIds(profile);
    std::vector<std::string> listed;
    for (const auto& s : m["steps"]) {
        listed.push_back(s["id"].get<std::string>());
    }
    CHECK(listed == ids);
    std::map<std::string, std::multiset<std::string>> eyes_by_step;
    for (const auto& f : m["files"]) {
        for (const auto& s : f["steps"]) {
            eyes_by_step[s["id"].get<std::string>()].insert(f["eye"].get<std::string>());
        }
    }
    for (const auto& id : ids) {
        INFO(profile << " step " << id);
        const auto& eyes = eyes_by_step[id];
        const bool twoD = eyes == std::multiset<std::string>{"both"};
        const bool threeD = eyes == std::multiset<std::string>{"left", "right"};
        CHECK((twoD || threeD));
    }
    CHECK(eyes_by_step.size() == ids.size());
}

}  // namespace

TEST_CASE("patterns: rp431-2 white, black, Red-1 and checkerboard read back with libtiff",
          "[cli][patterns]") {
    const auto dir = freshDir("patterns-rp431");
    const auto r = cli("patterns --profile rp431-2-theatre --size 256x135 --out " + dir.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto m = readJson(dir / "manifest.json");
    CHECK(m["profile"]["id"] == "rp431-2-theatre");
    CHECK(m["size"]["width"] == 256);
    CHECK(m["size"]["height"] == 135);
    CHECK(m["code_convention"]["container"].get<std::string>().find("<< 4") != std::string::npos);
    CHECK(m["preview"].get<std::string>().find("orientation only") != std::string::npos);
    checkManifestCoversSteps(m, "rp431-2-theatre");

    // RP 431-2 §7.3 white 3794/3960/3890 · 16 = 60704/63360/62240.
    const TiffImage white = readTiff(dir / filesOf(m, "white").at("both"));
    CHECK(white.width == 256);
    CHECK(white.height == 135);
    CHECK(uniform(white, {60704, 63360, 62240}));
    CHECK(uniform(readTiff(dir / filesOf(m, "black").at("both")), {0, 0, 0}));
    // Table A.4 Red-1 2901/2171/100 · 16 = 46416/34736/1600.
    CHECK(uniform(readTiff(dir / filesOf(m, "red").at("both")), {46416, 34736, 1600}));
    // Table A.2 step 1: 379/396/389 · 16 = 6064/6336/6224.
    CHECK(uniform(readTiff(dir / filesOf(m, "grey_010").at("both")), {6064, 6336, 6224}));

    // Checkerboard: columns change at 64, 128, 192; rows at floor(k · 135 / 4) = 33, 67, 101.
    const TiffImage cb = readTiff(dir / filesOf(m, "checkerboard").at("both"));
    const Px w{60704, 63360, 62240};
    const Px k{0, 0, 0};
    const std::uint32_t col[5] = {0, 64, 128, 192, 256};
    const std::uint32_t row[5] = {0, 33, 67, 101, 135};
    for (int r_ = 0; r_ < 4; ++r_) {
        for (int c = 0; c < 4; ++c) {
            const Px expected = (r_ + c) % 2 == 0 ? w : k;
            INFO("patch " << r_ << "," << c);
            // The patch's four corner pixels: the boundaries are exact.
            CHECK(cb.at(col[c], row[r_]) == expected);
            CHECK(cb.at(col[c + 1] - 1, row[r_]) == expected);
            CHECK(cb.at(col[c], row[r_ + 1] - 1) == expected);
            CHECK(cb.at(col[c + 1] - 1, row[r_ + 1] - 1) == expected);
        }
    }
    // Previews exist beside each TIFF (PNG signature).
    for (const auto& f : m["files"]) {
        std::ifstream png(dir / f["preview"].get<std::string>(), std::ios::binary);
        char sig[8] = {};
        png.read(sig, 8);
        CHECK(std::string(sig + 1, 3) == "PNG");
    }
    CHECK(std::filesystem::exists(dir / "manifest.txt"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("patterns: the 3D profile gives left and right pairs", "[cli][patterns]") {
    const auto dir = freshDir("patterns-3d");
    const auto r =
        cli("patterns --profile iso5926-3d-class-a-theatre --size 256x135 --out " + dir.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto m = readJson(dir / "manifest.json");
    checkManifestCoversSteps(m, "iso5926-3d-class-a-theatre");
    const Px w{60704, 63360, 62240};
    const Px k{0, 0, 0};
    struct Case {
        const char* step;
        Px left, right;
    };
    for (const Case& c :
         {Case{"signal_left", w, k}, Case{"leak_left", k, w}, Case{"signal_right", k, w},
          Case{"leak_right", w, k}, Case{"white_left", w, w}, Case{"black_right", k, k}}) {
        INFO(c.step);
        const auto files = filesOf(m, c.step);
        REQUIRE(files.size() == 2);
        CHECK(uniform(readTiff(dir / files.at("left")), c.left));
        CHECK(uniform(readTiff(dir / files.at("right")), c.right));
    }
    // Same stimulus, same codes → the same pair of files.
    CHECK(filesOf(m, "white_left") == filesOf(m, "white_right"));
    CHECK(filesOf(m, "signal_left") == filesOf(m, "leak_right"));
    CHECK(m["files"].size() == 8);  // 4 distinct stimuli × 2 eyes
    std::filesystem::remove_all(dir);
}

TEST_CASE("patterns: the HDR profile writes its own PQ codes", "[cli][patterns]") {
    const auto dir = freshDir("patterns-hdr");
    const auto r =
        cli("patterns --profile dci-hdr-projector-theatre --size 64x36 --out " + dir.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto m = readJson(dir / "manifest.json");
    checkManifestCoversSteps(m, "dci-hdr-projector-theatre");
    CHECK(m["code_convention"]["encoding"].get<std::string>().find("PQ") != std::string::npos);
    // DCI HDR Table 6 peak white 2524/2546/2583 · 16; minimum black 60/62/65 · 16.
    CHECK(uniform(readTiff(dir / filesOf(m, "white").at("both")), {40384, 40736, 41328}));
    CHECK(uniform(readTiff(dir / filesOf(m, "min_black").at("both")), {960, 992, 1040}));
    // Table 7 step 1: 472/481/496.
    CHECK(uniform(readTiff(dir / filesOf(m, "hdr_white_0_5").at("both")), {7552, 7696, 7936}));
    // min_black and the first dark step show the same codes: one file for both.
    CHECK(filesOf(m, "min_black") == filesOf(m, "hdr_dark_0_005"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("patterns: every shipped profile writes a complete set", "[cli][patterns]") {
    const std::filesystem::path profiles = std::string(CINEMEASURE_CALIBRATION_DIR) + "/profiles";
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(profiles)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        const std::string id = entry.path().stem().string();
        INFO(id);
        const auto dir = freshDir("patterns-all-" + id);
        const auto r = cli("patterns --profile " + id + " --size 32x20 --out " + dir.string());
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
        const auto m = readJson(dir / "manifest.json");
        checkManifestCoversSteps(m, id);
        for (const auto& f : m["files"]) {
            CHECK(std::filesystem::is_regular_file(dir / f["tiff"].get<std::string>()));
            CHECK(std::filesystem::is_regular_file(dir / f["preview"].get<std::string>()));
            CHECK(readTiff(dir / f["tiff"].get<std::string>()).width == 32);
        }
        for (const auto& e : std::filesystem::directory_iterator(dir)) {
            CHECK(e.path().extension() != ".part");
        }
        std::filesystem::remove_all(dir);
        ++count;
    }
    CHECK(count >= 10);
}

TEST_CASE("patterns: bad input is refused in one line and leaves no manifest", "[cli][patterns]") {
    const auto dir = freshDir("patterns-bad");
    auto oneLine = [](const std::string& s) { return !s.empty() && s.find('\n') == s.size() - 1; };

    auto r = cli("patterns --profile no-such-profile --out " + dir.string());
    CHECK(r.exit_code == cm::cli::kExitUsage);
    CHECK(oneLine(r.output));
    CHECK(r.output.find("no-such-profile") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir));

    r = cli("patterns --profile rp431-2-theatre --size 2048by1080 --out " + dir.string());
    CHECK(r.exit_code == cm::cli::kExitUsage);
    CHECK(oneLine(r.output));
    CHECK_FALSE(std::filesystem::exists(dir));

    // A profile with a stimulus nobody can show: refused before anything is written.
    std::filesystem::create_directories(dir);
    auto profile =
        readJson(std::string(CINEMEASURE_CALIBRATION_DIR) + "/profiles/rp431-2-theatre.json");
    profile["steps"][2]["stimulus"] = "purple";
    const auto bad_profile = dir / "bad-profile.json";
    std::ofstream(bad_profile) << profile.dump();
    const auto out = dir / "out";
    r = cli("patterns --profile " + bad_profile.string() + " --out " + out.string());
    CHECK(r.exit_code == cm::cli::kExitUsage);
    CHECK(oneLine(r.output));
    CHECK(r.output.find("'purple'") != std::string::npos);
    CHECK(r.output.find("step 'red'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    // An output "directory" below a regular file cannot be created.
    const auto blocker = dir / "file";
    std::ofstream(blocker) << "x";
    r = cli("patterns --profile st431-1-theatre --size 32x20 --out " + (blocker / "sub").string());
    CHECK(r.exit_code == cm::cli::kExitOutput);
    CHECK(oneLine(r.output));

    // A failure after the images are written (a directory squats on a final file name): the
    // earlier complete set's manifest is gone, no temporary file is left, exit 4.
    const auto squat = dir / "squat";
    REQUIRE(
        cli("patterns --profile st431-1-theatre --size 32x20 --out " + squat.string()).exit_code ==
        0);
    const auto m = readJson(squat / "manifest.json");
    const std::string preview = m["files"][0]["preview"].get<std::string>();
    std::filesystem::remove(squat / preview);
    std::filesystem::create_directories(squat / preview / "occupied");
    r = cli("patterns --profile st431-1-theatre --size 32x20 --out " + squat.string());
    CHECK(r.exit_code == cm::cli::kExitOutput);
    CHECK(oneLine(r.output));
    CHECK_FALSE(std::filesystem::exists(squat / "manifest.json"));
    CHECK_FALSE(std::filesystem::exists(squat / "manifest.txt"));
    for (const auto& e : std::filesystem::directory_iterator(squat)) {
        CHECK(e.path().extension() != ".part");
    }
    std::filesystem::remove_all(dir);
}

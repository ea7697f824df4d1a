// SPDX-License-Identifier: Apache-2.0
// `cinemeasure evaluate`: the committee's "what if the corner limit were 70 %" on stored readings.
#include "app/common/present/text_table.h"
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {
fs::path relaxedCornerProfile(const fs::path& dir) {
    std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) + "/profiles/st431-1-review.json");
    auto j = nlohmann::json::parse(in);
    j["id"] = "st431-1-review-corners70";
    for (auto& f : j["figures"]) {
        if (f["id"].get<std::string>().rfind("corner_", 0) == 0 &&
            f["metric"] == "luminance_percent_of_reference") {
            f["tolerance"]["min"] = 70;
            f["tolerance"]["source"] = "committee proposal (test)";
        }
    }
    const fs::path p = dir / "st431-1-review-corners70.json";
    std::ofstream(p) << j.dump(2);
    return p;
}
}  // namespace

TEST_CASE("evaluate a stored report under a relaxed corner limit: exactly the corners flip to PASS",
          "[evaluate]") {
    const fs::path base = cm::test::freshDir("evaluate");
    fs::create_directories(base);
    REQUIRE(cli("certify --profile st431-1-review --simulate " +
                cm::test::virtualTheatre("projector-dim-corners.json") + " --out " +
                (base / "dim").string() + " --quiet --seed 5")
                .exit_code == 0);
    const fs::path profile = relaxedCornerProfile(base);
    const fs::path csv = base / "cmp.csv";
    const auto r = cli("evaluate " + (base / "dim" / "report.json").string() + " --profile " +
                       profile.string() + " --out " + csv.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("4 verdict(s) changed"));
    // On screen: "->" in one display column on every row (the limits hold ± and …, several
    // bytes each), and the informative corner Δx/Δy figures marked "(i)" as certify marks them.
    {
        std::istringstream rows(r.output);
        std::vector<std::size_t> arrow;
        for (std::string l; std::getline(rows, l);) {
            if (const auto at = l.find(" -> "); at != std::string::npos) {
                arrow.push_back(cm::app::present::displayWidth(l.substr(0, at)));
            }
        }
        REQUIRE(arrow.size() == 19);
        for (std::size_t a : arrow) {
            CHECK(a == arrow.front());
        }
        CHECK_THAT(r.output, Catch::Contains("corner_TL_delta_x (i)"));
    }
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    int flipped = 0;
    while (std::getline(in, line)) {
        if (line.find(",yes,") != std::string::npos) {
            ++flipped;
            CHECK(line.find("corner_") != std::string::npos);
            CHECK(line.find("FAIL") < line.find("PASS"));
            // The corners sit at 75 % of centre: about 5 points inside the new 70 % bound.
            const double margin = std::stod(line.substr(line.rfind(',') + 1));
            CHECK(margin == Approx(5.0).margin(1.0));
        }
    }
    CHECK(flipped == 4);
    fs::remove_all(base);
}

TEST_CASE("evaluate --sessions over a journal, and bad input", "[evaluate][edge]") {
    const fs::path base = cm::test::freshDir("evaluate-sessions");
    fs::create_directories(base);
    const std::string db = (base / "j.db").string();
    for (const char* cfg : {"projector-reference.json", "projector-dim-corners.json"}) {
        REQUIRE(cli("certify --profile st431-1-review --simulate " + cm::test::virtualTheatre(cfg) +
                    " --out " + (base / cfg).string() + " --quiet --db " + db)
                    .exit_code == 0);
    }
    const auto r =
        cli("evaluate --sessions --db " + db + " --profile " + relaxedCornerProfile(base).string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output,
               Catch::Contains("4 verdict(s) changed"));  // only the dim-corner session flips
    CHECK(cli("evaluate --profile nope " + (base / "x.json").string()).exit_code == 2);
    CHECK(cli("evaluate --profile st431-1-review").exit_code == 2);
    fs::remove_all(base);
}

// SPDX-License-Identifier: Apache-2.0
// The English words of the LED wall evaluation's typed limits and notes, for the rules the DCI
// direct-view addendum sets (the refactor-guard golden file covers the DY/T 8 draft's).
#include "app/common/data_paths.h"
#include "app/common/imaging/wall_analysis.h"
#include "app/common/present/wall_text.h"

#include <catch2/catch.hpp>

using namespace cm;
using namespace cm::app::present;

TEST_CASE("wall text: the DCI DVD v1.2 limits worded from their typed values", "[wall][present]") {
    app::setDataDirOverride(CINEMEASURE_CALIBRATION_DIR);
    // DCI DVD addendum v1.2 Table 2: inter-module ±1.0 % (2 % up to 0.1 cd/m²), Δu'v' 0.001
    // (0.0025 up to 5 cd/m²), module boundary ±2.0 %, adjacent pixels ±4.0 %.
    const app::WallLimits dci =
        app::loadWallLimits(app::dataDir() / "led-walls" / "dci-dvd-1.2.json");
    using Rule = imaging::WallFigureLimit::Rule;
    imaging::WallFigureLimit step{Rule::AdjacentStep, 0.0, dci.max_step_pct,
                                  dci.low_level_max_step_pct, dci.low_level_below_cdm2};
    CHECK(wallLimitText(step) == "≤ 1.0 % (≤ 2.0 % at or below 0.10 cd/m²)");
    imaging::WallFigureLimit duv{Rule::DuvAdjacent, 0.0, dci.max_duv, dci.low_level_max_duv,
                                 dci.duv_low_level_below_cdm2};
    CHECK(wallLimitText(duv) == "≤ 0.0010 (≤ 0.0025 at or below 5.0 cd/m²)");
    CHECK(wallLimitText({Rule::SeamDepth, 0.0, dci.seam_threshold_pct}) == "|depth| < 2.0 %");
    CHECK(wallLimitText({Rule::AdjacentPixel, 0.0, dci.adjacent_max_pct}) == "within ±4.0 %");
    imaging::WallFigureLimit dead{Rule::DeadBelow};
    dead.ratio = dci.dead_below_ratio;
    CHECK(wallLimitText(dead) == "information (below 0.50 × module median)");
    dead.max_count = 3;
    CHECK(wallLimitText(dead) == "≤ 3 (below 0.50 × module median)");
    CHECK(wallLimitText({}).empty());
}

TEST_CASE("wall text: notes and sources from their kinds", "[wall][present]") {
    using Kind = imaging::WallFigureNote::Kind;
    imaging::WallFigureNote seams{Kind::SeamsBeyond, 2, 82, 2.0};
    CHECK(wallNoteText(seams) == "2 of 82 border segments beyond ±2.0 %");
    seams.has_worst = true;
    seams.worst_orientation = imaging::SeamOrientation::Vertical;
    seams.worst_line_px = 96;
    CHECK(wallNoteText(seams) ==
          "2 of 82 border segments beyond ±2.0 %; worst: column 96 (bright)");
    CHECK(wallNoteText({Kind::ModulesOutside, 1, 48}) == "1 of 48 modules outside");
    CHECK(wallNoteText({Kind::LedsBeyond, 7}) == "7 LEDs beyond the limit");
    CHECK(wallNoteText({}).empty());
    imaging::WallFigure f;
    f.source = "from the limits file";
    CHECK(wallSourceText(f) == "from the limits file");
    f.source_kind = imaging::WallFigureSource::AreaAverage;
    CHECK(wallSourceText(f) == "area average of all modules");
    // analysis.json: no limit is null, the note and the source are words.
    f.has_limit = false;
    f.note = {Kind::LedsBeyond, 7};
    const auto j = wallFigureJson(f);
    CHECK(j["limit"].is_null());
    CHECK(j["note"] == "7 LEDs beyond the limit");
    CHECK(j["source"] == "area average of all modules");
}

// SPDX-License-Identifier: Apache-2.0
// Every shipped profile loads and validates (a broken profile is a defect, caught here).
#include "app/common/profile_catalog.h"

#include <catch2/catch.hpp>

TEST_CASE("all shipped profiles validate and have unique ids", "[data]") {
    const auto all =
        cm::app::loadProfileDirectory(std::string(CINEMEASURE_CALIBRATION_DIR) + "/profiles");
    REQUIRE(all.size() >= 2);
    for (std::size_t i = 1; i < all.size(); ++i) {
        CHECK(all[i - 1].profile.id != all[i].profile.id);
    }
    for (const auto& e : all) {
        INFO(e.file);
        CHECK(e.file.stem() == e.profile.id);
        for (const auto& f : e.profile.figures) {
            CHECK_FALSE(f.tolerance.source.empty());
        }
    }
}

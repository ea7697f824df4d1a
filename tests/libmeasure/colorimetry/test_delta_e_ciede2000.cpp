// SPDX-License-Identifier: Apache-2.0
// CIEDE2000 against the full 34-pair table of Sharma, Wu & Dalal (2005), Color Res. Appl. 30(1).
#include "libmeasure/colorimetry/cielab.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

using namespace cm::colorimetry;

namespace {
constexpr double kPublishedTol = 1e-4;  // the table gives ΔE00 to 4 decimals
}

TEST_CASE("CIEDE2000 reproduces all 34 pairs of Sharma et al. (2005) to 1e-4",
          "[colorimetry][ciede2000]") {
    std::ifstream in(std::string(CINEMEASURE_TEST_DATA_DIR) + "/ciede2000_sharma2005.csv");
    REQUIRE(in);
    std::string line;
    std::getline(in, line);  // header
    int pairs = 0;
    while (std::getline(in, line)) {
        double v[8];
        char c;
        std::istringstream ls(line);
        ls >> v[0];
        for (int i = 1; i < 8; ++i) {
            ls >> c >> v[i];
        }
        REQUIRE(ls);
        INFO("pair " << v[0]);
        const Lab a{v[1], v[2], v[3]};
        const Lab b{v[4], v[5], v[6]};
        CHECK(deltaE2000(a, b) == Approx(v[7]).margin(kPublishedTol));
        CHECK(deltaE2000(b, a) == Approx(v[7]).margin(kPublishedTol));  // symmetric
        ++pairs;
    }
    CHECK(pairs == 34);
}

TEST_CASE("CIEDE2000 weights, identity and NaN", "[colorimetry][ciede2000][edge]") {
    const Lab p{50, 2.5, 0};
    CHECK(deltaE2000(p, p) == 0.0);
    // Pair 17 differs mostly in lightness: doubling kL must shrink it.
    const Lab q{73, 25, -18};
    CHECK(deltaE2000(p, q, {2, 1, 1}) < deltaE2000(p, q));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(std::isnan(deltaE2000({nan, 0, 0}, p)));
    // ΔE*ab of pair 17: sqrt(23² + 22.5² + 18²) = sqrt(1359.25) = 36.8680 (worked by hand).
    CHECK(deltaE1976(p, q) == Approx(36.8680).margin(1e-4));
}

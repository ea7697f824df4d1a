// SPDX-License-Identifier: Apache-2.0
// The fuzz corpus as ordinary tests: every seed plus deterministic mutations of it (bit flips,
// truncations, duplicated spans) must give a clean error or a result, never a crash or a hang.
#include "tests/fuzz/fuzz_targets.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace {

using Target = void (*)(const std::uint8_t*, std::size_t);

constexpr int kMutationsPerSeed = 300;

void runCorpus(const std::string& name, Target target) {
    const fs::path dir = fs::path(CINEMEASURE_FUZZ_CORPUS_DIR) / name;
    std::vector<fs::path> seeds;
    for (const auto& e : fs::directory_iterator(dir)) {
        seeds.push_back(e.path());
    }
    REQUIRE(!seeds.empty());
    std::mt19937_64 rng(20261125);
    for (const auto& seed : seeds) {
        std::ifstream in(seed, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string base = ss.str();
        INFO(seed.filename().string());
        auto call = [&](const std::string& s) {
            target(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
        };
        REQUIRE_NOTHROW(call(base));
        for (int m = 0; m < kMutationsPerSeed && !base.empty(); ++m) {
            std::string s = base;
            std::uniform_int_distribution<std::size_t> pos(0, s.size() - 1);
            switch (m % 4) {
                case 0:
                    s[pos(rng)] ^= static_cast<char>(1u << (rng() % 8));
                    break;
                case 1:
                    s.resize(pos(rng));
                    break;
                case 2: {
                    const std::size_t a = pos(rng);
                    s.insert(a, s.substr(pos(rng), 16));
                    break;
                }
                default:
                    s[pos(rng)] = "{}[],:\"0-e.\n"[rng() % 12];
                    break;
            }
            INFO("mutation " << m);
            REQUIRE_NOTHROW(call(s));
        }
    }
}

}  // namespace

TEST_CASE("fuzz corpus: profile JSON parser", "[fuzz]") {
    runCorpus("profile", cm::fuzz::profile);
}
TEST_CASE("fuzz corpus: virtual theatre config parser", "[fuzz]") {
    runCorpus("theatre", cm::fuzz::theatre);
}
TEST_CASE("fuzz corpus: report JSON reader", "[fuzz]") {
    runCorpus("report", cm::fuzz::report);
}
TEST_CASE("fuzz corpus: spectrum CSV parser", "[fuzz]") {
    runCorpus("spectrum_csv", cm::fuzz::spectrumCsv);
}
TEST_CASE("fuzz corpus: CGATS spectrum parser", "[fuzz]") {
    runCorpus("cgats", cm::fuzz::cgats);
}

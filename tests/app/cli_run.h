// SPDX-License-Identifier: Apache-2.0
// Test helper: run the cinemeasure binary with the shipped data and a private session database.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace cm::test {

struct Run {
    int exit_code;
    std::string output;  // stdout and stderr
};

/// A session database private to this test process, so parallel tests never share one.
inline std::filesystem::path privateDb() {
    static const std::filesystem::path db = [] {
        const auto p = std::filesystem::temp_directory_path() /
                       ("cinemeasure-test-" + std::to_string(::getpid()) + ".db");
        std::filesystem::remove(p);
        ::setenv("CINEMEASURE_DB", p.c_str(), 1);
        return p;
    }();
    return db;
}

inline Run cli(const std::string& args) {
    privateDb();
    // CINEMEASURE_TEST_CLI runs the same tests against another build (e.g. main's, to see a
    // regression test fail there).
    const char* other = std::getenv("CINEMEASURE_TEST_CLI");
    const std::string cmd = std::string(other && *other ? other : CINEMEASURE_CLI) +
                            " --data-dir " + CINEMEASURE_CALIBRATION_DIR + " " + args + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p) != nullptr) {
        out += buf;
    }
    const int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

inline std::filesystem::path freshDir(const std::string& name) {
    const auto d = std::filesystem::temp_directory_path() /
                   ("cinemeasure-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    return d;
}

inline nlohmann::json readJson(const std::filesystem::path& f) {
    std::ifstream in(f);
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

inline std::string readText(const std::filesystem::path& f) {
    std::ifstream in(f);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string virtualTheatre(const std::string& name) {
    return std::string(CINEMEASURE_CALIBRATION_DIR) + "/virtual/" + name;
}

}  // namespace cm::test

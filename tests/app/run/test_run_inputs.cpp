// SPDX-License-Identifier: Apache-2.0
// The per-input checks of a run description (app/common/run/run_inputs): what the GUI shows next
// to each field and what prepareRun refuses, field by field.
#include "app/common/run/run_inputs.h"
#include "app/common/run/run_session.h"

#include "../cli_run.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

using namespace cm;
using app::InputProblem;
using app::RunInput;

namespace {

app::RunDescription fieldRun() {
    app::RunDescription d;
    d.profile = "st431-1-theatre";
    d.instrument = "k10a";
    d.port = "/dev/ttyUSB0";
    d.site = "Cinema 3";
    d.auditorium = "Hall 7";
    d.operator_name = "A. Inspector";
    d.screen_width_m = 12.0;
    d.screen_height_m = 5.0;
    d.out_dir = std::filesystem::temp_directory_path().string();
    return d;
}

InputProblem problemOf(const app::RunDescription& d, RunInput input) {
    const auto issue = app::checkRunInput(d, input);
    REQUIRE(issue.has_value());
    CHECK(issue->input == input);
    return issue->problem;
}

}  // namespace

TEST_CASE("run inputs: a complete field run has no problem", "[run][inputs]") {
    CHECK(app::checkRunInputs(fieldRun()).empty());
}

TEST_CASE("run inputs: field runs need port, site, auditorium, operator and screen",
          "[run][inputs]") {
    app::RunDescription d = fieldRun();
    d.port = "";
    d.site = "  ";  // blanks are not a name
    d.auditorium.clear();
    d.operator_name = "\t";
    CHECK(problemOf(d, RunInput::Port) == InputProblem::Missing);
    CHECK(problemOf(d, RunInput::Site) == InputProblem::Missing);
    CHECK(problemOf(d, RunInput::Auditorium) == InputProblem::Missing);
    CHECK(problemOf(d, RunInput::Operator) == InputProblem::Missing);
    for (double bad : {0.0, -12.0, std::numeric_limits<double>::quiet_NaN()}) {
        app::RunDescription s = fieldRun();
        s.screen_width_m = bad;
        CHECK(problemOf(s, RunInput::Screen) == InputProblem::NotPositive);
        s = fieldRun();
        s.screen_height_m = bad;
        CHECK(problemOf(s, RunInput::Screen) == InputProblem::NotPositive);
    }
    // All of them, in the order of the form.
    const auto all = app::checkRunInputs(d);
    REQUIRE(all.size() == 4);
    CHECK(all[0].input == RunInput::Port);
    CHECK(all[3].input == RunInput::Operator);
}

TEST_CASE("run inputs: a simulation needs no site, operator, screen or port", "[run][inputs]") {
    app::RunDescription d = fieldRun();
    d.port.clear();
    d.simulate = "projector-reference.json";
    d.site.clear();
    d.auditorium.clear();
    d.operator_name.clear();
    d.screen_width_m = 0.0;
    CHECK(app::checkRunInputs(d).empty());
    d.port = "/dev/ttyUSB0";
    CHECK(problemOf(d, RunInput::Port) == InputProblem::BothSources);
}

TEST_CASE("run inputs: the correction file must exist and be a readable file", "[run][inputs]") {
    const std::filesystem::path dir = test::freshDir("run-inputs-corr");
    std::filesystem::create_directories(dir);
    app::RunDescription d = fieldRun();
    d.correction_file = "";  // optional
    CHECK_FALSE(app::checkRunInput(d, RunInput::CorrectionFile));
    d.correction_file = (dir / "missing.json").string();
    CHECK(problemOf(d, RunInput::CorrectionFile) == InputProblem::NoSuchFile);
    CHECK(app::checkRunInput(d, RunInput::CorrectionFile)->path == d.correction_file);
    d.correction_file = dir.string();
    CHECK(problemOf(d, RunInput::CorrectionFile) == InputProblem::NotAFile);
    d.correction_file = (dir / "c.json").string();
    std::ofstream(d.correction_file) << "{}";
    CHECK_FALSE(app::checkRunInput(d, RunInput::CorrectionFile));
    std::filesystem::remove_all(dir);
}

TEST_CASE("run inputs: the report folder, or the folder it would be made in, must be writable",
          "[run][inputs]") {
    const std::filesystem::path dir = test::freshDir("run-inputs-out");
    std::filesystem::create_directories(dir);
    app::RunDescription d = fieldRun();
    d.out_dir = "";
    CHECK(problemOf(d, RunInput::OutDir) == InputProblem::Missing);
    // Not there yet: made under a writable folder when the run starts.
    d.out_dir = (dir / "cinema3" / "hall7").string();
    CHECK_FALSE(app::checkRunInput(d, RunInput::OutDir));
    // A file where a folder must be (as root too, unlike permission bits).
    std::ofstream(dir / "file") << "x";
    d.out_dir = (dir / "file" / "reports").string();
    CHECK(problemOf(d, RunInput::OutDir) == InputProblem::NotADirectory);
    CHECK(app::checkRunInput(d, RunInput::OutDir)->path == (dir / "file").string());
    d.out_dir = (dir / "file").string();
    CHECK(problemOf(d, RunInput::OutDir) == InputProblem::NotADirectory);
    std::filesystem::remove_all(dir);
}

TEST_CASE("run inputs: prepareRun refuses what the per-input check refuses", "[run][inputs]") {
    app::RunDescription d = fieldRun();
    d.operator_name.clear();
    CHECK_THROWS_AS(app::prepareRun(d), app::RunInputError);
    CHECK_THROWS_WITH(app::prepareRun(d), Catch::Contains("--operator"));
    d = fieldRun();
    const std::filesystem::path dir = test::freshDir("run-inputs-prep");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "file") << "x";
    d.out_dir = (dir / "file" / "out").string();
    // An unusable report folder is an output problem (exit code 4), not an input one.
    CHECK_THROWS_AS(app::prepareRun(d), errors::StorageError);
    CHECK_THROWS_WITH(app::prepareRun(d), Catch::Contains("is not a directory"));
    std::filesystem::remove_all(dir);
}

// SPDX-License-Identifier: Apache-2.0
// The PDF report opens (poppler's pdftotext reads it) and holds every section an inspector signs.
#include "cli_run.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

TEST_CASE("PDF report: every section present, figures with limits and verdicts", "[report][pdf]") {
    const fs::path out = cm::test::freshDir("pdf");
    REQUIRE(cm::test::cli("certify --profile st431-1-review --simulate " +
                          cm::test::virtualTheatre("projector-dim-corners.json") + " --out " +
                          out.string() +
                          " --quiet --operator 'Ada Inspector' --site 'Cinema Paradiso'" +
                          " --note 'Lamp at 1200 h, port glass cleaned'")
                .exit_code == 0);
    const fs::path txt = out / "report.txt";
    REQUIRE(std::system(("pdftotext -layout " + (out / "report.pdf").string() + " " + txt.string())
                            .c_str()) == 0);
    std::ifstream in(txt);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string t = ss.str();
    for (const char* s : {"Screen certification report",
                          "SMPTE ST 431-1",
                          "Cinema Paradiso",
                          "Ada Inspector",
                          "Virtual spot meter",
                          "serial VSM-",
                          "Decision rule",
                          "simple acceptance",
                          "Overall verdict: FAIL",
                          "Figures",
                          "Top left corner, % of centre",
                          "80 … 90",
                          "FAIL",
                          "Table 1",
                          "Readings",
                          "Charts",
                          "CIE 1931 xy",
                          // The caption says what is drawn: dots in each stimulus's colour
                          // (it said "measured (red)" under a black dot).
                          "measured (dots;",
                          "Luminance over the screen",
                          "Signature",
                          "cinemeasure 0.1.0 (git"}) {
        INFO(s);
        CHECK(t.find(s) != std::string::npos);
    }
    fs::remove_all(out);
}

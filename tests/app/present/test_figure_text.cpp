// SPDX-License-Identifier: Apache-2.0
// The one figure formatter: decimals from U and the limit for every unit, limits, verdict words,
// the HDR black case of issue 18, and the chart data the PDF and GUI share.
#include "app/common/present/chart_data.h"
#include "app/common/present/figure_text.h"
#include "app/common/present/instrument_text.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace cm;
using namespace cm::app::present;

namespace {

evaluation::FigureResult figure(const std::string& unit, double value, double U,
                                evaluation::Tolerance t,
                                evaluation::Verdict v = evaluation::Verdict::Pass) {
    evaluation::FigureResult f;
    f.spec.id = "f";
    f.spec.label = "Figure";
    f.spec.unit = unit;
    f.spec.tolerance = std::move(t);
    f.value = value;
    f.expanded_uncertainty = U;
    f.verdict = v;
    return f;
}

evaluation::Tolerance atMost(double u) {
    evaluation::Tolerance t;
    t.upper = u;
    return t;
}
evaluation::Tolerance atLeast(double l) {
    evaluation::Tolerance t;
    t.lower = l;
    return t;
}
evaluation::Tolerance plusMinus(double c, double pm) {
    evaluation::Tolerance t;
    t.target = c;
    t.lower = c - pm;
    t.upper = c + pm;
    return t;
}

}  // namespace

TEST_CASE("HDR minimum black: value and U as fine as the limit (issue 18)", "[present]") {
    // dci-hdr-projector-theatre: 0.00543 ± 0.00006 cd/m² against ≤ 0.005 — was "0.01 ± 0.00".
    const auto t = formatFigure(
        figure("cd/m2", 0.005431, 0.0000612, atMost(0.005), evaluation::Verdict::Fail));
    CHECK(t.value == "0.00543");
    CHECK(t.uncertainty == "0.00006");
    CHECK(t.value_u == "0.00543 ± 0.00006 cd/m²");
    CHECK(t.limit == "≤ 0.005 cd/m²");
    CHECK(t.verdict == "FAIL");
    CHECK(t.value_fl == "(0.00159 fL)");
}

TEST_CASE("Every unit: decimals follow U, never coarser than the limit", "[present]") {
    SECTION("cd/m² peak white: U 0.61 → one decimal") {
        const auto t = formatFigure(figure("cd/m2", 48.03, 0.61, plusMinus(48, 3.5)));
        CHECK(t.value_u == "48.0 ± 0.6 cd/m²");
        CHECK(t.limit == "48 ± 3.5 cd/m²");
    }
    SECTION("cd/m² with U starting with 1 keeps two digits") {
        const auto t = formatFigure(figure("cd/m2", 299.62, 1.43, plusMinus(299.6, 30)));
        CHECK(t.value_u == "299.6 ± 1.4 cd/m²");
    }
    SECTION("black at 0.01 limit: value to 0.001 at least") {
        const auto t = formatFigure(figure("cd/m2", 0.0123, 0.0004, atLeast(0.01)));
        CHECK(t.value_u == "0.0123 ± 0.0004 cd/m²");
        CHECK(t.limit == "≥ 0.01 cd/m²");
    }
    SECTION("percent") {
        const auto t = formatFigure(figure("%", 84.27, 1.9, {}));
        CHECK(t.value_u == "84.3 ± 1.9 %");
        CHECK(t.limit == "no limit");
        evaluation::Tolerance range;
        range.lower = 80;
        range.upper = 90;
        CHECK(limitText(range, "%") == "80 … 90 %");
    }
    SECTION("ratio: integer and ':1'") {
        const auto t = formatFigure(figure("ratio", 1843.4, 62.0, atLeast(1200)));
        CHECK(t.value_u == "1843:1 ± 62");
        CHECK(t.limit == "≥ 1200:1");
    }
    SECTION("xy: four decimals even with a large U") {
        const auto t = formatFigure(figure("xy", 0.31412, 0.0021, plusMinus(0.314, 0.006)));
        CHECK(t.value_u == "0.3141 ± 0.0021");
        CHECK(t.limit == "0.314 ± 0.006");
    }
    SECTION("u'v' with an asymmetric limit") {
        evaluation::Tolerance t;
        t.target = 0.0;
        t.lower = -0.003;
        t.upper = 0.01;
        const auto f = formatFigure(figure("u'v'", 0.00412, 0.00031, t));
        CHECK(f.value_u == "0.0041 ± 0.0003");  // U 3e-4: one digit; limit needs 3 decimals
        CHECK(f.limit == "0 +0.01/−0.003");
    }
    SECTION("exponent (gamma)") {
        const auto t = formatFigure(figure("exponent", 2.6034, 0.0152, plusMinus(2.6, 0.13)));
        CHECK(t.value_u == "2.603 ± 0.015");
        CHECK(t.limit == "2.6 ± 0.13");
    }
    SECTION("no U: three significant digits") {
        const auto t = formatFigure(figure("cd/m2", 0.005431, 0.0, atMost(0.005)));
        CHECK(t.value_u == "0.00543 cd/m²");
        CHECK(t.uncertainty.empty());
    }
    SECTION("not measured") {
        const auto t = formatFigure(
            figure("cd/m2", NAN, 0.0, atMost(0.005), evaluation::Verdict::NotEvaluated));
        CHECK(t.value_u == "—");
        CHECK(t.verdict == "NOT EVALUATED");
    }
    SECTION("negative zero is zero") {
        CHECK(formatFixed(-0.00001, 3) == "0.000");
        CHECK(formatFixed(INFINITY, 3) == "—");
    }
}

TEST_CASE("Informative figures read 'info', not PASS, verdicts in Chinese", "[present]") {
    auto t = atLeast(0);
    t.informative = true;
    const auto f = formatFigure(figure("%", 3.2, 0.4, t));
    CHECK(f.verdict == "info");
    CHECK(f.label == "Figure (i)");
    CHECK(verdictWord(evaluation::Verdict::Pass, false, Lang::ZhCN) == "合格");
    CHECK(verdictWord(evaluation::Verdict::Fail, false, Lang::ZhCN) == "不合格");
    CHECK(verdictWord(evaluation::Verdict::Pass, true, Lang::ZhCN) == "参考");
    CHECK(parseLang("zh_CN") == Lang::ZhCN);
    CHECK_THROWS_AS(parseLang("xx"), std::invalid_argument);
    procedure::FigureSpec s;
    s.label = "Centre luminance";
    CHECK(figureLabel(s, Lang::ZhCN) == "中心亮度");
    s.label = "Unknown label";
    CHECK(figureLabel(s, Lang::ZhCN) == "Unknown label");
}

TEST_CASE("Instrument line prints only what is known", "[present]") {
    CHECK(instrumentLine(nlohmann::json{{"family", ""},
                                        {"model", ""},
                                        {"serial", ""},
                                        {"firmware", ""},
                                        {"acceptance_angle_deg", 0.0}})
              .empty());
    CHECK(instrumentLine({{"model", "PR-670"},
                          {"serial", "6701234"},
                          {"firmware", ""},
                          {"acceptance_angle_deg", 1.0},
                          {"calibration_date", "2026-03-01"},
                          {"certificate_id", "C-77"}}) ==
          "PR-670, serial 6701234, 1.0° field, calibration date 2026-03-01, certificate id C-77");
}

TEST_CASE("Chromaticity targets: each step its own box (white is not the blue box)",
          "[present][charts]") {
    report::CertificationReport r;
    procedure::Step white, blue;
    white.id = "white";
    white.stimulus = "white";
    blue.id = "blue";
    blue.stimulus = "blue";
    r.profile.steps = {white, blue};
    auto fig = [](const std::string& step, const std::string& metric, double target, double v) {
        evaluation::FigureResult f;
        f.spec.step = step;
        f.spec.point = "C";
        f.spec.metric = metric;
        f.spec.unit = "xy";
        f.spec.tolerance = plusMinus(target, 0.006);
        f.value = v;
        f.verdict = evaluation::Verdict::Pass;
        return f;
    };
    r.evaluation.figures = {
        fig("white", "chromaticity_x", 0.314, 0.315), fig("white", "chromaticity_y", 0.351, 0.350),
        fig("blue", "chromaticity_x", 0.150, 0.151), fig("blue", "chromaticity_y", 0.060, 0.061)};
    const auto ts = chromaticityTargets(r);
    REQUIRE(ts.size() == 2);
    CHECK(ts[0].step == "white");
    CHECK(ts[0].x == Approx(0.314));
    CHECK(ts[0].y == Approx(0.351));
    CHECK_FALSE(ts[0].isPrimary());
    CHECK(ts[1].step == "blue");
    CHECK(ts[1].isPrimary());
    CHECK(ts[1].xlo == Approx(0.144));
}

TEST_CASE("Per-point means and multi-point steps", "[present][charts]") {
    report::CertificationReport r;
    for (const char* id : {"C", "TL", "TR"}) {
        geometry::MeasurementPoint p;
        p.id = id;
        r.points.push_back(p);
    }
    auto reading = [](const std::string& step, const std::string& pt, double Y) {
        procedure::RecordedReading rr;
        rr.step_id = step;
        rr.point_id = pt;
        rr.reading.xyz_cdm2 = {Y * 0.95, Y, Y * 1.09};
        return rr;
    };
    r.readings = {reading("white", "C", 48), reading("white", "C", 50), reading("white", "TL", 40),
                  reading("white", "TR", 42), reading("red", "C", 10)};
    const auto m = pointMeans(r, "white");
    REQUIRE(m.size() == 3);
    CHECK(m[0].luminance_cdm2 == Approx(49.0));
    CHECK(m[0].n == 2);
    CHECK(multiPointSteps(r) == std::vector<std::string>{"white"});
    // RP 431-2: one-point steps and the checkerboard's patches get no map (was one solid
    // rectangle from the first step's single reading).
    procedure::Step board;
    board.id = "checkerboard";
    board.stimulus = "checkerboard";
    r.profile.steps = {board};
    r.readings = {reading("red", "C", 10), reading("checkerboard", "C", 40),
                  reading("checkerboard", "TL", 0.3), reading("checkerboard", "TR", 40)};
    CHECK(multiPointSteps(r).empty());
}

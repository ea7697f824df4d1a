// SPDX-License-Identifier: Apache-2.0
// English wording of the LED wall evaluation's typed limits, notes, sources and verdict.
#include "app/common/present/wall_text.h"

#include "app/common/present/figure_text.h"

#include <cmath>
#include <cstdio>

namespace cm::app::present {

namespace {

using Json = nlohmann::ordered_json;
using Rule = imaging::WallFigureLimit::Rule;
using Note = imaging::WallFigureNote::Kind;

std::string fmt(double v, int digits) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", digits, v);
    return b;
}

bool isCount(const imaging::WallFigure& figure) {
    return figure.unit == "LEDs" || figure.unit == "cells";
}

/// NaN and infinities (not measured) are null.
Json num(double v) {
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& n : v) {
        s += (s.empty() ? "" : "; ") + n;
    }
    return s;
}

/// The figures' names for a list of their ids (`failed`, `informative_failed`).
std::string joinedNames(const imaging::WallEvaluation& e, const std::vector<std::string>& ids) {
    return joined(wallFigureNames(e, ids));
}

std::string countLimit(const imaging::WallFigureLimit& l, const char* side) {
    return (l.max_count ? "≤ " + std::to_string(*l.max_count) : std::string("information")) + " (" +
           side + " " + fmt(l.ratio, 2) + " × module median)";
}

}  // namespace

std::string wallLimitText(const imaging::WallFigureLimit& l) {
    switch (l.rule) {
        case Rule::None:
            return "";
        case Rule::RatioToWallMean:
            return fmt(l.min, 0) + "–" + fmt(l.max, 0) + " % of wall mean";
        case Rule::AdjacentStep:
            return "≤ " + fmt(l.max, 1) + " % (≤ " + fmt(l.low_level_max, 1) + " % at or below " +
                   fmt(l.low_level_below_cdm2, 2) + " cd/m²)";
        case Rule::DxyToWall:
            return "≤ " + fmt(l.max, 3);
        case Rule::DuvAdjacent:
            return "≤ " + fmt(l.max, 4) + " (≤ " + fmt(l.low_level_max, 4) + " at or below " +
                   fmt(l.low_level_below_cdm2, 1) + " cd/m²)";
        case Rule::SeamDepth:
            return "|depth| < " + fmt(l.max, 1) + " %";
        case Rule::DeadBelow:
            return countLimit(l, "below");
        case Rule::StuckAbove:
            return countLimit(l, "above");
        case Rule::AdjacentPixel:
            return "within ±" + fmt(l.max, 1) + " %";
        case Rule::NoSaturation:
            return "0";
    }
    return "";
}

std::string wallNoteText(const imaging::WallFigureNote& n) {
    switch (n.kind) {
        case Note::None:
            return "";
        case Note::ModulesOutside:
            return std::to_string(n.count) + " of " + std::to_string(n.of) + " modules outside";
        case Note::Monochrome:
            return "not measured: a monochrome camera gives luminance only";
        case Note::SeamsBeyond: {
            std::string s = std::to_string(n.count) + " of " + std::to_string(n.of) +
                            " border segments beyond ±" + fmt(n.threshold_pct, 1) + " %";
            if (n.has_worst) {
                s += std::string("; worst: ") +
                     (n.worst_orientation == imaging::SeamOrientation::Vertical ? "column "
                                                                                : "row ") +
                     std::to_string(n.worst_line_px) + " (" + (n.worst_dark ? "dark" : "bright") +
                     ")";
            }
            return s;
        }
        case Note::LedsBeyond:
            return std::to_string(n.count) + " LEDs beyond the limit";
        case Note::RetakeShorter:
            return "retake with a shorter exposure";
    }
    return "";
}

std::string wallSourceText(const imaging::WallFigure& f) {
    switch (f.source_kind) {
        case imaging::WallFigureSource::Limits:
            return f.source;
        case imaging::WallFigureSource::AreaAverage:
            return "area average of all modules";
        case imaging::WallFigureSource::MeasurementValidity:
            return "measurement validity: a cell that clipped the sensor has no known luminance";
    }
    return f.source;
}

std::string wallFigureName(const imaging::WallFigure& f) {
    // One name per rule: the rule says what the figure measures.
    switch (f.limit.rule) {
        case Rule::None:
            return "Wall mean luminance";
        case Rule::RatioToWallMean:
            return "Module luminance (worst module / wall mean)";
        case Rule::AdjacentStep:
            return "Module luminance (worst adjacent step)";
        case Rule::DxyToWall:
            return "Module chromaticity (worst |Δx|, |Δy|, CIE 1931)";
        case Rule::DuvAdjacent:
            return "Module chromaticity (worst adjacent Δu'v')";
        case Rule::SeamDepth:
            return "Seam lines (worst depth)";
        case Rule::DeadBelow:
            return "Dead LEDs";
        case Rule::StuckAbove:
            return "Stuck LEDs";
        case Rule::AdjacentPixel:
            return "Adjacent-pixel difference (worst LED)";
        case Rule::NoSaturation:
            return "Saturated LED cells";
    }
    return f.id;
}

std::vector<std::string> wallFigureNames(const imaging::WallEvaluation& e,
                                         const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) {
        const imaging::WallFigure* f = imaging::findFigure(e, id);
        out.push_back(f ? wallFigureName(*f) : id);
    }
    return out;
}

Json wallFigureJson(const imaging::WallFigure& f) {
    return {{"id", f.id},
            {"name", wallFigureName(f)},
            {"value", num(f.value)},
            {"U_k2", num(f.u_k2)},
            {"unit", f.unit},
            {"limit", f.has_limit ? Json(wallLimitText(f.limit)) : Json(nullptr)},
            {"measured", f.measured},
            {"verdict", !f.measured    ? "not measured"
                        : !f.has_limit ? "information"
                        : f.pass       ? "pass"
                                       : "fail"},
            {"source", wallSourceText(f)},
            {"provisional", f.provisional},
            {"deciding", f.deciding},
            {"note", wallNoteText(f.note)}};
}

std::string wallVerdictText(const imaging::WallEvaluation& e) {
    if (!e.failed.empty()) {
        return "FAIL (" + joinedNames(e, e.failed) + ")";
    }
    if (e.judged) {
        return "PASS";
    }
    return "NOT JUDGED — only draft limits (informative); --provisional binding to judge by them";
}

std::string wallInformativeText(const imaging::WallEvaluation& e) {
    return e.informative_failed.empty() ? ""
                                        : "draft limits (informative, not deciding) would fail: " +
                                              joinedNames(e, e.informative_failed);
}

std::string wallBindingWarning(const imaging::WallEvaluation& e) {
    return e.provisional_binding ? "WARNING: draft (provisional) limits decide this verdict "
                                   "(--provisional binding); they are not confirmed standard values"
                                 : "";
}

int wallValueDecimals(const imaging::WallFigure& figure) {
    if (isCount(figure)) {
        return 0;
    }
    return figure.unit == "%" ? 2 : figure.unit.empty() ? 4 : 3;
}

int wallUncertaintyDecimals(const imaging::WallFigure& figure) {
    return isCount(figure) ? 3 : wallValueDecimals(figure);
}

std::string wallValueText(const imaging::WallFigure& figure) {
    if (!figure.measured) {
        return "not measured";
    }
    std::string text = formatFixed(figure.value, wallValueDecimals(figure));
    if (figure.u_k2 > 0) {
        text += " ± " + formatFixed(figure.u_k2, wallUncertaintyDecimals(figure));
    }
    return figure.unit.empty() ? text : text + " " + figure.unit;
}

std::string wallVerdictWord(const imaging::WallFigure& figure) {
    return !figure.measured    ? ""
           : !figure.has_limit ? "information"
           : figure.pass       ? "pass"
           : figure.deciding   ? "FAIL"
                               : "would fail";
}

std::string wallProgressText(const WallProgress& step) {
    switch (step.kind) {
        case WallProgress::Kind::Camera:
            return "camera " + step.camera_model + " on " + step.port;
        case WallProgress::Kind::Reconnecting:
            return step.error + "; reconnecting to fetch the capture again";
        case WallProgress::Kind::Captured: {
            char line[240];
            std::snprintf(line, sizeof line, "%s: %s at %g s, ISO %g, f/%g: level %.2f",
                          step.stimulus.c_str(), step.file.c_str(), step.exposure_s, step.iso,
                          step.f_number, step.level);
            return line;
        }
        case WallProgress::Kind::Analysing:
            return "analysing";
    }
    return {};
}

}  // namespace cm::app::present

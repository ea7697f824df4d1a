// SPDX-License-Identifier: Apache-2.0
// Measurement-point layouts; ST 431-1 §4.2 insets both axes by a fraction of the screen width.
#include "libmeasure/geometry/point_layout.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace cm::geometry {

std::vector<std::string> knownLayouts() {
    return {"centre", "st431-5",  "st431-9",     "idms-5",
            "idms-9", "grid-NxM", "checker-4x4", "<layout>+<layout>"};
}

namespace {

struct Named {
    const char* id;
    const char* label;
    int col;  // -1 left, 0 centre, +1 right
    int row;  // -1 bottom, 0 centre, +1 top
};

constexpr Named kSt431[] = {
    {"C", "centre", 0, 0},
    {"L", "left side", -1, 0},
    {"R", "right side", 1, 0},
    {"T", "top side", 0, 1},
    {"B", "bottom side", 0, -1},
    {"TL", "top left corner", -1, 1},
    {"TR", "top right corner", 1, 1},
    {"BL", "bottom left corner", -1, -1},
    {"BR", "bottom right corner", 1, -1},
};

std::vector<MeasurementPoint> grid(int cols, int rows, const ScreenSize& s, double inset_m) {
    const double half_w = s.width_m / 2.0 - inset_m;
    const double half_h = s.height_m / 2.0 - inset_m;
    std::vector<MeasurementPoint> pts;
    for (int r = rows - 1; r >= 0; --r) {
        for (int c = 0; c < cols; ++c) {
            const double fx = cols == 1 ? 0.0 : -1.0 + 2.0 * c / (cols - 1);
            const double fy = rows == 1 ? 0.0 : -1.0 + 2.0 * r / (rows - 1);
            const std::string id = "r" + std::to_string(rows - r) + "c" + std::to_string(c + 1);
            pts.push_back({id,
                           "row " + std::to_string(rows - r) + ", column " + std::to_string(c + 1),
                           {fx * half_w, fy * half_h}});
        }
    }
    return pts;
}

}  // namespace

std::vector<MeasurementPoint> pointLayout(const std::string& layout, const ScreenSize& screen,
                                          double inset_fraction_of_width) {
    if (const auto plus = layout.find('+'); plus != std::string::npos) {
        // A union of layouts, e.g. "centre+checker-4x4"; later duplicates of an id are dropped.
        auto pts = pointLayout(layout.substr(0, plus), screen, inset_fraction_of_width);
        for (auto& p : pointLayout(layout.substr(plus + 1), screen, inset_fraction_of_width)) {
            const bool seen = std::any_of(pts.begin(), pts.end(),
                                          [&](const MeasurementPoint& q) { return q.id == p.id; });
            if (!seen) {
                pts.push_back(std::move(p));
            }
        }
        return pts;
    }
    if (layout == "checker-4x4") {
        // Patch centres of the RP 431-2 §7.6 4×4 checkerboard: K<row><col>, row 1 at the top.
        std::vector<MeasurementPoint> pts;
        for (int r = 1; r <= 4; ++r) {
            for (int c = 1; c <= 4; ++c) {
                const double u = -0.75 + 0.5 * (c - 1);
                const double v = 0.75 - 0.5 * (r - 1);
                pts.push_back({"K" + std::to_string(r) + std::to_string(c),
                               "checkerboard patch row " + std::to_string(r) + ", column " +
                                   std::to_string(c),
                               {u * screen.width_m / 2.0, v * screen.height_m / 2.0}});
            }
        }
        return pts;
    }
    if (!(screen.width_m > 0.0) || !(screen.height_m > 0.0)) {
        throw std::invalid_argument("screen width and height must be positive");
    }
    if (layout == "idms-5" || layout == "idms-9") {
        // ICDM IDMS §8.1 sampled uniformity: edge points 1/10 of the width (horizontally) and of
        // the height (vertically) in from the edges, unlike ST 431-1's width-only inset.
        const double hw = screen.width_m * 0.4;
        const double hh = screen.height_m * 0.4;
        std::vector<MeasurementPoint> pts;
        for (std::size_t i = 0; i < (layout == "idms-5" ? 5u : 9u); ++i) {
            const Named& n = kSt431[i];
            pts.push_back({n.id, n.label, {n.col * hw, n.row * hh}});
        }
        return pts;
    }
    if (!(inset_fraction_of_width >= 0.0) || inset_fraction_of_width >= 0.5) {
        throw std::invalid_argument("inset fraction of width must be in [0, 0.5)");
    }
    const double inset_m = inset_fraction_of_width * screen.width_m;
    if (inset_m >= screen.height_m / 2.0) {
        throw std::invalid_argument("inset of " + std::to_string(inset_m) +
                                    " m leaves no room on a screen " +
                                    std::to_string(screen.height_m) + " m high");
    }
    const double half_w = screen.width_m / 2.0 - inset_m;
    const double half_h = screen.height_m / 2.0 - inset_m;
    std::size_t count = 0;
    if (layout == "centre") {
        count = 1;
    } else if (layout == "st431-5") {
        count = 5;
    } else if (layout == "st431-9") {
        count = 9;
    } else {
        int cols = 0;
        int rows = 0;
        char tail = 0;
        if (std::sscanf(layout.c_str(), "grid-%dx%d%c", &cols, &rows, &tail) == 2 && cols >= 1 &&
            rows >= 1 && cols <= 15 && rows <= 15 && cols % 2 == 1 && rows % 2 == 1) {
            return grid(cols, rows, screen, inset_m);
        }
        throw std::invalid_argument("unknown point layout '" + layout +
                                    "' (known: centre, st431-5, st431-9, idms-5, idms-9, "
                                    "checker-4x4, grid-NxM with odd N, M)");
    }
    std::vector<MeasurementPoint> pts;
    for (std::size_t i = 0; i < count; ++i) {
        const Named& n = kSt431[i];
        pts.push_back({n.id, n.label, {n.col * half_w, n.row * half_h}});
    }
    return pts;
}

void to_json(nlohmann::json& j, const MeasurementPoint& p) {
    j = {{"id", p.id}, {"label", p.label}, {"x_m", p.position.x_m}, {"y_m", p.position.y_m}};
}

}  // namespace cm::geometry

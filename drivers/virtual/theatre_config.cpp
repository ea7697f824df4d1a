// SPDX-License-Identifier: Apache-2.0
// Validation of virtual theatre configs: unknown fields and out-of-range values are errors.
#include "drivers/virtual/theatre_config.h"

#include "drivers/virtual/spectral_model.h"

#include <cmath>

namespace cm::drivers::virt {

using util::JsonView;

const geometry::Seat* TheatreConfig::findSeat(const std::string& id) const {
    if (id == "reference" || id == reference_seat.id) {
        return &reference_seat;
    }
    for (const geometry::Seat& s : seats) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

namespace {

geometry::Seat parseSeat(const JsonView& j, const std::string& defaultId) {
    j.allowOnly({"id", "x_m", "distance_m", "eye_height_above_screen_centre_m"});
    geometry::Seat s;
    s.id = j.stringOr("id", defaultId);
    s.x_m = j.has("x_m") ? j.at("x_m").number(-100, 100) : 0.0;
    s.distance_m = j.at("distance_m").number(0.5, 200);
    s.eye_height_above_screen_centre_m =
        j.has("eye_height_above_screen_centre_m")
            ? j.at("eye_height_above_screen_centre_m").number(-50, 50)
            : 0.0;
    return s;
}

StimulusField parseStimulus(const JsonView& j) {
    j.allowOnly({"centre_cdm2", "x", "y", "edge_h_pct", "edge_v_pct", "corner_pct", "corner_dx",
                 "corner_dy"});
    StimulusField f;
    f.centre_cdm2 = j.at("centre_cdm2").number(0.0, 1e5);
    f.centre_xy = {j.at("x").number(0.0, 1.0), j.at("y").number(0.001, 1.0)};
    if (f.centre_xy.x + f.centre_xy.y > 1.0) {
        j.fail("x + y must not exceed 1");
    }
    auto pct = [&](const char* k) { return j.has(k) ? j.at(k).number(0.0, 200.0) : 100.0; };
    f.shape.edge_h_pct = pct("edge_h_pct");
    f.shape.edge_v_pct = pct("edge_v_pct");
    f.shape.corner_pct = pct("corner_pct");
    f.shape.corner_dx = j.has("corner_dx") ? j.at("corner_dx").number(-0.2, 0.2) : 0.0;
    f.shape.corner_dy = j.has("corner_dy") ? j.at("corner_dy").number(-0.2, 0.2) : 0.0;
    return f;
}

LedLayout parseLed(const JsonView& j) {
    j.allowOnly({"pixel_pitch_mm", "module_px", "cabinet_modules", "module_gain_spread_pct",
                 "wall_seed", "dead_pixels", "seams", "off_axis"});
    LedLayout l;
    l.pixel_pitch_mm = j.at("pixel_pitch_mm").number(0.1, 50);
    auto pair = [](const JsonView& v, long long lo, long long hi) {
        auto e = v.elements();
        if (e.size() != 2) {
            v.fail("expected [width, height]");
        }
        return std::pair<int, int>(static_cast<int>(e[0].integer(lo, hi)),
                                   static_cast<int>(e[1].integer(lo, hi)));
    };
    std::tie(l.module_w_px, l.module_h_px) = pair(j.at("module_px"), 8, 4096);
    std::tie(l.cabinet_w_modules, l.cabinet_h_modules) = pair(j.at("cabinet_modules"), 1, 64);
    l.module_gain_spread_pct =
        j.has("module_gain_spread_pct") ? j.at("module_gain_spread_pct").number(0, 50) : 0.0;
    l.wall_seed = j.has("wall_seed")
                      ? static_cast<std::uint64_t>(j.at("wall_seed").integer(0, 1LL << 53))
                      : 1;
    if (auto d = j.find("dead_pixels")) {
        for (const JsonView& p : d->elements()) {
            p.allowOnly({"x_px", "y_px", "level"});
            l.dead_pixels.push_back({static_cast<int>(p.at("x_px").integer(0, 1 << 20)),
                                     static_cast<int>(p.at("y_px").integer(0, 1 << 20)),
                                     p.has("level") ? p.at("level").number(0, 1) : 0.0});
        }
    }
    if (auto seams = j.find("seams")) {
        for (const JsonView& sj : seams->elements()) {
            sj.allowOnly({"orientation", "border", "gain_pct", "span"});
            SeamSpec s;
            s.vertical = sj.at("orientation").oneOf({"vertical", "horizontal"}) == "vertical";
            s.border = static_cast<int>(sj.at("border").integer(1, 4096));
            s.gain_pct = sj.at("gain_pct").number(-100, 200);
            if (auto span = sj.find("span")) {
                auto e = span->elements();
                if (e.size() != 2) {
                    span->fail("expected [first module, last module]");
                }
                s.first_segment = static_cast<int>(e[0].integer(0, 4096));
                s.last_segment = static_cast<int>(e[1].integer(s.first_segment, 4096));
            }
            l.seams.push_back(s);
        }
    }
    if (auto o = j.find("off_axis")) {
        o->allowOnly({"h_loss_pct_at_60deg", "v_loss_pct_at_35deg", "delta_uv_at_60deg"});
        l.off_axis_h_loss_pct_at_60deg = o->numberOr("h_loss_pct_at_60deg", 0.0);
        l.off_axis_v_loss_pct_at_35deg = o->numberOr("v_loss_pct_at_35deg", 0.0);
        l.off_axis_delta_uv_at_60deg = o->numberOr("delta_uv_at_60deg", 0.0);
    }
    return l;
}

}  // namespace

TheatreConfig parseTheatreConfig(const JsonView& root) {
    root.allowOnly({"schema", "version", "name", "description", "screen", "seating", "stimuli",
                    "ambient_cdm2", "gamma", "transfer", "eotf_error_pct", "checkerboard_flare_pct",
                    "led", "glasses", "noise", "spectral_primaries"});
    if (root.string("schema") != "cinemeasure-virtual-theatre") {
        root.at("schema").fail("expected \"cinemeasure-virtual-theatre\"");
    }
    root.at("version").integer(1, 1);
    TheatreConfig c;
    c.source = root.source();
    c.name = root.string("name");
    c.description = root.stringOr("description", "");
    {
        JsonView s = root.at("screen");
        s.allowOnly({"type", "width_m", "height_m"});
        c.screen_type = s.at("type").oneOf({"projector", "led"});
        c.screen.width_m = s.at("width_m").number(0.5, 100);
        c.screen.height_m = s.at("height_m").number(0.3, 60);
    }
    {
        JsonView s = root.at("seating");
        s.allowOnly({"reference_seat", "seats"});
        c.reference_seat = parseSeat(s.at("reference_seat"), "reference");
        if (auto others = s.find("seats")) {
            for (const JsonView& o : others->elements()) {
                c.seats.push_back(parseSeat(o, ""));
                if (c.seats.back().id.empty()) {
                    o.fail("each additional seat needs an id");
                }
            }
        }
    }
    for (const auto& [name, v] : root.at("stimuli").members()) {
        c.stimuli[name] = parseStimulus(v);
    }
    for (const char* required : {"white", "black"}) {
        if (!c.stimuli.count(required)) {
            root.at("stimuli").fail(std::string("missing required stimulus '") + required + "'");
        }
    }
    c.ambient_cdm2 = root.has("ambient_cdm2") ? root.at("ambient_cdm2").number(0, 100) : 0.0;
    c.gamma = root.has("gamma") ? root.at("gamma").number(1.0, 4.0) : 2.6;
    if (root.has("transfer")) {
        c.transfer = root.at("transfer").oneOf({"dci-gamma", "pq"});
    }
    c.spectral_primaries =
        root.has("spectral_primaries")
            ? root.at("spectral_primaries").oneOf({"laser-rgb", "led-rgb", "xenon"})
            : defaultPrimarySet(c.screen_type);
    c.eotf_error_pct =
        root.has("eotf_error_pct") ? root.at("eotf_error_pct").number(-90, 900) : 0.0;
    c.checkerboard_flare_pct =
        root.has("checkerboard_flare_pct") ? root.at("checkerboard_flare_pct").number(0, 50) : 0.0;
    if (c.screen_type == "led") {
        c.led = parseLed(root.at("led"));
        // Seams and defects must lie on the wall the screen size and module size describe.
        const JsonView lj = root.at("led");
        const int wallW =
            static_cast<int>(std::lround(c.screen.width_m * 1000.0 / c.led->pixel_pitch_mm));
        const int wallH =
            static_cast<int>(std::lround(c.screen.height_m * 1000.0 / c.led->pixel_pitch_mm));
        const int across = wallW / c.led->module_w_px;
        const int down = wallH / c.led->module_h_px;
        for (std::size_t i = 0; i < c.led->seams.size(); ++i) {
            const SeamSpec& s = c.led->seams[i];
            const int count = s.vertical ? across : down;
            const int along = s.vertical ? down : across;
            if (s.border >= count || s.last_segment >= along) {
                lj.at("seams").elements()[i].fail("border must be 1.." + std::to_string(count - 1) +
                                                  " and span within 0.." +
                                                  std::to_string(along - 1) + " on this wall");
            }
        }
        for (std::size_t i = 0; i < c.led->dead_pixels.size(); ++i) {
            const DeadPixel& d = c.led->dead_pixels[i];
            if (d.x_px >= wallW || d.y_px >= wallH) {
                lj.at("dead_pixels")
                    .elements()[i]
                    .fail("pixel outside the " + std::to_string(wallW) + " × " +
                          std::to_string(wallH) + " wall");
            }
        }
    } else if (root.has("led")) {
        root.at("led").fail("only a screen of type \"led\" has an led section");
    }
    if (auto g = root.find("glasses")) {
        g->allowOnly(
            {"transmission_left", "transmission_right", "leak_left_pct", "leak_right_pct"});
        c.glasses.transmission_left = g->at("transmission_left").number(0.01, 1.0);
        c.glasses.transmission_right = g->at("transmission_right").number(0.01, 1.0);
        c.glasses.leak_left_pct =
            g->has("leak_left_pct") ? g->at("leak_left_pct").number(0, 100) : 0.0;
        c.glasses.leak_right_pct =
            g->has("leak_right_pct") ? g->at("leak_right_pct").number(0, 100) : 0.0;
    }
    if (auto n = root.find("noise")) {
        n->allowOnly({"luminance_rel_pct", "luminance_abs_cdm2", "chromaticity_xy", "seed"});
        c.noise.luminance_rel_pct =
            n->has("luminance_rel_pct") ? n->at("luminance_rel_pct").number(0, 50) : 0.0;
        c.noise.luminance_abs_cdm2 =
            n->has("luminance_abs_cdm2") ? n->at("luminance_abs_cdm2").number(0, 10) : 0.0;
        c.noise.chromaticity_xy =
            n->has("chromaticity_xy") ? n->at("chromaticity_xy").number(0, 0.1) : 0.0;
        c.noise.seed =
            n->has("seed") ? static_cast<std::uint64_t>(n->at("seed").integer(0, 1LL << 53)) : 1;
    }
    return c;
}

}  // namespace cm::drivers::virt

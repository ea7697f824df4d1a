// Validation of profile documents: every field checked, every cross-reference resolved.
#include "libmeasure/procedure/profile.h"

#include "libmeasure/evaluation/metric_registry.h"

#include <algorithm>
#include <set>

namespace cm::procedure {

using util::JsonView;

const Step* Profile::findStep(const std::string& step_id) const {
    for (const Step& s : steps) {
        if (s.id == step_id) {
            return &s;
        }
    }
    return nullptr;
}

namespace {

evaluation::Tolerance parseTolerance(const JsonView& j) {
    j.allowOnly({"target", "plus_minus", "plus", "minus", "min", "max", "source", "provisional",
                 "informative"});
    evaluation::Tolerance t;
    t.source = j.string("source");
    t.provisional = j.booleanOr("provisional", false);
    t.informative = j.booleanOr("informative", false);
    const bool hasTarget = j.has("target");
    const bool hasPm = j.has("plus_minus");
    const bool hasPlus = j.has("plus") || j.has("minus");
    const bool hasBounds = j.has("min") || j.has("max");
    if (hasTarget) {
        t.target = j.number("target");
    }
    if (hasPm && hasPlus) {
        j.fail("give either plus_minus or plus/minus, not both");
    }
    if ((hasPm || hasPlus) && !hasTarget) {
        j.fail("plus_minus/plus/minus need a target");
    }
    if ((hasPm || hasPlus) && hasBounds) {
        j.fail("give either target with plus_minus/plus/minus, or min/max, not both");
    }
    if (hasPm) {
        const double pm = j.at("plus_minus").number(0.0, 1e12);
        t.lower = *t.target - pm;
        t.upper = *t.target + pm;
    } else if (hasPlus) {
        const double plus = j.at("plus").number(0.0, 1e12);
        const double minus = j.at("minus").number(0.0, 1e12);
        t.lower = *t.target - minus;
        t.upper = *t.target + plus;
    } else if (hasBounds) {
        if (j.has("min")) {
            t.lower = j.number("min");
        }
        if (j.has("max")) {
            t.upper = j.number("max");
        }
        if (t.lower && t.upper && *t.lower > *t.upper) {
            j.fail("inconsistent tolerance: min is greater than max");
        }
        if (t.target && ((t.lower && *t.target < *t.lower) || (t.upper && *t.target > *t.upper))) {
            j.fail("inconsistent tolerance: target lies outside min/max");
        }
    } else {
        j.fail("expected target with plus_minus (or plus and minus), or min and/or max");
    }
    return t;
}

Step parseStep(const JsonView& j) {
    j.allowOnly({"id", "stimulus", "code_xyz", "eyewear", "points", "repeats", "instruction"});
    Step s;
    s.id = j.string("id");
    s.stimulus = j.string("stimulus");
    if (auto c = j.find("code_xyz")) {
        auto e = c->elements();
        if (e.size() != 3) {
            c->fail("expected three 12-bit code values [X', Y', Z']");
        }
        s.code_xyz = std::array<int, 3>{static_cast<int>(e[0].integer(0, 4095)),
                                        static_cast<int>(e[1].integer(0, 4095)),
                                        static_cast<int>(e[2].integer(0, 4095))};
    }
    if (auto e = j.find("eyewear")) {
        s.eyewear = e->oneOf({"none", "left", "right"});
    }
    for (const JsonView& p : j.at("points").elements()) {
        s.points.push_back(p.string());
    }
    if (s.points.empty()) {
        j.at("points").fail("a step needs at least one point");
    }
    if (auto r = j.find("repeats")) {
        s.repeats = static_cast<int>(r->integer(1, 100));
    }
    s.instruction = j.stringOr("instruction", "");
    return s;
}

}  // namespace

Profile parseProfile(const JsonView& root) {
    root.allowOnly({"schema", "version", "id", "title", "standard", "room_class", "dynamic_range",
                    "stereo", "display_type", "provisional", "notes", "instrument", "geometry",
                    "steps", "figures"});
    if (root.string("schema") != "cinemeasure-profile") {
        root.at("schema").fail("expected \"cinemeasure-profile\"");
    }
    Profile p;
    p.version = static_cast<int>(root.at("version").integer(1, 1));
    p.id = root.string("id");
    p.title = root.string("title");
    {
        JsonView s = root.at("standard");
        s.allowOnly({"name", "edition"});
        p.standard = {s.string("name"), s.string("edition")};
    }
    p.room_class = root.at("room_class").oneOf({"nominal", "review_room", "theatre"});
    p.dynamic_range = root.at("dynamic_range").oneOf({"SDR", "HDR"});
    p.stereo = root.at("stereo").oneOf({"2D", "3D"});
    p.display_type = root.at("display_type").oneOf({"projector", "led"});
    p.provisional = root.booleanOr("provisional", false);
    p.notes = root.stringOr("notes", "");
    {
        JsonView i = root.at("instrument");
        i.allowOnly({"max_acceptance_angle_deg", "min_luminance_cdm2", "spectral", "source"});
        p.instrument.max_acceptance_angle_deg = i.at("max_acceptance_angle_deg").number(0.01, 90);
        p.instrument.min_luminance_cdm2 = i.numberOr("min_luminance_cdm2", 0.0);
        p.instrument.spectral = i.booleanOr("spectral", false);
        p.instrument.source = i.string("source");
    }
    {
        JsonView g = root.at("geometry");
        g.allowOnly({"seat", "layout", "inset_fraction_of_width", "source"});
        p.geometry.seat = g.stringOr("seat", "reference");
        p.geometry.layout = g.string("layout");
        p.geometry.inset_fraction_of_width = g.at("inset_fraction_of_width").number(0.0, 0.49);
        p.geometry.source = g.string("source");
    }
    std::set<std::string> stepIds;
    for (const JsonView& s : root.at("steps").elements()) {
        Step step = parseStep(s);
        if (!stepIds.insert(step.id).second) {
            s.at("id").fail("duplicate step id '" + step.id + "'");
        }
        p.steps.push_back(std::move(step));
    }
    if (p.steps.empty()) {
        root.at("steps").fail("a profile needs at least one step");
    }
    std::set<std::string> figureIds;
    for (const JsonView& f : root.at("figures").elements()) {
        f.allowOnly({"id", "label", "metric", "step", "point", "reference_point", "reference_step",
                     "unit", "tolerance"});
        FigureSpec fig;
        fig.id = f.string("id");
        if (!figureIds.insert(fig.id).second) {
            f.at("id").fail("duplicate figure id '" + fig.id + "'");
        }
        fig.label = f.string("label");
        fig.metric = f.string("metric");
        const evaluation::MetricInfo* metric = evaluation::findMetric(fig.metric);
        if (metric == nullptr) {
            f.at("metric").fail("unknown metric '" + fig.metric +
                                "' (known: " + evaluation::metricNames() + ")");
        }
        fig.step = f.string("step");
        const Step* step = p.findStep(fig.step);
        if (step == nullptr) {
            f.at("step").fail("no step with id '" + fig.step + "'");
        }
        fig.point = f.string("point");
        if (std::find(step->points.begin(), step->points.end(), fig.point) == step->points.end()) {
            f.at("point").fail("step '" + fig.step + "' does not read point '" + fig.point + "'");
        }
        fig.reference_point = f.stringOr("reference_point", "");
        if (metric->needs_reference_point) {
            if (fig.reference_point.empty()) {
                f.fail("metric '" + fig.metric + "' needs a reference_point");
            }
            if (std::find(step->points.begin(), step->points.end(), fig.reference_point) ==
                step->points.end()) {
                f.at("reference_point")
                    .fail("step '" + fig.step + "' does not read point '" + fig.reference_point +
                          "'");
            }
        }
        fig.reference_step = f.stringOr("reference_step", "");
        if (metric->needs_reference_step) {
            const Step* ref = p.findStep(fig.reference_step);
            if (ref == nullptr) {
                f.fail("metric '" + fig.metric +
                       "' needs a reference_step naming a step of this profile");
            }
            if (std::find(ref->points.begin(), ref->points.end(), fig.point) == ref->points.end()) {
                f.at("reference_step")
                    .fail("step '" + fig.reference_step + "' does not read point '" + fig.point +
                          "'");
            }
        }
        fig.unit = f.string("unit");
        if (fig.unit != metric->unit) {
            f.at("unit").fail("metric '" + fig.metric + "' is in '" + metric->unit + "', not '" +
                              fig.unit + "'");
        }
        fig.tolerance = parseTolerance(f.at("tolerance"));
        p.figures.push_back(std::move(fig));
    }
    return p;
}

}  // namespace cm::procedure

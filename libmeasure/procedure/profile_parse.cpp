// SPDX-License-Identifier: Apache-2.0
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

/// The physically possible range of a figure in `unit`: chromaticity coordinates lie in [0, 1],
/// luminances and ratios are not negative. Bounds beyond these are typing errors (or hostile
/// files that would make chart code loop over a range of 1e308), refused at load.
struct UnitRange {
    double lo, hi;
};
UnitRange physicalRange(const std::string& unit) {
    if (unit == "xy" || unit == "u'v'") {
        return {0.0, 1.0};
    }
    if (unit == "cd/m2") {
        return {0.0, 1e5};  // above any display's peak (PQ ends at 10 000 cd/m²)
    }
    if (unit == "ratio") {
        return {0.0, 1e9};
    }
    if (unit == "exponent") {
        return {0.0, 10.0};
    }
    return {-1e4, 1e4};  // "%" and anything else: deviations in percent
}

evaluation::Tolerance parseTolerance(const JsonView& j, const std::string& unit) {
    j.allowOnly({"target", "plus_minus", "plus", "minus", "min", "max", "source", "provisional",
                 "informative"});
    const UnitRange r = physicalRange(unit);
    const double span = r.hi - r.lo;
    evaluation::Tolerance t;
    t.source = j.string("source");
    if (t.source.find_first_not_of(" \t") == std::string::npos) {
        j.at("source").fail("a tolerance needs its source (standard and clause)");
    }
    t.provisional = j.booleanOr("provisional", false);
    t.informative = j.booleanOr("informative", false);
    const bool hasTarget = j.has("target");
    const bool hasPm = j.has("plus_minus");
    const bool hasPlus = j.has("plus") || j.has("minus");
    const bool hasBounds = j.has("min") || j.has("max");
    if (hasTarget) {
        t.target = j.at("target").number(r.lo, r.hi);
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
        const double pm = j.at("plus_minus").number(0.0, span);
        t.lower = *t.target - pm;
        t.upper = *t.target + pm;
    } else if (hasPlus) {
        const double plus = j.at("plus").number(0.0, span);
        const double minus = j.at("minus").number(0.0, span);
        t.lower = *t.target - minus;
        t.upper = *t.target + plus;
    } else if (hasBounds) {
        if (j.has("min")) {
            t.lower = j.at("min").number(r.lo, r.hi);
        }
        if (j.has("max")) {
            t.upper = j.at("max").number(r.lo, r.hi);
        }
        if (t.lower && t.upper && *t.lower > *t.upper) {
            j.fail("inconsistent tolerance: min is greater than max");
        }
        if (t.target && ((t.lower && *t.target < *t.lower) || (t.upper && *t.target > *t.upper))) {
            j.fail("inconsistent tolerance: target lies outside min/max");
        }
    } else if (hasTarget) {
        j.fail("expected target with plus_minus (or plus and minus), or min and/or max");
    } else if (!t.informative) {
        j.fail(
            "a figure without a limit must be informative (\"informative\": true); otherwise "
            "expected target with plus_minus (or plus and minus), or min and/or max");
    }
    // Neither target nor bounds, informative: recorded where the source sets no limit, reported
    // with its U and "no limit", never a made-up bound (a "≥ 0" reads as a limit not given).
    return t;
}

Step parseStep(const JsonView& j) {
    j.allowOnly(
        {"id", "stimulus", "code_xyz", "eyewear", "seat", "points", "repeats", "instruction"});
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
    s.seat = j.stringOr("seat", "");
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
                    "stereo", "display_type", "provisional", "binding_allowed", "notes",
                    "instrument", "conditions", "geometry", "steps", "figures"});
    if (root.string("schema") != "cinemeasure-profile") {
        root.at("schema").fail("expected \"cinemeasure-profile\"");
    }
    Profile p;
    p.version = static_cast<int>(root.at("version").integer(1, 1));
    p.id = root.string("id");
    if (p.id.empty() || p.id.find_first_of("/\\ \t\n") != std::string::npos) {
        root.at("id").fail("expected a non-empty id without slashes or spaces");
    }
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
    p.binding_allowed = root.booleanOr("binding_allowed", true);
    p.notes = root.stringOr("notes", "");
    {
        JsonView i = root.at("instrument");
        i.allowOnly({"max_acceptance_angle_deg", "min_luminance_cdm2", "spectral",
                     "accuracy_luminance_rel", "accuracy_xy", "source"});
        p.instrument.max_acceptance_angle_deg = i.at("max_acceptance_angle_deg").number(0.01, 90);
        p.instrument.min_luminance_cdm2 =
            i.has("min_luminance_cdm2") ? i.at("min_luminance_cdm2").number(0.0, 1e5) : 0.0;
        p.instrument.spectral = i.booleanOr("spectral", false);
        if (auto a = i.find("accuracy_luminance_rel")) {
            p.instrument.accuracy_luminance_rel = a->number(0.0, 1.0);
        }
        if (auto a = i.find("accuracy_xy")) {
            p.instrument.accuracy_xy = a->number(0.0, 0.1);
        }
        p.instrument.source = i.string("source");
    }
    {
        JsonView g = root.at("geometry");
        g.allowOnly({"seat", "extra_seats", "layout", "inset_fraction_of_width", "source"});
        p.geometry.seat = g.stringOr("seat", "reference");
        if (auto extra = g.find("extra_seats")) {
            for (const JsonView& e : extra->elements()) {
                p.geometry.extra_seats.push_back(e.string());
            }
        }
        p.geometry.layout = g.string("layout");
        p.geometry.inset_fraction_of_width = g.at("inset_fraction_of_width").number(0.0, 0.49);
        p.geometry.source = g.string("source");
    }
    if (auto c = root.find("conditions")) {
        c->allowOnly({"warm_up_min_minutes", "warm_up_source", "ambient_step", "ambient_source"});
        if (auto w = c->find("warm_up_min_minutes")) {
            p.conditions.warm_up_min_minutes = w->number(0.0, 600.0);
            p.conditions.warm_up_source = c->string("warm_up_source");
        }
        if (auto a = c->find("ambient_step")) {
            p.conditions.ambient_step = a->string();
            p.conditions.ambient_source = c->string("ambient_source");
        }
    }
    std::set<std::string> stepIds;
    for (const JsonView& s : root.at("steps").elements()) {
        Step step = parseStep(s);
        if (!stepIds.insert(step.id).second) {
            s.at("id").fail("duplicate step id '" + step.id + "'");
        }
        if (!step.seat.empty() && step.seat != p.geometry.seat && step.seat != kSeatNormal &&
            std::find(p.geometry.extra_seats.begin(), p.geometry.extra_seats.end(), step.seat) ==
                p.geometry.extra_seats.end()) {
            s.at("seat").fail("seat '" + step.seat +
                              "' is neither geometry.seat, \"normal\" nor listed in "
                              "geometry.extra_seats");
        }
        p.steps.push_back(std::move(step));
    }
    if (p.steps.empty()) {
        root.at("steps").fail("a profile needs at least one step");
    }
    if (!p.conditions.ambient_step.empty() && stepIds.count(p.conditions.ambient_step) == 0) {
        root.at("conditions")
            .at("ambient_step")
            .fail("no step '" + p.conditions.ambient_step + "' in this profile");
    }
    std::set<std::string> figureIds;
    for (const JsonView& f : root.at("figures").elements()) {
        f.allowOnly({"id", "label", "metric", "step", "point", "points", "steps", "reference_point",
                     "reference_step", "black_step", "transfer", "fit_min_fraction_of_peak", "unit",
                     "ambient", "tolerance"});
        FigureSpec fig;
        fig.id = f.string("id");
        if (!figureIds.insert(fig.id).second) {
            f.at("id").fail("duplicate figure id '" + fig.id + "'");
        }
        fig.label = f.string("label");
        if (auto a = f.find("ambient")) {
            fig.ambient = a->oneOf({"included", "subtracted"});
        }
        fig.metric = f.string("metric");
        const evaluation::MetricInfo* metric = evaluation::findMetric(fig.metric);
        if (metric == nullptr) {
            f.at("metric").fail("unknown metric '" + fig.metric +
                                "' (known: " + evaluation::metricNames() + ")");
        }
        using evaluation::needs;
        const auto refuseUnless = [&](const char* key, bool allowed) {
            if (!allowed && f.has(key)) {
                f.at(key).fail(std::string("metric '") + fig.metric + "' takes no " + key);
            }
        };
        refuseUnless("points", needs(*metric, evaluation::kNeedsPoints));
        refuseUnless("steps", needs(*metric, evaluation::kNeedsSteps));
        refuseUnless("black_step", needs(*metric, evaluation::kAllowsBlackStep));
        refuseUnless("transfer", needs(*metric, evaluation::kNeedsTransfer));
        refuseUnless("reference_point", needs(*metric, evaluation::kNeedsReferencePoint));
        refuseUnless("reference_step", needs(*metric, evaluation::kNeedsReferenceStep));
        refuseUnless("fit_min_fraction_of_peak", fig.metric == "gamma_fit");

        const auto readsPoint = [](const Step& st, const std::string& point) {
            return std::find(st.points.begin(), st.points.end(), point) != st.points.end();
        };
        const auto stepReadingPoint = [&](const JsonView& where, const std::string& stepId,
                                          const std::string& point) -> const Step& {
            const Step* st = p.findStep(stepId);
            if (st == nullptr) {
                where.fail("no step with id '" + stepId + "'");
            }
            if (!readsPoint(*st, point)) {
                where.fail("step '" + stepId + "' does not read point '" + point + "'");
            }
            return *st;
        };

        if (needs(*metric, evaluation::kNeedsSteps) && !f.has("step")) {
            // A metric over a list of steps reads its point in each; `step` defaults to the first.
            const auto list = f.at("steps").elements();
            if (list.empty()) {
                f.at("steps").fail("metric '" + fig.metric + "' needs at least two steps");
            }
            fig.step = list.front().string();
        } else {
            fig.step = f.string("step");
        }
        const Step* step = p.findStep(fig.step);
        if (step == nullptr) {
            f.at("step").fail("no step with id '" + fig.step + "'");
        }
        if (needs(*metric, evaluation::kNeedsPoints)) {
            for (const JsonView& e : f.at("points").elements()) {
                fig.points.push_back(e.string());
                if (!readsPoint(*step, fig.points.back())) {
                    e.fail("step '" + fig.step + "' does not read point '" + fig.points.back() +
                           "'");
                }
            }
            if (fig.points.empty()) {
                f.at("points").fail("metric '" + fig.metric + "' needs at least one point");
            }
            fig.point = f.stringOr("point", fig.points.front());
        } else {
            fig.point = f.string("point");
        }
        if (!readsPoint(*step, fig.point)) {
            f.at("point").fail("step '" + fig.step + "' does not read point '" + fig.point + "'");
        }
        fig.reference_point = f.stringOr("reference_point", "");
        if (needs(*metric, evaluation::kNeedsReferencePoint)) {
            if (fig.reference_point.empty()) {
                f.fail("metric '" + fig.metric + "' needs a reference_point");
            }
            if (!readsPoint(*step, fig.reference_point)) {
                f.at("reference_point")
                    .fail("step '" + fig.step + "' does not read point '" + fig.reference_point +
                          "'");
            }
        }
        fig.reference_step = f.stringOr("reference_step", "");
        if (needs(*metric, evaluation::kNeedsReferenceStep)) {
            if (fig.reference_step.empty()) {
                f.fail("metric '" + fig.metric +
                       "' needs a reference_step naming a step of this profile");
            }
            stepReadingPoint(f.at("reference_step"), fig.reference_step, fig.point);
        }
        if (needs(*metric, evaluation::kNeedsSteps)) {
            for (const JsonView& e : f.at("steps").elements()) {
                fig.steps.push_back(e.string());
                const Step& st = stepReadingPoint(e, fig.steps.back(), fig.point);
                if (needs(*metric, evaluation::kNeedsStepCodes)) {
                    if (!st.code_xyz) {
                        e.fail("step '" + st.id + "' needs code_xyz for metric '" + fig.metric +
                               "'");
                    }
                    fig.step_codes_y.push_back((*st.code_xyz)[1]);
                }
            }
            // An EOTF error is defined per level (CTP §7.5.11 gives A.3 step 1 its own ±20 %);
            // every other step metric compares or fits several.
            if (fig.steps.size() < (fig.metric == "eotf_error_worst" ? 1u : 2u)) {
                f.at("steps").fail("metric '" + fig.metric + "' needs at least two steps");
            }
        }
        fig.black_step = f.stringOr("black_step", "");
        if (!fig.black_step.empty()) {
            stepReadingPoint(f.at("black_step"), fig.black_step, fig.point);
        }
        if (needs(*metric, evaluation::kNeedsTransfer)) {
            fig.transfer = f.at("transfer").oneOf({"dci-gamma-2.6", "pq"});
            if (fig.transfer == "pq" && !fig.black_step.empty()) {
                f.at("black_step")
                    .fail(
                        "PQ targets are absolute: no black subtraction (DCI HDR addendum Annex "
                        "A)");
            }
        }
        if (auto fr = f.find("fit_min_fraction_of_peak")) {
            fig.fit_min_fraction_of_peak = fr->number(0.0, 1.0);
        }
        fig.unit = f.string("unit");
        if (fig.unit != metric->unit) {
            f.at("unit").fail("metric '" + fig.metric + "' is in '" + metric->unit + "', not '" +
                              fig.unit + "'");
        }
        fig.tolerance = parseTolerance(f.at("tolerance"), fig.unit);
        p.figures.push_back(std::move(fig));
    }
    return p;
}

}  // namespace cm::procedure

// SPDX-License-Identifier: Apache-2.0
// cinemeasure.profiles: a profile as its JSON document plus the validated form the library
// evaluates; limits change through the document and the same parser, so a change is checked
// exactly as a hand-edited profile file would be (and a rejected change leaves the profile as it
// was).
#include "python/bindings.h"

#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "libmeasure/evaluation/evaluate_profile.h"
#include "libmeasure/evaluation/metric_registry.h"
#include "libmeasure/procedure/profile.h"
#include "libmeasure/util/json_view.h"

#include <cmath>
#include <stdexcept>

namespace cm::python {

namespace {

namespace ev = cm::evaluation;

struct PyProfile {
    nlohmann::json doc;
    std::string source;
    procedure::Profile profile;

    PyProfile(nlohmann::json d, std::string src)
        : doc(std::move(d)),
          source(std::move(src)),
          profile(procedure::parseProfile(util::JsonView(doc, source))) {}
};

py::object optionalNumber(const std::optional<double>& v) {
    return v ? py::object(py::float_(*v)) : py::object(py::none());
}

py::dict limitDict(const ev::Tolerance& t) {
    py::dict d;
    d["target"] = optionalNumber(t.target);
    d["lower"] = optionalNumber(t.lower);
    d["upper"] = optionalNumber(t.upper);
    d["text"] = t.describe();
    d["source"] = t.source;
    d["provisional"] = t.provisional;
    d["informative"] = t.informative;
    return d;
}

py::dict figureDict(const procedure::FigureSpec& f) {
    py::dict d;
    d["id"] = f.id;
    d["label"] = f.label;
    d["metric"] = f.metric;
    const ev::MetricInfo* info = ev::findMetric(f.metric);
    d["formula"] = info != nullptr ? info->description : "";
    d["unit"] = f.unit;
    d["step"] = f.step;
    d["point"] = f.point;
    d["reference_point"] = f.reference_point;
    d["reference_step"] = f.reference_step;
    d["points"] = f.points;
    d["steps"] = f.steps;
    d["step_codes_y"] = f.step_codes_y;
    d["black_step"] = f.black_step;
    d["transfer"] = f.transfer;
    d["fit_min_fraction_of_peak"] = f.fit_min_fraction_of_peak;
    d["limit"] = limitDict(f.tolerance);
    return d;
}

py::dict stepDict(const procedure::Profile& p, const procedure::Step& s) {
    py::dict d;
    d["id"] = s.id;
    d["stimulus"] = s.stimulus;
    d["code_xyz"] = s.code_xyz ? py::object(py::cast(*s.code_xyz)) : py::object(py::none());
    d["eyewear"] = s.eyewear;
    d["seat"] = p.seatOf(s);
    d["points"] = s.points;
    d["repeats"] = s.repeats;
    d["instruction"] = s.instruction;
    return d;
}

/// Applies keyword changes to a figure's tolerance in the document; the result is parsed as a
/// whole profile before it replaces the old one.
void setLimit(PyProfile& p, const std::string& figure_id, const py::kwargs& changes) {
    static const char* const kBoundKeys[] = {"min", "max"};
    static const char* const kTargetKeys[] = {"target", "plus_minus", "plus", "minus"};
    static const char* const kFlagKeys[] = {"source", "provisional", "informative"};
    nlohmann::json doc = p.doc;
    nlohmann::json* tol = nullptr;
    for (auto& f : doc["figures"]) {
        if (f.value("id", "") == figure_id) {
            tol = &f["tolerance"];
        }
    }
    if (tol == nullptr) {
        std::string ids;
        for (const auto& f : p.profile.figures) {
            ids += (ids.empty() ? "" : ", ") + f.id;
        }
        throw py::key_error("profile '" + p.profile.id + "' has no figure '" + figure_id +
                            "'; figures: " + ids);
    }
    auto isOneOf = [](const std::string& k, const auto& keys) {
        return std::find(std::begin(keys), std::end(keys), k) != std::end(keys);
    };
    bool bounds = false;
    bool target = false;
    for (const auto& [key, value] : changes) {
        const auto k = key.cast<std::string>();
        if (!isOneOf(k, kBoundKeys) && !isOneOf(k, kTargetKeys) && !isOneOf(k, kFlagKeys)) {
            throw py::type_error("set_limit: unknown field '" + k +
                                 "' (min, max, target, plus_minus, plus, minus, source, "
                                 "provisional, informative)");
        }
        bounds |= isOneOf(k, kBoundKeys) && !value.is_none();
        target |= isOneOf(k, kTargetKeys) && !value.is_none();
    }
    // A new form of limit replaces the other form (min/max vs. target ± tolerance).
    if (bounds && !target) {
        for (const char* k : kTargetKeys) {
            tol->erase(k);
        }
    }
    if (target && !bounds) {
        for (const char* k : kBoundKeys) {
            tol->erase(k);
        }
    }
    for (const auto& [key, value] : changes) {
        const auto k = key.cast<std::string>();
        if (value.is_none()) {
            tol->erase(k);
        } else {
            (*tol)[k] = toJson(value, p.source);
        }
    }
    PyProfile changed(std::move(doc), p.source);
    p = std::move(changed);
}

/// Applies keyword changes to one figure's members in the document (metric, points, steps, …);
/// validated as a whole profile before it replaces the old one.
void setFigure(PyProfile& p, const std::string& figure_id, const py::kwargs& changes) {
    nlohmann::json doc = p.doc;
    nlohmann::json* fig = nullptr;
    for (auto& f : doc["figures"]) {
        if (f.value("id", "") == figure_id) {
            fig = &f;
        }
    }
    if (fig == nullptr) {
        throw py::key_error("profile '" + p.profile.id + "' has no figure '" + figure_id + "'");
    }
    for (const auto& [key, value] : changes) {
        const auto k = key.cast<std::string>();
        if (k == "id" || k == "tolerance") {
            throw py::type_error("set_figure: '" + k + "' cannot be changed here" +
                                 (k == "tolerance" ? " (use set_limit)" : ""));
        }
        if (value.is_none()) {
            fig->erase(k);
        } else {
            (*fig)[k] = toJson(value, p.source);
        }
    }
    PyProfile changed(std::move(doc), p.source);
    p = std::move(changed);
}

py::dict evaluationDict(const ev::Evaluation& e) {
    py::dict d;
    d["overall"] = ev::toString(e.overall);
    d["decision_rule"] = ev::idOf(e.options.rule);
    d["decision_rule_description"] = ev::toString(e.options.rule);
    d["provisional"] = e.options.provisional_as_informative ? "informative" : "binding";
    d["draws"] = drawsToPython(e.options.draws);
    d["seed"] = e.options.seed;
    d["coverage_factor"] = 2;
    py::list figures;
    for (const auto& f : e.figures) {
        py::dict r;
        r["id"] = f.spec.id;
        r["label"] = f.spec.label;
        r["metric"] = f.spec.metric;
        r["unit"] = f.spec.unit;
        r["value"] = numberOrNone(f.value);
        r["U"] = numberOrNone(f.expanded_uncertainty);
        r["monte_carlo_draws"] = f.mc_draws;
        r["guard_band"] = f.guard_band;
        r["straddles_limit"] = f.straddles_limit;
        r["limit"] = limitDict(f.spec.tolerance);
        r["verdict"] = ev::toString(f.verdict);
        figures.append(r);
    }
    d["figures"] = figures;
    return d;
}

}  // namespace

py::object evaluateUnder(const py::object& profile, const py::handle& readings,
                         const std::string& rule, const std::string& provisional,
                         const py::object& draws, std::uint64_t seed);

namespace {

constexpr const char* kEvaluateDoc =
    "Evaluates every figure on the readings as certify does: dict overall, decision_rule (its "
    "id) and decision_rule_description, provisional, draws, seed, coverage_factor and figures "
    "(id, value, U (k = 2), monte_carlo_draws, guard_band w, limit, straddles_limit, verdict). "
    "decision_rule (ILAC-G8:09/2019 §4.2, as certify --decision-rule): 'simple' (w = 0: PASS "
    "when the value is within the limits, else FAIL), 'guarded' (binary, w = U: PASS only when "
    "value ± U lies inside, else FAIL) or 'non-binary' (w = U: PASS, CONDITIONAL PASS when the "
    "value is inside but value ± U straddles a limit, CONDITIONAL FAIL when it is outside but "
    "straddles, FAIL); a figure not measured is NOT EVALUATED. provisional: 'informative' (the "
    "default, as certify: limits flagged provisional are reported, never deciding) or "
    "'binding' (they decide, unless the profile forbids it). U is propagated with the "
    "instrument budgets certify uses (see metrics.compute); draws: 'adaptive' (default; or 0) "
    "or a number, figure i drawn from seed + i. readings: a report dict (its instruments and "
    "budgets apply, so a report's U is reproduced exactly), a list of reading dicts or "
    "columns, as metrics.compute accepts.";

}  // namespace

void bindProfiles(py::module_& m) {
    py::class_<PyProfile>(m, "Profile",
                          "A measurement profile: steps, figures and their limits (each with its "
                          "source clause and provisional flag). Load with profiles.load(); change "
                          "a limit with set_limit(); evaluate(readings).")
        .def_static(
            "from_dict",
            [](const py::handle& d, const std::string& source) {
                return PyProfile(toJson(d, source), source);
            },
            py::arg("document"), py::arg("source") = "<python>",
            "A profile from its JSON document (dict), validated as a profile file is "
            "(DataError naming the JSON path and the expected form).")
        .def_property_readonly("id", [](const PyProfile& p) { return p.profile.id; })
        .def_property_readonly("title", [](const PyProfile& p) { return p.profile.title; })
        .def_property_readonly("standard",
                               [](const PyProfile& p) {
                                   return py::make_tuple(p.profile.standard.name,
                                                         p.profile.standard.edition);
                               })
        .def_property_readonly(
            "provisional", [](const PyProfile& p) { return p.profile.provisional; },
            "True when the whole profile rests on a draft.")
        .def_property_readonly("dynamic_range",
                               [](const PyProfile& p) { return p.profile.dynamic_range; })
        .def_property_readonly("display_type",
                               [](const PyProfile& p) { return p.profile.display_type; })
        .def_property_readonly("notes", [](const PyProfile& p) { return p.profile.notes; })
        .def_property_readonly(
            "source", [](const PyProfile& p) { return p.source; },
            "Where the profile came from (file, or '<python>').")
        .def_property_readonly(
            "steps",
            [](const PyProfile& p) {
                py::list l;
                for (const auto& s : p.profile.steps) {
                    l.append(stepDict(p.profile, s));
                }
                return l;
            },
            "The steps (stimulus, seat, points, repeats) as dicts.")
        .def_property_readonly(
            "figures",
            [](const PyProfile& p) {
                py::list l;
                for (const auto& f : p.profile.figures) {
                    l.append(figureDict(f));
                }
                return l;
            },
            "The figures as dicts: metric and its formula, unit, steps/points, and limit (target, "
            "lower, upper, text, source, provisional, informative).")
        .def(
            "figure",
            [](const PyProfile& p, const std::string& id) {
                for (const auto& f : p.profile.figures) {
                    if (f.id == id) {
                        return figureDict(f);
                    }
                }
                throw py::key_error("profile '" + p.profile.id + "' has no figure '" + id + "'");
            },
            py::arg("figure_id"))
        .def("set_limit", &setLimit, py::arg("figure_id"),
             "Changes one figure's limit in memory, with the keys of a profile file's tolerance: "
             "min, max (bounds) or target with plus_minus / plus, minus; source, provisional, "
             "informative. A key set to None is removed; giving bounds drops a target form and "
             "vice versa. The changed profile is validated as a file would be; on error "
             "(DataError) nothing changes. Name the new source, e.g. "
             "set_limit('corner_TL_percent', min=70, source='committee proposal').")
        .def("set_figure", &setFigure, py::arg("figure_id"),
             "Changes other members of one figure in memory, with a profile file's keys: metric "
             "(e.g. 'stereo_luminance_difference_min', the ICDM IDMS §17.2.4 rule, instead of the "
             "ISO 5926 draft's mean rule), label, unit, step, point, reference_point, "
             "reference_step, points, steps, black_step, transfer, fit_min_fraction_of_peak. None "
             "removes a key. Validated as a file would be (metric known, unit matching the metric, "
             "steps and points existing); on error (DataError) nothing changes.")
        .def(
            "to_dict", [](const PyProfile& p) { return toPython(p.doc); },
            "The profile document (with any changed limits) as a dict.")
        .def(
            "save",
            [](const PyProfile& p, const std::filesystem::path& path) {
                app::writeFileAtomically(path, p.doc.dump(2) + "\n");
            },
            py::arg("path"),
            "Writes the document (atomically), e.g. for `cinemeasure evaluate --profile FILE`.")
        .def(
            "evaluate",
            [](const py::object& self, const py::handle& readings, const std::string& rule,
               const std::string& provisional, const py::object& draws, std::uint64_t seed) {
                return evaluateUnder(self, readings, rule, provisional, draws, seed);
            },
            py::arg("readings"), py::kw_only(), py::arg("decision_rule") = "simple",
            py::arg("provisional") = "informative", py::arg("draws") = "adaptive",
            py::arg("seed") = std::uint64_t{20261125}, kEvaluateDoc)
        .def("__repr__", [](const PyProfile& p) {
            return "<cinemeasure.profiles.Profile '" + p.profile.id + "' (" +
                   std::to_string(p.profile.figures.size()) + " figures)>";
        });

    m.def(
        "load",
        [](const std::string& id_or_path) {
            const auto file = app::findProfileFile(id_or_path);
            return PyProfile(util::parseJson(app::readTextFile(file), file.string()),
                             file.string());
        },
        py::arg("id_or_path"),
        "A shipped profile by id ('st431-1-theatre', …) or a profile .json file, found as "
        "`cinemeasure certify --profile` finds it (unknown ids: RuntimeError listing the ids).");
    m.def(
        "list",
        [] {
            py::list out;
            for (const auto& e : app::loadProfileDirectory(app::dataDir() / "profiles")) {
                out.append(py::dict(py::arg("id") = e.profile.id,
                                    py::arg("title") = e.profile.title,
                                    py::arg("standard") = e.profile.standard.name,
                                    py::arg("provisional") = e.profile.provisional,
                                    py::arg("file") = e.file.string()));
            }
            return out;
        },
        "The shipped profiles (calibration/profiles), sorted by id.");
    m.def(
        "evaluate",
        [](const py::object& profile, const py::handle& readings, const std::string& rule,
           const std::string& provisional, const py::object& draws, std::uint64_t seed) {
            return evaluateUnder(profile, readings, rule, provisional, draws, seed);
        },
        py::arg("profile"), py::arg("readings"), py::kw_only(), py::arg("decision_rule") = "simple",
        py::arg("provisional") = "informative", py::arg("draws") = "adaptive",
        py::arg("seed") = std::uint64_t{20261125},
        "Same as Profile.evaluate; profile may also be an id or a .json path.");
    m.def(
        "decision_rules",
        [] {
            py::dict d;
            for (const auto r : {ev::DecisionRule::Simple, ev::DecisionRule::Guarded,
                                 ev::DecisionRule::NonBinary}) {
                d[ev::idOf(r)] = ev::toString(r);
            }
            return d;
        },
        "The decision rules by the names evaluate() and certify --decision-rule take ('simple', "
        "'guarded', 'non-binary'), each with its description (ILAC-G8:09/2019 §4.2).");
    {
        py::tuple verdicts(4);
        std::size_t i = 0;
        for (const auto v : {ev::Verdict::Pass, ev::Verdict::ConditionalPass,
                             ev::Verdict::ConditionalFail, ev::Verdict::Fail}) {
            verdicts[i++] = ev::toString(v);
        }
        m.attr("VERDICTS") = verdicts;
        m.attr("NOT_EVALUATED") = ev::toString(ev::Verdict::NotEvaluated);
    }
}

/// The profile behind a Profile object, an id or a path (for the reports module as well).
const procedure::Profile& profileOf(const py::object& obj,
                                    std::optional<procedure::Profile>& keep) {
    if (py::isinstance<PyProfile>(obj)) {
        return obj.cast<const PyProfile&>().profile;
    }
    keep = app::findProfile(obj.cast<std::string>());
    return *keep;
}

py::object profileFromJson(nlohmann::json doc, const std::string& source) {
    return py::cast(PyProfile(std::move(doc), source));
}

py::object evaluateUnder(const py::object& profile, const py::handle& readings,
                         const std::string& rule, const std::string& provisional,
                         const py::object& draws, std::uint64_t seed) {
    if (provisional != "binding" && provisional != "informative") {
        throw py::value_error("provisional must be 'informative' or 'binding'");
    }
    ev::EvaluationOptions o;
    try {
        o.rule = ev::parseDecisionRule(rule);
    } catch (const std::invalid_argument&) {
        throw py::value_error("decision_rule must be 'simple', 'guarded' or 'non-binary', not '" +
                              rule + "'");
    }
    o.provisional_as_informative = provisional == "informative";
    o.draws = drawsFromPython(draws);
    o.seed = seed;
    MeasuredReadings in = measuredReadingsFromPython(readings);
    o.instrument_models = std::move(in.budgets);
    std::optional<procedure::Profile> keep;
    const auto& p = profileOf(profile, keep);
    return evaluationDict(ev::evaluateProfile(p, in.readings, o));
}

}  // namespace cm::python

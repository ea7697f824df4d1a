# SPDX-License-Identifier: Apache-2.0
"""cinemeasure.metrics: the registry as the profiles see it, metrics on hand-worked readings, and
every figure of a CLI report recomputed one metric at a time (same value and U)."""
import numpy as np
import pytest


def reading(step, point, Y, x=0.314, y=0.351, repeat=0, u_rel=0.0, u_xy=0.0):
    return {"step": step, "point": point, "repeat": repeat, "X": x * Y / y, "Y": Y,
            "Z": (1 - x - y) * Y / y, "u_luminance_rel": u_rel, "u_chromaticity_xy": u_xy}


def test_registry_lists_every_metric_with_formula_and_the_clauses_that_judge_it(cm):
    metrics = cm.metrics.list()
    names = [m["name"] for m in metrics]
    assert len(names) == len(set(names)) >= 28
    by_name = {m["name"]: m for m in metrics}
    seq = by_name["sequential_contrast"]
    assert seq["unit"] == "ratio"
    assert "RP 431-2 §7.5" in seq["formula"]
    assert "reference_step" in seq["needs"]
    sources = {u["source"] for u in seq["used_by"]}
    assert any("RP 431-2" in s for s in sources)
    nu = by_name["non_uniformity"]
    assert "IDMS" in nu["formula"] and "points" in nu["needs"]
    assert cm.metrics.formula("luminance") == by_name["luminance"]["formula"]


def test_metrics_on_hand_worked_readings(cm):
    r = [reading("white", "C", 48.0), reading("white", "TL", 36.0),
         reading("white", "TR", 40.0), reading("black", "C", 0.024)]
    c = cm.metrics.compute
    # 100 · 36 / 48 = 75 %.
    assert c("luminance_percent_of_reference", r, step="white", point="TL",
             reference_point="C")["value"] == pytest.approx(75.0)
    # 48 / 0.024 = 2000 : 1 (RP 431-2 §7.5, no ambient subtraction).
    assert c("sequential_contrast", r, step="white", point="C",
             reference_step="black")["value"] == pytest.approx(2000.0)
    # 100 · (1 − 36/48) = 25 % (IDMS §8.1).
    assert c("non_uniformity", r, step="white",
             points=["C", "TL", "TR"])["value"] == pytest.approx(25.0)
    # Mean of repeats at a point.
    rep = [reading("white", "C", 47.0, repeat=0), reading("white", "C", 49.0, repeat=1)]
    assert c("luminance", rep, step="white", point="C")["value"] == pytest.approx(48.0)
    # A missing reading is "not measured", not zero.
    assert c("luminance", r, step="white", point="BR")["value"] is None


def test_u_comes_from_the_readings_uncertainty(cm):
    r = [reading("white", "C", 48.0, u_rel=0.01)]
    got = cm.metrics.compute("luminance", r, step="white", point="C", draws=2000, seed=7)
    assert got["U"] == pytest.approx(2 * 0.48, rel=0.1)  # U = 2 · 1 % of 48 cd/m²
    assert cm.metrics.compute("luminance", [reading("white", "C", 48.0)], step="white",
                              point="C")["U"] == 0.0


def test_a_named_instrument_gets_the_budget_certify_uses(cm):
    # calibration/instruments/spot-meter-uncertainty.json, PR-670 at 48 cd/m² (its linearity
    # reference, so no linearity error): calibration ±2 % rectangular (σ = 2 %/√3, systematic)
    # and repeatability 0.5 % at k = 2 (σ = 0.25 %, random, one reading).
    sigma = ((0.02 / 3 ** 0.5) ** 2 + 0.0025 ** 2) ** 0.5
    r = [dict(reading("white", "C", 48.0, u_rel=0.05), instrument_model="PR-670")]
    got = cm.metrics.compute("luminance", r, step="white", point="C", seed=5)
    assert got["U"] == pytest.approx(2 * sigma * 48.0, rel=0.04)  # 1.134 cd/m², not 2 · 5 %
    assert got["draws"] == "adaptive" and got["monte_carlo_draws"] >= 2000
    columns = {"step": "white", "point": "C", "xyz": np.array([[r[0]["X"], 48.0, r[0]["Z"]]]),
               "u_luminance_rel": 0.05, "instrument_model": "PR-670"}
    assert cm.metrics.compute("luminance", columns, step="white", point="C", seed=5) == got
    # An unknown model falls back to the reading's own u (5 %, systematic): U = 2 · 5 % · 48.
    r[0]["instrument_model"] = "no such meter"
    assert cm.metrics.compute("luminance", r, step="white", point="C",
                              seed=5)["U"] == pytest.approx(4.8, rel=0.04)


def test_a_report_from_a_shipped_instrument_uses_the_shipped_budget(cm, dim_report):
    # The dim report as if a PR-670 had read it: the budget the report lists for it (here only a
    # linearity component, which a report cannot rebuild) gives way to the shipped one.
    report = cm.reports.read_report(dim_report)
    report["instruments"][0]["model"] = "PR-670"
    report["uncertainty"]["instrument_budgets"] = [{
        "models": ["PR-670"], "type": "spectroradiometer", "source": "test",
        "components": [{"name": "non-linearity", "kind": "systematic_per_run",
                        "quantity": "linearity_rel_per_decade", "value": 0.005,
                        "distribution": "rectangular", "standard_uncertainty": 0.0029,
                        "source": "test"}]}]
    as_list = [dict(r, instrument_model="PR-670") for r in report["readings"]]
    for metric, kwargs in (("luminance", {"point": "C"}),
                           ("luminance_percent_of_reference", {"point": "TL",
                                                               "reference_point": "C"})):
        a = cm.metrics.compute(metric, report, step="white", seed=3, **kwargs)
        b = cm.metrics.compute(metric, as_list, step="white", seed=3, **kwargs)
        assert a["U"] == b["U"] > 0, metric
    # The virtual meter's budget is random per reading; the PR-670's calibration is systematic
    # (it cancels in the corner/centre ratio), so the centre luminance's U grows.
    virtual = cm.metrics.compute("luminance", cm.reports.read_report(dim_report), step="white",
                                 point="C", seed=3)
    assert cm.metrics.compute("luminance", report, step="white", point="C",
                              seed=3)["U"] > 2 * virtual["U"]


def test_draws_are_a_number_or_adaptive(cm):
    r = [reading("white", "C", 48.0, u_rel=0.01)]
    adaptive = cm.metrics.compute("luminance", r, step="white", point="C", draws="adaptive")
    assert cm.metrics.compute("luminance", r, step="white", point="C", draws=0) == adaptive
    fixed = cm.metrics.compute("luminance", r, step="white", point="C", draws=500)
    assert (fixed["draws"], fixed["monte_carlo_draws"]) == (500, 500)
    for bad in (-1, "many", 2.5, True):
        with pytest.raises(ValueError, match="draws must be 'adaptive'"):
            cm.metrics.compute("luminance", r, step="white", point="C", draws=bad)


def test_numpy_columns_give_the_same_figures_as_dicts(cm):
    r = [reading("white", p, Y, u_rel=0.015, u_xy=0.001)
         for p, Y in (("C", 48.0), ("L", 41.0), ("R", 42.5), ("T", 40.2), ("B", 43.9))]
    columns = {"step": "white", "point": [d["point"] for d in r],
               "xyz": np.array([[d["X"], d["Y"], d["Z"]] for d in r]),
               "u_luminance_rel": 0.015, "u_chromaticity_xy": np.full(5, 0.001)}
    for spec in ({"metric": "luminance_percent_of_reference_min", "points": ["L", "R", "T", "B"],
                  "reference_point": "C"},
                 {"metric": "chromaticity_delta_uv", "point": "L", "reference_point": "C"}):
        kwargs = {k: v for k, v in spec.items() if k != "metric"}
        a = cm.metrics.compute(spec["metric"], r, step="white", seed=3, **kwargs)
        b = cm.metrics.compute(spec["metric"], columns, step="white", seed=3, **kwargs)
        assert a == b


def test_every_figure_of_a_report_recomputed_one_metric_at_a_time(cm, dim_report):
    report = cm.reports.read_report(dim_report)
    profile = cm.profiles.load(report["profile"]["id"])
    keys = ("step", "point", "reference_point", "reference_step", "points", "steps",
            "step_codes_y", "black_step", "transfer", "fit_min_fraction_of_peak")
    seed = report["uncertainty"]["seed"]
    assert report["uncertainty"]["draws"] == "adaptive"
    for i, (fig, ref) in enumerate(zip(profile.figures, report["figures"])):
        # evaluateProfile draws figure i from seed + i; the whole report gives its instruments
        # and the budget certify used for them (the virtual meter's noise).
        got = cm.metrics.compute(fig["metric"], report, seed=seed + i,
                                 draws=report["uncertainty"]["draws"],
                                 **{k: fig[k] for k in keys})
        assert got["value"] == pytest.approx(ref["value"], rel=1e-12), fig["id"]
        assert got["U"] == pytest.approx(ref["expanded_uncertainty_k2"], rel=1e-12), fig["id"]
        assert got["unit"] == ref["unit"]
        assert got["monte_carlo_draws"] == ref["monte_carlo_draws"]


def test_metric_misuse_is_explained(cm):
    r = [reading("white", "C", 48.0)]
    with pytest.raises(ValueError, match="unknown metric 'brightness'.*luminance"):
        cm.metrics.compute("brightness", r, step="white", point="C")
    with pytest.raises(ValueError, match="needs reference_point"):
        cm.metrics.compute("luminance_percent_of_reference", r, step="white", point="C")
    with pytest.raises(ValueError, match="'xyz' must be an \\(N, 3\\) array"):
        cm.metrics.compute("luminance", {"step": "white", "point": "C", "xyz": [1, 2, 3]},
                           step="white", point="C")
    with pytest.raises(ValueError, match="hold 2 strings"):
        cm.metrics.compute("luminance", {"step": "white", "point": ["C"],
                                         "xyz": np.ones((2, 3))}, step="white", point="C")

# SPDX-License-Identifier: Apache-2.0
"""cinemeasure.profiles: inspect, change a limit in memory, evaluate with U and a decision rule;
the verdict changes must be the ones `cinemeasure evaluate` reports for the same change."""
import csv
import json

import pytest

from conftest import CALIBRATION

CORNERS = ["corner_TL_percent", "corner_TR_percent", "corner_BL_percent", "corner_BR_percent"]


def cli_changes(cli, report, profile_file, tmp_path, *extra):
    out = tmp_path / "cmp.csv"
    args = ["evaluate", *([report] if report else []), "--profile", profile_file, "--out", out,
            *extra]
    r = cli(*args)
    assert r.code == 0, r.err
    with open(out, newline="") as f:
        return list(csv.DictReader(f))


def hand_edited_profile(tmp_path, min_percent):
    """The committee's change made the way a user would without Python: edit the JSON file."""
    doc = json.loads((CALIBRATION / "profiles" / "st431-1-review.json").read_text())
    for f in doc["figures"]:
        if f["id"] in CORNERS:
            f["tolerance"]["min"] = min_percent
            f["tolerance"]["source"] = "committee proposal (test)"
    path = tmp_path / "hand-edited.json"
    path.write_text(json.dumps(doc))
    return path


def python_changed_profile(cm, min_percent):
    p = cm.profiles.load("st431-1-review")
    for fid in CORNERS:
        p.set_limit(fid, min=min_percent, source="committee proposal (test)")
    return p


def assert_same_changes(py_rows, cli_rows):
    assert len(py_rows) == len(cli_rows)
    for p, c in zip(py_rows, cli_rows):
        assert p["figure"] == c["figure"]
        assert p["old_verdict"] == c["old_verdict"]
        assert p["new_verdict"] == c["new_verdict"]
        assert ("yes" if p["changed"] else "no") == c["changed"]
        assert p["new_limit"] == c["new_limit"]
        assert p["value"] == pytest.approx(float(c["value"]), rel=1e-5)  # CSV keeps 6 digits


def test_inspect_a_shipped_profile(cm):
    p = cm.profiles.load("st431-1-review")
    assert p.id == "st431-1-review"
    assert p.standard[0] == "SMPTE ST 431-1"
    f = p.figure("corner_TL_percent")
    assert f["metric"] == "luminance_percent_of_reference"
    assert f["reference_point"] == "C"
    assert f["limit"]["lower"] == 80.0 and f["limit"]["upper"] == 90.0
    assert "ST 431-1" in f["limit"]["source"]
    assert f["formula"].startswith("100 · Y(point) / Y(reference point)")
    assert [s["id"] for s in p.steps][0] == "white"
    ids = [e["id"] for e in cm.profiles.list()]
    assert "st431-1-review" in ids and ids == sorted(ids)
    assert any(e["provisional"] for e in cm.profiles.list())  # the draft standards are flagged


def test_a_relaxed_corner_limit_flips_the_same_verdicts_as_cinemeasure_evaluate(
        cm, cli, dim_report, tmp_path):
    py_rows = cm.reports.reevaluate_report(dim_report, python_changed_profile(cm, 70))
    flipped = [r for r in py_rows if r["changed"]]
    assert sorted(r["figure"] for r in flipped) == sorted(CORNERS)
    for r in flipped:
        assert (r["old_verdict"], r["new_verdict"]) == ("FAIL", "PASS")
        assert r["new_margin"] == pytest.approx(5.0, abs=1.0)  # corners at ≈ 75 % of centre
    # The CLI on a hand-edited file, and on the file Python saves: the same rows.
    assert_same_changes(py_rows, cli_changes(cli, dim_report, hand_edited_profile(tmp_path, 70),
                                             tmp_path))
    saved = tmp_path / "from-python.json"
    python_changed_profile(cm, 70).save(saved)
    assert_same_changes(py_rows, cli_changes(cli, dim_report, saved, tmp_path))


def test_a_tightened_limit_fails_a_passing_theatre_as_the_cli_says(
        cm, cli, reference_report, tmp_path):
    p = cm.profiles.load("st431-1-review")
    p.set_limit("centre_luminance", target=48.0, plus_minus=0.01, source="what-if (test)")
    py_rows = cm.reports.reevaluate_report(reference_report, p)
    assert [r["figure"] for r in py_rows if r["changed"]] == ["centre_luminance"]
    saved = tmp_path / "tight.json"
    p.save(saved)
    assert_same_changes(py_rows, cli_changes(cli, reference_report, saved, tmp_path))


def test_sessions_reevaluated_in_python_match_evaluate_sessions(cm, cli, tmp_path):
    from conftest import certify
    db = tmp_path / "journal.db"
    certify(tmp_path / "ref", "projector-reference.json", db=db)
    certify(tmp_path / "dim", "projector-dim-corners.json", db=db)
    p = python_changed_profile(cm, 70)
    py_rows = cm.reports.reevaluate_sessions(p, db=db)
    assert sum(r["changed"] for r in py_rows) == 4  # only the dim-corner session flips
    saved = tmp_path / "p.json"
    p.save(saved)
    cli_rows = cli_changes(cli, None, saved, tmp_path, "--sessions", "--db", db)
    assert_same_changes(py_rows, cli_rows)
    assert [r["source"] for r in py_rows] == [r["source"] for r in cli_rows]


def test_evaluate_reproduces_the_reports_figures_with_u(cm, dim_report):
    report = cm.reports.read_report(dim_report)
    unc = report["uncertainty"]
    assert unc["draws"] == "adaptive"  # certify's default, as evaluate's
    # The whole report: its instruments and the budgets certify used (the virtual meter's).
    e = cm.profiles.load("st431-1-review").evaluate(report, draws=unc["draws"], seed=unc["seed"])
    assert e["overall"] == report["overall_verdict"] == "FAIL"
    assert len(e["figures"]) == len(report["figures"])
    for got, ref in zip(e["figures"], report["figures"]):
        assert got["id"] == ref["id"]
        assert got["value"] == pytest.approx(ref["value"], rel=1e-12)
        assert got["U"] == pytest.approx(ref["expanded_uncertainty_k2"], rel=1e-12)
        assert got["U"] > 0
        assert got["verdict"] == ref["verdict"]
        assert got["monte_carlo_draws"] == ref["monte_carlo_draws"]


def one_figure_profile(cm, lower, upper):
    """ST 431-1's centre luminance alone, with the limit [lower, upper] cd/m² (not provisional)."""
    doc = cm.profiles.load("st431-1-review").to_dict()
    doc["steps"] = [dict(doc["steps"][0], points=["C"])]
    fig = next(f for f in doc["figures"] if f["id"] == "centre_luminance")
    fig["tolerance"] = {"min": lower, "max": upper, "source": "hand-worked case (test)"}
    doc["figures"] = [fig]
    return cm.profiles.Profile.from_dict(doc)


def test_each_decision_rule_on_a_hand_worked_straddling_figure(cm):
    # One reading of 48 cd/m² with u = 1 % (k = 1) and no known instrument: the reading's own u
    # is systematic, so U = 2 · 1 % · 48 = 0.96 cd/m².
    readings = [{"step": "white", "point": "C", "repeat": 0, "X": 45.5, "Y": 48.0, "Z": 52.0,
                 "u_luminance_rel": 0.01, "u_chromaticity_xy": 0.0}]
    assert cm.profiles.decision_rules().keys() == {"simple", "guarded", "non-binary"}
    assert cm.profiles.VERDICTS == ("PASS", "CONDITIONAL PASS", "CONDITIONAL FAIL", "FAIL")
    # (lower, upper): what simple, guarded and non-binary say (ILAC-G8:09/2019 §4.2).
    cases = {
        (47.5, 60.0): ("PASS", "FAIL", "CONDITIONAL PASS"),  # 48 inside, 48 − U below 47.5
        (48.5, 60.0): ("FAIL", "FAIL", "CONDITIONAL FAIL"),  # 48 outside, 48 + U above 48.5
        (40.0, 48.4): ("PASS", "FAIL", "CONDITIONAL PASS"),  # the upper limit straddled
        (46.0, 50.0): ("PASS", "PASS", "PASS"),  # 48 ± 0.96 well inside
        (50.0, 60.0): ("FAIL", "FAIL", "FAIL"),  # 48 ± 0.96 wholly below
    }
    for (lower, upper), expected in cases.items():
        p = one_figure_profile(cm, lower, upper)
        got = []
        for rule in ("simple", "guarded", "non-binary"):
            e = p.evaluate(readings, decision_rule=rule, seed=11)
            f = e["figures"][0]
            assert e["decision_rule"] == rule
            assert f["value"] == pytest.approx(48.0)
            assert f["U"] == pytest.approx(0.96, rel=0.05)
            assert f["straddles_limit"] == (expected[2].startswith("CONDITIONAL"))
            assert f["guard_band"] == (0.0 if rule == "simple" else f["U"])
            assert e["overall"] == f["verdict"]  # the only figure, binding
            got.append(f["verdict"])
        assert tuple(got) == expected, (lower, upper)
    with pytest.raises(ValueError, match="'simple', 'guarded' or 'non-binary'"):
        one_figure_profile(cm, 46.0, 50.0).evaluate(readings, decision_rule="conditional")


def test_decision_rules_on_a_straddling_corner_of_a_report(cm, dim_report):
    report = cm.reports.read_report(dim_report)
    p = cm.profiles.load("st431-1-review")
    tl = p.evaluate(report)["figures"][5]
    assert tl["id"] == "corner_TL_percent" and tl["U"] > 0  # the virtual meter's noise
    # The TL corner's lower limit half a U below its value: inside, but value − U is not.
    p.set_limit("corner_TL_percent", min=tl["value"] - tl["U"] / 2, max=90, source="test")
    by_rule = {rule: {f["id"]: f for f in p.evaluate(report, decision_rule=rule)["figures"]}
               for rule in ("simple", "guarded", "non-binary")}
    assert by_rule["simple"]["corner_TL_percent"]["straddles_limit"]
    assert by_rule["simple"]["corner_TL_percent"]["verdict"] == "PASS"
    assert by_rule["guarded"]["corner_TL_percent"]["verdict"] == "FAIL"
    assert by_rule["non-binary"]["corner_TL_percent"]["verdict"] == "CONDITIONAL PASS"
    # Clear passes and fails do not depend on the rule (BR at ≈ 75 % against 80 %).
    for rule in ("guarded", "non-binary"):
        assert by_rule[rule]["centre_luminance"]["verdict"] == \
            by_rule["simple"]["centre_luminance"]["verdict"] == "PASS"
        assert by_rule[rule]["corner_BR_percent"]["verdict"] == "FAIL"


def test_provisional_limits_can_be_made_informative(cm, dim_report):
    readings = cm.reports.read_report(dim_report)["readings"]
    p = cm.profiles.load("st431-1-review")
    for fid in CORNERS:
        p.set_limit(fid, provisional=True)
    e = p.evaluate(readings, provisional="binding")
    assert e["provisional"] == "binding"
    assert e["overall"] == "FAIL"
    e = p.evaluate(readings)  # informative by default, as certify
    assert e["provisional"] == "informative"
    assert e["overall"] == "PASS"  # the failing corners no longer decide
    assert all(f["limit"]["informative"] for f in e["figures"] if f["id"] in CORNERS)


def test_a_bad_limit_is_refused_and_the_profile_is_unchanged(cm):
    p = cm.profiles.load("st431-1-review")
    before = p.to_dict()
    with pytest.raises(cm.DataError, match="min is greater than max"):
        p.set_limit("corner_TL_percent", min=95)  # max stays 90
    with pytest.raises(KeyError, match="no figure 'corner_XX'"):
        p.set_limit("corner_XX", min=70)
    with pytest.raises(TypeError, match="unknown field 'minimum'"):
        p.set_limit("corner_TL_percent", minimum=70)
    assert p.to_dict() == before
    assert p.figure("corner_TL_percent")["limit"]["lower"] == 80.0


def test_switching_a_limit_between_bounds_and_target_forms(cm):
    p = cm.profiles.load("st431-1-review")
    p.set_limit("corner_TL_percent", target=85, plus_minus=5)
    lim = p.figure("corner_TL_percent")["limit"]
    assert (lim["target"], lim["lower"], lim["upper"]) == (85.0, 80.0, 90.0)
    p.set_limit("corner_TL_percent", min=70)
    lim = p.figure("corner_TL_percent")["limit"]
    assert (lim["target"], lim["lower"], lim["upper"]) == (None, 70.0, None)
    assert lim["text"] == "≥ 70"


def test_from_dict_validates_like_a_file(cm):
    doc = cm.profiles.load("st431-1-review").to_dict()
    doc["figures"][0]["metric"] = "brightness"
    with pytest.raises(cm.DataError, match=r"\$\.figures\[0\]\.metric"):
        cm.profiles.Profile.from_dict(doc)


def test_the_idms_min_rule_instead_of_the_mean_rule_changes_the_figure_as_the_cli_says(
        cm, cli, tmp_path):
    from conftest import certify
    report = certify(tmp_path / "3d", "projector-3d-reference.json",
                     profile="iso5926-3d-class-a-theatre")
    readings = cm.reports.read_report(report)["readings"]
    p = cm.profiles.load("iso5926-3d-class-a-theatre")
    fig = p.figure("lr_difference")
    assert fig["metric"] == "stereo_luminance_difference_mean"
    mean_rule = p.evaluate(readings)["figures"]
    p.set_figure("lr_difference", metric="stereo_luminance_difference_min",
                 label="Left/right luminance difference (IDMS min rule)")
    min_rule = p.evaluate(readings)["figures"]
    i = [f["id"] for f in mean_rule].index("lr_difference")
    # Hand-worked: 100·|L−R| / mean(L, R) against 100·|L−R| / min(L, R); their ratio is
    # mean(L, R) / min(L, R) of the two eyes' centre luminances.
    L = cm.metrics.compute("luminance", readings, step=fig["step"], point="C", draws=0)["value"]
    R = cm.metrics.compute("luminance", readings, step=fig["reference_step"], point="C",
                           draws=0)["value"]
    assert min_rule[i]["value"] == pytest.approx(
        mean_rule[i]["value"] * ((L + R) / 2) / min(L, R), rel=1e-12)
    assert min_rule[i]["value"] > mean_rule[i]["value"] > 0
    # Everything else is untouched, and the CLI on the saved profile agrees.
    assert [f["value"] for j, f in enumerate(min_rule) if j != i] == \
        [f["value"] for j, f in enumerate(mean_rule) if j != i]
    saved = tmp_path / "min-rule.json"
    p.save(saved)
    assert_same_changes(cm.reports.reevaluate_report(report, p),
                        cli_changes(cli, report, saved, tmp_path))
    with pytest.raises(cm.DataError, match="metric"):
        p.set_figure("lr_difference", metric="stereo_luminance_difference_median")
    assert p.figure("lr_difference")["metric"] == "stereo_luminance_difference_min"

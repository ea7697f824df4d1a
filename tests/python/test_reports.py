# SPDX-License-Identifier: Apache-2.0
"""cinemeasure.reports: report.json and the session journal as plain Python objects."""
import json

import pytest

from conftest import certify


def test_read_report_gives_the_document_as_plain_objects(cm, dim_report):
    doc = cm.reports.read_report(dim_report)
    assert doc == json.loads(dim_report.read_text())
    assert isinstance(doc["readings"], list) and isinstance(doc["readings"][0], dict)
    r = doc["readings"][0]
    assert {"step", "point", "repeat", "X", "Y", "Z", "u_luminance_rel"} <= r.keys()
    assert doc["profile"]["id"] == "st431-1-review"


def test_a_journal_holds_the_same_readings_as_the_report(cm, tmp_path):
    db = tmp_path / "j.db"
    report = certify(tmp_path / "run", "projector-reference.json", db=db, seed=11)
    sessions = cm.reports.sessions(db)
    assert len(sessions) == 1
    s = sessions[0]
    assert s["status"] == "complete" and s["profile_id"] == "st431-1-review"
    assert s["seed"] == 11
    full = cm.reports.session(s["id"], db)
    doc = cm.reports.read_report(report)
    assert full["reading_count"] == len(doc["readings"]) == len(full["readings"])
    for a, b in zip(full["readings"], doc["readings"]):
        assert (a["step"], a["point"], a["repeat"]) == (b["step"], b["point"], b["repeat"])
        assert (a["X"], a["Y"], a["Z"]) == pytest.approx((b["X"], b["Y"], b["Z"]), rel=1e-12)
    assert full["profile"].id == "st431-1-review"
    # The stored profile evaluates the stored readings to the report's verdict.
    assert full["profile"].evaluate(full["readings"])["overall"] == doc["overall_verdict"]


def test_compare_two_profiles_on_readings(cm, dim_report):
    readings = cm.reports.read_report(dim_report)["readings"]
    after = cm.profiles.load("st431-1-review")
    after.set_limit("corner_TL_percent", min=70)
    rows = cm.reports.compare(readings, "st431-1-review", after, source="r")
    assert [r["figure"] for r in rows if r["changed"]] == ["corner_TL_percent"]
    assert rows[0]["source"] == "r"


def test_a_missing_journal_is_not_created(cm, tmp_path):
    db = tmp_path / "nope.db"
    with pytest.raises(cm.SessionStoreError, match="no session database"):
        cm.reports.sessions(db)
    assert not db.exists()


def test_unknown_session_is_an_error(cm, tmp_path):
    db = tmp_path / "j.db"
    certify(tmp_path / "run", "projector-reference.json", db=db)
    with pytest.raises(cm.SessionStoreError):
        cm.reports.session("20000101-000000-dead", db)

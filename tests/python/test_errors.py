# SPDX-License-Identifier: Apache-2.0
"""Errors reach Python as exceptions carrying the message the CLI prints after 'cinemeasure: '."""
import json

import pytest

from conftest import CALIBRATION


def test_cct_out_of_range_message_is_the_clis(cm, cli):
    r = cli("calc", "cct", "--xy", "0.2,0.7")
    assert r.code == 2
    with pytest.raises(cm.CctRangeError) as e:
        cm.colorimetry.cct((0.2, 0.7))
    assert str(e.value) == r.message()


def test_bad_spectrum_file_message_is_the_clis(cm, cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("nm,value\n400,1\n390,2\n")
    r = cli("calc", "spectrum", bad)
    assert r.code == 2
    with pytest.raises(ValueError) as e:
        cm.colorimetry.read_spectrum(bad)
    assert str(e.value) == r.message()
    assert isinstance(e.value, (cm.SpectrumError, cm.DataError))


def test_unknown_profile_message_is_the_clis(cm, cli, dim_report):
    r = cli("evaluate", dim_report, "--profile", "nope")
    assert r.code == 2
    with pytest.raises(RuntimeError) as e:
        cm.profiles.load("nope")
    assert str(e.value) == r.message()
    assert "available:" in str(e.value)


def test_invalid_profile_file_message_is_the_clis(cm, cli, dim_report, tmp_path):
    doc = json.loads((CALIBRATION / "profiles" / "st431-1-review.json").read_text())
    doc["figures"][5]["tolerance"]["min"] = 95  # above max 90
    bad = tmp_path / "bad-profile.json"
    bad.write_text(json.dumps(doc))
    r = cli("evaluate", dim_report, "--profile", bad)
    assert r.code == 2
    with pytest.raises(cm.DataError) as e:
        cm.profiles.load(str(bad))
    assert str(e.value) == r.message()
    assert "min is greater than max" in str(e.value)


def test_malformed_report_message_is_the_clis(cm, cli, dim_report, tmp_path):
    doc = json.loads(dim_report.read_text())
    del doc["readings"][3]["Y"]
    bad = tmp_path / "report.json"
    bad.write_text(json.dumps(doc))
    r = cli("evaluate", bad, "--profile", "st431-1-review")
    assert r.code == 2
    with pytest.raises(cm.DataError) as e:
        cm.reports.read_report(bad)
    assert str(e.value) == r.message()
    with pytest.raises(cm.DataError) as e2:
        cm.reports.reevaluate_report(bad, "st431-1-review")
    assert str(e2.value) == r.message()

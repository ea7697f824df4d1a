# SPDX-License-Identifier: Apache-2.0
"""The examples in docs/python run and say what they should."""
import json
import shutil
import subprocess
import sys

from conftest import SOURCE_DIR

EXAMPLES = SOURCE_DIR / "docs" / "python"


def run(*args):
    proc = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_reevaluate_folder_lists_the_corner_flips(dim_report, reference_report, tmp_path):
    folder = tmp_path / "reports"
    for i, r in enumerate((dim_report, reference_report)):
        (folder / str(i)).mkdir(parents=True)
        shutil.copy(r, folder / str(i) / "report.json")
    (folder / "broken").mkdir()
    (folder / "broken" / "report.json").write_text(json.dumps({"readings": [{"step": "w"}]}))
    out = run(EXAMPLES / "reevaluate_folder.py", folder, "--profile", "st431-1-review",
              *sum((["--figure", f"corner_{c}_percent"] for c in ("TL", "TR", "BL", "BR")), []),
              "--min", "70", "--csv", tmp_path / "c.csv")
    assert "4 verdict(s) changed" in out
    assert out.count("FAIL (80 … 90) -> PASS (70 … 90)") == 4
    assert (tmp_path / "c.csv").read_text().count("\n") == 1 + 2 * 19


def test_compare_cct_methods_on_a_file_and_on_daylight():
    out = run(EXAMPLES / "compare_cct_methods.py", SOURCE_DIR / "calibration" / "cie" /
              "illuminant_A.csv")
    ohno = next(line for line in out.splitlines() if line.strip().startswith("ohno2013"))
    assert abs(float(ohno.split()[1]) - 2856.0) < 1.0  # illuminant A, CIE 015:2018 §4.1
    out = run(EXAMPLES / "compare_cct_methods.py")
    assert "mccamy1992     outside its range" in out  # 15 000 K is beyond McCamy's cubic


def test_observer_metamerism_says_when_it_is_synthetic():
    out = run(EXAMPLES / "observer_metamerism.py")
    assert "SYNTHETIC" in out and "Δu'v'" in out

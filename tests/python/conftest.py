# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures for the Python module's tests: the module, the CLI and the repository's data.

CTest sets PYTHONPATH and CINEMEASURE_* (tests/python/CMakeLists.txt); run by hand from the
repository root (`/usr/bin/python3 -m pytest tests/python`) the release build in build/ is used.
"""
import json
import os
import pathlib
import subprocess
import sys

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("CINEMEASURE_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))
TEST_DATA = pathlib.Path(os.environ.get("CINEMEASURE_TEST_DATA_DIR", SOURCE_DIR / "tests" / "data"))
CLI = os.environ.get("CINEMEASURE_CLI", str(SOURCE_DIR / "build" / "bin" / "cinemeasure"))
CALIBRATION = SOURCE_DIR / "calibration"
if "PYTHONPATH" not in os.environ:
    sys.path.insert(0, str(SOURCE_DIR / "build" / "python"))

import cinemeasure  # noqa: E402  (after the path is set)


class CliResult:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)

    def message(self):
        """The one-line error the CLI printed, without its 'cinemeasure: ' prefix."""
        line = self.err.strip().splitlines()[-1]
        assert line.startswith("cinemeasure: "), self.err
        return line[len("cinemeasure: "):]


def run_cli(*args, env=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    proc = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, env=full_env,
                          timeout=240)
    return CliResult(proc)


@pytest.fixture(scope="session")
def cm():
    return cinemeasure


@pytest.fixture(scope="session")
def cli():
    return run_cli


def certify(out_dir, theatre, profile="st431-1-review", seed=5, db=None):
    """A simulated certification with the CLI; returns the report.json path."""
    args = ["certify", "--profile", profile, "--simulate", CALIBRATION / "virtual" / theatre,
            "--out", out_dir, "--quiet", "--seed", seed,
            "--db", db if db else pathlib.Path(out_dir).parent / "sessions.db"]
    r = run_cli(*args)
    assert r.code == 0, r.err
    return pathlib.Path(out_dir) / "report.json"


@pytest.fixture(scope="session")
def dim_report(tmp_path_factory):
    """A report of the theatre whose corners sit at 75 % of centre (fail ST 431-1's 80 %)."""
    return certify(tmp_path_factory.mktemp("dim") / "run", "projector-dim-corners.json")


@pytest.fixture(scope="session")
def reference_report(tmp_path_factory):
    return certify(tmp_path_factory.mktemp("ref") / "run", "projector-reference.json")

# SPDX-License-Identifier: Apache-2.0
"""cinemeasure.colorimetry against published data (Sharma et al. 2005, CIE 15 tables, SMPTE/DCI
tables) and against `cinemeasure calc --json` for the same inputs."""
import csv

import numpy as np
import pytest

from conftest import CALIBRATION, TEST_DATA


def sharma_pairs():
    with open(TEST_DATA / "ciede2000_sharma2005.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    lab1 = np.array([[float(r["L1"]), float(r["a1"]), float(r["b1"])] for r in rows])
    lab2 = np.array([[float(r["L2"]), float(r["a2"]), float(r["b2"])] for r in rows])
    return lab1, lab2, np.array([float(r["dE00"]) for r in rows])


def test_ciede2000_reproduces_all_34_sharma_pairs_vectorised_and_one_by_one(cm):
    lab1, lab2, published = sharma_pairs()
    assert len(published) == 34
    got = cm.colorimetry.delta_e2000(lab1, lab2)
    assert got.shape == (34,)
    # Table 1 gives 4 decimals.
    np.testing.assert_allclose(got, published, atol=5e-5, rtol=0)
    for i in range(34):
        assert cm.colorimetry.delta_e2000(lab1[i], lab2[i]) == pytest.approx(got[i], abs=1e-12)
    # Symmetric in its arguments (Sharma et al. §3).
    np.testing.assert_allclose(cm.colorimetry.delta_e2000(lab2, lab1), got, atol=1e-12)


# CIE 15:2004 Table T.3 (A, C, D65) and Table T.8.2 (FL2, FL7, FL11 to 4 decimals):
# (x, y) for the CIE 1931 2° and CIE 1964 10° observers.
CIE15_ILLUMINANTS = [
    ("A", (0.44757, 0.40745), (0.45117, 0.40594)),
    ("C", (0.31006, 0.31616), (0.31039, 0.31905)),
    ("D65", (0.31271, 0.32902), (0.31382, 0.33100)),
    ("F2", (0.3721, 0.3751), (0.3793, 0.3672)),
    ("F7", (0.3129, 0.3292), (0.3157, 0.3296)),
    ("F11", (0.3805, 0.3769), (0.3854, 0.3711)),
]


@pytest.mark.parametrize("name,xy2,xy10", CIE15_ILLUMINANTS)
def test_illuminant_chromaticities_match_cie15_tables_for_both_observers(cm, name, xy2, xy10):
    wl, spd = cm.colorimetry.illuminant(name)
    for observer, published in (("1931_2", xy2), ("1964_10", xy10)):
        xyz = cm.colorimetry.illuminant_xyz(wl, spd, observer)
        assert xyz[1] == pytest.approx(100.0)
        np.testing.assert_allclose(cm.colorimetry.xy(xyz), published, atol=1e-4, rtol=0)


def test_spectra_in_a_2d_array_give_one_xyz_per_row(cm):
    wl, spd = cm.colorimetry.illuminant("D65")
    rows = np.vstack([spd * 1e-3, spd * 2e-3, spd * 5e-3])
    xyz = cm.colorimetry.spectrum_to_xyz(wl, rows)
    assert xyz.shape == (3, 3)
    np.testing.assert_allclose(xyz[1], 2 * xyz[0], rtol=1e-12)
    np.testing.assert_allclose(xyz[2], cm.colorimetry.spectrum_to_xyz(wl, rows[2]), rtol=1e-12)
    xy = cm.colorimetry.xy(xyz)
    assert xy.shape == (3, 2)
    np.testing.assert_allclose(xy, [[0.31271, 0.32902]] * 3, atol=1e-4)


def test_km_definition_and_equal_energy_white(cm):
    obs = cm.colorimetry.observer("1931_2")
    wl = obs["wavelength_nm"]
    assert not obs["ybar"].flags.writeable  # a view on the process's CMF table, not a copy
    # 1 W·sr⁻¹·m⁻²·nm⁻¹ over 1 nm at 555 nm: Y = Km · ȳ(555) = 683.002 · 1.0 cd/m².
    line = np.where(wl == 555.0, 1.0, 0.0)
    assert cm.colorimetry.spectrum_to_xyz(wl, line)[1] == pytest.approx(683.002, abs=1e-9)
    flat = np.ones_like(wl)
    np.testing.assert_allclose(cm.colorimetry.xy(cm.colorimetry.spectrum_to_xyz(wl, flat)),
                               [1 / 3, 1 / 3], atol=2e-4)


def test_cct_by_each_method_on_published_points(cm):
    c = cm.colorimetry
    # CIE 015:2018 §4.1: illuminant A is 2856 K, D65 6504 K (Duv ≈ +0.0032).
    a = c.cct((0.44757, 0.40745))
    assert a["cct_K"] == pytest.approx(2856.0, abs=1.0)
    d65 = c.cct((0.31271, 0.32902), "ohno2013")
    assert d65["cct_K"] == pytest.approx(6504.0, abs=1.0)
    assert d65["duv"] == pytest.approx(0.0032, abs=2e-4)
    # McCamy (1992) for D65 (0.3127, 0.3290): 6505.0806 K, no Duv.
    m = c.cct((0.3127, 0.3290), "mccamy1992")
    assert m["cct_K"] == pytest.approx(6505.0806, abs=1e-3)
    assert m["duv"] is None
    # Robertson (1968) on the CIE 1960 point of 6500 K at Duv 0.00833 (colour-science example).
    u, v = 0.193741375998230, 0.315221043940594
    den = 2 * u - 8 * v + 4
    r = c.cct((3 * u / den, 2 * v / den), "robertson1968")
    assert r["cct_K"] == pytest.approx(6500.016, abs=0.01)
    assert r["duv"] == pytest.approx(0.0083333, abs=1e-6)
    assert c.cct_methods()[0] == "ohno2013"


def test_cct_out_of_range_is_an_error_not_a_number(cm):
    with pytest.raises(cm.CctRangeError):
        cm.colorimetry.cct((0.2, 0.7))
    with pytest.raises(ValueError):
        cm.colorimetry.cct((0.3, 0.3), "kelvin")


def test_dci_codes_match_rp431_2_table_a4_and_round_trip(cm):
    # RP 431-2:2011 Table A.4: codes → x, y (4 decimals), Y (2 decimals).
    patches = [((3794, 3960, 3890), 0.3140, 0.3510, 48.00),
               ((2901, 2171, 100), 0.6799, 0.3200, 10.06),
               ((2417, 3493, 1222), 0.2649, 0.6901, 34.64),
               ((2014, 1416, 3816), 0.1500, 0.0600, 3.31)]
    codes = np.array([p[0] for p in patches], dtype=float)
    xyz = cm.colorimetry.dci_decode(codes)
    np.testing.assert_allclose(cm.colorimetry.xy(xyz), [[p[1], p[2]] for p in patches], atol=1e-4)
    np.testing.assert_allclose(xyz[:, 1], [p[3] for p in patches], atol=0.005)
    np.testing.assert_array_equal(cm.colorimetry.dci_encode(xyz), codes)
    with pytest.raises(ValueError):
        cm.colorimetry.dci_decode([4096, 0, 0])


def test_pq_matches_the_dci_hdr_grey_steps_and_st2084_end_points(cm):
    c = cm.colorimetry
    # DCI HDR addendum grey steps (codes 2546, 481, 62).
    got = c.pq_target_cdm2([2546, 481, 62])
    assert got[0] == pytest.approx(299.6, abs=0.05)
    assert got[1] == pytest.approx(0.500, abs=0.0005)
    assert got[2] == pytest.approx(0.0050, abs=0.0001)
    assert c.pq_eotf(1.0) == pytest.approx(10000.0)
    assert c.pq_eotf(0.0) == 0.0
    lum = np.array([0.005, 0.1, 48.0, 108.0, 300.0, 4000.0])
    np.testing.assert_allclose(c.pq_eotf(c.pq_inverse_eotf(lum)), lum, rtol=1e-9)
    with pytest.raises(ValueError):
        c.pq_eotf(1.5)


def test_dci_p3_npm_matches_eg432_1(cm):
    published = [[0.4451698156, 0.2771344092, 0.1722826698],
                 [0.2094916779, 0.7215952542, 0.0689130679],
                 [0.0000000000, 0.0470605601, 0.9073553944]]
    name = next(cs["name"] for cs in cm.colorimetry.colourspaces() if "DCI" in cs["name"])
    np.testing.assert_allclose(cm.colorimetry.normalised_primary_matrix(name), published,
                               atol=1e-6)


# --- the same inputs through the CLI: identical numbers ------------------------------------------

@pytest.mark.parametrize("observer", ["1931_2", "1964_10"])
def test_spectrum_file_matches_calc_spectrum_json(cm, cli, observer):
    for path in (CALIBRATION / "cie" / "illuminant_A.csv", TEST_DATA / "argyll_example.sp"):
        ref = cli("calc", "spectrum", path, "--observer", observer, "--json")
        assert ref.code == 0, ref.err
        ref = ref.json()
        wl, values = cm.colorimetry.read_spectrum(path)
        xyz = cm.colorimetry.spectrum_to_xyz(wl, values, observer)
        np.testing.assert_allclose(xyz, [ref["X"], ref["Y"], ref["Z"]], rtol=1e-12)
        np.testing.assert_allclose(cm.colorimetry.xy(xyz), [ref["x"], ref["y"]], rtol=1e-12)
        np.testing.assert_allclose(cm.colorimetry.uv(xyz), [ref["u_prime"], ref["v_prime"]],
                                   rtol=1e-12)
        if ref["cct_K"] is not None:  # CCT is always on the 1931 observer's locus
            t = cm.colorimetry.cct(cm.colorimetry.xy(xyz), "ohno2013", "1931_2")
            assert t["cct_K"] == pytest.approx(ref["cct_K"], rel=1e-12)
            assert t["duv"] == pytest.approx(ref["duv"], abs=1e-15)


@pytest.mark.parametrize("method", ["ohno2013", "robertson1968", "mccamy1992"])
def test_cct_matches_calc_cct_json(cm, cli, method):
    for xy in ((0.314, 0.351), (0.3127, 0.3290), (0.44757, 0.40745)):
        ref = cli("calc", "cct", "--xy", f"{xy[0]},{xy[1]}", "--method", method, "--json").json()
        got = cm.colorimetry.cct(xy, method)
        assert got["method"] == ref["method"]
        assert got["cct_K"] == pytest.approx(ref["cct_K"], rel=1e-12)
        if ref["duv"] is None:
            assert got["duv"] is None
        else:
            assert got["duv"] == pytest.approx(ref["duv"], abs=1e-15)


def test_de2000_and_convert_match_calc_json(cm, cli):
    lab1, lab2, _ = sharma_pairs()
    for i in (0, 16, 33):
        ref = cli("calc", "de2000", "--lab1", ",".join(map(str, lab1[i])),
                  "--lab2", ",".join(map(str, lab2[i])), "--k", "1,1,1", "--json").json()
        assert cm.colorimetry.delta_e2000(lab1[i], lab2[i]) == pytest.approx(ref["dE00"],
                                                                             rel=1e-12)
    ref = cli("calc", "convert", "--from", "xyY", "--to", "uv", "--value", "0.314,0.351,48",
              "--json").json()
    np.testing.assert_allclose(cm.colorimetry.xy_to_uv([0.314, 0.351]),
                               [ref["u_prime"], ref["v_prime"]], rtol=1e-12)
    ref = cli("calc", "convert", "--from", "xyY", "--to", "Lab", "--value", "0.314,0.351,48",
              "--json").json()
    white = cm.colorimetry.xyY_to_XYZ([0.3127, 0.3290, 100.0])
    lab = cm.colorimetry.lab(cm.colorimetry.xyY_to_XYZ([0.314, 0.351, 48.0]), white)
    np.testing.assert_allclose(lab, [ref["L"], ref["a"], ref["b"]], rtol=1e-12)

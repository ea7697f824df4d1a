"""cinemeasure.imaging: the LED wall analysis on numpy frames against the virtual camera's ground
truth, and the module, seam and defect steps on hand-made grids."""
import json

import numpy as np
import pytest

from conftest import TEST_DATA

WALL = TEST_DATA / "imaging" / "led-test-wall.json"


@pytest.fixture(scope="module")
def rendered(cli, tmp_path_factory):
    d = tmp_path_factory.mktemp("wall")
    for name, stimulus in (("white", "white"), ("grey", "grey:0.5")):
        r = cli("render", "--virtual", WALL, "--out", d / f"{name}.tif", "--stimulus", stimulus,
                "--truth", d / f"{name}.json")
        assert r.code == 0, r.err
    return d


def test_wall_analysis_on_numpy_frames_finds_what_was_rendered(cm, rendered):
    white = cm.imaging.read_image(rendered / "white.tif")
    grey = cm.imaging.read_image(rendered / "grey.tif")
    assert white["rgb"].shape == (800, 1200, 3) and white["rgb"].dtype == np.uint16
    assert not white["rgb"].flags.owndata  # the decoder's buffer, not a copy
    a = cm.imaging.analyze_wall(white["rgb"], WALL, defect_rgb=grey["rgb"],
                                exposure_s=white["exposure_s"])
    truth = json.loads((rendered / "white.json").read_text())
    # Corners within a pixel of where the renderer put them.
    np.testing.assert_allclose(a["corners_px"], truth["corners_px"], atol=1.0)
    # One luminance sample per LED pixel (128 × 72), shared with the analysis, no copy.
    assert a["luminance"].shape == (72, 128) and a["luminance"].dtype == np.float32
    assert not a["luminance"].flags.owndata
    assert a["wall"]["mean_cdm2"] == pytest.approx(48.0, rel=0.03)
    assert (a["wall"]["x"], a["wall"]["y"]) == pytest.approx((0.314, 0.351), abs=0.002)
    # Every rendered defect is found at its pixel, and nothing else.
    assert sorted((d["x_px"], d["y_px"]) for d in a["defects"]) == \
        sorted((d["x_px"], d["y_px"]) for d in truth["defects"])
    # Seams: vertical border 3 over all 6 module rows (+8 %), horizontal border 2 over columns
    # 1–4 (−8 %), vertical border 6 over rows 0–2 (−6 %).
    expected = {("vertical", 3, s) for s in range(6)} | {("horizontal", 2, s) for s in range(1, 5)} \
        | {("vertical", 6, s) for s in range(3)}
    assert {(s["orientation"], s["border"], s["segment"]) for s in a["seams"]} == expected
    # The draft limits allow no defect: the wall fails on its six pixels alone.
    assert a["wall"]["modules_failing"] == 0
    assert a["pass"] is False and a["verdict"] == "fail"
    assert a["limits"]["module_luminance"]["provisional"] is True


def test_wall_analysis_refuses_a_copying_input(cm, rendered):
    rgb = cm.imaging.read_image(rendered / "white.tif")["rgb"]
    with pytest.raises(ValueError, match="C-contiguous uint16"):
        cm.imaging.analyze_wall(rgb.astype(np.float32), WALL)
    with pytest.raises(ValueError, match="C-contiguous"):
        cm.imaging.analyze_wall(rgb[:, ::2], WALL)


LAYOUT = {"modules_across": 2, "modules_down": 2, "module_w_px": 8, "module_h_px": 8,
          "pixel_pitch_mm": 2.5}


def test_module_uniformity_on_a_hand_made_grid(cm):
    xyz = np.empty((16, 16, 3), np.float32)
    xyz[...] = (0.314 / 0.351 * 50, 50, (1 - 0.314 - 0.351) / 0.351 * 50)
    xyz[0:8, 8:16] *= 1.2  # module (col 1, row 0) at 1.2× — outside 0.9–1.1
    r = cm.imaging.module_uniformity(xyz, LAYOUT, min_ratio=0.9, max_ratio=1.1, max_abs_dx=0.015,
                                     max_abs_dy=0.015)
    # Wall mean = mean of module means = (60 + 3 · 50) / 4 = 52.5 cd/m².
    assert r["wall_mean_cdm2"] == pytest.approx(52.5, rel=1e-6)
    ratios = {(m["col"], m["row"]): m["ratio_to_wall"] for m in r["modules"]}
    assert ratios[(1, 0)] == pytest.approx(60 / 52.5, rel=1e-6)
    assert ratios[(0, 0)] == pytest.approx(50 / 52.5, rel=1e-6)
    assert r["modules_failing"] == 1
    assert [m["pass"] for m in r["modules"]] == [True, False, True, True]
    assert r["wall_xy"] == pytest.approx((0.314, 0.351), abs=1e-6)


def test_seams_and_defects_on_a_hand_made_grid(cm):
    lum = np.full((16, 16), 50.0, np.float32)
    lum[:, 7:9] *= 1.10  # the pixel columns either side of the vertical border: +10 %
    lum[3, 3] = 0.0      # a dead pixel in module (0, 0)
    lum[12, 12] = 500.0  # a stuck one in module (1, 1)
    seams = cm.imaging.measure_seams(lum, LAYOUT, threshold_pct=3.0)
    found = [(s["orientation"], s["border"], s["segment"]) for s in seams if s["detected"]]
    assert sorted(found) == [("vertical", 1, 0), ("vertical", 1, 1)]
    v = [s for s in seams if s["detected"]][0]
    assert v["contrast_pct"] == pytest.approx(10.0, abs=1e-4)
    defects = cm.imaging.detect_pixel_defects(lum, LAYOUT, dead_below_ratio=0.5,
                                              stuck_above_ratio=2.0, stuck_min_excess_cdm2=1.0)
    assert [(d["x_px"], d["y_px"], d["kind"]) for d in defects] == [(3, 3, "dead"),
                                                                   (12, 12, "stuck")]
    assert defects[1]["module"] == (1, 1) and defects[1]["x_in_module"] == 4


def test_layout_from_a_config_and_bad_layouts(cm):
    l = cm.imaging.layout(WALL)
    assert (l["modules_across"], l["modules_down"], l["module_w_px"], l["module_h_px"]) == \
        (8, 6, 16, 12)
    with pytest.raises(ValueError):
        cm.imaging.layout({"modules_across": 0, "modules_down": 2, "module_w_px": 8,
                           "module_h_px": 8})

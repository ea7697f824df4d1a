# SPDX-License-Identifier: Apache-2.0
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


# Recovery bounds of tests/app/imaging/test_wall_recovery.cpp: module means within 1 % of the
# area-average truth, seam line depth within 2 points of the rendered gain.
MODULE_MEAN_ERROR_PCT = 1.0
SEAM_DEPTH_ERROR_PTS = 2.0


def test_wall_analysis_on_numpy_frames_finds_what_was_rendered(cm, rendered):
    white = cm.imaging.read_image(rendered / "white.tif")
    grey = cm.imaging.read_image(rendered / "grey.tif")
    assert white["rgb"].shape == (800, 1200, 3) and white["rgb"].dtype == np.uint16
    assert not white["rgb"].flags.owndata  # the decoder's buffer, not a copy
    # The frame's black and white levels go with it: left at 0 the black level (512 DN here)
    # would read as light and put every module about 1.3 % high.
    # The DY/T 8 draft limits decide only when asked (provisional="binding").
    a = cm.imaging.analyze_wall(white["rgb"], WALL, defect_rgb=grey["rgb"],
                                exposure_s=white["exposure_s"],
                                black_level_dn=white["black_level_dn"],
                                white_level_dn=white["white_level_dn"],
                                provisional="binding")
    truth = json.loads((rendered / "white.json").read_text())
    # Corners within a pixel of where the renderer put them.
    np.testing.assert_allclose(a["corners_px"], truth["corners_px"], atol=1.0)
    # One luminance sample per LED pixel (128 × 72), shared with the analysis, no copy.
    assert a["luminance"].shape == (72, 128) and a["luminance"].dtype == np.float32
    assert not a["luminance"].flags.owndata
    assert (a["wall"]["x"], a["wall"]["y"]) == pytest.approx((0.314, 0.351), abs=0.002)

    # Module means: the area average a spot meter covering the module reads, within 1 %.
    area = {(m["col"], m["row"]): m["mean_cdm2"] for m in truth["area_modules"]}
    assert len(a["modules"]) == len(area) == 48
    errors = {(m["col"], m["row"]): 100 * abs(m["mean_cdm2"] / area[(m["col"], m["row"])] - 1)
              for m in a["modules"]}
    worst = max(errors, key=errors.get)
    assert errors[worst] <= MODULE_MEAN_ERROR_PCT, f"module {worst}: {errors[worst]:.2f} %"
    assert a["wall"]["mean_cdm2"] == pytest.approx(np.mean(list(area.values())), rel=0.01)
    assert a["wall"]["modules_failing"] == 0

    # Every rendered defect at its exact LED, dead (level < 0.5) apart from stuck, nothing else.
    want_dead = {(d["x_px"], d["y_px"]) for d in truth["defects"] if d["level"] < 0.5}
    want_stuck = {(d["x_px"], d["y_px"]) for d in truth["defects"] if d["level"] > 0.5}
    assert want_dead and want_stuck
    assert {(d["x_px"], d["y_px"]) for d in a["dead"]} == want_dead
    assert {(d["x_px"], d["y_px"]) for d in a["stuck"]} == want_stuck
    assert (a["wall"]["dead"], a["wall"]["stuck"]) == (len(want_dead), len(want_stuck))
    for d in a["dead"] + a["stuck"]:
        col, row = d["module"]
        assert (col * 16 + d["x_in_module"], row * 12 + d["y_in_module"]) == \
            (d["x_px"], d["y_px"])

    # Seam lines: every rendered seam segment at its depth (sign included), beyond the
    # threshold; no other segment beyond it. One line per interior border segment.
    assert len(a["seam_lines"]) == 7 * 6 + 5 * 8
    gains = {(s["orientation"], s["border"], s["segment"]): s["gain_pct"]
             for s in truth["seams"]}
    assert gains
    for s in a["seam_lines"]:
        key = (s["orientation"], s["border"], s["segment"])
        if key in gains:
            assert s["depth_pct"] == pytest.approx(gains[key], abs=SEAM_DEPTH_ERROR_PTS), key
            assert s["beyond"] and s["kind"] == ("bright" if gains[key] > 0 else "dark")
            assert s["u_k2_pct"] >= 0
            # The line is one of the two LED lines at the border.
            first = s["border"] * (16 if s["orientation"] == "vertical" else 12)
            assert s["line_px"] in (first - 1, first), key
        else:
            assert not s["beyond"], (key, s["depth_pct"])

    # Figures: each with value, U (k = 2), limit, source and provisional flag (the DY/T 8
    # draft's limits are never confirmed); the wall fails on its defects and names them.
    figures = {f["id"]: f for f in a["figures"]}
    for key in ("module_luminance", "seams", "dead_pixels", "stuck_pixels"):
        assert key in figures, sorted(figures)
    for f in a["figures"]:
        assert set(f) >= {"value", "u_k2", "limit", "source", "provisional", "pass"}
        if f["measured"] and f["u_k2"] is not None:
            assert f["u_k2"] >= 0
    assert figures["dead_pixels"]["value"] == len(want_dead)
    assert figures["stuck_pixels"]["value"] == len(want_stuck)
    assert figures["dead_pixels"]["pass"] is False and figures["stuck_pixels"]["pass"] is False
    assert figures["module_luminance"]["pass"] is True
    assert all(figures[k]["provisional"] for k in ("module_luminance", "dead_pixels"))
    assert set(a["failed"]) == {f["name"] for f in a["figures"] if f["verdict"] == "fail"}
    assert figures["dead_pixels"]["name"] in a["failed"]
    assert a["pass"] is False and a["verdict"] == "fail"
    assert a["limits"]["module_luminance"]["provisional"] is True
    assert a["provisional"] == "binding" and "WARNING" in a["warning"]


def test_wall_analysis_draft_limits_are_informative_by_default(cm, rendered):
    white = cm.imaging.read_image(rendered / "white.tif")
    grey = cm.imaging.read_image(rendered / "grey.tif")
    a = cm.imaging.analyze_wall(white["rgb"], WALL, defect_rgb=grey["rgb"],
                                exposure_s=white["exposure_s"],
                                black_level_dn=white["black_level_dn"],
                                white_level_dn=white["white_level_dn"])
    figures = {f["id"]: f for f in a["figures"]}
    # The defects break the draft's "no defects" but do not decide: not judged, never pass.
    assert figures["dead_pixels"]["pass"] is False and figures["dead_pixels"]["deciding"] is False
    assert a["verdict"] == "not judged" and a["pass"] is False and a["judged"] is False
    assert a["verdict_text"].startswith("NOT JUDGED")
    assert a["failed"] == [] and figures["dead_pixels"]["name"] in a["informative_failed"]
    assert a["provisional"] == "informative" and a["warning"] == ""
    with pytest.raises(ValueError, match="--provisional"):
        cm.imaging.analyze_wall(white["rgb"], WALL, provisional="maybe", **levels(white))


def levels(image):
    """The frame's own exposure, black and white level, as read_image gives them."""
    return {k: image[k] for k in ("exposure_s", "black_level_dn", "white_level_dn")}


def test_wall_analysis_needs_the_frames_levels(cm, rendered):
    # Issue 14: no silent 1 s, 0 DN and 65535 DN. A frame without its exposure and levels is
    # refused with the names of what is missing, as the CLI refuses a file without them.
    white = cm.imaging.read_image(rendered / "white.tif")
    for missing in ("exposure_s", "black_level_dn", "white_level_dn"):
        given = {k: v for k, v in levels(white).items() if k != missing}
        with pytest.raises(TypeError, match="needs " + missing):
            cm.imaging.analyze_wall(white["rgb"], WALL, **given)


def test_wall_analysis_refuses_a_copying_input(cm, rendered):
    image = cm.imaging.read_image(rendered / "white.tif")
    rgb = image["rgb"]
    with pytest.raises(ValueError, match="C-contiguous uint16"):
        cm.imaging.analyze_wall(rgb.astype(np.float32), WALL, **levels(image))
    with pytest.raises(ValueError, match="C-contiguous"):
        cm.imaging.analyze_wall(rgb[:, ::2], WALL, **levels(image))


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
    # The seam lines of analyze_wall: each border segment's worse LED line against its own
    # module's interior. Columns 7 and 8 both +10 %: the worse is reported, at +10 % exactly.
    lines = cm.imaging.measure_seam_lines(lum, LAYOUT, threshold_pct=3.0)
    assert len(lines) == 2 + 2  # one vertical and one horizontal border, two segments each
    beyond = sorted((s["orientation"], s["border"], s["segment"]) for s in lines if s["beyond"])
    assert beyond == [("vertical", 1, 0), ("vertical", 1, 1)]
    for s in lines:
        if s["beyond"]:
            assert s["line_px"] in (7, 8) and s["kind"] == "bright"
            assert s["depth_pct"] == pytest.approx(10.0, abs=1e-4)
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

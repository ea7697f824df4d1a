#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Observer metamerism of a laser projector: a white balanced for the CIE 1931 2° observer looks
different to the CIE 1964 10° observer when the primaries are narrow-band.

    PYTHONPATH=build/python /usr/bin/python3 docs/python/observer_metamerism.py [RED GREEN BLUE]

With three spectral radiance files of the primaries (CSV "nm,value" or .sp, e.g. measured with a
PR-670 on full red, green and blue), those are used. This needs measured spectra: without them the
script uses SYNTHETIC Gaussian primaries (laser-like 2 nm at 465/532/639 nm against lamp-like
40 nm bands) purely to show the computation; its numbers describe no real projector.
"""
import sys

import numpy as np

import cinemeasure as cm

col = cm.colorimetry
DCI_WHITE = (0.314, 0.351)  # SMPTE RP 431-2 Table C.1


def gaussian(wl, centre, fwhm):
    return np.exp(-4 * np.log(2) * ((wl - centre) / fwhm) ** 2)


def balance(wl, primaries, white_xy):
    """Weights of the primaries whose mixture has white_xy for the 1931 observer, Y = 48 cd/m²."""
    m = np.column_stack([col.spectrum_to_xyz(wl, p, "1931_2") for p in primaries])
    target = col.xyY_to_XYZ([white_xy[0], white_xy[1], 48.0])
    return np.linalg.solve(m, target)


def white_seen_by_both(name, wl, primaries):
    w = balance(wl, primaries, DCI_WHITE)
    spectrum = sum(k * p for k, p in zip(w, primaries))
    uv2 = col.uv(col.spectrum_to_xyz(wl, spectrum, "1931_2"))
    uv10 = col.uv(col.spectrum_to_xyz(wl, spectrum, "1964_10"))
    print(f"{name}: 2° u'v' = ({uv2[0]:.4f}, {uv2[1]:.4f})  10° u'v' = ({uv10[0]:.4f}, "
          f"{uv10[1]:.4f})")
    for label, p in zip("RGB", primaries):
        xy2 = col.xy(col.spectrum_to_xyz(wl, p, "1931_2"))
        xy10 = col.xy(col.spectrum_to_xyz(wl, p, "1964_10"))
        print(f"  {label}: xy 2° ({xy2[0]:.4f}, {xy2[1]:.4f})  10° ({xy10[0]:.4f}, {xy10[1]:.4f})")
    return uv10


def main():
    if len(sys.argv) == 4:
        spectra = [col.read_spectrum(f) for f in sys.argv[1:]]
        wl = np.arange(380.0, 781.0)
        primaries = [np.interp(wl, s_wl, s_v, left=0, right=0) for s_wl, s_v in spectra]
        white_seen_by_both("measured primaries", wl, primaries)
        return
    print("SYNTHETIC primaries (no measured spectra given): an illustration of the method only\n")
    wl = np.arange(380.0, 781.0)
    laser = [gaussian(wl, c, 2.0) * 1e-3 for c in (639, 532, 465)]
    lamp = [gaussian(wl, c, 40.0) * 1e-3 for c in (615, 545, 455)]
    a = white_seen_by_both("laser-like", wl, laser)
    b = white_seen_by_both("lamp-like", wl, lamp)
    print(f"\nBoth whites are DCI white to the 2° observer; to the 10° observer they differ by "
          f"Δu'v' = {np.hypot(*(a - b)):.4f}")


if __name__ == "__main__":
    main()

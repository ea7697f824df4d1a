#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""CCT and Duv of one spectrum by each method the library implements, with each method's stated
range: the reference (Ohno 2013), Robertson (1968) and McCamy's (1992) approximation.

    PYTHONPATH=build/python /usr/bin/python3 docs/python/compare_cct_methods.py [SPECTRUM]

SPECTRUM is a radiance file (CSV "nm,value" or ArgyllCMS .sp); without one the CIE D illuminants
at several temperatures are compared, which shows where McCamy's cubic drifts.
"""
import sys

import cinemeasure as cm

col = cm.colorimetry


def report(name, wavelength_nm, values):
    xyz = col.spectrum_to_xyz(wavelength_nm, values)  # CIE 1931 2°; Y in cd/m² for radiance
    x, y = col.xy(xyz)
    print(f"{name}: CIE 1931 x = {x:.5f}, y = {y:.5f}")
    reference = None
    for method in col.cct_methods():
        try:
            r = col.cct((x, y), method)
        except cm.CctRangeError as e:  # outside the method's range: said, not guessed
            print(f"  {method:14s} outside its range ({e})")
            continue
        reference = reference or r["cct_K"]
        duv = "n/a" if r["duv"] is None else f"{r['duv']:+.5f}"
        print(f"  {method:14s} {r['cct_K']:9.1f} K  Duv {duv:>9s}  "
              f"Δ to {col.cct_methods()[0]}: {r['cct_K'] - reference:+.2f} K")


def main():
    if len(sys.argv) > 1:
        report(sys.argv[1], *col.read_spectrum(sys.argv[1]))
        return
    for cct in (4000, 5000, 6500, 9300, 15000):
        report(f"CIE D illuminant at {cct} K", *col.daylight_spectrum(cct))


if __name__ == "__main__":
    main()

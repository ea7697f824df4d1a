#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Re-evaluate every report.json under a folder with one limit changed, and list the verdicts that
change (the committee's "what if the limit were X", without shelling out per report).

    PYTHONPATH=build/python /usr/bin/python3 docs/python/reevaluate_folder.py out/ \
        --profile st431-1-review --figure corner_TL_percent --min 70 [--max 90] [--csv changes.csv]

Each report is compared under its own profile (as shipped) and the same profile with the limit
changed, exactly as `cinemeasure evaluate REPORT --profile FILE` would.
"""
import argparse
import csv
import pathlib
import sys

import cinemeasure as cm


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=pathlib.Path)
    ap.add_argument("--profile", required=True, help="profile id or .json file")
    ap.add_argument("--figure", required=True, action="append",
                    help="figure id whose limit changes (repeat for several)")
    ap.add_argument("--min", type=float)
    ap.add_argument("--max", type=float)
    ap.add_argument("--source", default="committee proposal",
                    help="where the new limit comes from (kept in the profile)")
    ap.add_argument("--csv", type=pathlib.Path, help="also write every row as CSV")
    args = ap.parse_args()

    profile = cm.profiles.load(args.profile)
    change = {k: v for k, v in (("min", args.min), ("max", args.max)) if v is not None}
    if not change:
        ap.error("give --min and/or --max")
    for fid in args.figure:
        print(f"{fid}: {profile.figure(fid)['limit']['text']}", end=" -> ")
        profile.set_limit(fid, source=args.source, **change)
        print(profile.figure(fid)["limit"]["text"])

    rows = []
    for report in sorted(args.folder.rglob("report.json")):
        try:
            rows += cm.reports.reevaluate_report(report, profile)
        except cm.DataError as e:  # a broken report is named and skipped, the rest still count
            print(f"skipped: {e}", file=sys.stderr)
    changed = [r for r in rows if r["changed"]]
    for r in changed:
        print(f"{r['source']}: {r['figure']} = {r['value']:.4g}  "
              f"{r['old_verdict']} ({r['old_limit']}) -> {r['new_verdict']} ({r['new_limit']})")
    print(f"{len(rows)} figure(s) in {len({r['source'] for r in rows})} report(s), "
          f"{len(changed)} verdict(s) changed")
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()) if rows else ["source"])
            w.writeheader()
            w.writerows(rows)


if __name__ == "__main__":
    main()

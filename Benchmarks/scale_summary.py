#!/usr/bin/env python3
"""One line of Benchmarks/scale.sh's output: hidden cells, suppressed total, time (and deid's peak RSS and verdict).

    scale_summary.py deid TABLE RELEASE AUDIT_JSON SECONDS KILOBYTES
    scale_summary.py "deid, no floor" TABLE RELEASE AUDIT_JSON SECONDS KILOBYTES   (any label but MOD: a deid run)
    scale_summary.py MOD TABLE MOD_RESULT_JSON DEID_RELEASE DEID_SECONDS

MOD_RESULT_JSON is scale_mod_years.py's: when MOD protected only the first years, its cells are compared with
deid's in those years, and the time is not compared.
"""
import csv
import json
import sys


def counts(path):
    with open(path, newline="") as f:
        return [row["Cases"] for row in csv.DictReader(f)]


def main():
    method, table = sys.argv[1], sys.argv[2]
    values = [int(v) for v in counts(table)]
    if method != "MOD":
        release, audit, seconds, kilobytes = sys.argv[3], sys.argv[4], float(sys.argv[5]), int(sys.argv[6])
        hidden = [i for i, v in enumerate(counts(release)) if v == ""]
        summary = json.load(open(audit))["summary"]
        verdict = summary["audit"]["verdict"]
        print(f"   {method}: {seconds:.1f} s, peak RSS {kilobytes / 1024:.0f} MB, {len(hidden):,} hidden, suppressed total "
              f"{sum(values[i] for i in hidden):,}, audit {verdict} ({summary['audit']['rounds']} repair rounds)")
        return
    result_path, release, deid_seconds = sys.argv[3], sys.argv[4], float(sys.argv[5])
    try:
        result = json.load(open(result_path))
    except (OSError, ValueError):
        print(f"    MOD: no result (see the .log files beside {result_path})")
        return
    hidden = sorted(set(result["hidden"]))
    done, total = result.get("years_done", 1), result.get("years_total", 1)
    lines = result.get("lines_done", len(values))
    deid_hidden = sum(1 for v in counts(release)[:lines] if v == "")
    seconds = result["protect_seconds"]
    scope = "" if done == total else f" on the first {done} of {total} years"
    print(f"    MOD{scope}: {seconds:.1f} s (protection only), {len(hidden):,} hidden, suppressed total "
          f"{sum(values[i] for i in hidden):,}; deid hides {deid_hidden:,} there, "
          f"{deid_hidden / max(1, len(hidden)):.2f}x MOD's cells", end="")
    print(f", and is {seconds / deid_seconds:.1f}x faster end to end" if done == total else "")


if __name__ == "__main__":
    main()

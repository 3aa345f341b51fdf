#!/usr/bin/env python3
"""One line of Benchmarks/scale.sh's output: hidden cells, suppressed total, time (and deid's peak RSS and verdict).

    scale_summary.py deid TABLE RELEASE AUDIT_JSON SECONDS KILOBYTES
    scale_summary.py "deid, no floor" TABLE RELEASE AUDIT_JSON SECONDS KILOBYTES   (any label but MOD: a deid run)
    scale_summary.py MOD TABLE MOD_RESULT_JSON AUDIT_JSON DEID_SECONDS
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
    result_path, audit, deid_seconds = sys.argv[3], sys.argv[4], float(sys.argv[5])
    try:
        result = json.load(open(result_path))
    except (OSError, ValueError):
        print(f"    MOD: no result (see {result_path[:-5]}.log)")
        return
    hidden = sorted(set(result["hidden"]))
    deid_hidden = json.load(open(audit))["summary"]["hidden_cells"]
    seconds = result["protect_seconds"]
    print(f"    MOD: {seconds:.1f} s (protection only), {len(hidden):,} hidden, suppressed total "
          f"{sum(values[i] for i in hidden):,}; deid is {seconds / deid_seconds:.1f}x faster end to end and hides "
          f"{deid_hidden / max(1, len(hidden)):.2f}x MOD's cells")


if __name__ == "__main__":
    main()

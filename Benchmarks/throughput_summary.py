"""The tables check-throughput.sh prints, from the files it left in its output folder.

    python3 throughput_summary.py checks OUT NAME...         # deid check: throughput, CPU, peak RSS, findings
    python3 throughput_summary.py side-by-side OUT NAME...   # deid check next to DuckDB and a raw libcsv parse
"""
import json
import os
import re
import sys


def facts(name):
    """Size in bytes and data rows of Benchmarks/data/NAME.csv."""
    csv = f"Benchmarks/data/{name}.csv"
    with open(csv, "rb") as f:
        rows = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) - 1
    return os.path.getsize(csv), rows


def hyperfine(path):
    return json.load(open(path))["results"][0]


def peak_rss_mb(out, name):
    text = open(f"{out}/check-{name}.time.txt").read()
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return int(match.group(1)) / 1024 if match else float("nan")


def checks(out, names):
    print()
    print(f"{'file':<17} {'MB':>6} {'rows':>10} {'wall s (mean ± σ)':>18} {'MB/s':>6} {'CPU s':>6} {'CPU MB/s':>8} "
          f"{'peak RSS MB':>11} {'exit':>4} {'findings':>9}")
    for name in names:
        size, rows = facts(name)
        run = hyperfine(f"{out}/check-{name}.json")
        cpu = run["user"] + run["system"]
        findings = sum(1 for _ in open(f"{out}/check-{name}.findings.txt"))
        code = open(f"{out}/check-{name}.exit").read().strip()
        print(f"{name:<17} {size / 1e6:>6.1f} {rows:>10,} {run['mean']:>9.3f} ± {run['stddev']:<6.3f} "
              f"{size / 1e6 / run['mean']:>6.1f} {cpu:>6.2f} {size / 1e6 / cpu:>8.1f} "
              f"{peak_rss_mb(out, name):>11.1f} {code:>4} {findings:>9,}")
    print()
    print("targets (2-core box): >= 250 MB/s on the aggregate file; peak RSS on record-level files <= 100 MB and flat")


def side_by_side(out, names):
    print()
    print(f"{'file':<15} {'MB':>6} {'rows':>10} {'deid s':>7} {'DuckDB s':>8} {'raw libcsv s':>12} "
          f"{'DuckDB/deid':>11} {'raw/deid':>8} {'deid peak RSS MB':>16}")
    for name in names:
        size, rows = facts(name)
        deid = hyperfine(f"{out}/check-{name}.json")["mean"]
        raw = hyperfine(f"{out}/raw-{name}.json")["mean"]
        duck = float(open(f"{out}/duckdb-{name}.txt").read().split()[0])
        print(f"{name:<15} {size / 1e6:>6.1f} {rows:>10,} {deid:>7.3f} {duck:>8.3f} {raw:>12.3f} "
              f"{duck / deid:>10.2f}x {raw / deid:>7.2f}x {peak_rss_mb(out, name):>16.1f}")
    print()
    print("DuckDB/deid and raw/deid: the other's time over deid's (above 1: deid is faster); targets: >= 1.5x DuckDB, "
          ">= 1.0x raw libcsv, peak RSS <= 100 MB")


if __name__ == "__main__":
    {"checks": checks, "side-by-side": side_by_side}[sys.argv[1]](sys.argv[2], sys.argv[3:])

#!/usr/bin/env python3
"""pytauargus MOD on a scale table, one year at a time, each year's result cached by that year's SHA-256.

    scale_mod_years.py TABLE CACHE RESULT [--years N]

A table whose Year has no total (scale table d) is independent tables, one per year, and MOD protects them one
after the other: ten years of the 12,480-cell shape take over an hour. Each year is written as its own table
(the header and that year's lines, byte for byte, and the table's description) and protected by
`tauargus_compare.py worker` unless CACHE already holds its result, so an interrupted run keeps the years it
finished, and a one-year table (c) hits the cache of a whole-table run. A table whose Year has a total (e, f) is
one table and is protected whole. `--years N` protects only the first N
years. RESULT gets the years' results combined, with cell numbers of the whole table, and `years_done` /
`years_total`. The table's lines must be grouped by year (scale_tables.py writes them so).
"""
import argparse
import hashlib
import re
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def years_of(table, split):
    """The header and, per year in file order, (year, first line number, lines); one group "all" unless `split`."""
    with open(table, newline="") as f:
        header = f.readline()
        if header.split(",")[0].strip() != "Year":
            sys.exit(f"{table}: the first column is not Year")
        groups = []
        for n, line in enumerate(f):
            year = line.split(",", 1)[0] if split else "all"
            if not groups or groups[-1][0] != year:
                if any(g[0] == year for g in groups):
                    sys.exit(f"{table}: the lines of {year} are not together")
                groups.append((year, n, []))
            groups[-1][2].append(line)
    return header, groups


def year_has_total(description):
    block = re.search(r"- column: Year\n((?:[ \t]+(?![ \t]|- ).*\n)*)", open(description).read())
    return bool(block and re.search(r"^\s+total:", block.group(1), re.M))


def protect_year(path, description, cache):
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()[:16]
    result = os.path.join(cache, digest + ".json")
    if os.path.exists(result):
        print(f"   (MOD, {os.path.basename(path)}: cached, {result})", flush=True)
    else:
        log = os.path.join(cache, digest + ".log")
        with open(log, "w") as out:
            status = subprocess.run(
                [sys.executable, os.path.join(HERE, "tauargus_compare.py"), "worker", "--method", "MOD",
                 "--table", path, "--description", description, "--workdir", os.path.join(cache, digest),
                 "--result", result, "--skip-audit", "--protection", "11"],
                stdout=out, stderr=subprocess.STDOUT).returncode
        if status != 0:
            sys.exit(f"MOD failed on {path} (exit {status}); see {log}")
    return json.load(open(result))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("table")
    parser.add_argument("cache")
    parser.add_argument("result")
    parser.add_argument("--years", type=int)
    args = parser.parse_args()
    description = args.table[:-4] + ".deid.yaml"
    header, groups = years_of(args.table, split=not year_has_total(description))
    split = os.path.join(args.cache, "years")
    os.makedirs(split, exist_ok=True)
    base = os.path.basename(args.table)[:-4]
    combined = {"method": "MOD", "protect_seconds": 0.0, "hidden": [], "years_done": 0, "years_total": len(groups),
                "lines_done": 0}
    for year, first, lines in groups[: args.years]:
        path = os.path.join(split, f"{base}-{year}.csv")
        with open(path, "w", newline="") as out:
            out.write(header)
            out.writelines(lines)
        shutil.copyfile(description, path[:-4] + ".deid.yaml")
        result = protect_year(path, path[:-4] + ".deid.yaml", args.cache)
        combined["protect_seconds"] += result["protect_seconds"]
        combined["hidden"] += [first + cell for cell in result["hidden"]]
        combined["years_done"] += 1
        combined["lines_done"] = first + len(lines)
        print(f"   MOD {year}: {result['protect_seconds']:.1f} s, {len(set(result['hidden'])):,} hidden", flush=True)
    with open(args.result, "w") as f:
        json.dump(combined, f)


if __name__ == "__main__":
    main()

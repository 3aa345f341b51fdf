#!/usr/bin/env python3
"""Tables of the scale benchmark (Benchmarks/scale.sh): county (58 counties in 6 regions, total California) x age
group (7 + All Ages) x sex (2 + Total) x race/ethnicity (7 + All Races), the shape CDPH publishes most, with
synthetic Poisson counts at a low rate, so that small counties give zeros and small counts.

    python3 Benchmarks/scale_tables.py c      # one year: 12,480 cells, one component
    python3 Benchmarks/scale_tables.py d      # 10 years, each its own component: 124,800 cells
    python3 Benchmarks/scale_tables.py e      # 5 years and an All Years total: 74,880 cells in one component
    python3 Benchmarks/scale_tables.py f      # 18 age groups, 21 years and their total: 652,080 cells
    python3 Benchmarks/scale_tables.py c --seed 7   # another draw of the same shape

Files go to Benchmarks/data/scale-NAME[-sSEED].csv with the description beside it. Fixed seeds: every run writes
the same bytes. The counts stand for no real disease; populations are 2020 Census county totals split by shares.
"""
import argparse
import os
import random

from generate import (DATA, POPULATION, RACES, RACE_SHARE, SEXES, STATE, Dim, add_up_totals, flat_dim,
                      leaf_positions, poisson, quoted, row_labels, summarize, write_description)

# The ten Census regions of scripts/california.py grouped into six, as some CDPH tables report.
SIX_REGIONS = {
    "Northern California": ["Superior California", "North Coast"],
    "Bay Area": ["San Francisco Bay Area"],
    "Central Valley": ["Northern San Joaquin Valley", "Southern San Joaquin Valley"],
    "Central Coast": ["Central Coast"],
    "Los Angeles Region": ["Los Angeles County"],
    "Southern California": ["Inland Empire", "Orange County", "San Diego-Imperial"],
}
AGES_7 = ["0-17", "18-29", "30-39", "40-49", "50-64", "65-79", "80+"]
AGE_7_SHARE = [.22, .17, .14, .13, .19, .12, .03]
AGES_18 = [f"{5 * i}-{5 * i + 4}" for i in range(17)] + ["85+"]
AGE_18_SHARE = [.058, .062, .066, .066, .070, .074, .072, .068, .064, .062, .064, .064, .060, .050, .040, .030,
                .018, .012]
# Reported cases per 100,000 per year: low, so that most small-county cells are zeros or small counts.
RATE = 40.0


def county_dim():
    from california import REGIONS
    counties = {region: [c for census in census_regions for c in REGIONS[census]]
                for region, census_regions in SIX_REGIONS.items()}
    labels = [STATE] + [x for region, members in counties.items() for x in [region] + members]
    children = {STATE: list(counties)}
    children.update(counties)
    return Dim(labels, children), counties


def hierarchy_yaml(counties):
    indent = "        "
    lines = [f"{indent}{STATE}: [{', '.join(counties)}]"]
    lines += [f"{indent}{region}: [{', '.join(members)}]" for region, members in counties.items()]
    return "\n".join(lines)


SHAPES = {
    # name: (years, with an All Years total, age labels, age shares)
    "c": (list(range(2023, 2024)), False, AGES_7, AGE_7_SHARE),
    "d": (list(range(2014, 2024)), False, AGES_7, AGE_7_SHARE),
    "e": (list(range(2019, 2024)), True, AGES_7, AGE_7_SHARE),
    "f": (list(range(2003, 2024)), True, AGES_18, AGE_18_SHARE),
}


def write_table(name, seed, force):
    years, year_total, ages, age_share = SHAPES[name]
    stem = f"scale-{name}" + ("" if seed is None else f"-s{seed}")
    csv_path = os.path.join(DATA, stem + ".csv")
    if os.path.exists(csv_path) and not force:
        print(f"kept {csv_path}")
        return csv_path
    rng = random.Random(f"scale-{name}-{seed}")
    county, counties = county_dim()
    year_labels = [str(y) for y in years]
    dims = ([flat_dim("All Years", year_labels)] if year_total else [Dim(year_labels)]) + [
        county, flat_dim("All Ages", ages), flat_dim("Total", SEXES), flat_dim("All Races", RACES)]
    size = 1
    for d in dims:
        size *= len(d.labels)
    counts = [0] * size
    for offset, key in leaf_positions(dims):
        place = county.labels[key[1]]
        share = age_share[key[2] - 1] * 0.5 * RACE_SHARE[key[4] - 1]
        trend = 1.0 + 0.02 * (key[0] - (1 if year_total else 0))
        counts[offset] = poisson(rng, POPULATION[place] * share * RATE * trend / 100_000)
    add_up_totals(counts, dims)
    with open(csv_path + ".tmp", "w", newline="") as out:
        out.write("Year,County,Age Group,Sex,Race/Ethnicity,Cases\n")
        for i, labels in enumerate(row_labels(dims)):
            out.write(",".join(map(quoted, labels)) + f",{counts[i]}\n")
    os.replace(csv_path + ".tmp", csv_path)
    year_yaml = "    - column: Year\n      role: time\n" + ("      total: All Years\n" if year_total else "")
    dims_yaml = (year_yaml + "    - column: County\n      role: residence_geography\n      hierarchy:\n"
                 + hierarchy_yaml(counties) + "\n    - column: Age Group\n      role: age\n      total: All Ages\n"
                 "    - column: Sex\n      role: sex\n      total: Total\n"
                 "    - column: Race/Ethnicity\n      role: race_ethnicity\n      total: All Races\n")
    description = csv_path[:-4] + ".deid.yaml"
    write_description(description, f"Synthetic reported cases, scale benchmark table {stem} "
                      "(Benchmarks/scale_tables.py).", dims_yaml, "Cases")
    print(f"wrote {csv_path}")
    summarize(stem, counts)
    return csv_path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="+", choices=sorted(SHAPES))
    parser.add_argument("--seed", type=int, help="another draw of the same shape")
    parser.add_argument("--force", action="store_true", help="rewrite files that already exist")
    args = parser.parse_args()
    os.makedirs(DATA, exist_ok=True)
    for name in args.names:
        write_table(name, args.seed, args.force)


if __name__ == "__main__":
    main()

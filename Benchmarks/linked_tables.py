#!/usr/bin/env python3
"""Four tables from the same synthetic person records, for Benchmarks/linked.sh (python3 standard library only;
a fixed seed, so the files never change): County (58 counties in regions) x Age Group x Sex, County x
Race/Ethnicity x Sex, Age Group x Race/Ethnicity x Sex and County x Age Group, each with its totals, and a
description for each.

    python3 Benchmarks/linked_tables.py [--records 1000000]
"""
import argparse
import collections
import itertools
import os
import random

from generate import AGE_8_SHARE, AGES_8, COUNTY_YAML, DATA, PLACES, POPULATION, RACE_SHARE, RACES, REGION_OF, \
    SEXES, STATE

AGE = ("Age Group", "All Ages", "age")
SEX = ("Sex", "Total", "sex")
RACE = ("Race/Ethnicity", "All Races", "race_ethnicity")
COUNTY = ("County", STATE, "residence_geography")
TABLES = {"county-age-sex": (COUNTY, AGE, SEX), "county-race-sex": (COUNTY, RACE, SEX),
          "age-race-sex": (AGE, RACE, SEX), "county-age": (COUNTY, AGE)}


def labels_of(dim, person):
    """The labels a person counts under in one dimension: the value, its region (counties), the total."""
    value = person[dim[0]]
    if dim is COUNTY:
        return [value, REGION_OF[value], STATE]
    return [value, dim[1]]


def all_labels(dim):
    return {"County": PLACES, "Age Group": [AGE[1]] + AGES_8, "Sex": [SEX[1]] + SEXES,
            "Race/Ethnicity": [RACE[1]] + RACES}[dim[0]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000)
    args = parser.parse_args()
    folder = os.path.join(DATA, f"linked-{args.records}")
    if os.path.exists(os.path.join(folder, "county-age.deid.yaml")):
        print(f"kept {folder}")
        return
    rng = random.Random(1_000_003)
    n = args.records
    columns = {
        "County": rng.choices(list(POPULATION), weights=list(POPULATION.values()), k=n),
        "Age Group": rng.choices(AGES_8, weights=AGE_8_SHARE, k=n),
        "Sex": rng.choices(SEXES, k=n),
        "Race/Ethnicity": rng.choices(RACES, weights=RACE_SHARE, k=n),
    }
    os.makedirs(folder, exist_ok=True)
    for name, dims in TABLES.items():
        counts = collections.Counter()
        for values in zip(*(columns[dim[0]] for dim in dims)):
            for key in itertools.product(*(labels_of(dim, {dim[0]: v}) for dim, v in zip(dims, values))):
                counts[key] += 1
        with open(os.path.join(folder, f"{name}.csv"), "w", newline="") as out:
            out.write(",".join(f'"{dim[0]}"' for dim in dims) + ",Cases\n")
            for key in itertools.product(*(all_labels(dim) for dim in dims)):
                out.write(",".join(f'"{x}"' for x in key) + f",{counts[key]}\n")
        with open(os.path.join(folder, f"{name}.deid.yaml"), "w") as out:
            out.write(f"# One of four tables from the same {n:,} records (Benchmarks/linked_tables.py).\n"
                      "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n"
                      "  personal_characteristics: true\n  dimensions:\n")
            for dim in dims:
                if dim is COUNTY:
                    out.write(COUNTY_YAML.rstrip("\n") + "\n")
                else:
                    out.write(f"    - column: {dim[0]}\n      role: {dim[2]}\n      total: {dim[1]}\n")
            out.write("  count: Cases\n  annotation: Annotation\n")
    print(f"wrote {folder}: {', '.join(TABLES)} from {n:,} records")


if __name__ == "__main__":
    main()

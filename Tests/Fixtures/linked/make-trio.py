#!/usr/bin/env python3
"""Writes the linked trio (python3 standard library only; a fixed seed, so the files never change):
three tables counted from the same synthetic person records - County x Sex, County x Age Group, Race x Sex,
each with its totals - and a description for each. Released one by one, each passes the audit; read together
they share the county totals, the sex totals and the grand total, which is what `deid check --linked` audits.

    python3 Tests/Fixtures/linked/make-trio.py
"""
import collections
import os
import random

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trio")
SEED = 2211
PEOPLE = 3_000
# Relative sizes: a few large counties and several very small ones, so small counts are everywhere.
COUNTIES = {"Alameda": 40, "Alpine": 0.2, "Fresno": 25, "Inyo": 0.6, "Kern": 22, "Modoc": 0.4, "Mono": 0.5,
            "Sierra": 0.3, "Trinity": 0.5, "Tulare": 12}
AGES = {"0-17": 22, "18-44": 38, "45-64": 25, "65+": 15}
SEXES = {"Female": 51, "Male": 49}
RACES = {"Asian": 15, "Black": 6, "Hispanic": 39, "White": 35, "Other": 5}

TABLES = {
    "county-sex": (("County", "California", COUNTIES, "residence_geography"), ("Sex", "Total", SEXES, "sex")),
    "county-age": (("County", "California", COUNTIES, "residence_geography"), ("Age Group", "All Ages", AGES, "age")),
    "race-sex": (("Race/Ethnicity", "All Races", RACES, "race_ethnicity"), ("Sex", "Total", SEXES, "sex")),
}


def draw(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def main():
    rng = random.Random(SEED)
    people = [{"County": draw(rng, COUNTIES), "Age Group": draw(rng, AGES), "Sex": draw(rng, SEXES),
               "Race/Ethnicity": draw(rng, RACES)} for _ in range(PEOPLE)]
    os.makedirs(HERE, exist_ok=True)
    for name, dims in TABLES.items():
        counts = collections.Counter()
        for person in people:
            for first in (person[dims[0][0]], dims[0][1]):
                for second in (person[dims[1][0]], dims[1][1]):
                    counts[first, second] += 1
        with open(os.path.join(HERE, f"{name}.csv"), "w", newline="") as out:
            out.write(f"{dims[0][0]},{dims[1][0]},Cases\n")
            for first in [dims[0][1]] + list(dims[0][2]):
                for second in [dims[1][1]] + list(dims[1][2]):
                    out.write(f"{first},{second},{counts[first, second]}\n")
        with open(os.path.join(HERE, f"{name}.deid.yaml"), "w") as out:
            out.write(f"# One of three tables from the same records (Tests/Fixtures/linked/make-trio.py).\n"
                      "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n"
                      "  personal_characteristics: true\n  dimensions:\n")
            for column, total, _, role in dims:
                out.write(f"    - column: {column}\n      role: {role}\n      total: {total}\n")
            out.write("  count: Cases\n  annotation: Annotation\n")
    print(f"wrote {HERE}: {', '.join(TABLES)} from {PEOPLE:,} records")


if __name__ == "__main__":
    main()

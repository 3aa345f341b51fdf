#!/usr/bin/env python3
"""Writes a stacked-strata file shaped like CDPH's Statewide Death Profiles (python3 standard library only; a
fixed seed, so the files never change), counted from synthetic death records:

- `Strata` / `Strata_Name`: Total Population, Age, Gender, Race-Ethnicity and the crossed Gender * Race-Ethnicity,
  each row one breakdown of the same deaths;
- crossed with Year, Cause (with its `ALL` total) and Geography_Type (Occurrence vs Residence: two different
  counts, no total);
- Gender has a small Nonbinary/Unknown that the file leaves out in 2020 (its deaths stay in every total), as the
  published Death Profiles do in some years, so `Total - Female - Male` is that year's Nonbinary/Unknown count.

    python3 Tests/Fixtures/stacked/make-profiles.py
"""
import collections
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 2212
DEATHS_PER_YEAR = 1_500
YEARS = [2020, 2021, 2022]
# The year whose Nonbinary/Unknown rows the file leaves out.
LEFT_OUT = 2020
CAUSES = {"Heart disease": 30, "Cancer": 25, "Stroke": 8, "All other causes": 37}
AGES = {"Under 25": 4, "25-64": 24, "65-84": 42, "85+": 30}
GENDERS = {"Female": 49.7, "Male": 49.7, "Nonbinary/Unknown": 0.6}
RACES = {"White": 40, "Hispanic": 33, "Asian": 15, "Black": 7, "Other": 5}
WHOLE = "Total Population"


def draw(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def records(rng):
    for year in YEARS:
        for _ in range(DEATHS_PER_YEAR):
            resident = rng.random() < 0.95
            occurred = not resident or rng.random() < 0.97
            yield {"Year": year, "Cause": draw(rng, CAUSES), "Age": draw(rng, AGES), "Gender": draw(rng, GENDERS),
                   "Race-Ethnicity": draw(rng, RACES), "Occurrence": occurred, "Residence": resident}


def strata(year):
    genders = [g for g in GENDERS if year != LEFT_OUT or g != "Nonbinary/Unknown"]
    yield WHOLE, [(WHOLE, {})]
    yield "Age", [(a, {"Age": a}) for a in AGES]
    yield "Gender", [(g, {"Gender": g}) for g in genders]
    yield "Race-Ethnicity", [(r, {"Race-Ethnicity": r}) for r in RACES]
    yield "Gender * Race-Ethnicity", [
        (f"{g} * {r}", {"Gender": g, "Race-Ethnicity": r}) for g in genders for r in RACES]


def main():
    rng = random.Random(SEED)
    counts = collections.Counter()
    for person in records(rng):
        for geography in ("Occurrence", "Residence"):
            if not person[geography]:
                continue
            for cause in (person["Cause"], "ALL"):
                key = (person["Year"], geography, cause)
                counts[key + ((),)] += 1
                for variables in (("Age",), ("Gender",), ("Race-Ethnicity",), ("Gender", "Race-Ethnicity")):
                    counts[key + (tuple((v, person[v]) for v in variables),)] += 1
    with open(os.path.join(HERE, "death-profiles.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["Year", "Geography_Type", "Strata", "Strata_Name", "Cause", "Count"])
        for year in YEARS:
            for geography in ("Occurrence", "Residence"):
                for stratum, values in strata(year):
                    for name, labels in values:
                        for cause in ["ALL"] + list(CAUSES):
                            key = (year, geography, cause, tuple(sorted(labels.items(), key=lambda kv: kv[0])))
                            writer.writerow([year, geography, stratum, name, cause, counts[key]])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a county-by-day file shaped like CDPH's COVID-19 cases by county and day (python3 standard library
only; a fixed seed, so the file never changes): new cases per county and day with the statewide total, and the
running total of each in `cumulative_cases`. Small counties have a case every few days, so their daily counts
are small and their running totals, published beside them, give each day's count away by differencing.

    python3 Tests/Fixtures/cumulative/make-county-day.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 2213
# Expected new cases per day.
COUNTIES = {"Alameda": 30, "Alpine": 0.3, "Fresno": 12, "Inyo": 0.8, "Modoc": 0.5, "Tulare": 6}
DAYS = [f"2020-04-{day:02d}" for day in range(1, 15)]


def poisson(rng, mean):
    # Knuth's method: enough for these small means.
    limit, k, p = 2.718281828459045 ** -mean, 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main():
    rng = random.Random(SEED)
    running = {county: 0 for county in list(COUNTIES) + ["California"]}
    lines = ["county,date,new_cases,cumulative_cases"]
    for day in DAYS:
        statewide = 0
        for county, mean in COUNTIES.items():
            cases = poisson(rng, mean)
            running[county] += cases
            statewide += cases
            lines.append(f"{county},{day},{cases},{running[county]}")
        running["California"] += statewide
        lines.append(f"California,{day},{statewide},{running['California']}")
    with open(os.path.join(HERE, "county-day.csv"), "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes one random aggregate table and its description, for Benchmarks/random-tables.sh.

    python3 Benchmarks/random_tables.py SEED DIRECTORY   # writes DIRECTORY/table.csv and table.deid.yaml

The same seed gives the same bytes on every machine (python3 standard library only). A table has 1-4 dimensions;
each is either flat (2-5 labels and a total) or a two-level hierarchy (1-3 groups of 1-4 leaves, so groups with
a single member occur, under a top total). Inner counts mix zeros (8%), small counts 1-10 (up to half of them,
varying by seed) and counts of 11-300; every total and subtotal is the exact sum of its parts.
"""
import itertools
import os
import random
import sys

ROLES = ["residence_geography", "sex", "age", "race_ethnicity"]


def dimension(rnd, d):
    name = f"D{d}"
    if rnd.random() < 0.35:
        groups, leaves = {}, []
        for g in range(rnd.randint(1, 3)):
            members = [f"{name}l{len(leaves) + i}" for i in range(rnd.choice([1, 2, 2, 3, 4]))]
            groups[f"{name}g{g}"] = members
            leaves += members
        top = f"{name}T"
        return {"name": name, "leaves": leaves, "top": top, "hierarchy": {top: list(groups), **groups}}
    return {"name": name, "leaves": [f"{name}v{i}" for i in range(rnd.randint(2, 5))], "top": f"{name}All",
            "hierarchy": None}


def covered(dim):
    """Each label of the dimension with the leaves it adds up."""
    labels = {leaf: [leaf] for leaf in dim["leaves"]}
    for group, members in (dim["hierarchy"] or {}).items():
        if group != dim["top"]:
            labels[group] = members
    labels[dim["top"]] = list(dim["leaves"])
    return labels


def main(seed, directory):
    rnd = random.Random(seed)
    dims = [dimension(rnd, d) for d in range(rnd.randint(1, 4))]
    small_share = 0.5 * rnd.random()

    def draw():
        r = rnd.random()
        if r < 0.08:
            return 0
        if r < 0.08 + small_share:
            return rnd.randint(1, 10)
        return rnd.choice([rnd.randint(11, 40), rnd.randint(11, 300)])

    inner = {combo: draw() for combo in itertools.product(*[d["leaves"] for d in dims])}
    labels = [covered(d) for d in dims]
    os.makedirs(directory, exist_ok=True)
    rows = 0
    with open(os.path.join(directory, "table.csv"), "w") as f:
        f.write(",".join(d["name"] for d in dims) + ",Cases\n")
        for combo in itertools.product(*[list(l) for l in labels]):
            leaves = itertools.product(*[labels[i][label] for i, label in enumerate(combo)])
            f.write(",".join(combo) + f",{sum(inner[leaf] for leaf in leaves)}\n")
            rows += 1
    with open(os.path.join(directory, "table.deid.yaml"), "w") as f:
        f.write(f"# Random table, seed {seed} (Benchmarks/random_tables.py).\n")
        f.write("version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n  dimensions:\n")
        for role, d in zip(ROLES, dims):
            f.write(f"    - column: {d['name']}\n      role: {role}\n")
            if d["hierarchy"]:
                f.write("      hierarchy:\n")
                for group, members in d["hierarchy"].items():
                    f.write(f"        {group}: [{', '.join(members)}]\n")
            else:
                f.write(f"      total: {d['top']}\n")
        f.write("  count: Cases\n  annotation: Annotation\n")
    print(rows)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(int(sys.argv[1]), sys.argv[2])

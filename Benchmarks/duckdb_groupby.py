"""DuckDB's group-by over a record-level CSV, timed inside Python (interpreter start and import excluded, so the
figure is DuckDB's own): every column read as text, one count per combination of the dimension columns.
Prints one line: mean and best of RUNS runs after one warm-up, in seconds, and the number of groups.

    python duckdb_groupby.py FILE.csv RUNS DIMENSION...
"""
import sys
import time

import duckdb


def main():
    path, runs, dimensions = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    columns = ", ".join('"' + d.replace('"', '""') + '"' for d in dimensions)
    query = (f"SELECT {columns}, count(*) FROM read_csv('{path.replace(chr(39), chr(39) * 2)}', header = true, "
             f"all_varchar = true) GROUP BY ALL")
    connection = duckdb.connect()
    groups = len(connection.execute(query).fetchall())  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        connection.execute(query).fetchall()
        times.append(time.perf_counter() - start)
    print(f"{sum(times) / len(times):.3f} {min(times):.3f} {groups}")


if __name__ == "__main__":
    main()

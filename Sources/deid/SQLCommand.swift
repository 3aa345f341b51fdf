import ArgumentParser
import DeidPipeline
import DeidSQL

extension SQLDialect: ExpressibleByArgument {}

extension Deid {
    struct SQL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Print the SQL query that aggregates person records where they are stored into the table deid releases.",
            discussion: """
                For records too many for one machine: the warehouse counts the people, deid protects the cells. \
                The query returns exactly the cell table deid release would build from the records themselves \
                (every combination of labels, totals and hierarchy levels included, zeros where nobody falls, \
                in deid's row order), so releasing its output releases the same table. A record whose label is \
                a total or outside its hierarchy stops the query, as it stops deid.

                SOURCE is a table name (or any SQL relation, used as written). DuckDB also reads files: a path \
                with a folder or a .csv/.csv.gz extension is read as CSV (comma-separated, with a header) with every column as text, a \
                .parquet path with read_parquet. PostgreSQL and Spark read tables and views only (load or register a file first).

                Examples:
                  deid sql visits.deid.yaml --dialect duckdb --from visits.parquet \\
                      --emit-description counts.deid.yaml > counts.sql
                  duckdb -c "COPY ($(cat counts.sql)) TO 'counts.csv' (HEADER)"
                  deid release counts.csv --description counts.deid.yaml
                  deid sql visits.deid.yaml --dialect postgres --from warehouse.visits > counts.sql
                  deid sql visits.deid.yaml --dialect spark --from visits > counts.sql

                Exit codes: 0 query printed, 2 no query (the description cannot be built in SQL, or a file error).
                """)

        @Argument(help: ArgumentHelp("The records' table description (input: records).", valueName: "description"))
        var descriptionFile: String

        @Option(help: ArgumentHelp("The SQL engine the query is written for.", valueName: "engine"))
        var dialect: SQLDialect

        @Option(name: .customLong("from"), help: ArgumentHelp("Where the records are: a table name or a file path.", valueName: "source"))
        var source: String

        @Option(help: ArgumentHelp(
            "Also write the description of the table the query returns, for deid release to read it with.",
            valueName: "file"))
        var emitDescription: String?

        func run() throws {
            print(
                try SQLRun.run(descriptionFile: descriptionFile, dialect: dialect, from: source, emitDescription: emitDescription),
                terminator: "")
        }
    }
}

import Foundation
import Testing

/// `deid sql`: the query it prints, run by a real engine on the records, gives the table deid builds from them
/// itself, so releasing the query's output releases the same table.
@Suite(.enabled(if: DuckDB.python != nil, "needs Python's duckdb (scripts/install-test-deps.sh installs it)"))
struct SQLCommandTests {
    /// Releases the records themselves, and the engine's output of the query under the description deid sql wrote
    /// for it, and expects the same release and the same report but for the input it names.
    static func expectSameRelease(records: String, description: String, engine: SQLEngine, in scratch: Scratch) throws {
        try writeQuery(records: records, description: description, engine: engine, in: scratch)
        let run = try engine.copy(records: records, query: "query.sql", to: "counts.csv", in: scratch.path)
        #expect(run.status == 0, "\(run.output)")
        try expectSameRelease(records: records, description: description, fromCountsIn: scratch)
    }

    /// Writes the query (`query.sql`) and the aggregate's description (`counts.deid.yaml`).
    static func writeQuery(records: String, description: String, engine: SQLEngine, in scratch: Scratch) throws {
        let query = try Deid.run(
            ["sql", description, "--dialect", engine.dialect, "--from", engine.source(records), "--emit-description", "counts.deid.yaml"],
            in: scratch.path)
        #expect(query.status == 0, "\(query)")
        try scratch.write("query.sql", query.stdout)
    }

    /// Releases the engine's `counts.csv` and the records, and compares the two releases and their reports.
    static func expectSameRelease(records: String, description: String, fromCountsIn scratch: Scratch) throws {
        let fromQuery = try Deid.run(
            ["release", "-q", "counts.csv", "--description", "counts.deid.yaml", "-o", "a.csv", "--report", "a.json"],
            in: scratch.path)
        #expect(fromQuery.status == 0, "\(fromQuery)")
        let fromRecords = try Deid.run(
            ["release", "-q", records, "--description", description, "-o", "b.csv", "--report", "b.json"], in: scratch.path)
        #expect(fromRecords.status == 0, "\(fromRecords)")
        #expect(try scratch.read("a.csv") == scratch.read("b.csv"))
        #expect(try Self.reportWithoutInput(scratch.read("a.json")) == Self.reportWithoutInput(scratch.read("b.json")))
    }

    /// The clinic sample in a scratch folder.
    static func clinicSample() throws -> Scratch {
        let scratch = try Scratch()
        for file in ["clinic-visits.csv", "clinic-visits.deid.yaml"] {
            try FileManager.default.copyItem(atPath: Repo.root + "/Samples/" + file, toPath: scratch.path + "/" + file)
        }
        return scratch
    }

    /// The report's JSON without what tells the two inputs apart: the input (file, kind and hash), the
    /// description read, the release's name (its hash stays), each hidden cell's line in the input (records have
    /// none) and the sentence saying where the numerator came from (a column, or people counted from records).
    static func reportWithoutInput(_ text: String) throws -> NSDictionary {
        var report = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        report["input"] = nil
        report["rules"] = nil
        var output = try #require(report["output"] as? [String: Any])
        output["file"] = nil
        report["output"] = output
        let hidden = try #require(report["hidden_cells"] as? [[String: Any]])
        report["hidden_cells"] = hidden.map { cell in cell.filter { $0.key != "line" } }
        var assessment = try #require(report["assessment"] as? [String: Any])
        var step2 = try #require(assessment["step2"] as? [String: Any])
        var numerator = try #require(step2["numerator"] as? [String: Any])
        #expect(numerator.removeValue(forKey: "source_description") != nil)
        step2["numerator"] = numerator
        assessment["step2"] = step2
        report["assessment"] = assessment
        return report as NSDictionary
    }

    @Test func theClinicRecordsGiveTheSameRelease() throws {
        let scratch = try Self.clinicSample()
        defer { scratch.remove() }
        try Self.expectSameRelease(records: "clinic-visits.csv", description: "clinic-visits.deid.yaml", engine: .duckdb, in: scratch)
    }

    /// Labels with commas, quotes and non-ASCII letters, a hierarchy whose leaves no record reaches, and a
    /// dimension without a total whose labels sort as numbers.
    @Test func awkwardLabelsGiveTheSameRelease() throws {
        let scratch = try Self.awkwardSample()
        defer { scratch.remove() }
        try Self.expectSameRelease(records: "people.csv", description: "people.deid.yaml", engine: .duckdb, in: scratch)
        let counts = try scratch.read("counts.csv")
        #expect(counts.contains("\n\"Norte, \"\"Alto\"\"\",All,5-9,"), "\(counts)")
        #expect(counts.contains("\nVale do Ribeirão,All,5-9,0\n"), "a leaf nobody reaches is a zero")
        #expect(counts.contains("\nBrasil,All,5-9,100\nBrasil,All,10-14,"), "digit runs sort as numbers")
    }

    static func awkwardSample() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("people.csv", Self.awkwardRecords())
        try scratch.write("people.deid.yaml", Self.awkwardDescription)
        return scratch
    }

    /// A record at a total stops the query, as it stops deid.
    static func expectARecordAtATotalStopsTheQuery(engine: SQLEngine) throws {
        let scratch = try Self.awkwardSample()
        defer { scratch.remove() }
        try scratch.write("people.csv", Self.awkwardRecords() + "Sul,All,10-14\n")
        let query = try Deid.run(
            ["sql", "people.deid.yaml", "--dialect", engine.dialect, "--from", engine.source("people.csv")], in: scratch.path)
        #expect(query.status == 0, "\(query)")
        try scratch.write("query.sql", query.stdout)
        let run = try engine.copy(records: "people.csv", query: "query.sql", to: "counts.csv", in: scratch.path)
        #expect(run.status != 0)
        #expect(run.output.contains("deid: some records carry a total or a label outside their dimension's hierarchy"), "\(run.output)")
        #expect(!run.output.contains("1 of"), "no count of misfit records")
        let deid = try Deid.run(["release", "people.csv", "-o", "out.csv"], in: scratch.path)
        #expect(deid.status == 2, "\(deid)")
    }

    @Test func aRecordAtATotalStopsTheQuery() throws { try Self.expectARecordAtATotalStopsTheQuery(engine: .duckdb) }

    @Test func anAggregateDescriptionIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(
            atPath: Repo.root + "/Samples/county-age-sex.deid.yaml", toPath: scratch.path + "/county-age-sex.deid.yaml")
        let run = try Deid.run(
            ["sql", "county-age-sex.deid.yaml", "--dialect", "duckdb", "--from", "cases"], in: scratch.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("county-age-sex.deid.yaml: error: deid sql builds the cell table from person records"), "\(run)")
        #expect(run.stdout.isEmpty)
    }

    static let awkwardDescription = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: records
          personal_characteristics: true
          period: year
          dimensions:
            - column: Region
              role: other
              hierarchy:
                Brasil: [Norte, "Sul"]
                Norte: ["Norte, \\"Alto\\"", "São Paulo d'Oeste"]
                Sul: [Porto Alegre, Vale do Ribeirão]
            - column: Group
              role: other
              total: All
            - column: Age
              role: age
          count: People
        """

    /// 300 people; nobody in Vale do Ribeirão.
    static func awkwardRecords() -> String {
        let regions = ["\"Norte, \"\"Alto\"\"\"", "São Paulo d'Oeste", "Porto Alegre"]
        let groups = ["Grupo 1", "Grupo 2", "Grupo 10"]
        let ages = ["5-9", "10-14", "65+"]
        var text = "Region,Group,Age\n"
        for i in 0..<300 {
            text += "\(regions[i % 3]),\(groups[(i / 3) % 3]),\(ages[(i * 7 / 5) % 3])\n"
        }
        return text
    }
}

/// PostgreSQL from Debian, a server of its own per test (scripts/with-postgres.sh).
@Suite(.enabled(if: SQLEngine.postgresInstalled, "needs Debian's postgresql (scripts/install-test-deps.sh installs it)"))
struct PostgresSQLCommandTests {
    @Test func theClinicRecordsGiveTheSameRelease() throws {
        let scratch = try SQLCommandTests.clinicSample()
        defer { scratch.remove() }
        try SQLCommandTests.expectSameRelease(
            records: "clinic-visits.csv", description: "clinic-visits.deid.yaml", engine: .postgres, in: scratch)
    }

    @Test func awkwardLabelsGiveTheSameRelease() throws {
        let scratch = try SQLCommandTests.awkwardSample()
        defer { scratch.remove() }
        try SQLCommandTests.expectSameRelease(records: "people.csv", description: "people.deid.yaml", engine: .postgres, in: scratch)
    }

    @Test func aRecordAtATotalStopsTheQuery() throws {
        try SQLCommandTests.expectARecordAtATotalStopsTheQuery(engine: .postgres)
    }

    @Test func aFileIsNoSourceForPostgres() throws {
        let scratch = try SQLCommandTests.clinicSample()
        defer { scratch.remove() }
        let run = try Deid.run(["sql", "clinic-visits.deid.yaml", "--dialect", "postgres", "--from", "clinic-visits.csv"], in: scratch.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: --from 'clinic-visits.csv' names a file, and postgres reads records from a table"), "\(run)")
        #expect(run.stdout.isEmpty)
    }
}

/// Spark SQL in local mode, from PyPI's pyspark on Debian's JDK: one session for every case, since a session
/// costs a JVM's start.
@Suite(.enabled(if: SQLEngine.sparkPython != nil, "needs pyspark and a JDK (scripts/install-test-deps.sh installs them)"))
struct SparkSQLCommandTests {
    @Test func theClinicAndAwkwardLabelsGiveTheSameReleaseAndARecordAtATotalStops() throws {
        let clinic = try SQLCommandTests.clinicSample()
        let awkward = try SQLCommandTests.awkwardSample()
        let misfit = try SQLCommandTests.awkwardSample()
        defer { [clinic, awkward, misfit].forEach { $0.remove() } }
        try misfit.write("people.csv", SQLCommandTests.awkwardRecords() + "Sul,All,10-14\n")
        let cases = [(clinic, "clinic-visits"), (awkward, "people"), (misfit, "people")]
        for (scratch, name) in cases {
            try SQLCommandTests.writeQuery(records: name + ".csv", description: name + ".deid.yaml", engine: .spark, in: scratch)
        }
        let run = try SQLEngine.spark(cases.map { ($0.0.path, $0.1 + ".csv") })
        #expect(run.status == 0, "\(run.output)")
        try SQLCommandTests.expectSameRelease(records: "clinic-visits.csv", description: "clinic-visits.deid.yaml", fromCountsIn: clinic)
        try SQLCommandTests.expectSameRelease(records: "people.csv", description: "people.deid.yaml", fromCountsIn: awkward)
        #expect(!misfit.exists("counts.csv"))
        #expect(try misfit.read("error.txt").contains("deid: some records carry a total or a label outside their dimension's hierarchy"))
    }
}

/// The engines the tests run the query on, each writing the query's rows with a header to a CSV file.
enum SQLEngine {
    /// DuckDB through Python's `duckdb` package, reading the records' CSV file itself.
    case duckdb
    /// PostgreSQL, the records loaded into a table `records` (every column text) first.
    case postgres
    /// Spark SQL in local mode, the records' CSV file registered as the view `records` (every column text).
    case spark

    var dialect: String {
        switch self {
        case .duckdb: "duckdb"
        case .postgres: "postgres"
        case .spark: "spark"
        }
    }

    func source(_ records: String) -> String { self == .duckdb ? records : "records" }

    static let postgresInstalled = FileManager.default.fileExists(atPath: "/usr/lib/postgresql")

    /// The test virtual environment's Python, when it has pyspark and a JDK is there to run it.
    static let sparkPython: String? = {
        let python = Repo.root + "/.build/test-venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: "/usr/bin/java")
        else { return nil }
        return (try? SQLEngine.run(python, ["-c", "import pyspark"], in: "/"))?.status == 0 ? python : nil
    }()

    /// Runs each folder's `query.sql` over its records, registered as the view `records`, in one local Spark
    /// session, and writes the rows to the folder's `counts.csv` (with Python's csv module), or the error that
    /// stopped the query to its `error.txt`.
    static func spark(_ jobs: [(folder: String, records: String)]) throws -> (status: Int32, output: String) {
        let script = """
            import csv, os, sys
            from pyspark.sql import SparkSession
            spark = (SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false")
                     .config("spark.sql.shuffle.partitions", "2").getOrCreate())
            spark.sparkContext.setLogLevel("ERROR")
            for folder, records in zip(sys.argv[1::2], sys.argv[2::2]):
                spark.read.csv(os.path.join(folder, records), header=True, escape='"').createOrReplaceTempView("records")
                try:
                    frame = spark.sql(open(os.path.join(folder, "query.sql")).read())
                    rows = frame.collect()
                except Exception as error:
                    open(os.path.join(folder, "error.txt"), "w").write(str(error))
                    continue
                with open(os.path.join(folder, "counts.csv"), "w", newline="", encoding="utf-8") as out:
                    writer = csv.writer(out, lineterminator="\\n")
                    writer.writerow(frame.columns)
                    writer.writerows([list(row) for row in rows])
            """
        return try run(sparkPython ?? "python3", ["-c", script] + jobs.flatMap { [$0.folder, $0.records] }, in: "/")
    }

    /// Runs a program and returns its status and its standard output and error together.
    static func run(_ program: String, _ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func copy(records: String, query: String, to output: String, in directory: String) throws -> (status: Int32, output: String) {
        switch self {
        case .duckdb:
            let script = "import duckdb, sys\nduckdb.sql(\"COPY (\" + open(sys.argv[1]).read() + \") TO '\" + sys.argv[2] + \"' (HEADER)\")\n"
            return try SQLEngine.run(DuckDB.python ?? "python3", ["-c", script, query, output], in: directory)
        case .postgres:
            let header = try String(contentsOfFile: directory + "/" + records, encoding: .utf8).prefix { $0 != "\n" }
            let columns = header.split(separator: ",").map { "\"\($0)\" text" }.joined(separator: ", ")
            let script = """
                set -euo pipefail
                psql -v ON_ERROR_STOP=1 -q -c 'CREATE TABLE records (\(columns))'
                psql -v ON_ERROR_STOP=1 -q -c "\\copy records FROM '\(records)' CSV HEADER"
                psql -v ON_ERROR_STOP=1 -q -c "COPY ($(cat \(query))) TO STDOUT WITH (FORMAT csv, HEADER)" > \(output)
                """
            return try SQLEngine.run("/bin/bash", [Repo.root + "/scripts/with-postgres.sh", "bash", "-c", script], in: directory)
        case .spark:
            precondition(query == "query.sql" && output == "counts.csv", "the Spark job reads query.sql and writes counts.csv")
            return try Self.spark([(directory, records)])
        }
    }
}

/// Python with the `duckdb` package: the test virtual environment's, else the system Python's.
enum DuckDB {
    static let python: String? = {
        let candidates = [Repo.root + "/.build/test-venv/bin/python", "/usr/bin/python3"]
        return candidates.first { path in
            guard FileManager.default.isExecutableFile(atPath: path) else { return false }
            return (try? SQLEngine.run(path, ["-c", "import duckdb"], in: "/"))?.status == 0
        }
    }()
}

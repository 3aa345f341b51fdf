import Foundation
import Testing

/// Optional cross-check with τ-ARGUS (pytauargus, ddg-rules §13): deid's release pattern is handed to
/// τ-ARGUS's own audit as an external pattern (status U for a hidden small cell, M for any other hidden cell,
/// S for a published one; safety rule MAN(20)), which must find no under-protected cell.
///
/// Skipped unless a Python with `pytauargus` is found: `DEID_PYTAUARGUS_PYTHON`, else
/// `Benchmarks/.venv/bin/python` in the checkout (`python3 -m venv Benchmarks/.venv &&
/// Benchmarks/.venv/bin/pip install pytauargus`). τ-ARGUS models flat totals here (`<TOTCODE>`), so the tables
/// are 1- and 2-dimensional. Its audit ignores the "hidden cells are at least 1" knowledge deid's audit uses,
/// and MAN(20) asks for less than deid's width 11, so it is a second opinion, not the standard itself.
@Suite(.enabled(if: TauArgus.python != nil, "pytauargus not installed"))
struct TauArgusCrossCheckTests {
    struct Table: Sendable, CustomTestStringConvertible {
        var name: String
        var csv: String
        var description: String
        var dimensions: [String]
        var testDescription: String { name }
    }

    static let tables: [Table] = {
        var tables = [
            Table(name: "small", csv: SampleTables.smallCSV, description: SampleTables.smallDescription,
                  dimensions: ["County", "Sex"]),
            Table(name: "canary", csv: LeakCanaryTests.csv, description: SampleTables.smallDescription,
                  dimensions: ["County", "Sex"]),
        ]
        for (name, dimensions) in [
            ("four-by-four-trap", ["Age", "County"]), ("ddg-example-1", ["Age"]), ("ddg-example-2", ["Age"]),
            ("ddg-example-4", ["Age"]),
        ] {
            let folder = Repo.fixtures + "/suppression/" + name
            if let csv = try? String(contentsOfFile: folder + "/table.csv", encoding: .utf8),
                let description = try? String(contentsOfFile: folder + "/table.deid.yaml", encoding: .utf8)
            {
                tables.append(Table(name: name, csv: csv, description: description, dimensions: dimensions))
            }
        }
        return tables
    }()

    @Test(arguments: tables)
    func tauArgusFindsDeidsReleaseSafe(_ table: Table) throws {
        let scratch = try SampleTables.folder([("table", table.csv, table.description)])
        defer { scratch.remove() }
        let release = try Deid.run(["release", "-q", "table.csv", "-o", "out.csv", "--report", "out.json"], in: scratch.path)
        try #require(release.status == 0, "\(release)")
        let rows = try TauArgus.audit(
            input: table.csv, release: try scratch.read("out.csv"), dimensions: table.dimensions, count: "Cases",
            in: scratch)
        #expect(!rows.isEmpty, "τ-ARGUS audited no cell")
        #expect(rows.filter(\.unsafe).isEmpty, "τ-ARGUS finds under-protected cells: \(rows.filter(\.unsafe))")
    }

    /// The harness itself: τ-ARGUS must see the 4×4 trap's bridge cell (18-44 × Cedar) as exactly known.
    @Test func tauArgusFlagsTheHandMadeTrap() throws {
        let folder = Repo.fixtures + "/suppression/four-by-four-trap"
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rows = try TauArgus.audit(
            input: String(contentsOfFile: folder + "/table.csv", encoding: .utf8),
            release: String(contentsOfFile: folder + "/handmade-release.csv", encoding: .utf8),
            dimensions: ["Age", "County"], count: "Cases", in: scratch)
        #expect(rows.count == 9)
        let unsafe = rows.filter(\.unsafe)
        #expect(unsafe.count == 1 && unsafe.first?.min == unsafe.first?.max, "\(rows)")
    }
}

/// Runs pytauargus's audit on a release pattern.
enum TauArgus {
    struct Row: Decodable, Sendable {
        var cell: Int
        var min: Double
        var max: Double
        var status: String
        var unsafe: Bool
    }

    static let python: String? = {
        let environment = ProcessInfo.processInfo.environment["DEID_PYTAUARGUS_PYTHON"].map { [$0] } ?? []
        for candidate in environment + [Repo.root + "/Benchmarks/.venv/bin/python"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: candidate)
            process.arguments = ["-c", "import pytauargus"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }()

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes the τ-ARGUS table (`t.tab`: dimension codes, true count, status), metadata (`t.rda`) and batch
    /// (`t.arb`) into `scratch`, runs the audit and returns its rows.
    static func audit(input: String, release: String, dimensions: [String], count: String, in scratch: Scratch) throws -> [Row] {
        guard let python else { throw Failed(description: "no pytauargus") }
        let original = try CSVText.rows(input)
        let published = try CSVText.rows(release)
        guard let header = original.first, let countColumn = header.firstIndex(of: count) else {
            throw Failed(description: "no count column")
        }
        let dimensionColumns = dimensions.compactMap { header.firstIndex(of: $0) }
        var tab = ""
        for (row, out) in zip(original.dropFirst(), published.dropFirst()) {
            let value = Int(row[countColumn]) ?? 0
            let status = !out[countColumn].isEmpty ? "S" : value < 11 ? "U" : "M"
            tab += (dimensionColumns.map { row[$0] } + [row[countColumn], status]).joined(separator: ";") + "\n"
        }
        try scratch.write("t.tab", tab)
        var rda = "<SEPARATOR> \";\"\n"
        for dimension in dimensions { rda += "\(dimension)\n  <RECODEABLE>\n  <TOTCODE> \"Total\"\n" }
        rda += "\(count)\n  <NUMERIC>\nStatus\n  <STATUS>\n"
        try scratch.write("t.rda", rda)
        let specified = dimensions.map { "\"\($0)\"" }.joined()
        try scratch.write("t.arb", """
            <OPENTABLEDATA> "t.tab"
            <OPENMETADATA> "t.rda"
            <SPECIFYTABLE> \(specified)|"\(count)"||
            <SAFETYRULE> MAN(20)
            <READTABLE> 0

            """)
        let script = """
            import json, sys
            from pathlib import Path
            from pytauargus.cli import run_batch
            print(json.dumps(run_batch(Path("t.arb")).audit(0)))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        let out = try scratch.write("tau.out", "")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        guard process.terminationStatus == 0 else { throw Failed(description: "pytauargus exited \(process.terminationStatus)") }
        let lines = try scratch.read("tau.out").split(separator: "\n")
        guard let last = lines.last else { throw Failed(description: "pytauargus printed nothing") }
        return try JSONDecoder().decode([Row].self, from: Data(last.utf8))
    }
}

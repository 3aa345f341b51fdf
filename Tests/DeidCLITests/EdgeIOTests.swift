import Foundation
import Testing

/// Fail closed at the edges: standard error that cannot be written, inputs that can be read only once, names
/// that could forge a diagnostic, and files given where a description or a policy belongs.
@Suite struct EdgeIOTests {
    /// `2>&-` and `2>/dev/full`: deid must not crash on its messages; the exit code and the outputs are as usual.
    @Test(arguments: ["2>&-", "2>/dev/full"])
    func anUnwritableStandardErrorChangesNothingButTheMessages(_ redirect: String) throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let deid = try #require(Deid.executable)
        let release = try shell("'\(deid)' release small.csv -o out.csv --report out.json \(redirect)", in: scratch.path)
        #expect(release == 0)
        #expect(try shell("'\(deid)' release small.csv -o ref.csv --report ref.json 2>/dev/null", in: scratch.path) == 0)
        #expect(try scratch.read("out.csv") == scratch.read("ref.csv"))
        #expect(try scratch.read("out.json") == scratch.read("ref.json").replacingOccurrences(of: "ref.csv", with: "out.csv"))
        #expect(try shell("'\(deid)' check --description small.deid.yaml out.csv \(redirect)", in: scratch.path) == 0)
        #expect(try shell("'\(deid)' check small.csv >/dev/null \(redirect)", in: scratch.path) == 1)
        #expect(try shell("'\(deid)' check absent.csv \(redirect)", in: scratch.path) == 2)
        #expect(try shell("'\(deid)' release absent.csv -o x.csv --report x.json \(redirect)", in: scratch.path) == 2)
    }

    /// With descriptor 2 closed, the first file deid opens must not become its standard error.
    @Test func aClosedStandardErrorDoesNotCaptureAnOutputFile() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let deid = try #require(Deid.executable)
        #expect(try shell("'\(deid)' release small.csv -o out.csv --report out.json 2>&-", in: scratch.path) == 0)
        let json = try scratch.read("out.json")
        #expect(!json.contains("deid: released"), "the summary line went into the report")
        #expect(json.hasPrefix("{"))
    }

    /// A named pipe delivers its bytes once; deid must read it once (the release needs two passes over a table).
    @Test(arguments: ["check", "release"])
    func aNamedPipeIsReadLikeTheFileItCarries(_ command: String) throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let deid = try #require(Deid.executable)
        let arguments = command == "check" ? "check --description small.deid.yaml" : "release --description small.deid.yaml"
        let outputs = command == "check" ? "" : "-o OUT.csv --report OUT.json"
        let direct = try shellOutput(
            "'\(deid)' \(arguments) small.csv \(outputs.replacingOccurrences(of: "OUT", with: "a"))", in: scratch.path)
        let piped = try shellOutput(
            "mkfifo pipe.csv; (timeout 60 cat small.csv > pipe.csv &) >/dev/null 2>&1; "
                + "timeout 120 '\(deid)' \(arguments) pipe.csv "
                + outputs.replacingOccurrences(of: "OUT", with: "b"), in: scratch.path)
        #expect(piped.status == direct.status && direct.status != 2, "\(piped.text)")
        #expect(piped.text.replacingOccurrences(of: "pipe.csv", with: "small.csv").replacingOccurrences(of: "b.csv", with: "a.csv") == direct.text)
        if command == "release" { #expect(try scratch.read("b.csv") == scratch.read("a.csv")) }
    }

    @Test func aStdinFilenameWithALineBreakIsRefused() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        for command in [["check"], ["score"], ["release", "-o", "o.csv", "--report", "o.json"]] {
            let run = try Deid.run(
                command + ["--description", "small.deid.yaml", "--stdin-filename", "a\nb.csv:1: error", "-"],
                in: scratch.path, stdin: Array(SampleTables.smallCSV.utf8))
            #expect(run.status == 2, "\(run)")
            #expect(run.stderr.hasPrefix(
                "Error: --stdin-filename may not contain line breaks, tabs or other control characters"), "\(run)")
        }
    }

    /// Every table among the fixtures and samples, given as a table description and as a policy: the error
    /// names the file but quotes none of its numbers and none of its lines.
    @Test(arguments: FixtureTables.all)
    func aTableGivenAsDescriptionOrPolicyIsNeverQuoted(_ table: String) throws {
        let scratch = try Scratch(prefix: "deid-description-leak")
        defer { scratch.remove() }
        let description = """
            version: 1
            policy: '\(table)'
            table:
              input: aggregate
              dimensions:
                - column: County
                  role: residence_geography
              count: Cases

            """
        try scratch.write("as-policy.deid.yaml", description)
        let runs = [
            try Deid.run(["check", "--description", table, table], in: scratch.path),
            try Deid.run(["check", "--description", "as-policy.deid.yaml", table], in: scratch.path),
        ]
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: table)), as: UTF8.self)
        let values = FixtureTables.numbers(in: text)
        for run in runs {
            #expect(run.status == 2, "\(run)")
            // The error is about the table itself, read as YAML: not a missing file or some other mistake.
            #expect(run.stderr.hasPrefix(table + ":"), "\(run)")
            // The diagnostics after their `file:line:column: error: ` prefix (the summary line counts tables).
            let message = run.stderr.split(separator: "\n").compactMap { line in
                line.firstRange(of: " error: ").map { line[$0.upperBound...] }
            }.joined(separator: "\n")
            let quoted = FixtureTables.numbers(in: String(message)).intersection(values)
                .subtracting(FixtureTables.numbers(in: FixtureTables.messageTemplateNumbers))
            #expect(quoted.isEmpty, "numbers from the table on stderr: \(quoted.sorted()): \(run)")
            for line in text.split(separator: "\n") where line.count >= 8 {
                #expect(!run.stderr.contains(line), "a line of the table on stderr: \(run)")
            }
        }
    }

    /// Runs `command` with bash as written (its own redirections apply); returns the exit status.
    private func shell(_ command: String, in directory: String) throws -> Int32 {
        try run(command, in: directory).status
    }

    /// Runs `command` with bash, standard output and error merged into `text`.
    private func shellOutput(_ command: String, in directory: String) throws -> (status: Int32, text: String) {
        try run("{ \(command); } 2>&1", in: directory)
    }

    private func run(_ command: String, in directory: String) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A process the shell leaves in the background would hold this pipe open: the commands here send such a
        // process's output elsewhere and run it under `timeout`.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        Watchdog.wait(for: process)
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Every CSV table among the test fixtures and the samples, and the numbers in a text.
enum FixtureTables {
    static let all: [String] = {
        var tables: [String] = []
        for folder in [Repo.fixtures, Repo.root + "/Samples"] {
            for path in FileManager.default.subpaths(atPath: folder) ?? [] where path.hasSuffix(".csv") {
                tables.append(folder + "/" + path)
            }
        }
        return tables.sorted()
    }()

    /// Numbers the messages themselves carry ("calhhs-ddg-2.0"), which are not quotes from a table.
    static let messageTemplateNumbers = "calhhs-ddg-2.0"

    /// Every run of digits (with an optional decimal part) in `text`.
    static func numbers(in text: String) -> Set<String> {
        Set(text.matches(of: /[0-9]+(\.[0-9]+)?/).map { String($0.output.0) })
    }
}

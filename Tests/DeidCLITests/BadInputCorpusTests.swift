import Foundation
import Testing

/// The bad-input corpus: every folder of `Tests/Fixtures/bad-input/` is one way a table or its rules can be
/// wrong. Each holds `table.csv`, `table.deid.yaml` (and any policy file it names) and:
///
/// * `expected-error.txt`: a phrase the message must contain;
/// * where the error is: a `# <- error` marker on the line in a YAML file (the rules cases), or
///   `expected-location.txt` with `file`, `file:line` (any column) or `file:line:column`;
/// * optionally `commands.txt`: the commands the input is an error for (default: both `release` and `check`;
///   e.g. a blank count is a hidden cell to `check` but an error to `release`);
/// * optionally `forbidden.txt`: field values from the table that the message must not quote.
///
/// Both commands must exit 2 with `file:line[:col]: error: …` on standard error, print nothing on standard
/// output, and leave the folder exactly as it was: no release, no report, no temporary file.
@Suite struct BadInputCorpusTests {
    static let folder = Repo.fixtures + "/bad-input"
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func theCorpusCoversEnoughCases() {
        #expect(Self.cases.count >= 32)
        #expect(Self.cases.filter { !$0.hasPrefix("rules-") }.count >= 10)
    }

    @Test(arguments: cases)
    func failsWithExitTwoAndWritesNothing(_ name: String) throws {
        let source = Self.folder + "/" + name
        let phrase = try text(source + "/expected-error.txt")
        #expect(!phrase.isEmpty)
        let location = try expectedLocation(source)
        let commands = (try? lines(source + "/commands.txt")) ?? ["release", "check"]
        let forbidden = (try? lines(source + "/forbidden.txt")) ?? []

        let scratch = try Scratch(prefix: "deid-bad-\(name)")
        defer { scratch.remove() }
        try scratch.copyContents(of: source)
        let before = scratch.listing()

        for command in commands {
            let arguments =
                command == "release"
                ? ["release", "table.csv", "-o", "out.csv", "--report", "out.json"] : ["check", "table.csv"]
            let run = try Deid.run(arguments, in: scratch.path)
            #expect(run.exitedNormally && run.status == 2, "\(run)")
            #expect(run.stderr.contains(phrase), "\(run)")
            let first = String(run.stderr.prefix { $0 != "\n" })
            #expect(first.firstMatch(of: location) != nil, "expected the message at \(location): \(first)")
            #expect(run.stdout.isEmpty, "\(run)")
            for value in forbidden {
                #expect(!run.stderr.contains(value), "the message quotes the table value '\(value)': \(run)")
            }
            #expect(!scratch.exists("out.csv") && !scratch.exists("out.json"))
            #expect(scratch.listing() == before, "\(command) left files behind")
        }
    }

    /// `file:line[:col]: error: ` at the start of the message, as a regular expression.
    private func expectedLocation(_ folder: String) throws -> Regex<AnyRegexOutput> {
        if let written = try? text(folder + "/expected-location.txt") {
            let parts = written.split(separator: ":")
            let escaped = NSRegularExpression.escapedPattern(for: written)
            // `file:line` accepts any column; `file` and `file:line:column` must match exactly.
            return try Regex("^\(escaped)\(parts.count == 2 ? "(:[0-9]+)?" : ""): error: ")
        }
        let (file, line) = try markedLine(in: folder)
        return try Regex("^(.*/)?\(NSRegularExpression.escapedPattern(for: file)):\(line):[0-9]+: error: ")
    }

    /// The one `# <- error` marker among the folder's YAML files.
    private func markedLine(in folder: String) throws -> (file: String, line: Int) {
        var found: [(String, Int)] = []
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder) where file.hasSuffix(".yaml") {
            for (index, line) in try text(folder + "/" + file).split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated() where line.contains("# <- error")
            {
                found.append((file, index + 1))
            }
        }
        try #require(found.count == 1, "\(folder): give expected-location.txt or mark one YAML line '# <- error'")
        return found[0]
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func lines(_ path: String) throws -> [String] {
        try text(path).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

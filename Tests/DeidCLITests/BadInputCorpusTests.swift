import Foundation
import Testing

/// The bad-input corpus: every folder of `Tests/Fixtures/bad-input/` is one way a table, its rules or a command
/// line can be wrong. Each holds the files the command reads (usually `table.csv` and `table.deid.yaml`) and:
///
/// * `expected-error.txt`: the exact first line deid prints on standard error; one line for every command, or
///   one line per command of `commands.txt` when they differ. `{presets}` stands for the presets folder.
/// * optionally `commands.txt`: one command per line, `release` (`deid release table.csv -o out.csv --report
///   out.json`), `check` (`deid check table.csv`), or `deid …` with its arguments split on spaces (`''` is an
///   empty argument). Default: `release` and `check`.
/// * optionally `setup.sh`: run with bash in the scratch folder first (symlinks, hard links, named pipes).
/// * optionally a `# <- error` marker on one YAML line: the message's location must be that line.
/// * optionally `forbidden.txt`: field values from the table that standard error must not contain.
///
/// Every command must exit 2, print nothing on standard output, and leave the folder exactly as it was: the same
/// entries, every file byte for byte, no output and no temporary file; and /dev/null must still be a device.
@Suite struct BadInputCorpusTests {
    static let folder = Repo.fixtures + "/bad-input"
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()
    static let harnessFiles: Set = ["expected-error.txt", "commands.txt", "setup.sh", "forbidden.txt"]

    @Test func theCorpusCoversEnoughCases() {
        #expect(Self.cases.count >= 60)
        #expect(Self.cases.filter { $0.hasPrefix("csv-") || $0.hasPrefix("model-") }.count >= 20)
        #expect(Self.cases.filter { $0.hasPrefix("output-") }.count >= 10)
    }

    @Test(arguments: cases)
    func failsWithExitTwoAndChangesNothing(_ name: String) throws {
        let source = Self.folder + "/" + name
        let commands = try CorpusCommand.parse((try? lines(source + "/commands.txt")) ?? ["release", "check"])
        let expected = try lines(source + "/expected-error.txt").map {
            $0.replacingOccurrences(of: "{presets}", with: Repo.presets)
        }
        try #require(expected.count == 1 || expected.count == commands.count, "one line, or one per command")
        let forbidden = (try? lines(source + "/forbidden.txt")) ?? []
        let marker = try markedLine(in: source)

        let scratch = try Scratch(prefix: "deid-bad-\(name)")
        defer { scratch.remove() }
        for file in try FileManager.default.contentsOfDirectory(atPath: source) where !Self.harnessFiles.contains(file) {
            try FileManager.default.copyItem(atPath: source + "/" + file, toPath: scratch.path + "/" + file)
        }
        if FileManager.default.fileExists(atPath: source + "/setup.sh") {
            try runSetup(source + "/setup.sh", in: scratch.path)
        }
        let before = try FolderSnapshot(scratch.path)

        for (index, arguments) in commands.enumerated() {
            let run = try Deid.run(arguments, in: scratch.path)
            #expect(run.exitedNormally && run.status == 2, "\(run)")
            let first = String(run.stderr.prefix { $0 != "\n" })
            #expect(first == expected[expected.count == 1 ? 0 : index], "\(run)")
            if let marker {
                #expect(first.hasPrefix("\(marker.file):\(marker.line):"), "the message is not at the marked line")
            }
            #expect(run.stdout.isEmpty, "\(run)")
            for value in forbidden {
                #expect(!run.stderr.contains(value), "the message quotes the table value '\(value)': \(run)")
            }
            #expect(try FolderSnapshot(scratch.path) == before, "\(arguments) changed or left files")
            #expect(isCharacterDevice("/dev/null"), "/dev/null was replaced")
        }
    }

    private func markedLine(in folder: String) throws -> (file: String, line: Int)? {
        var found: [(String, Int)] = []
        // Subfolders too: a marker in `policies/x.yaml` must not be skipped.
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder) where file.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("# <- error") {
                found.append((file, index + 1))
            }
        }
        try #require(found.count <= 1, "\(folder): at most one '# <- error' marker")
        return found.first
    }

    private func runSetup(_ script: String, in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(script) failed")
    }

    private func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR
    }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

/// A command line of `commands.txt`.
enum CorpusCommand {
    static func parse(_ lines: [String]) throws -> [[String]] {
        try lines.map { line in
            switch line {
            case "release": return ["release", "table.csv", "-o", "out.csv", "--report", "out.json"]
            case "check": return ["check", "table.csv"]
            default:
                try #require(line.hasPrefix("deid "), "a command is release, check or `deid …`: \(line)")
                return line.dropFirst(5).split(separator: " ").map { $0 == "''" ? "" : String($0) }
            }
        }
    }
}

/// Every entry below a folder with its kind, and every regular file's bytes: equal snapshots mean nothing was
/// written, replaced, added or removed. Named pipes are listed, never opened.
struct FolderSnapshot: Equatable {
    var entries: [String: String] = [:]

    init(_ folder: String) throws {
        let manager = FileManager.default
        for path in try manager.subpathsOfDirectory(atPath: folder) {
            let full = folder + "/" + path
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: entries[path] = "file " + (try Data(contentsOf: URL(fileURLWithPath: full))).base64EncodedString()
            case S_IFLNK: entries[path] = "link " + ((try? manager.destinationOfSymbolicLink(atPath: full)) ?? "")
            case S_IFDIR: entries[path] = "folder"
            default: entries[path] = "special \(info.st_mode & S_IFMT)"
            }
        }
    }
}

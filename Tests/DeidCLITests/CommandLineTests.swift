import DeidSupport
import Testing

/// The command line itself: help, version, and usage errors mapped to exit 2 (never ArgumentParser's 64).
@Suite struct CommandLineTests {
    @Test(arguments: [["--help"], ["check", "--help"], ["release", "--help"], ["help", "check"]])
    func helpExitsZero(_ arguments: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try Deid.run(arguments, in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("USAGE: deid"), "\(run)")
        #expect(run.stdout.contains("Exit codes") || arguments.first == "release", "\(run)")
        // The old spelling of --description works but is not offered.
        #expect(!run.stdout.contains("--rules"), "\(run)")
        #expect(run.stdout.contains("--description") || arguments == ["--help"], "\(run)")
    }

    @Test(arguments: ["check", "release"])
    func subcommandHelpShowsExamples(_ command: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try Deid.run([command, "--help"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Examples:"), "\(run)")
        #expect(run.stdout.contains("deid \(command) "), "\(run)")
    }

    @Test func versionPrintsTheToolVersion() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try Deid.run(["--version"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == DeidVersion.current, "\(run)")
    }

    @Test(arguments: [
        ["check"],  // no table named: a usage error, not a hang on the terminal
        ["check", "--bogus", "x.csv"],
        ["check", "--format", "xml", "x.csv"],
        ["check", "-", "-"],
        ["release", "x.csv"],  // -o and --report are required
        ["release", "x.csv", "-o", "out.csv"],
        ["frobnicate"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try Deid.run(arguments, in: scratch.path)
        #expect(run.exitedNormally && run.status == 2, "\(run)")
        #expect(run.stderr.contains("Error:") || run.stderr.contains("error:"), "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(scratch.listing().isEmpty, "\(run)")
    }

    /// `--rules` was the option's name before `--description`: it still works, every command says so once.
    @Test(arguments: ["check", "score", "release"])
    func theOldRulesOptionStillWorksWithANote(_ command: String) throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let outputs = command == "release" ? ["-o", "out.csv", "--report", "out.json"] : []
        let old = try Deid.run([command, "--rules", "small.deid.yaml", "small.csv"] + outputs, in: scratch.path)
        let new = try Deid.run(
            [command, "--description", "small.deid.yaml", "small.csv"] + outputs.map { $0.replacingOccurrences(of: "out", with: "new") },
            in: scratch.path)
        let note = "deid: --rules is now called --description; the old name still works\n"
        #expect(old.status == new.status, "\(old)")
        #expect(old.stderr.hasPrefix(note), "\(old)")
        #expect(old.stdout == new.stdout)
        #expect(old.stderr.dropFirst(note.count).replacingOccurrences(of: "out.", with: "new.") == new.stderr)
        let both = try Deid.run(
            [command, "--rules", "small.deid.yaml", "--description", "small.deid.yaml", "small.csv"] + outputs,
            in: scratch.path)
        #expect(both.status == 2 && both.stderr.contains("give --description only"), "\(both)")
    }
}

import DeidSupport
import Foundation
import Testing

/// `deid check` as a user runs it: exit codes 0/1/2, the four output formats, standard input, several files.
@Suite struct CheckCommandTests {
    @Test func cleanTableExitsZeroAndPrintsNothing() throws {
        let scratch = try SampleTables.folder([("clean", SampleTables.cleanCSV, SampleTables.description)])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "clean.csv"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(run.stderr == "deid: checked 1 table: no findings\n", "\(run)")
    }

    @Test func smallCountExitsOneWithATextFinding() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "small.csv"], in: scratch.path)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr == "deid: checked 1 table: 1 findings (1 small-count) in 1 table\n", "\(run)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(run)")
        #expect(lines.first?.hasPrefix("small.csv:2: small-count: County=Alder, Sex=Female: ") == true, "\(run)")
        #expect(run.stdout.contains("numerator minimum of 11"), "\(run)")
    }

    @Test func unreadableTableExitsTwoWithALocatedError() throws {
        let scratch = try SampleTables.folder([("ragged", SampleTables.raggedCSV, SampleTables.description)])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "ragged.csv"], in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.hasPrefix("ragged.csv:3:"), "\(run)")
        #expect(run.stderr.contains(": error: record 3 has 4 fields but the header has 3"), "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
    }

    /// A mistyped path is reported as a missing table, with or without --description, before any description is sought.
    @Test(arguments: [["check", "absent.csv"], ["check", "--description", "none.deid.yaml", "absent.csv"]])
    func missingTableExitsTwoNamingTheTable(arguments: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try Deid.run(arguments, in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.hasPrefix("error: cannot open 'absent.csv': no such file; check the path"), "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
    }

    @Test func aFolderGivenAsTheTableExitsTwo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("tables/t.csv", SampleTables.cleanCSV)
        let run = try Deid.run(["check", "tables"], in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("'tables'"), "\(run)")
        #expect(!run.stderr.contains("no table description"), "\(run)")
    }

    // MARK: Formats

    @Test func jsonFormatIsOneDocumentPerRun() throws {
        let scratch = try SampleTables.folder([
            ("small", SampleTables.smallCSV, SampleTables.smallDescription),
            ("clean", SampleTables.cleanCSV, SampleTables.description),
        ])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "--format", "json", "small.csv", "clean.csv"], in: scratch.path)
        #expect(run.status == 1, "\(run)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdoutBytes)) as? [String: Any])
        #expect(document["schema_version"] as? Int == 1)
        #expect((document["tool"] as? [String: Any])?["name"] as? String == "deid")
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == ["small.csv", "clean.csv"])
        #expect(files.map { $0["status"] as? String } == ["fail", "pass"])
        #expect(files.allSatisfy { $0["policy"] as? String == "calhhs-ddg-2.0" })
        let findings = try #require(files[0]["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["rule"] as? String == "small-count")
        #expect(findings.first?["severity"] as? String == "error")
        let location = try #require(findings.first?["location"] as? [String: Any])
        #expect(location["file"] as? String == "small.csv" && location["line"] as? Int == 2)
        let cell = try #require(findings.first?["cell"] as? [[String: String]])
        #expect(cell == [["dimension": "County", "value": "Alder"], ["dimension": "Sex", "value": "Female"]])
        let summary = try #require(files[0]["summary"] as? [String: Any])
        #expect(summary["cells"] as? Int == 12 && summary["visible_small_counts"] as? Int == 1)
        #expect((files[1]["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func sarifFormatIsValidSARIF210() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "--format", "sarif", "small.csv"], in: scratch.path)
        #expect(run.status == 1, "\(run)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdoutBytes)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "deid")
        #expect(driver["semanticVersion"] as? String == DeidVersion.current)
        let ruleIDs = (driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ruleIDs.contains("small-count") && ruleIDs.contains("under-protected"))
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let result = results[0]
        #expect(result["ruleId"] as? String == "small-count" && result["level"] as? String == "error")
        #expect(((result["message"] as? [String: Any])?["text"] as? String)?.contains("Alder") == true)
        let physical = try #require(
            (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "small.csv")
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 2)
        #expect((result["properties"] as? [String: Any])?["cell"] as? String == "County=Alder, Sex=Female")
    }

    @Test func githubFormatWritesWorkflowCommands() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "--format", "github", "small.csv"], in: scratch.path)
        #expect(run.status == 1, "\(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(run)")
        // Property values escape ',' and ':' (%2C, %3A); the message escapes only %, CR and LF.
        #expect(lines.first?.hasPrefix("::error file=small.csv,line=2,title=deid small-count::County=Alder, Sex=Female: ") == true, "\(run)")
    }

    @Test func outputOptionWritesTheFindingsToAFile() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "--format", "sarif", "-o", "deid.sarif", "small.csv"], in: scratch.path)
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        let log = try JSONSerialization.jsonObject(with: Data(try scratch.bytes("deid.sarif"))) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
    }

    // MARK: Standard input, several files, --exit-zero

    @Test func standardInputTakesItsNameFromStdinFilename() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let named = try Deid.run(
            ["check", "--description", "small.deid.yaml", "--stdin-filename", "counts.csv", "-"], in: scratch.path,
            stdin: Array(SampleTables.smallCSV.utf8))
        #expect(named.status == 1, "\(named)")
        #expect(named.stdout.hasPrefix("counts.csv:2: small-count:"), "\(named)")

        let unnamed = try Deid.run(
            ["check", "--description", "small.deid.yaml", "-"], in: scratch.path, stdin: Array(SampleTables.smallCSV.utf8))
        #expect(unnamed.status == 1, "\(unnamed)")
        #expect(unnamed.stdout.hasPrefix("<stdin>:2: small-count:"), "\(unnamed)")
    }

    @Test func standardInputFindsDeidYamlInTheWorkingFolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("deid.yaml", SampleTables.description)
        let run = try Deid.run(["check", "-"], in: scratch.path, stdin: Array(SampleTables.cleanCSV.utf8))
        #expect(run.status == 0, "\(run)")
    }

    @Test func findingsInOneOfSeveralFilesExitOne() throws {
        let scratch = try SampleTables.folder([
            ("clean", SampleTables.cleanCSV, SampleTables.description),
            ("small", SampleTables.smallCSV, SampleTables.smallDescription),
        ])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "clean.csv", "small.csv"], in: scratch.path)
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.hasPrefix("small.csv:2: small-count:") && !run.stdout.contains("clean.csv"), "\(run)")
    }

    @Test func anUnreadableFileAmongSeveralExitsTwoButTheOthersAreStillChecked() throws {
        let scratch = try SampleTables.folder([
            ("small", SampleTables.smallCSV, SampleTables.smallDescription),
            ("ragged", SampleTables.raggedCSV, SampleTables.description),
            ("clean", SampleTables.cleanCSV, SampleTables.description),
        ])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "small.csv", "ragged.csv", "clean.csv"], in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.hasPrefix("ragged.csv:3:") && run.stderr.contains(": error: "), "\(run)")
        #expect(run.stdout.hasPrefix("small.csv:2: small-count:"), "\(run)")

        let good = try Deid.run(["check", "ragged.csv", "clean.csv"], in: scratch.path)
        #expect(good.status == 2, "\(good)")
    }

    @Test func exitZeroReportsFindingsButNotErrors() throws {
        let scratch = try SampleTables.folder([
            ("small", SampleTables.smallCSV, SampleTables.smallDescription),
            ("ragged", SampleTables.raggedCSV, SampleTables.description),
        ])
        defer { scratch.remove() }
        let findings = try Deid.run(["check", "--exit-zero", "small.csv"], in: scratch.path)
        #expect(findings.status == 0, "\(findings)")
        #expect(findings.stdout.contains("small-count"), "\(findings)")

        let error = try Deid.run(["check", "--exit-zero", "ragged.csv"], in: scratch.path)
        #expect(error.status == 2, "\(error)")
    }
}

import Foundation
import Testing

/// `deid release` as a user runs it: both files written, the release re-checks clean, and refusals leave
/// nothing behind.
@Suite struct ReleaseCommandTests {
    static let outputs = ["-o", "out.csv", "--report", "out.json"]

    @Test func writesTheReleaseAndTheReport() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(["release", "small.csv"] + Self.outputs, in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(run.stderr.hasPrefix("deid: released small.csv (12 cells) to out.csv: "), "\(run)")

        let release = try CSVText.rows(try scratch.read("out.csv"))
        let input = try CSVText.rows(SampleTables.smallCSV)
        #expect(release.first == input[0] + ["Annotation"])
        #expect(release.count == input.count)
        // Alder/Female (row 1) is hidden with its rate; the population stays; the annotation says why.
        #expect(release[1] == ["Alder", "Female", "", "21000", "", release[1][5]])
        #expect(!release[1][5].isEmpty)
        for (released, original) in zip(release.dropFirst(), input.dropFirst()) {
            #expect(Array(released.prefix(2)) == Array(original.prefix(2)), "rows keep their order")
            #expect(released[3] == original[3], "denominators are published unchanged")
            if released[2].isEmpty {
                #expect(released[4].isEmpty && !released[5].isEmpty, "a hidden count hides its rate: \(released)")
            } else {
                #expect(released[2] == original[2] && released[4] == original[4] && released[5].isEmpty)
                #expect(!(1...10).contains(Int(released[2]) ?? 0))
            }
        }
        #expect(release.dropFirst().filter { $0[2].isEmpty }.count >= 4, "one small cell needs three partners")

        let report = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.bytes("out.json"))) as? [String: Any])
        #expect(report["schema_version"] as? Int == 1)
        let summary = try #require(report["summary"] as? [String: Any])
        #expect((summary["audit"] as? [String: Any])?["verdict"] as? String == "pass")
        #expect(summary["cells"] as? Int == 12)
        let hidden = try #require(report["hidden_cells"] as? [[String: Any]])
        #expect(hidden.count == release.dropFirst().filter { $0[2].isEmpty }.count)
        #expect((report["output"] as? [String: Any])?["file"] as? String == "out.csv")
    }

    @Test func quietWritesNoSummary() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(["release", "-q", "small.csv"] + Self.outputs, in: scratch.path)
        #expect(run.status == 0 && run.stderr.isEmpty && run.stdout.isEmpty, "\(run)")
        #expect(scratch.exists("out.csv") && scratch.exists("out.json"))
    }

    @Test func theReleaseChecksClean() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let release = try Deid.run(["release", "small.csv"] + Self.outputs, in: scratch.path)
        #expect(release.status == 0, "\(release)")
        for format in ["text", "json", "sarif", "github"] {
            let check = try Deid.run(
                ["check", "--format", format, "--description", "small.deid.yaml", "out.csv"], in: scratch.path)
            #expect(check.status == 0, "\(check)")
        }
        let json = try Deid.run(["check", "--format", "json", "--description", "small.deid.yaml", "out.csv"], in: scratch.path)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any]
        let file = (document?["files"] as? [[String: Any]])?.first
        #expect(file?["status"] as? String == "pass")
        let summary = file?["summary"] as? [String: Any]
        #expect((summary?["hidden_cells"] as? Int ?? 0) >= 4)
        #expect((summary?["audit"] as? [String: Any])?["verdict"] as? String == "pass")
    }

    /// A release given to `release` is a published table protected again: it already passes, so nothing more
    /// is hidden and the table comes out as it went in, codes and all.
    @Test func releasingAReleaseAgainChangesNothing() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let first = try Deid.run(["release", "small.csv"] + Self.outputs, in: scratch.path)
        #expect(first.status == 0, "\(first)")
        let again = try Deid.run(
            ["release", "--description", "small.deid.yaml", "out.csv", "-o", "again.csv", "--report", "again.json"],
            in: scratch.path)
        #expect(again.status == 0, "\(again)")
        #expect(try scratch.read("again.csv") == scratch.read("out.csv"))
        #expect(try scratch.read("again.json").contains("and 0 more are hidden now"))
    }

    @Test func refusesToOverwriteItsInput() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(["release", "small.csv", "-o", "small.csv", "--report", "out.json"], in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.hasPrefix("small.csv: error: --output names the same file as the input table 'small.csv'"), "\(run)")
        #expect(try scratch.read("small.csv") == SampleTables.smallCSV)
        #expect(!scratch.exists("out.json"))
    }

    @Test func releasesStandardInput() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let fromFile = try Deid.run(["release", "-q", "small.csv", "-o", "file.csv", "--report", "file.json"], in: scratch.path)
        let fromStdin = try Deid.run(
            ["release", "-q", "--description", "small.deid.yaml", "--stdin-filename", "small.csv", "-", "-o", "stdin.csv",
             "--report", "stdin.json"],
            in: scratch.path, stdin: Array(SampleTables.smallCSV.utf8))
        #expect(fromFile.status == 0 && fromStdin.status == 0, "\(fromFile)\n\(fromStdin)")
        #expect(try scratch.bytes("stdin.csv") == scratch.bytes("file.csv"))
        let report = try JSONSerialization.jsonObject(with: Data(try scratch.bytes("stdin.json"))) as? [String: Any]
        #expect((report?["input"] as? [String: Any])?["file"] as? String == "small.csv")
    }

    @Test func aTableWithNothingToHideIsCopiedWithAnEmptyAnnotationColumn() throws {
        let description = SampleTables.description + "  annotation: Note\n"
        let scratch = try SampleTables.folder([("clean", SampleTables.cleanCSV, description)])
        defer { scratch.remove() }
        let run = try Deid.run(["release", "clean.csv"] + Self.outputs, in: scratch.path)
        #expect(run.status == 0, "\(run)")
        let expected = try CSVText.rows(SampleTables.cleanCSV).enumerated().map { $0 == 0 ? $1 + ["Note"] : $1 + [""] }
        #expect(try CSVText.rows(try scratch.read("out.csv")) == expected)
    }

    @Test func aReleaseFailureLeavesNoFile() throws {
        let scratch = try SampleTables.folder([("ragged", SampleTables.raggedCSV, SampleTables.description)])
        defer { scratch.remove() }
        let before = scratch.listing()
        let run = try Deid.run(["release", "ragged.csv"] + Self.outputs, in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(scratch.listing() == before)
    }

    /// A mistyped table path is reported as missing, not as a table without a description.
    @Test func aMissingTableIsReportedAsMissingAndNothingIsWritten() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try Deid.run(["release", "absent.csv"] + Self.outputs, in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("error: cannot open 'absent.csv': no such file"), "\(run)")
        #expect(scratch.listing().isEmpty, "\(run)")
    }

    @Test func recordsAreCountedAndReleased() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // 12 people in North (all Female), 3 in South: South is small and both of its sexes must be protected.
        var csv = "Person,County,Sex\n"
        for i in 0..<12 { csv += "p\(i),North,Female\n" }
        for i in 12..<15 { csv += "p\(i),South,\(i == 12 ? "Male" : "Female")\n" }
        try scratch.write("people.csv", csv)
        try scratch.write("people.deid.yaml", """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: records
              dimensions:
                - column: County
                  role: residence_geography
                - column: Sex
                  role: sex
              count: People

            """)
        let run = try Deid.run(["release", "people.csv"] + Self.outputs, in: scratch.path)
        #expect(run.status == 0, "\(run)")
        let rows = try CSVText.rows(try scratch.read("out.csv"))
        #expect(rows.first == ["County", "Sex", "People"])
        let published = rows.dropFirst().compactMap { Int($0[2]) }
        #expect(published.allSatisfy { !(1...10).contains($0) }, "\(rows)")
        #expect(rows.dropFirst().contains(["North", "Female", "12"]), "\(rows)")
    }

    /// The release of records is an aggregate table; `check` reads it as one with the records' own description,
    /// audits it (exit 0), and flags a small count written back into it (exit 1).
    @Test func aReleaseFromRecordsIsCheckedWithTheSameDescription() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var csv = "Person,County,Sex\n"
        let people = [("North", "Female", 14), ("North", "Male", 25), ("South", "Female", 3), ("South", "Male", 31),
                      ("West", "Female", 22), ("West", "Male", 18)]
        var id = 0
        for (county, sex, count) in people {
            for _ in 0..<count {
                csv += "p\(id),\(county),\(sex)\n"
                id += 1
            }
        }
        try scratch.write("people.csv", csv)
        try scratch.write("people.deid.yaml", """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: records
              dimensions:
                - column: County
                  role: residence_geography
                  total: All
                - column: Sex
                  role: sex
                  total: Total
              count: People
              annotation: Note

            """)
        let release = try Deid.run(["release", "people.csv"] + Self.outputs, in: scratch.path)
        #expect(release.status == 0, "\(release)")
        let check = try Deid.run(["check", "out.csv", "--description", "people.deid.yaml"], in: scratch.path)
        #expect(check.status == 0, "\(check)")

        var rows = try CSVText.rows(try scratch.read("out.csv"))
        let south = try #require(rows.firstIndex { $0.prefix(2) == ["South", "Female"] })
        #expect(rows[south][2].isEmpty, "the small count is hidden")
        rows[south][2] = "3"
        try scratch.write("tampered.csv", rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
        let tampered = try Deid.run(["check", "tampered.csv", "--description", "people.deid.yaml"], in: scratch.path)
        #expect(tampered.status == 1, "\(tampered)")
        #expect(tampered.stdout.contains("tampered.csv:\(south + 1):"), "\(tampered)")

        // From standard input the file cannot be read twice, so the error says to check it by its path.
        let piped = try Deid.run(
            ["check", "-", "--description", "people.deid.yaml"], in: scratch.path, stdin: Array(try scratch.read("out.csv").utf8))
        #expect(piped.status == 2, "\(piped)")
        #expect(piped.stderr.contains("checked by its file path"), "\(piped)")
    }
}

/// `--report-html`: the report a reviewer signs is written with the other two files, or not at all.
@Suite struct ReleaseHTMLReportTests {
    static let outputs = ["-o", "out.csv", "--report", "out.json", "--report-html", "out.html"]

    @Test func writesASelfContainedReportBesideTheReleaseAndTheJSON() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(["release", "small.csv"] + Self.outputs, in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(scratch.listing().filter { $0.hasPrefix("out.") } == ["out.csv", "out.html", "out.json"])
        let html = try scratch.read("out.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        // Self-contained: no script, and nothing fetched from elsewhere (links, images, fonts, style sheets).
        for forbidden in ["<script", "src=", "href=", "url(", "@import", "http:", "https:"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        // It shows what the JSON holds: the release's digest, the verdict and every hidden cell.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.bytes("out.json"))) as? [String: Any])
        let digest = try #require((report["output"] as? [String: Any])?["sha256"] as? String)
        #expect(html.contains(digest))
        #expect(html.contains("Released with masking") && html.contains("Disclosure audit: pass"))
        let hidden = try #require(report["hidden_cells"] as? [[String: Any]])
        #expect(html.components(separatedBy: "<td class=\"interval\">").count - 1 == hidden.count)
        #expect(html.contains("Statistical De-Identification Expert") && html.contains("the risk is very small"))
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let first = try Deid.run(["release", "-q", "small.csv"] + Self.outputs, in: scratch.path)
        let again = try Deid.run(
            ["release", "-q", "small.csv", "-o", "out.csv", "--report", "out.json", "--report-html", "again.html"],
            in: scratch.path)
        #expect(first.status == 0 && again.status == 0, "\(first)\n\(again)")
        #expect(try scratch.bytes("out.html") == scratch.bytes("again.html"))
    }

    /// A table that cannot be read fails before anything is written.
    @Test func aFailingReleaseWritesNoneOfTheThreeFiles() throws {
        let scratch = try SampleTables.folder([("ragged", SampleTables.raggedCSV, SampleTables.description)])
        defer { scratch.remove() }
        let before = scratch.listing()
        let run = try Deid.run(["release", "ragged.csv", "--report-html", "out.html"] + Self.outputs, in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(scratch.listing() == before)
    }

    /// The HTML report fails last (its folder does not exist), after the release and the JSON were written to
    /// temporary files: neither is moved into place and no temporary file is left.
    @Test func aFailureWritingTheHTMLReportLeavesNoOtherFile() throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let before = scratch.listing()
        let run = try Deid.run(
            ["release", "small.csv", "-o", "out.csv", "--report", "out.json", "--report-html", "missing/out.html"],
            in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("missing/out.html"), "\(run)")
        #expect(scratch.listing() == before)
    }

    @Test(arguments: [
        ["--report-html", "out.json"],  // over the JSON report
        ["--report-html", "small.csv"],  // over the input
    ]) func refusesToWriteTheHTMLOverAnotherFile(_ html: [String]) throws {
        let scratch = try SampleTables.folder([("small", SampleTables.smallCSV, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let before = scratch.listing()
        let run = try Deid.run(["release", "small.csv", "-o", "out.csv", "--report", "out.json"] + html, in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(scratch.listing() == before)
        #expect(try scratch.read("small.csv") == SampleTables.smallCSV)
    }
}

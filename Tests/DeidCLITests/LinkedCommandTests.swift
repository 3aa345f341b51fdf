import Foundation
import Testing

/// `deid check --linked` and `deid release --linked`: tables published together are audited (and protected) as
/// one release. The trio of
/// `Tests/Fixtures/linked/trio` (County × Sex, County × Age Group, Race/Ethnicity × Sex from the same records)
/// is released one table at a time; each release passes `check` alone, and together they leak through their
/// shared county totals, sex totals and grand total.
@Suite struct LinkedCommandTests {
    static let trio = ["county-sex", "county-age", "race-sex"]

    /// The trio released one table at a time, with its descriptions, in a scratch folder.
    static func releasedOneByOne() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.copyContents(of: Repo.fixtures + "/linked/trio")
        try FileManager.default.createDirectory(atPath: scratch.path + "/released", withIntermediateDirectories: true)
        for name in trio {
            let run = try Deid.run(
                ["release", "-q", "\(name).csv", "-o", "released/\(name).csv", "--report", "\(name).audit.json"],
                in: scratch.path)
            #expect(run.status == 0, "\(run)")
            try FileManager.default.copyItem(
                atPath: scratch.path + "/\(name).deid.yaml", toPath: scratch.path + "/released/\(name).deid.yaml")
        }
        return scratch
    }

    @Test func eachReleasePassesAloneAndTheSetLeaksTogether() throws {
        let scratch = try Self.releasedOneByOne()
        defer { scratch.remove() }
        let files = Self.trio.map { "released/\($0).csv" }
        let alone = try Deid.run(["check"] + files, in: scratch.path)
        #expect(alone.status == 0, "\(alone)")

        let together = try Deid.run(["check", "--linked", "--format", "json"] + files, in: scratch.path)
        #expect(together.status == 1, "\(together)")
        let object = try JSONSerialization.jsonObject(with: Data(together.stdout.utf8)) as? [String: Any]
        let reports = object?["files"] as? [[String: Any]] ?? []
        #expect(reports.count == 3)
        var underProtected = 0
        for report in reports {
            let summary = report["summary"] as? [String: Any]
            let linked = summary?["linked_with"] as? [String] ?? []
            #expect(linked.count == 2 && !linked.contains(report["file"] as? String ?? ""), "\(report)")
            let findings = report["findings"] as? [[String: Any]] ?? []
            underProtected += findings.filter { $0["rule"] as? String == "under-protected" }.count
        }
        #expect(underProtected > 0, "\(together.stdout)")
    }

    /// Several tables named without --linked are released together; --report and --report-html add one report
    /// of the set, with every table's report in command-line order.
    @Test func severalTablesAreReleasedTogetherWithOneReportOfTheSet() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copyContents(of: Repo.fixtures + "/linked/trio")
        try FileManager.default.createDirectory(atPath: scratch.path + "/out", withIntermediateDirectories: true)
        let files = Self.trio.map { "\($0).csv" }
        let run = try Deid.run(
            ["release"] + files + ["--output-dir", "out", "--report", "out/audit.json", "--report-html", "out/report.html"],
            in: scratch.path)
        #expect(run.status == 0, "\(run)")
        let object = try JSONSerialization.jsonObject(with: Data(try scratch.read("out/audit.json").utf8)) as? [String: Any]
        let reports = object?["linked_release"] as? [[String: Any]] ?? []
        #expect(reports.compactMap { ($0["input"] as? [String: Any])?["file"] as? String } == files)
        let html = try scratch.read("out/report.html")
        #expect(html.components(separatedBy: "<article").count == 4 && html.contains("3 tables released together"))
        for name in Self.trio {
            #expect(FileManager.default.fileExists(atPath: scratch.path + "/out/\(name).audit.json"))
            try FileManager.default.copyItem(
                atPath: scratch.path + "/\(name).deid.yaml", toPath: scratch.path + "/out/\(name).deid.yaml")
        }
        let check = try Deid.run(["check", "--linked"] + Self.trio.map { "out/\($0).csv" }, in: scratch.path)
        #expect(check.status == 0, "\(check)")
    }

    /// The findings name cells and widths, never a count or an interval's bounds: once the location, the cell's
    /// labels, the width and the policy's thresholds are taken out of a line, no digit is left.
    @Test func linkedFindingsPrintNoCountAndNoBound() throws {
        let scratch = try Self.releasedOneByOne()
        defer { scratch.remove() }
        let files = Self.trio.map { "released/\($0).csv" }
        let run = try Deid.run(["check", "--linked"] + files, in: scratch.path)
        #expect(run.status == 1, "\(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty, "\(run)")
        for line in lines {
            var rest = line.replacingOccurrences(of: #"^released/[a-z-]+\.csv:[0-9]+: "#, with: "", options: .regularExpression)
            for label in ["0-17", "18-44", "45-64", "65+"] { rest = rest.replacingOccurrences(of: label, with: "") }
            for known in [#"width [0-9]+;"#, "at least 11 ", "more than 0 "] {
                rest = rest.replacingOccurrences(of: known, with: "", options: .regularExpression)
            }
            #expect(rest.hasPrefix("under-protected: "), "\(line)")
            #expect(rest.rangeOfCharacter(from: .decimalDigits) == nil, "\(line)")
        }
        let summary = #"^deid: checked 3 tables: [0-9]+ findings \([0-9]+ under-protected\) in [1-3] tables?\n$"#
        #expect(run.stderr.range(of: summary, options: .regularExpression) != nil, "\(run.stderr)")
    }

    @Test(arguments: [
        (["check", "--linked", "a.csv"], "name at least two"),
        (["check", "--linked", "a.csv", "a.csv"], "named twice"),
    ])
    func linkedNeedsTwoDistinctTables(arguments: [String], message: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try Deid.run(arguments, in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains(message), "\(run)")
    }

    static func description(_ second: String) -> String {
        """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: County
              role: residence_geography
              total: All
            - column: \(second)
              role: \(second == "Sex" ? "sex" : "age")
              total: Total
          count: Cases

        """
    }

    /// Two tables that disagree on a shared cell cannot be one release: exit 2, both places named, no count.
    @Test func disagreeingTablesExitTwoNamingBothPlaces() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.write("sex.csv", "County,Sex,Cases\nAll,Total,60\nAll,F,30\nAll,M,30\nA,Total,30\nA,F,15\nA,M,15\nB,Total,30\nB,F,15\nB,M,15\n")
        _ = try scratch.write("sex.deid.yaml", Self.description("Sex"))
        _ = try scratch.write("age.csv", "County,Age,Cases\nAll,Total,60\nAll,Y,30\nAll,O,30\nA,Total,31\nA,Y,16\nA,O,15\nB,Total,29\nB,Y,14\nB,O,15\n")
        _ = try scratch.write("age.deid.yaml", Self.description("Age"))
        let alone = try Deid.run(["check", "sex.csv", "age.csv"], in: scratch.path)
        #expect(alone.status == 0, "\(alone)")
        let run = try Deid.run(["check", "--linked", "sex.csv", "age.csv"], in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.hasPrefix("age.csv:5: error: the count of County=A, Age=Total differs from the same cell at sex.csv:5"), "\(run)")
        #expect(!run.stderr.contains("30") && !run.stderr.contains("31"), "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
    }

    /// `release --linked` writes each release and its report into the folder; the set passes `check --linked`.
    @Test func releasedTogetherTheSetPassesTheLinkedCheck() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copyContents(of: Repo.fixtures + "/linked/trio")
        try FileManager.default.createDirectory(atPath: scratch.path + "/out", withIntermediateDirectories: true)
        let files = Self.trio.map { "\($0).csv" }
        let run = try Deid.run(["release", "--linked"] + files + ["--output-dir", "out", "--html-reports"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.split(separator: "\n").count == 3, "\(run)")
        for name in Self.trio {
            #expect(scratch.exists("out/\(name).csv") && scratch.exists("out/\(name).audit.json"), "\(name)")
            let html = try scratch.read("out/\(name).report.html")
            #expect(html.contains("released together with"), "\(name)")
            try FileManager.default.copyItem(
                atPath: scratch.path + "/\(name).deid.yaml", toPath: scratch.path + "/out/\(name).deid.yaml")
        }
        let check = try Deid.run(["check", "--linked"] + Self.trio.map { "out/\($0).csv" }, in: scratch.path)
        #expect(check.status == 0, "\(check)")
    }

    @Test(arguments: [
        (["release", "--linked", "a.csv", "--output-dir", "out"], "name at least two"),
        (["release", "a.csv", "b.csv", "-o", "x.csv", "--report", "x.json"], "give --output-dir DIR"),
        (["release", "a.csv", "b.csv", "--output-dir", "out", "--report-html", "x.html"], "needs --report FILE too"),
        (["release", "--linked", "a.csv", "b.csv", "-o", "x.csv"], "give --output-dir DIR"),
        (["release", "--linked", "a.csv", "b.csv"], "--output-dir DIR"),
        (["release", "--linked", "a.csv", "-", "--output-dir", "out"], "not standard input"),
        (["release", "a.csv", "--output-dir", "out", "-o", "x.csv", "--report", "x.json"], "--output-dir and --html-reports are for --linked"),
        (["release", "a.csv", "--html-reports", "-o", "x.csv", "--report", "x.json"], "--output-dir and --html-reports are for --linked"),
        (["release", "--linked", "a.csv", "b.csv", "--output-dir", "out", "--previous", "p.csv"], "not with --linked"),
    ])
    func linkedReleaseUsageErrors(arguments: [String], message: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try Deid.run(arguments, in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains(message), "\(run)")
        #expect(scratch.listing().isEmpty, "\(scratch.listing())")
    }

    /// Each description of the released trio says which tables it is published with (`released_together:`).
    static func declareTheSet(in scratch: Scratch, folder: String) throws {
        for name in trio {
            let path = "\(folder)/\(name).deid.yaml"
            let others = trio.filter { $0 != name }.map { "\($0).csv" }.joined(separator: ", ")
            let text = try scratch.read(path).replacingOccurrences(
                of: "  count: Cases\n", with: "  count: Cases\n  released_together: [\(others)]\n")
            try scratch.write(path, text)
        }
    }

    /// A pre-commit hook names the one table that changed; its description names the others, and the set is
    /// audited as one release.
    @Test func aTableDeclaredWithOthersIsCheckedWithThem() throws {
        let scratch = try Self.releasedOneByOne()
        defer { scratch.remove() }
        try Self.declareTheSet(in: scratch, folder: "released")
        let run = try Deid.run(["check", "--format", "json", "released/race-sex.csv"], in: scratch.path)
        #expect(run.status == 1, "\(run)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let files = (object?["files"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        #expect(files == ["released/race-sex.csv", "released/county-sex.csv", "released/county-age.csv"], "\(files)")
        #expect(run.stdout.contains("under-protected"), "\(run)")
    }

    @Test func aTableDeclaredWithOthersIsNotReleasedAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copyContents(of: Repo.fixtures + "/linked/trio")
        try Self.declareTheSet(in: scratch, folder: ".")
        let alone = try Deid.run(["release", "county-sex.csv", "-o", "x.csv", "--report", "x.json"], in: scratch.path)
        #expect(alone.status == 2, "\(alone)")
        #expect(alone.stderr.contains("release them as one with `deid release --linked`"), "\(alone)")
        try FileManager.default.createDirectory(atPath: scratch.path + "/out", withIntermediateDirectories: true)
        let two = try Deid.run(["release", "--linked", "county-sex.csv", "county-age.csv", "--output-dir", "out"], in: scratch.path)
        #expect(two.status == 2, "\(two)")
        #expect(two.stderr.contains("race-sex.csv (`released_together:`), which is not among the tables to release"), "\(two)")
        let three = try Deid.run(["release", "--linked"] + Self.trio.map { "\($0).csv" } + ["--output-dir", "out"], in: scratch.path)
        #expect(three.status == 0, "\(three)")
    }
}

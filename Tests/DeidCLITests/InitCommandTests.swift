import Foundation
import Testing

/// `deid init`: a description drafted from the table alone, which `check` and `release` accept, reproduces the
/// samples' releases; what it cannot decide stops `check` at the line.
@Suite struct InitCommandTests {
    /// The sample's table alone in a scratch folder, with its hand-written description kept under another name.
    static func sampleAlone(_ name: String) throws -> Scratch {
        let scratch = try Scratch()
        try FileManager.default.copyItem(atPath: Repo.root + "/Samples/\(name).csv", toPath: scratch.path + "/\(name).csv")
        try FileManager.default.copyItem(
            atPath: Repo.root + "/Samples/\(name).deid.yaml", toPath: scratch.path + "/hand-written.yaml")
        return scratch
    }

    @Test(arguments: ["county-age-sex", "clinic-visits"])
    func theDraftGivesTheSameReleaseAsTheHandWrittenDescription(_ name: String) throws {
        let scratch = try Self.sampleAlone(name)
        defer { scratch.remove() }
        let drafted = try Deid.run(["init", "\(name).csv"], in: scratch.path)
        #expect(drafted.status == 0, "\(drafted)")
        #expect(drafted.stderr.contains("deid: wrote \(name).deid.yaml"), "\(drafted)")
        #expect(drafted.stderr.contains("next: deid check \(name).csv"), "\(drafted)")
        // Init never loosens protection: no declaration (outside comments) says the table is not high-risk or has
        // no personal characteristics.
        let declarations = try scratch.read("\(name).deid.yaml").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.hasPrefix("#") }
        #expect(!declarations.contains { $0.hasPrefix("high_risk:") })
        #expect(declarations.contains { $0.hasPrefix("personal_characteristics: true") })

        let fromDraft = try Deid.run(["release", "-q", "\(name).csv", "-o", "draft.csv", "--report", "draft.json"], in: scratch.path)
        #expect(fromDraft.status == 0, "\(fromDraft)")
        let fromHand = try Deid.run(
            ["release", "-q", "\(name).csv", "--description", "hand-written.yaml", "-o", "hand.csv", "--report", "hand.json"],
            in: scratch.path)
        #expect(fromHand.status == 0, "\(fromHand)")
        #expect(try scratch.read("draft.csv") == scratch.read("hand.csv"))
    }

    /// The county sample: years, the counties' Census-region hierarchy found by adding up, totals of age and sex.
    @Test func theCountySampleDraftSaysWhyForEachLine() throws {
        let scratch = try Self.sampleAlone("county-age-sex")
        defer { scratch.remove() }
        let run = try Deid.run(["init", "county-age-sex.csv", "-o", "-"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(!scratch.exists("county-age-sex.deid.yaml"), "-o - writes no file")
        let lines = run.stdout.split(separator: "\n").map { String($0) }
        func line(_ prefix: String) -> String? { lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) } }
        #expect(line("role: time")?.contains("every value is a year") == true, "\(run.stdout)")
        #expect(line("role: residence_geography")?.contains("labels are California places") == true)
        #expect(line("hierarchy:")?.contains("10 Census regions") == true)
        #expect(line("California: [Superior California, North Coast") != nil)
        #expect(line("total: All ages")?.contains("is the sum of the other labels") == true)
        #expect(line("count: Cases") != nil && line("denominator: Population") != nil)
        #expect(line("derived: [Rate per 100k]") != nil)
        #expect(!run.stdout.contains("TODO(deid init)"))
    }

    /// A column init cannot place becomes a TODO line; check refuses to run past it and points at it.
    @Test func anOpenDecisionStopsCheckAtItsLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(
            atPath: Repo.fixtures + "/shapes/vpd-ragged.csv", toPath: scratch.path + "/vpd.csv")
        let run = try Deid.run(["init", "vpd.csv"], in: scratch.path)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("1 TODO line to decide before deid check runs"), "\(run)")
        let draft = try scratch.read("vpd.deid.yaml")
        let todo = try #require(draft.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("TODO(deid init): what does 'Disease' describe") })
        let check = try Deid.run(["check", "vpd.csv"], in: scratch.path)
        #expect(check.status == 2, "\(check)")
        #expect(check.stderr.contains("vpd.deid.yaml:\(todo + 1):9: error: deid init left this open: what does 'Disease' describe"), "\(check)")
        let release = try Deid.run(["release", "vpd.csv", "-o", "out.csv"], in: scratch.path)
        #expect(release.status == 2 && !scratch.exists("out.csv"), "\(release)")
    }

    @Test func anExistingDescriptionIsKeptWithoutForce() throws {
        let scratch = try Self.sampleAlone("county-age-sex")
        defer { scratch.remove() }
        try scratch.write("county-age-sex.deid.yaml", "# mine\n")
        let refused = try Deid.run(["init", "county-age-sex.csv"], in: scratch.path)
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("the description exists; pass --force"), "\(refused)")
        #expect(try scratch.read("county-age-sex.deid.yaml") == "# mine\n")
        let forced = try Deid.run(["init", "--force", "-q", "county-age-sex.csv"], in: scratch.path)
        #expect(forced.status == 0 && forced.stderr.isEmpty, "\(forced)")
        #expect(try scratch.read("county-age-sex.deid.yaml").hasPrefix("# Drafted by `deid init`"))
    }

    /// CDPH's TB table: the 61 jurisdictions with California as their total; the rate, named with "population",
    /// is derived, not a second denominator.
    @Test func theTuberculosisTableIsDescribedWithoutQuestions() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(atPath: Repo.fixtures + "/real/tb-cases-lhj.csv", toPath: scratch.path + "/tb.csv")
        let run = try Deid.run(["init", "tb.csv"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        let draft = try scratch.read("tb.deid.yaml")
        #expect(draft.contains("      total: California           # 'California' is the sum of the other labels in all 13 slices"))
        #expect(draft.contains("  derived: [\"Rate per 100,000 population\"]"))
        let check = try Deid.run(["check", "tb.csv"], in: scratch.path)
        #expect(check.status == 1 && check.stderr.contains("289 small-count"), "\(check)")
    }

    /// The draft names labels and columns, never a count: the canary's small values do not appear in it.
    @Test func theDraftQuotesNoValue() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("table.csv", LeakCanaryTests.csv)
        let run = try Deid.run(["init", "table.csv", "-o", "-"], in: scratch.path)
        #expect(run.status == 0 || run.status == 1, "\(run)")
        let canary = try Canary(input: LeakCanaryTests.csv, hiddenRows: [1, 5])
        canary.expectNoLeak(in: run.stdout + run.stderr, format: "yaml")
    }

    @Test func standardInputNeedsAnOutput() throws {
        let run = try Deid.run(["init", "-"], in: Repo.root, stdin: Array("a,b\n1,2\n".utf8))
        #expect(run.status == 2)
        #expect(run.stderr.contains("reading standard input, give -o FILE"), "\(run)")
    }
}

/// A parent column (each label's parent, blank at the root) becomes the dimension's hierarchy, checked against the
/// counts, and the column is declared descriptive.
@Suite struct InitParentColumnTests {
    static let table = """
        Place,Parent,Cases
        State,,100
        North,State,60
        South,State,40
        Alder,North,25
        Birch,North,35
        Cedar,South,40

        """

    @Test func theParentColumnGivesTheHierarchy() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("t.csv", Self.table)
        let run = try Deid.run(["init", "t.csv", "-o", "-"], in: scratch.path)
        let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("hierarchy:") && $0.contains("from the parent column 'Parent'") }, "\(run)")
        #expect(lines.contains("State: [North, South]"), "\(run.stdout)")
        #expect(lines.contains("North: [Alder, Birch]") && lines.contains("South: [Cedar]"), "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("descriptive: [Parent]") }, "\(run.stdout)")
        #expect(!lines.contains { $0 == "- column: Parent" })
    }

    @Test func aParentColumnTheCountsContradictIsAQuestion() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("t.csv", Self.table.replacingOccurrences(of: "Cedar,South,40", with: "Cedar,South,39"))
        let run = try Deid.run(["init", "t.csv", "-o", "-"], in: scratch.path)
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains("TODO(deid init): 'Parent' names each label's parent, but the counts do not add up"), "\(run.stdout)")
    }
}

import Foundation
import Testing

/// A table the DDG assessment releases without masking (`personal_characteristics: false`) shows its small
/// counts by design: `check` lists them as notes, which its tallies do not count as findings, and a rate that
/// rounds to zero beside one is no reason to refuse the release.
@Suite struct UnmaskedReleaseTests {
    /// Alder/Female (4) and Birch/Male (2) are small; Birch/Male's rate rounds to 0.0 at one decimal.
    static let csv = """
        County,Sex,Cases,Population,Rate
        Alder,Female,4,21000,19.0
        Alder,Male,27,20500,131.7
        Alder,Total,31,41500,74.7
        Birch,Female,38,30000,126.7
        Birch,Male,2,2900000,0.0
        Birch,Total,40,2930000,1.4
        Total,Female,42,51000,82.4
        Total,Male,29,2920500,1.0
        Total,Total,71,2971500,2.4

        """

    static let description = SampleTables.smallDescription.replacingOccurrences(
        of: "  input: aggregate\n", with: "  input: aggregate\n  personal_characteristics: false\n")

    @Test func notesBeyondTheListedOnesAreNotCountedAsFindings() throws {
        let scratch = try SampleTables.folder([("table", Self.csv, Self.description)])
        defer { scratch.remove() }
        let all = try Deid.run(["check", "table.csv"], in: scratch.path)
        #expect(all.status == 0, "\(all)")
        #expect(all.stderr.hasSuffix("deid: checked 1 table: no findings\n"), "\(all)")
        let one = try Deid.run(["check", "--max-findings", "1", "table.csv"], in: scratch.path)
        #expect(one.status == 0, "\(one)")
        #expect(one.stderr.hasSuffix("deid: checked 1 table: no findings\n"), "\(one)")
    }

    @Test func aRateRoundingToZeroBesideAShownSmallCountIsReleased() throws {
        let scratch = try SampleTables.folder([("table", Self.csv, Self.description)])
        defer { scratch.remove() }
        let run = try Deid.run(["release", "table.csv", "-o", "out.csv", "--report", "out.json"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(try scratch.read("out.csv").contains("Birch,Male,2,2900000,0.0"))
    }
}

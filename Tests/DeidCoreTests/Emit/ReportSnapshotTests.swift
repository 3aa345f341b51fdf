import Foundation
import SnapshotTesting
import Testing

@testable import DeidRead

/// Golden JSON and HTML reports of three small releases (`Tests/Fixtures/reports/`): a masked county × sex table
/// with a region hierarchy, a statewide table released WITHOUT masking on its score under the v1.0 policy, and a
/// recoded table. A change to either report shows up as a line diff against `__Snapshots__/`. When the change is
/// intended, re-record with `SNAPSHOT_TESTING_RECORD=failed swift test --filter ReportSnapshotTests` and review
/// the diff before committing it.
@Suite struct ReportSnapshotTests {
    // Computed: `Snapshotting` is not Sendable, so it cannot be a stored static in Swift 6 mode.
    static var json: Snapshotting<String, String> { Snapshotting(pathExtension: "json", diffing: .lines) }
    static var html: Snapshotting<String, String> { Snapshotting(pathExtension: "html", diffing: .lines) }

    @Test func maskedCountySexWithHierarchy() throws {
        let run = try ReportRun("county-sex")
        defer { run.remove() }
        #expect(run.report.release.masked)
        assertSnapshot(of: run.normalized(run.json), as: Self.json, named: "audit")
        assertSnapshot(of: run.normalized(run.html), as: Self.html, named: "report")
    }

    @Test func releasedWithoutMaskingOnItsScore() throws {
        let run = try ReportRun("statewide-year-sex")
        defer { run.remove() }
        #expect(!run.report.release.masked)
        assertSnapshot(of: run.normalized(run.json), as: Self.json, named: "audit")
        assertSnapshot(of: run.normalized(run.html), as: Self.html, named: "report")
    }

    @Test func recodedCounties() throws {
        let run = try ReportRun("recode-county")
        defer { run.remove() }
        #expect(run.report.recodings?.isEmpty == false)
        assertSnapshot(of: run.normalized(run.json), as: Self.json, named: "audit")
        assertSnapshot(of: run.normalized(run.html), as: Self.html, named: "report")
    }

    /// The digests the snapshots replace by placeholders are the digests of the files, and so are the others.
    @Test(arguments: ["county-sex", "statewide-year-sex", "recode-county"])
    func digestsAreThoseOfTheFiles(_ fixture: String) throws {
        let run = try ReportRun(fixture)
        defer { run.remove() }
        for file in run.shippedFiles { #expect(try FileDigest.sha256(ofFile: file.path) == file.sha256, "\(file.path)") }
        #expect(try FileDigest.sha256(ofFile: run.folder.path + "/table.csv") == run.report.input.sha256)
        #expect(try FileDigest.sha256(ofFile: run.folder.path + "/table.deid.yaml") == run.report.rules.sha256)
        #expect(try FileDigest.sha256(ofFile: run.folder.path + "/release.csv") == run.report.output.sha256)
        for digest in [run.report.input.sha256, run.report.rules.sha256, run.report.output.sha256] {
            #expect(run.html.contains(digest))
        }
    }

    /// Invariant 5: the same input gives byte-identical reports.
    @Test func reportsAreDeterministic() throws {
        let first = try ReportRun("county-sex")
        defer { first.remove() }
        let second = try ReportRun("county-sex")
        defer { second.remove() }
        #expect(first.normalized(first.html) == second.normalized(second.html))
        #expect(first.normalized(first.json) == second.normalized(second.json))
    }
}

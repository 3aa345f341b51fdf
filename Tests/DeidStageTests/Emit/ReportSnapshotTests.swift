import Foundation
import SnapshotTesting
import Testing

@testable import DeidEmit

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

    /// A fixture of `Tests/Fixtures/reports/` released with both reports.
    static func released(_ fixture: String) throws -> (run: FixtureRun, released: FixtureRun.Released) {
        let run = try FixtureRun(fixture: "reports/" + fixture)
        return (run, try run.release(html: true))
    }

    /// Both reports of `fixture`, normalized, against the golden files.
    func assertReports(_ fixture: String, testName: String = #function, _ check: (AuditReport) -> Bool) throws {
        let (run, released) = try Self.released(fixture)
        defer { run.remove() }
        #expect(check(released.report))
        assertSnapshot(
            of: run.normalized(released.jsonText, of: released.report), as: Self.json, named: "audit", testName: testName)
        assertSnapshot(
            of: run.normalized(released.html ?? "", of: released.report), as: Self.html, named: "report",
            testName: testName)
    }

    @Test func maskedCountySexWithHierarchy() throws {
        try assertReports("county-sex") { $0.release.masked }
    }

    @Test func releasedWithoutMaskingOnItsScore() throws {
        try assertReports("statewide-year-sex") { !$0.release.masked }
    }

    @Test func recodedCounties() throws {
        try assertReports("recode-county") { $0.recodings?.isEmpty == false }
    }

    /// The digests the snapshots replace by placeholders are the digests of the files, and so are the others.
    @Test(arguments: ["county-sex", "statewide-year-sex", "recode-county"])
    func digestsAreThoseOfTheFiles(_ fixture: String) throws {
        let (run, released) = try Self.released(fixture)
        defer { run.remove() }
        let report = released.report
        for file in FixtureRun.shippedFiles(of: report) {
            #expect(try FileDigest.sha256(ofFile: file.path) == file.sha256, "\(file.path)")
        }
        #expect(try FileDigest.sha256(ofFile: run.tablePath) == report.input.sha256)
        #expect(try FileDigest.sha256(ofFile: run.descriptionPath) == report.descriptionFile.sha256)
        #expect(try FileDigest.sha256(ofFile: run.outputPath) == report.output.sha256)
        for digest in [report.input.sha256, report.descriptionFile.sha256, report.output.sha256] {
            #expect(released.html?.contains(digest) == true)
        }
    }

    /// Invariant 5: the same input gives byte-identical reports.
    @Test func reportsAreDeterministic() throws {
        let first = try Self.released("county-sex")
        defer { first.run.remove() }
        let second = try Self.released("county-sex")
        defer { second.run.remove() }
        for (a, b) in [(first.released.html ?? "", second.released.html ?? ""), (first.released.jsonText, second.released.jsonText)] {
            #expect(first.run.normalized(a, of: first.released.report) == second.run.normalized(b, of: second.released.report))
        }
    }
}

import Foundation
import Testing

/// The releases and reports committed beside the real-shaped fixtures (`released/`, written by
/// `scripts/release-fixtures.sh`) are what deid writes today, byte for byte: a reader of the fixtures reads deid's
/// actual output, and any change to it shows up here as a diff to review.
@Suite struct ReleasedFixtureTests {
    static let fixtures = [
        "shapes/dental-no-data", "shapes/republished-note", "shapes/vpd-ragged", "shapes/tract-sparse",
        "cumulative/county-day", "real/tb-cases-lhj",
    ]

    /// The command line of scripts/release-fixtures.sh, run from the fixture's folder.
    static func arguments(_ name: String) -> [String] {
        [
            "release", "-q", "\(name).csv", "-o", "released/\(name).release.csv", "--report",
            "released/\(name).audit.json", "--report-html", "released/\(name).report.html",
        ]
    }

    @Test(arguments: fixtures)
    func theCommittedOutputsAreTodays(_ fixture: String) throws {
        let folder = Repo.fixtures + "/" + (fixture as NSString).deletingLastPathComponent
        let name = (fixture as NSString).lastPathComponent
        let scratch = try Scratch()
        defer { scratch.remove() }
        for file in ["\(name).csv", "\(name).deid.yaml"] {
            try FileManager.default.copyItem(atPath: folder + "/" + file, toPath: scratch.path + "/" + file)
        }
        try FileManager.default.createDirectory(atPath: scratch.path + "/released", withIntermediateDirectories: true)
        let run = try Deid.run(Self.arguments(name), in: scratch.path)
        #expect(run.status == 0, "\(run)")
        for suffix in ["release.csv", "audit.json", "report.html"] {
            let path = "released/\(name).\(suffix)"
            let committed = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
            let written = try scratch.read(path)
            #expect(written == committed, "\(fixture): \(path) differs; if intended, run scripts/release-fixtures.sh")
        }
    }
}

/// CDPH's TB cases by local health jurisdiction as published: the 61 jurisdictions (Berkeley, Long Beach and
/// Pasadena among them) score from the default reference, the 289 published counts from 1 to 10 are findings, and
/// the committed release passes `check`.
@Suite struct RealTableCommandTests {
    @Test func theTuberculosisTableIsCheckedAndItsReleasePasses() throws {
        let folder = Repo.fixtures + "/real"
        let raw = try Deid.run(["check", "tb-cases-lhj.csv"], in: folder)
        #expect(raw.status == 1, "\(raw)")
        #expect(raw.stderr.contains("289 findings (289 small-count)"), "\(raw)")
        let score = try Deid.run(["score", "tb-cases-lhj.csv"], in: folder)
        #expect(score.status == 1, "\(score)")
        #expect(score.stdout.contains("smallest unit Alpine, population 1,204 (ca-county-population) → +7"), "\(score)")
        let release = try Deid.run(
            ["check", "--description", "tb-cases-lhj.deid.yaml", "released/tb-cases-lhj.release.csv"], in: folder)
        #expect(release.status == 0, "\(release)")
        // The header quotes a comma ("Rate per 100,000 population"); the data rows quote nothing.
        let text = try String(contentsOfFile: folder + "/released/tb-cases-lhj.release.csv", encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 806)
        #expect(rows.filter { $0.count == 5 && $0[2].isEmpty }.count == 289)
    }
}

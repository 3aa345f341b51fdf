import Foundation
import Testing

@testable import DeidPipeline

/// The linked trio of `Tests/Fixtures/linked/trio` (County × Sex, County × Age Group, Race/Ethnicity × Sex from
/// the same records), released one table at a time and together, each time attacked by `LinkedVerifier` with
/// all three releases in hand.
@Suite struct LinkedReleaseTests {
    static let trio = ["county-sex", "county-age", "race-sex"]

    static func runs() throws -> [FixtureRun] {
        try trio.map { name in
            let folder = Repo.fixtures + "/linked/trio/"
            return try FixtureRun(
                csv: String(contentsOfFile: folder + name + ".csv", encoding: .utf8),
                description: String(contentsOfFile: folder + name + ".deid.yaml", encoding: .utf8))
        }
    }

    static func attacker(_ runs: [FixtureRun]) throws -> LinkedVerifier {
        LinkedVerifier(parts: try runs.map { run in
            LinkedVerifier.Part(verifier: try run.verifier(), input: try run.input, release: try run.released())
        })
    }

    static func hidden(_ runs: [FixtureRun]) throws -> Int {
        try runs.reduce(0) { sum, run in
            let release = try run.released()
            guard let count = release.column("Cases") else { return sum }
            return sum + release.rows.filter { $0[count].isEmpty }.count
        }
    }

    @Test func releasedTogetherTheTrioWithstandsAnAttackerHoldingAllThree() throws {
        let runs = try Self.runs()
        defer { runs.forEach { $0.remove() } }

        for run in runs { try run.release() }
        let oneByOne = try Self.attacker(runs).violations()
        #expect(!oneByOne.isEmpty, "released one by one, the trio should leak through its shared totals")
        let hiddenOneByOne = try Self.hidden(runs)

        let requests = zip(Self.trio, runs).map { name, run in
            ReleaseRequest(
                source: .file(run.tablePath), displayName: name + ".csv", descriptionFile: run.descriptionPath,
                output: run.outputPath, report: run.reportPath, presetsDirectory: Repo.presets)
        }
        let outcomes = try LinkedReleaser.release(requests)
        #expect(outcomes.count == 3)
        let together = try Self.attacker(runs).violations()
        #expect(together.isEmpty, "\(together)")
        // Each release on its own keeps every promise a single release makes (published counts, labels, rows).
        for run in runs {
            let verdict = try run.verifier().verify(input: run.input, release: run.released())
            #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        }
        #expect(try Self.hidden(runs) >= hiddenOneByOne)
        // The report says the intervals hold against a reader of all three.
        for (run, name) in zip(runs, Self.trio) {
            let report = try String(contentsOfFile: run.reportPath, encoding: .utf8)
            #expect(report.contains("released together with"), "\(name)")
            #expect(!report.contains("released together with \(name).csv"), "\(name)")
        }
    }

    /// Nothing is written unless every table of the set can be released.
    @Test func oneUnreadableTableLeavesEveryOutputUnwritten() throws {
        let runs = try Self.runs()
        defer { runs.forEach { $0.remove() } }
        try "County,Sex,Cases\nCalifornia,Total,x\n".write(toFile: runs[2].tablePath, atomically: true, encoding: .utf8)
        let requests = runs.map { run in
            ReleaseRequest(
                source: .file(run.tablePath), displayName: "t.csv", descriptionFile: run.descriptionPath,
                output: run.outputPath, report: run.reportPath, presetsDirectory: Repo.presets)
        }
        #expect(throws: (any Error).self) { try LinkedReleaser.release(requests) }
        for run in runs { #expect(run.wroteNothing) }
    }
}

import Foundation
import Testing
@testable import DeidSupport

/// The suppression fixtures (`Tests/Fixtures/suppression/<case>/`): DDG Ed. 2.0 Examples 1, 2 and 4, a 4×4
/// table whose "two hidden per row and column" pattern still discloses a cell, and a 3-dimension table with a
/// two-level hierarchy. Each folder holds `table.csv`, `table.deid.yaml` and `expected.json`:
///
/// * `release`: what `deid release` of `table.csv` must hide (`hidden_exactly`, or `hidden_includes` and
///   `min_hidden`) and, optionally, the label mode it must choose (`labels`);
/// * `check`: hand-made releases in the folder, the exit code `deid check` must give (1: findings) and the
///   cells it must report as under-protected, exactly.
///
/// Besides, every release is re-attacked by the independent brute-force checker and re-checked by `check`.
@Suite struct SuppressionFixtureTests {
    static let folder = Repo.fixtures + "/suppression"
    static let cases: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    struct Expected: Decodable {
        struct Release: Decodable {
            var hiddenExactly: [[String]]?
            var hiddenIncludes: [[String]]?
            var minHidden: Int?
            var labels: String?
        }
        struct Check: Decodable {
            var file: String
            var exit: Int
            var underProtected: [[String]]
        }
        var about: String
        var release: Release
        var check: [Check]

        static func load(_ folder: String) throws -> Expected {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json")))
        }
    }

    @Test func theFixturesAreThere() {
        #expect(Self.cases == [
            "ddg-example-1", "ddg-example-2", "ddg-example-4", "four-by-four-trap", "three-dimensions-hierarchy",
        ])
    }

    @Test(arguments: cases)
    func releaseHidesWhatIsExpectedAndSurvivesTheAttacker(_ name: String) throws {
        let folder = Self.folder + "/" + name
        let expected = try Expected.load(folder)
        let run = try FixtureRun(fixture: folder)
        defer { run.remove() }
        try run.release()
        let release = try run.released()
        let input = try run.input
        let dims = try run.description.dimensions.compactMap { input.column($0.column) }
        let count = try #require(run.input.column(run.description.countColumn))
        let hidden = Set(release.rows.filter { $0[count].isEmpty }.map { row in dims.map { row[$0] } })

        if let exactly = expected.release.hiddenExactly {
            #expect(hidden == Set(exactly), "\(expected.about)")
        }
        for cell in expected.release.hiddenIncludes ?? [] {
            #expect(hidden.contains(cell), "\(cell) must be hidden")
        }
        if let minimum = expected.release.minHidden {
            #expect(hidden.count >= minimum, "\(hidden.count) hidden")
        }
        if let labels = expected.release.labels {
            #expect(try run.reportedIntervals().labels == labels)
        }

        let verdict = try run.verifier(nodeBudget: 2_000_000).verify(input: run.input, release: release)
        #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        #expect(!verdict.inconclusive, "the brute-force check ran out of budget")
        let recheck = try run.check(run.outputPath)
        #expect(!recheck.hasErrors, "\(recheck.findings.map(recheck.message(of:)))")
    }

    @Test(arguments: cases)
    func checkFlagsTheHandMadeReleases(_ name: String) throws {
        let folder = Self.folder + "/" + name
        let expected = try Expected.load(folder)
        let run = try FixtureRun(fixture: folder)
        defer { run.remove() }
        for hand in expected.check {
            let report = try run.check(folder + "/" + hand.file)
            #expect((report.hasErrors ? 1 : 0) == hand.exit)
            let flagged = report.findings.filter { $0.code == .underProtected }.map { $0.cell.map(\.value) }
            #expect(Set(flagged) == Set(hand.underProtected), "\(hand.file): \(report.findings.map(report.message(of:)))")
            #expect(report.findings.allSatisfy { $0.code == .underProtected }, "\(report.findings.map(report.message(of:)))")

            // The independent attacker agrees, cell for cell.
            let verdict = try run.verifier().verify(input: run.input, release: PlainCSV(file: folder + "/" + hand.file))
            let broken = hand.underProtected.map { "(\($0.joined(separator: ", ")))" }
            #expect(verdict.violations.count == hand.underProtected.count, "\(verdict.violations)")
            for cell in broken { #expect(verdict.violations.contains { $0.contains(cell) }, "\(cell): \(verdict.violations)") }
        }
    }
}

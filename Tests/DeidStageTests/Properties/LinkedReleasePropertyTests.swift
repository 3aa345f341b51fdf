import Foundation
import PropertyBased
import Testing
@testable import DeidProtect
@testable import DeidPipeline

/// Random sets of tables counted from the same people — a random 2- or 3-dimensional table and its margins
/// without one or two of its additive axes — released together with `LinkedReleaser`, then attacked by
/// `LinkedVerifier` holding every release of the set: no hidden cell may be pinned down or narrowed below the
/// standard, and each release on its own keeps every promise of a single release.
@Suite struct LinkedReleasePropertyTests {
    static let tables = Generator<RandomTable, Shrink.None<RandomTable>>(run: { rng in
        RandomTable(using: &rng, dimensions: 2...3, maximumCells: 64)
    })

    /// The table and its margins without each of its first two additive axes.
    static func set(from table: RandomTable) -> [RandomTable] {
        [table] + table.additiveAxes.prefix(2).map { dropped in
            table.marginal(keeping: table.axes.indices.filter { $0 != dropped })
        }
    }

    @Test func linkedReleasesWithstandAnAttackerHoldingEveryTable() async throws {
        var released = 0
        var sets = 0
        var leakingOneByOne = 0
        await propertyCheck(count: 30, input: Self.tables) { table in
            let tables = Self.set(from: table)
            guard tables.count >= 2 else { return }
            sets += 1
            let runs = try tables.map { try FixtureRun(csv: $0.csv, description: $0.yaml) }
            defer { runs.forEach { $0.remove() } }
            let requests = runs.enumerated().map { t, run in
                ReleaseRequest(
                    source: .file(run.tablePath), displayName: "t\(t).csv", descriptionFile: run.descriptionPath,
                    output: run.outputPath, report: run.reportPath, presetsDirectory: Repo.presets)
            }
            do {
                _ = try LinkedReleaser.release(requests)
            } catch let error as ProtectError {
                guard case .cannotProtect = error else {
                    Issue.record("release failed: \(error)\n\(tables)")
                    return
                }
                #expect(runs.allSatisfy { $0.wroteNothing })
                return
            }
            released += 1
            let attacker = { () throws -> LinkedVerifier in
                LinkedVerifier(parts: try runs.map { run in
                    LinkedVerifier.Part(verifier: try run.verifier(), input: try run.input, release: try run.released())
                })
            }
            let violations = try attacker().violations()
            #expect(violations.isEmpty, "\(violations)\n\(tables)")
            for run in runs {
                var verifier = try run.verifier()
                verifier.integerPrograms = true
                let verdict = try verifier.verify(input: run.input, release: run.released())
                #expect(verdict.violations.isEmpty, "\(verdict.violations)\n\(tables)")
            }
            // The same tables released one by one: the attacker must see the leaks linking prevents, somewhere.
            do {
                for run in runs { try run.release() }
            } catch is ProtectError {
                return  // one table alone could not be protected: nothing to compare
            }
            if try !attacker().violations().isEmpty { leakingOneByOne += 1 }
        }
        #expect(sets >= 20, "sets: \(sets)")
        #expect(released >= sets * 3 / 4, "released \(released) of \(sets)")
        #expect(leakingOneByOne > 0, "no set leaked when released one by one: the attacker may be blind")
    }
}

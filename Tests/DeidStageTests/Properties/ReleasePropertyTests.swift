import Foundation
import PropertyBased
import Testing
@testable import DeidProtect
import DeidPipeline

/// Random tables through `Releaser.release`, each release checked by an independent brute-force attacker
/// (`ReleaseVerifier`) and compared with its input:
///
/// 1. no published count is in 1…10;
/// 2. every hidden cell's interval, recomputed by exhaustive integer search with the labels the release prints,
///    meets the audit's protection standard;
/// 3. every derived value on a row with a hidden count is hidden;
/// 4. published cells are exactly the input's; rows, columns and order are the input's;
/// 5. the same input and rules give byte-identical outputs.
/// Besides, the report's audited intervals must equal the brute-force ones, and `check` must pass the release.
@Suite struct ReleasePropertyTests {
    static let tables = Generator<RandomTable, Shrink.None<RandomTable>>(run: { rng in RandomTable(using: &rng) })

    /// Three times: with small components protected exactly (the default), with every component protected
    /// greedily (the path large components take), and greedily from cubes with the audit settling cells by the
    /// cubes' verified moves (the path of components too large for a linear program per cell).
    @Test(arguments: [ProtectionLimits(), ProtectionLimits(exactUpTo: 0), ProtectionLimits(exactUpTo: 0, cubesAbove: 0, hintsSettleFrom: 1)])
    func randomReleasesKeepEveryPromise(limits: ProtectionLimits) async throws {
        var released = 0
        var refused = 0
        var verified = 0
        var dimensions: Set<Int> = []
        var outerBounds = 0
        await propertyCheck(count: 60, input: Self.tables) { table in
            let run = try FixtureRun(csv: table.csv, description: table.yaml)
            defer { run.remove() }
            guard try Self.releases(run, limits: limits, table) else {
                refused += 1
                return
            }
            released += 1
            dimensions.insert(table.axes.count)

            let verdict = try run.verifier().verify(input: run.input, release: run.released())
            #expect(verdict.violations.isEmpty, "\(verdict.violations)\n\(table)")
            if !verdict.inconclusive {
                verified += 1
                outerBounds += try Self.expectReportedIntervals(run, agreeWith: verdict, table)
            }

            let recheck = try run.check(run.outputPath)
            #expect(!recheck.hasErrors, "\(recheck.findings.map(recheck.message(of:)))\n\(table)")

            let first = (try run.bytes(run.outputPath), try run.bytes(run.reportPath))
            try run.release(limits: limits)
            #expect(try run.bytes(run.outputPath) == first.0, "release not byte-identical\n\(table)")
            #expect(try run.bytes(run.reportPath) == first.1, "report not byte-identical\n\(table)")
        }
        // The property must have been exercised, not skipped: most tables release, most are fully verified.
        #expect(released >= 40, "released \(released), refused \(refused)")
        #expect(verified >= released * 3 / 4, "brute force verified only \(verified) of \(released)")
        #expect(dimensions.count >= 3, "dimensions seen: \(dimensions.sorted())")
        // The hints path must have settled cells, or it was not tested.
        #expect((limits.hintsSettleFrom == 1) == (outerBounds > 0), "outer bounds: \(outerBounds)")
    }

    /// Large tables of exactly `dimensions` dimensions: the 4- and 5-dimensional ones are drawn apart, five each,
    /// so that both are exercised on every run rather than by the luck of ten draws.
    static func largeTables(_ dimensions: Int) -> Generator<RandomTable, Shrink.None<RandomTable>> {
        Generator(run: { rng in
            RandomTable(using: &rng, dimensions: dimensions...dimensions, maximumCells: 432, withHierarchy: true)
        })
    }

    /// 4- and 5-dimensional tables with a hierarchy, too large for the brute-force search: the verifier's attacker
    /// solves integer programs instead. With the default limits and on the path of the largest components (greedy
    /// from cubes, the audit settling cells by the cubes' verified moves).
    @Test(arguments: [ProtectionLimits(), ProtectionLimits(exactUpTo: 0, cubesAbove: 0, hintsSettleFrom: 1)])
    func fourAndFiveDimensionalReleasesWithstandAnIntegerAttack(limits: ProtectionLimits) async throws {
        var released = 0
        var dimensions: Set<Int> = []
        for arity in [4, 5] {
            await propertyCheck(count: 5, input: Self.largeTables(arity)) { table in
                let run = try FixtureRun(csv: table.csv, description: table.yaml)
                defer { run.remove() }
                guard try Self.releases(run, limits: limits, table) else { return }
                released += 1
                dimensions.insert(table.axes.count)
                var verifier = try run.verifier()
                verifier.integerPrograms = true
                let verdict = try verifier.verify(input: run.input, release: run.released())
                #expect(verdict.violations.isEmpty, "\(verdict.violations)\n\(table)")
                #expect(!verdict.inconclusive)
                _ = try Self.expectReportedIntervals(run, agreeWith: verdict, table)
            }
        }
        #expect(released >= 8, "released \(released) of 10")
        #expect(dimensions == [4, 5], "dimensions seen: \(dimensions.sorted())")
    }

    /// Releases the table; false when deid refuses to protect it. Refusing is allowed (nothing is written, which
    /// this checks); any other failure is recorded.
    private static func releases(_ run: FixtureRun, limits: ProtectionLimits, _ table: RandomTable) throws -> Bool {
        do {
            try run.release(limits: limits)
            return true
        } catch let error as ProtectError {
            guard case .cannotProtect = error else {
                Issue.record("release failed: \(error)\n\(table)")
                return false
            }
            #expect(!FileManager.default.fileExists(atPath: run.outputPath))
            return false
        }
    }

    /// The report's interval of every hidden row equals the attacker's, or, where the report marks an outer bound
    /// (cells settled by verified moves), contains it. Returns how many outer bounds the report has.
    private static func expectReportedIntervals(
        _ run: FixtureRun, agreeWith verdict: ReleaseVerifier.Verdict, _ table: RandomTable
    ) throws -> Int {
        var outerBounds = 0
        let reported = try run.reportedIntervals().intervals
        #expect(Set(reported.keys) == Set(verdict.hidden), "\(table)")
        for row in verdict.hidden {
            let mine = verdict.intervals[row]
            let theirs = reported[row]
            if theirs?.exact == false { outerBounds += 1 }
            let agrees = theirs?.exact == false
                ? (theirs?.lower ?? .max) <= (mine?.lower ?? .min) && (theirs?.upper ?? .max) >= (mine?.upper ?? .max)
                : mine?.lower == theirs?.lower && mine?.upper == theirs?.upper
            #expect(agrees, "row \(row + 2): attacker \(String(describing: mine)), report \(String(describing: theirs))\n\(table)")
        }
        return outerBounds
    }

    /// `check` on a raw table reports exactly the published counts in 1…10, each at its own line, and nothing else
    /// except, on such a line, a rate that rounds to zero beside the small count (DDG Ed. 2.0 Example 3): the
    /// generated rates can read as 0.0 when the population is large.
    @Test func checkFlagsExactlyTheSmallCounts() async throws {
        await propertyCheck(count: 40, input: Self.tables) { table in
            let run = try FixtureRun(csv: table.csv, description: table.yaml)
            defer { run.remove() }
            let report = try run.check(run.tablePath)
            let count = try #require(run.input.column("Cases"))
            let input = try run.input
            let smallLines = input.rows.indices.filter { (1...10).contains(Int(input.rows[$0][count]) ?? 0) }.map { $0 + 2 }
            let small = report.findings.filter { $0.code == .smallCount }
            let others = report.findings.filter { $0.code != .smallCount }
            #expect(others.allSatisfy { $0.code == .roundedZeroPercent }, "\(report.findings.map(report.message(of:)))")
            #expect(others.allSatisfy { smallLines.contains($0.location.line ?? 0) }, "\(table)")
            #expect(small.compactMap(\.location.line).sorted() == smallLines, "\(table)")
            #expect(report.hasErrors == !smallLines.isEmpty)
        }
    }
}

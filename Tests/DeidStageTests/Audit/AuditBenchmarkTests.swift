import Foundation
import Testing
@testable import DeidAudit

/// Timing runs behind `DEID_AUDIT_BENCH=1 swift test --filter AuditBenchmark`: they print figures and check
/// only that every true value lies in its interval. Off by default: the dense 3-D tables take minutes.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["DEID_AUDIT_BENCH"] != nil))
struct AuditBenchmarkTests {
    /// Small counts hidden, then, until no line has exactly one hidden cell, the smallest other non-zero inner
    /// cell of such a line: a stand-in for the Protect stage.
    static func pattern(_ grid: GridND) -> [Int] {
        var hidden = Set((0..<grid.cellCount).filter { grid.isInner($0) && (1...10).contains(grid.values[$0]) })
        let relations = grid.relations
        var changed = true
        while changed {
            changed = false
            for r in relations.indices {
                let cells = relations[r].cells
                guard cells.filter(hidden.contains).count == 1 else { continue }
                let candidates = cells.filter { !hidden.contains($0) && grid.values[$0] > 0 && grid.isInner($0) }
                guard let pick = candidates.min(by: { (grid.values[$0], $0) < (grid.values[$1], $1) }) else {
                    continue
                }
                hidden.insert(pick)
                changed = true
            }
        }
        return hidden.sorted()
    }

    /// County × age × sex-like tables with skewed counts (many small ones).
    @Test(arguments: [[58, 10, 2], [10, 10, 16], [58, 18, 4], [20, 20, 10]])
    func suppressionPattern(sizes: [Int]) throws {
        var rng = SplitMix64(seed: 11)
        let inner = (0..<sizes.reduce(1, *)).map { _ -> Int in
            Int(exp(Double(rng.next() % 1_000_000) / 1_000_000 * 6.5)) - 1
        }
        let grid = GridND(sizes: sizes, inner: inner)
        let hidden = Self.pattern(grid)
        for precision in [AuditPrecision.verdict, .exact] {
            var problem = grid.problem(hiding: hidden)
            problem.precision = precision
            var result: AuditResult?
            let elapsed = try ContinuousClock().measure { result = try DisclosureAudit.run(problem) }
            let r = try #require(result)
            for i in r.intervals {
                #expect(i.lower <= grid.values[i.cell] && grid.values[i.cell] <= i.upper ?? Int.max)
            }
            print(
                "audit \(sizes) \(grid.cellCount) cells \(hidden.count) hidden \(precision): \(elapsed); "
                    + "\(r.components) components, \(r.linearProgramsSolved) LPs, \(r.integerProgramsSolved) MIPs, "
                    + "\(r.underProtected.count) under-protected, \(r.intervals.filter { !$0.exact }.count) inexact")
        }
    }

    /// LP throughput: a 2-D table of about the prototype's size (41×43 plus totals, 1,848 cells) with 421
    /// inner cells hidden at random, solved with and without skipping attained bounds.
    @Test func linearProgramThroughput() throws {
        var rng = SplitMix64(seed: 5)
        let sizes = [41, 43]
        let grid = GridND(sizes: sizes, inner: (0..<(41 * 43)).map { _ in Int.random(in: 1...80, using: &rng) })
        let hidden = Array((0..<grid.cellCount).filter(grid.isInner).shuffled(using: &rng).prefix(421)).sorted()
        let problem = grid.problem(hiding: hidden)
        var result: AuditResult?
        let elapsed = try ContinuousClock().measure { result = try DisclosureAudit.run(problem) }
        let r = try #require(result)
        let system = try ReducedSystem(problem, position: problem.validatedHiddenPositions())
        var settings = SolveSettings(smallMax: 10, minIntervalWidth: 11)
        settings.skipsAttainedBounds = false
        var solves = 0
        let full = try ContinuousClock().measure {
            for c in system.components where !c.rows.isEmpty {
                solves += try ComponentSolver.solve(c, settings).linearPrograms
            }
        }
        let seconds = Double(full.components.seconds) + Double(full.components.attoseconds) / 1e18
        let largest = system.components.map(\.cells.count).max() ?? 0
        print(
            "throughput \(grid.cellCount) cells \(hidden.count) hidden: audit \(elapsed) "
                + "(\(r.linearProgramsSolved) LPs, \(r.components) components, largest \(largest) columns); "
                + "every extreme: \(solves) LPs in \(full) = \(Int(Double(solves) / seconds)) LPs/s")
    }
}

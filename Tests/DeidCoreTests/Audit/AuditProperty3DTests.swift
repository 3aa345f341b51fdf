import PropertyBased
import Testing
@testable import DeidCore

/// Random small 3-D tables (where LP vertices can be fractional): cross-checks that need no enumeration.
@Suite struct AuditProperty3DTests {
    /// A table with all margins, a random hidden pattern (margins included) and labels that tell the truth.
    static func table(seed: UInt64) -> (GridND, AuditProblem) {
        var rng = SplitMix64(seed: seed)
        let sizes = (0..<3).map { _ in Int.random(in: 2...4, using: &rng) }
        // Small values make the integer structure bite (fractional vertices); large ones make cells pass.
        let maxValue = [3, 3, 14, 60, 200][Int.random(in: 0..<5, using: &rng)]
        let inner = (0..<sizes.reduce(1, *)).map { _ in
            Int.random(in: 0..<5, using: &rng) == 0 ? 0 : Int.random(in: 1...maxValue, using: &rng)
        }
        let grid = GridND(sizes: sizes, inner: inner)
        let innerRate = Int.random(in: 5...10, using: &rng)
        let marginRate = Int.random(in: 0...10, using: &rng)
        let hidden = (0..<grid.cellCount).filter {
            grid.values[$0] > 0 && Int.random(in: 0..<10, using: &rng) < (grid.isInner($0) ? innerRate : marginRate)
        }
        var labels: [Int: HiddenLabel] = [:]
        if Bool.random(using: &rng) {
            for cell in hidden where Bool.random(using: &rng) {
                labels[cell] = grid.values[cell] <= 10 ? .smallNumber : .complementary
            }
        }
        return (grid, grid.problem(hiding: hidden, labels: labels))
    }

    @Test func exactVerdictAndRelaxationAgree() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let (grid, problem) = Self.table(seed: seed)
            do {
                let exact = try DisclosureAudit.run(problem)
                var quick = problem
                quick.precision = .verdict
                let verdict = try DisclosureAudit.run(quick)
                let relaxed = try lpOnlyIntervals(problem)
                #expect(exact.passed == verdict.passed)
                #expect(exact.underProtected.map(\.cell) == verdict.underProtected.map(\.cell))
                for (e, v) in zip(exact.intervals, verdict.intervals) {
                    #expect(e.exact && e.cell == v.cell)
                    // The verdict run's bounds are exact where it says so and outer bounds elsewhere.
                    #expect(v.exact ? (v.lower == e.lower && v.upper == e.upper) : v.lower <= e.lower)
                    #expect((e.upper ?? Int.max) <= (v.upper ?? Int.max))
                    // The true value is a completion; the LP relaxation contains every integer completion.
                    #expect(e.lower <= grid.values[e.cell] && grid.values[e.cell] <= e.upper ?? Int.max)
                    if let (lo, hi) = relaxed[e.cell] {
                        #expect(Double(e.lower) >= lo - 1e-6)
                        #expect(Double(e.upper ?? Int.max) <= (hi ?? .infinity) + 1e-6)
                    }
                }
            } catch {
                Issue.record("audit failed on a table that has a completion: \(error)")
            }
        }
    }

    /// Skipping extremes that witnessed integer points already attain must never change an interval.
    @Test func skippingNeverChangesAResult() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let (_, problem) = Self.table(seed: seed)
            do {
                let system = try ReducedSystem(problem, position: problem.validatedHiddenPositions())
                for component in system.components where !component.rows.isEmpty {
                    var settings = SolveSettings(smallMax: problem.smallMax, minIntervalWidth: problem.minIntervalWidth)
                    let skipping = try ComponentSolver.solve(component, settings)
                    settings.skipsAttainedBounds = false
                    let full = try ComponentSolver.solve(component, settings)
                    #expect(skipping.lower == full.lower && skipping.upper == full.upper)
                }
            } catch {
                Issue.record("audit failed on a table that has a completion: \(error)")
            }
        }
    }
}

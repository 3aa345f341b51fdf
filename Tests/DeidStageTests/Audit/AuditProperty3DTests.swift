import PropertyBased
import Testing
@testable import DeidModel
@testable import DeidAudit

/// Random small 3-D tables (where LP vertices can be fractional): cross-checks that need no enumeration.
@Suite struct AuditProperty3DTests {
    /// A table with all margins, a random hidden pattern (margins included) and labels that tell the truth.
    static func table(seed: UInt64, dimensions: Int = 3) -> (GridND, AuditProblem) {
        var rng = SplitMix64(seed: seed)
        let sizes = (0..<dimensions).map { _ in Int.random(in: 2...4, using: &rng) }
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

    /// An integer program stopped by its node budget leaves an outer bound only where the verdict is already
    /// certain: a budget of 0 per program, an empty pool for the whole component, or a pool of 5 (which may run
    /// out part way through) gives every verdict the default budgets give, and intervals that contain its
    /// intervals. (The default run is the reference because without any budget some of these 4-D tables run
    /// past the 60-second limit; the table of `aRunawayIntegerProgramIsSettledByADive` was one.) The seeds are
    /// random, so only the two empty budgets are sure to leave an outer bound somewhere.
    @Test(arguments: [
        (perProgram: 0, pool: 30_000, surelyOuter: true), (perProgram: 2_000, pool: 0, surelyOuter: true),
        (perProgram: 2_000, pool: 5, surelyOuter: false),
    ])
    func exhaustedNodeBudgetsKeepEveryVerdict(perProgram: Int, pool: Int, surelyOuter: Bool) async {
        nonisolated(unsafe) var outerBounds = 0
        // Tables whose integer programs both empty budgets are known to cut short, so the outer-bound branch is
        // exercised on every run (400 random tables once happened to need none).
        for seed: UInt64 in [39, 98] {
            outerBounds += Self.compareBudgets(seed: seed, perProgram: perProgram, pool: pool)
        }
        await propertyCheck(count: 400, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            outerBounds += Self.compareBudgets(seed: seed, perProgram: perProgram, pool: pool)
        }
        // The budget must actually have run out somewhere, or this proves nothing.
        if surelyOuter { #expect(outerBounds > 0) }
    }

    /// Audits the 4-D table of `seed` with the default budgets and with the given ones: the same verdict for every
    /// cell, exact bounds equal, outer bounds containing the exact ones. Returns how many bounds were outer.
    static func compareBudgets(seed: UInt64, perProgram: Int, pool: Int) -> Int {
        var outerBounds = 0
        let (_, problem) = Self.table(seed: seed, dimensions: 4)
        Self.eachComponent(of: problem) { component, settings in
            var settings = settings
            let reference = try ComponentSolver.solve(component, settings)
            settings.certainVerdictNodeBudget = perProgram
            settings.certainVerdictNodePool = pool
            let budgeted = try ComponentSolver.solve(component, settings)
            for j in component.cells.indices {
                func judged(_ o: ComponentOutcome) -> Bool {
                    CellInterval(
                        cell: component.cells[j], lower: o.lower[j], upper: o.upper[j],
                        label: component.labels[j], smallMax: problem.smallMax,
                        minIntervalWidth: problem.minIntervalWidth
                    ).protected
                }
                #expect(judged(reference) == judged(budgeted), "cell \(component.cells[j]), seed \(seed)")
                if budgeted.exact[j] && reference.exact[j] {
                    #expect(budgeted.lower[j] == reference.lower[j] && budgeted.upper[j] == reference.upper[j])
                } else if !budgeted.exact[j] {
                    outerBounds += 1
                    #expect(budgeted.lower[j] <= reference.lower[j])
                    #expect((reference.upper[j] ?? Int.max) <= (budgeted.upper[j] ?? Int.max))
                }
            }
        }
        return outerBounds
    }

    /// A 201-cell component of a 4-D table whose integer program ran past the 60-second limit (the audit then
    /// failed). The node budget first ended it, keeping the rounded LP bound as an outer bound; now that the audit
    /// dives from each fractional LP optimum as soon as it is found, the dive reaches an integer point on that
    /// bound and every interval is exact. (`exhaustedNodeBudgetsKeepEveryVerdict` still runs budgets out.)
    @Test func aRunawayIntegerProgramIsSettledByADive() throws {
        let (grid, problem) = Self.table(seed: 4_493_391_029_342_686_402, dimensions: 4)
        let result = try DisclosureAudit.run(problem)
        #expect(result.outerBoundIntervals == 0)
        #expect(!result.intervals.contains { !$0.exact })
        for interval in result.intervals {
            #expect(interval.lower <= grid.values[interval.cell] && grid.values[interval.cell] <= interval.upper ?? Int.max)
        }
    }

    /// Skipping extremes that witnessed integer points already attain must never change an interval.
    @Test func skippingNeverChangesAResult() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let (_, problem) = Self.table(seed: seed)
            Self.eachComponent(of: problem) { component, settings in
                var settings = settings
                let skipping = try ComponentSolver.solve(component, settings)
                settings.skipsAttainedBounds = false
                let full = try ComponentSolver.solve(component, settings)
                #expect(skipping.lower == full.lower && skipping.upper == full.upper)
            }
        }
    }

    /// Runs `body` on every component of the table's reduced system that has equations, with the default
    /// settings. Every table here has a completion, so an error is an issue.
    static func eachComponent(of problem: AuditProblem, _ body: (Component, SolveSettings) throws -> Void) {
        do {
            let system = try ReducedSystem(problem, position: problem.validatedHiddenPositions())
            for component in system.components where !component.rows.isEmpty {
                try body(component, SolveSettings(smallMax: problem.smallMax, minIntervalWidth: problem.minIntervalWidth))
            }
        } catch {
            Issue.record("audit failed on a table that has a completion: \(error)")
        }
    }
}

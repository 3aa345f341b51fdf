import Testing
@testable import DeidModel
@testable import DeidAudit

/// Larger inputs: the parallel path, and the size of slice the C prototype was timed on.
@Suite struct AuditScaleTests {
    /// Puts problems side by side in one table (cell indices offset), so each stays its own component.
    static func sideBySide(_ problems: [AuditProblem]) -> (AuditProblem, offsets: [Int]) {
        var list: [(total: Int, parts: [Int], dimension: Int)] = []
        var values: [Int] = []
        var hidden: [Int] = []
        var labels: [Int: HiddenLabel] = [:]
        var offsets: [Int] = []
        for p in problems {
            let offset = values.count
            offsets.append(offset)
            for r in p.relations.indices {
                let relation = p.relations[r]
                list.append((relation.total + offset, relation.parts.map { Int($0) + offset }, relation.dimension))
            }
            values += p.values
            hidden += p.hidden.map { $0 + offset }
            for (cell, label) in p.labels { labels[cell + offset] = label }
        }
        let combined = AuditProblem(
            cellCount: values.count, relations: Relations(listing: list), values: values, hidden: hidden,
            labels: labels, smallMax: 10, minIntervalWidth: 11)
        return (combined, offsets)
    }

    /// Enough independent components to take the parallel path; each must come out as it does alone.
    @Test func parallelComponentsMatchSolvingAlone() throws {
        let trap = Grid2D([[13, 21, 47, 9], [17, 14, 30, 25], [40, 8, 16, 19], [22, 35, 12, 18]])
        let wide = Grid2D([[30, 25, 41], [22, 19, 35], [50, 44, 28]])
        let parts = (0..<60).map { k in
            k.isMultiple(of: 2)
                ? trap.problem(hiding: [0, 1, 2, 5, 6, 12, 13, 17, 18])
                : wide.problem(hiding: [0, 1, 4, 5, 8, 10], labels: k % 3 == 0 ? [0: .complementary] : [:])
        }
        let (combined, offsets) = Self.sideBySide(parts)
        #expect(combined.hidden.count >= DisclosureAudit.parallelThreshold)
        let together = try DisclosureAudit.run(combined)
        var expected: [CellInterval] = []
        for (part, offset) in zip(parts, offsets) {
            for var interval in try DisclosureAudit.run(part).intervals {
                interval.cell += offset
                expected.append(interval)
            }
        }
        #expect(together.intervals == expected)
        #expect(try DisclosureAudit.run(combined).intervals == together.intervals)
    }

    /// A table that is one large component is audited as two halves of its cells, on two cores. Each half has
    /// its own model and witnesses, so its solves differ, but an extreme is an extreme: both halves together
    /// must give every interval the whole component gives.
    @Test func aComponentSplitInHalvesGivesTheIntervalsOfTheWhole() throws {
        var rng = SplitMix64(seed: 7)
        let sizes = [6, 4, 30]
        let inner = (0..<sizes.reduce(1, *)).map { _ in Int.random(in: 1...40, using: &rng) }
        let grid = GridND(sizes: sizes, inner: inner)
        var hidden = Array((0..<grid.cellCount).filter(grid.isInner).shuffled(using: &rng).prefix(500))
        hidden.sort()
        let problem = grid.problem(hiding: hidden)
        let system = try ReducedSystem(problem, position: problem.validatedHiddenPositions())
        let largest = try #require(system.components.max { $0.cells.count < $1.cells.count })
        let columns = system.components.reduce(0) { $0 + $1.cells.count }
        let n = largest.cells.count
        #expect(n >= DisclosureAudit.splitThreshold)
        let jobs = DisclosureAudit.jobs([largest], columns: columns)
        #expect(jobs.map(\.targets) == [0..<n / 2, n / 2..<n])

        let settings = SolveSettings(smallMax: 10, minIntervalWidth: 11)
        let whole = try ComponentSolver.solve(largest, settings)
        let halves = try jobs.map { try ComponentSolver.solve(largest, settings, targets: $0.targets) }
        for (job, half) in zip(jobs, halves) {
            for j in job.targets {
                #expect(half.lower[j] == whole.lower[j] && half.upper[j] == whole.upper[j], "column \(j)")
            }
        }
        // And the audit itself, which splits it, reports the same intervals as the whole solve.
        let audited = try DisclosureAudit.run(problem)
        for (j, p) in largest.positions.enumerated() {
            let interval = try #require(audited.intervals.first { $0.cell == problem.hidden[p] })
            #expect(interval.lower == whole.lower[j] && interval.upper == whole.upper[j])
        }
    }

    /// A 9×3×67 table with all margins (1,809 cells, the size of the C prototype's slice) with 421 inner cells
    /// hidden at random. Every true value must lie in its interval; the figures go to the log.
    @Test func prototypeSizedSlice() throws {
        var rng = SplitMix64(seed: 2026)
        let sizes = [8, 2, 66]
        let inner = (0..<sizes.reduce(1, *)).map { _ in Int.random(in: 1...60, using: &rng) }
        let grid = GridND(sizes: sizes, inner: inner)
        #expect(grid.cellCount == 1_809)
        let candidates = (0..<grid.cellCount).filter(grid.isInner)
        var hidden = Array(candidates.shuffled(using: &rng).prefix(421))
        hidden.sort()
        let clock = ContinuousClock()
        var result: AuditResult?
        let elapsed = try clock.measure { result = try DisclosureAudit.run(grid.problem(hiding: hidden)) }
        let r = try #require(result)
        for interval in r.intervals {
            #expect(interval.lower <= grid.values[interval.cell])
            #expect(grid.values[interval.cell] <= interval.upper ?? Int.max)
        }
        // The same without skipping attained bounds: every extreme solved, as in the prototype (2 per cell).
        let problem = grid.problem(hiding: hidden)
        let system = try ReducedSystem(problem, position: problem.validatedHiddenPositions())
        var full: [ComponentOutcome] = []
        let fullElapsed = try clock.measure {
            let settings = SolveSettings(smallMax: 10, minIntervalWidth: 11, skipsAttainedBounds: false)
            full = try system.components.map { try ComponentSolver.solve($0, settings) }
        }
        let fullLPs = full.reduce(0) { $0 + $1.linearPrograms }
        #expect(full.map(\.lower) == system.components.map { c in c.positions.map { p in
            r.intervals.first { $0.cell == problem.hidden[p] }?.lower ?? -1 } })
        print(
            "audit 1809 cells, \(hidden.count) hidden: \(elapsed), \(r.components) components, "
                + "\(r.linearProgramsSolved) LPs, \(r.integerProgramsSolved) MIPs; without skipping: \(fullElapsed), "
                + "\(fullLPs) LPs")
    }
}

/// A small deterministic generator, so generated tables are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

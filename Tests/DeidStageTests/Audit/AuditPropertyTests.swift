import PropertyBased
import Testing
@testable import DeidModel
@testable import DeidAudit

/// The audit's intervals must equal, exactly, those found by enumerating every integer completion.
@Suite struct AuditPropertyTests {
    /// rows, columns: 2…3. `counts`: inner values (first rows·columns used), 0…15. `hideBits`: which cells are
    /// hidden (inner cells, then row totals, then column totals; zeros and the grand total never are).
    /// `labelBits`: per hidden cell, 2 bits: 0–1 unlabelled, 2 labelled by its true size, 3 unlabelled.
    @Test func intervalsMatchEnumeration() async {
        var checked = 0
        var solved = 0
        await propertyCheck(
            count: 500, input: Gen.int(in: 2...3), Gen.int(in: 2...3), Gen.int(in: 0...15).array(of: 9),
            Gen.int(in: 0...(1 << 15 - 1)), Gen.int(in: 0...(1 << 30 - 1))
        ) { rows, columns, counts, hideBits, labelBits in
            let grid = Grid2D((0..<rows).map { r in Array(counts[(r * columns)..<(r * columns + columns)]) })
            let inner = (0..<rows).flatMap { r in (0..<columns).map { grid.index(r, $0) } }
            let margins = (0..<rows).map { grid.index($0, columns) } + (0..<columns).map { grid.index(rows, $0) }
            var hidden = (inner + margins).enumerated().filter { hideBits >> $0.offset & 1 == 1 }.map(\.element)
            hidden = Array(hidden.filter { grid.values[$0] > 0 }.prefix(7))
            var labels: [Int: HiddenLabel] = [:]
            for (n, cell) in hidden.enumerated() where labelBits >> (2 * n) & 3 == 2 {
                labels[cell] = grid.values[cell] <= 10 ? .smallNumber : .complementary
            }
            let problem = grid.problem(hiding: hidden, labels: labels)
            let reference = BruteForce2D(grid: grid, hidden: Set(hidden)) { problem.box(of: $0) }
            guard reference.estimatedLeaves <= 200_000 else { return }
            checked += 1
            let expected = reference.intervals()
            do {
                let result = try DisclosureAudit.run(problem)
                if result.linearProgramsSolved > 0 { solved += 1 }
                #expect(result.intervals.count == hidden.count)
                for interval in result.intervals {
                    let e = expected[interval.cell]
                    #expect(e?.0 == interval.lower && e?.1 == interval.upper, "cell \(interval.cell)")
                    #expect(interval.lower <= grid.values[interval.cell])
                    #expect(grid.values[interval.cell] <= interval.upper ?? Int.max)
                }
            } catch {
                Issue.record("audit failed on a table that has a completion: \(error)")
            }
        }
        #expect(checked >= 250, "too many cases skipped as too large to enumerate")
        #expect(solved >= 100, "too few cases reached the linear programs")
    }
}

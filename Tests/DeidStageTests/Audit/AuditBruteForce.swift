@testable import DeidSupport

/// Exhaustive reference for 2-D tables: enumerates every integer completion of the hidden cells and records
/// each hidden cell's min and max. Deliberately naive: its only job is to be obviously right.
struct BruteForce2D {
    let grid: Grid2D
    let hidden: Set<Int>
    let box: (Int) -> (lower: Int, upper: Int?)

    /// Hidden inner cells in row-major order: the enumeration variables. Hidden totals follow from them.
    private var unknowns: [Int] {
        (0..<grid.rows).flatMap { r in (0..<grid.columns).map { grid.index(r, $0) } }.filter(hidden.contains)
    }

    /// The published total that fixes an unknown once every other unknown of its row (or else column) is set.
    private func closingTotal(_ k: Int, in unknowns: [Int]) -> (total: Int, line: [Int])? {
        let cell = unknowns[k]
        let (r, c) = (cell / (grid.columns + 1), cell % (grid.columns + 1))
        let row = (0..<grid.columns).map { grid.index(r, $0) }
        let column = (0..<grid.rows).map { grid.index($0, c) }
        for (total, line) in [(grid.index(r, grid.columns), row), (grid.index(grid.rows, c), column)]
        where !hidden.contains(total) && !unknowns[(k + 1)...].contains(where: line.contains) {
            return (total, line)
        }
        return nil
    }

    /// Upper bound on the number of leaves, to skip cases too large to enumerate.
    var estimatedLeaves: Double {
        let unknowns = self.unknowns
        return unknowns.indices.filter { closingTotal($0, in: unknowns) == nil }.map { unknowns[$0] }
            .reduce(1.0) { product, cell in
            let upper = Double(min(box(cell).upper ?? Int.max, staticUpper(cell)))
            return product * max(1, upper - Double(box(cell).lower) + 1)
        }
    }

    /// What anyone can see bounds an inner cell: a published row or column total, else the grand total
    /// (which the tests always publish; counts are non-negative).
    private func staticUpper(_ cell: Int) -> Int {
        let (r, c) = (cell / (grid.columns + 1), cell % (grid.columns + 1))
        let candidates = [grid.index(r, grid.columns), grid.index(grid.rows, c), grid.index(grid.rows, grid.columns)]
        return candidates.filter { !hidden.contains($0) }.map { grid.values[$0] }.min() ?? Int.max
    }

    /// Per hidden cell, [min, max] over all completions; empty when there is no completion.
    func intervals() -> [Int: (Int, Int)] {
        var x = grid.values
        for h in hidden { x[h] = -1 }
        var result: [Int: (Int, Int)] = [:]
        let unknowns = self.unknowns
        let closing = unknowns.indices.map { closingTotal($0, in: unknowns) }
        func leaf() {
            // Row totals first, then column totals (the last "column" is the row totals, adding up to the grand
            // total), then the totals row, whose cells are only known once the columns are summed.
            for r in 0..<grid.rows {
                let sum = (0..<grid.columns).reduce(0) { $0 + x[grid.index(r, $1)] }
                if !accept(grid.index(r, grid.columns), sum, &x) { return }
            }
            for c in 0...grid.columns {
                let sum = (0..<grid.rows).reduce(0) { $0 + x[grid.index($1, c)] }
                if !accept(grid.index(grid.rows, c), sum, &x) { return }
            }
            let sum = (0..<grid.columns).reduce(0) { $0 + x[grid.index(grid.rows, $1)] }
            if !accept(grid.index(grid.rows, grid.columns), sum, &x) { return }
            for h in hidden {
                let (lo, hi) = result[h] ?? (Int.max, Int.min)
                result[h] = (min(lo, x[h]), max(hi, x[h]))
            }
        }
        func assign(_ k: Int) {
            guard k < unknowns.count else { return leaf() }
            let cell = unknowns[k]
            if let (total, line) = closing[k] {
                // Every other cell of the line is known: the total leaves one value, checked at the leaf.
                x[cell] = grid.values[total] - line.filter { $0 != cell }.reduce(0) { $0 + x[$1] }
                if x[cell] >= box(cell).lower, x[cell] <= box(cell).upper ?? Int.max { assign(k + 1) }
                x[cell] = -1
                return
            }
            let upper = min(box(cell).upper ?? Int.max, staticUpper(cell))
            guard box(cell).lower <= upper else { return }
            for v in box(cell).lower...upper {
                x[cell] = v
                assign(k + 1)
            }
            x[cell] = -1
        }
        assign(0)
        return result
    }

    /// Row r = grid.rows is the column-totals row, whose "total" is the grand total.
    private func accept(_ total: Int, _ sum: Int, _ x: inout [Int]) -> Bool {
        guard hidden.contains(total) else { return sum == grid.values[total] }
        let b = box(total)
        guard sum >= b.lower, sum <= b.upper ?? Int.max else { return false }
        x[total] = sum
        return true
    }
}

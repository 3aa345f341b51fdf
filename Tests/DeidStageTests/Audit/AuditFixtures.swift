@testable import DeidModel
@testable import DeidAudit

extension Relations {
    /// Builds relations from a literal list (tests only). Internal `append` does the storing.
    init(listing list: [(total: Int, parts: [Int], dimension: Int)]) {
        self.init()
        for relation in list {
            append(total: relation.total, dimension: relation.dimension, parts: relation.parts.map { Int32($0) })
        }
    }
}

/// An R×C table of counts with row totals, column totals and a grand total, laid out as an (R+1)×(C+1) grid
/// (index r·(C+1) + c; row R and column C hold the totals).
struct Grid2D {
    let rows: Int
    let columns: Int
    let values: [Int]

    init(_ inner: [[Int]]) {
        let (r, c) = (inner.count, inner.first?.count ?? 0)
        var grid: [Int] = []
        for row in inner { grid += row + [row.reduce(0, +)] }
        let totals = (0...c).map { j in (0..<r).reduce(0) { $0 + grid[$1 * (c + 1) + j] } }
        (rows, columns, values) = (r, c, grid + totals)
    }

    func index(_ r: Int, _ c: Int) -> Int { r * (columns + 1) + c }
    var cellCount: Int { (rows + 1) * (columns + 1) }

    /// Every row (including the column-totals row) and every column (including the row-totals column).
    var relations: Relations {
        var list: [(total: Int, parts: [Int], dimension: Int)] = []
        for r in 0...rows { list.append((index(r, columns), (0..<columns).map { index(r, $0) }, 1)) }
        for c in 0...columns { list.append((index(rows, c), (0..<rows).map { index($0, c) }, 0)) }
        return Relations(listing: list)
    }

    func problem(hiding hidden: [Int], labels: [Int: HiddenLabel] = [:]) -> AuditProblem {
        AuditProblem(
            cellCount: cellCount, relations: relations, values: masked(hidden), hidden: hidden, labels: labels,
            smallMax: 10, minIntervalWidth: 11)
    }

    /// The published values, with hidden cells replaced by -1 so no test can pass by reading them.
    func masked(_ hidden: [Int]) -> [Int] {
        var v = values
        for h in hidden { v[h] = -1 }
        return v
    }
}

extension AuditResult {
    func interval(_ cell: Int) -> CellInterval? { intervals.first { $0.cell == cell } }
    /// [lower, upper] with upper nil when unbounded, for compact expectations.
    func bounds(_ cell: Int) -> [Int?] {
        guard let i = interval(cell) else { return [] }
        return [i.lower, i.upper]
    }
}

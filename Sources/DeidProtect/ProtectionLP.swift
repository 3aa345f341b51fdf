import DeidSolver
import DeidModel

/// One table component's (or neighbourhood's) attacker subproblem as a GLPK model (see
/// `GreedySuppression`): two columns per movable cell, its increase and its decrease (in a neighbourhood, a
/// hidden cell's change is carried by the first alone), and one equation per relation. The model is kept
/// across targets; only the target's bounds and the bounds and costs of newly hidden cells change between
/// solves, which keeps the previous basis usable (dual simplex after a bound change).
final class ProtectionLP: HiddenCellLog.Follower {
    /// nil when no cell of the neighbourhood can move: then nothing can.
    private let model: GLPKModel?
    private let cells: [Int32]
    private var local: [Int32: Int] = [:]
    /// Per local cell: how far it may move down (value − 1, so it stays ≥ 1).
    private let downLimit: [Int]
    /// Per local cell: whether its change is carried by one column. A hidden cell moves for free either way,
    /// so in a neighbourhood one column carries its whole change (bounds −downLimit…∞) and its decrease column
    /// is fixed at 0, which GLPK leaves out of its working problem.
    private var merged: [Bool]
    /// Whether hidden cells get merged columns. A whole component's model is built once, when a search first
    /// needs it, with hundreds of cells already hidden: merged columns would start at their lower bounds (every
    /// hidden cell down to 1), and its first solve would spend hundreds of pivots undoing that; split columns
    /// start at 0, and that solve takes a fraction of them. Neighbourhoods are small and many, and merged columns
    /// make them cheaper there (measurements: Benchmarks/README.md, "Design measurements").
    private let mergesHidden: Bool
    /// How much of the protector's log of hidden cells this model has applied to its costs.
    var syncedLog = 0

    init(
        system: CellSystem, cells: [Int32], relations: [Int32], costs: SuppressionCosts, pattern: Pattern,
        mergesHidden: Bool = true
    ) throws(ProtectError) {
        self.mergesHidden = mergesHidden
        // Only cells that can move get columns: zeros and cells that may not be hidden stay as they are, so
        // leaving them out of the model changes nothing but its size.
        let candidates = cells.filter { cell in
            let c = Int(cell)
            return system.values[c] > 0 && (pattern.isHidden(c) || costs.eligible[c])
        }
        let movableCells = Self.withoutPinned(candidates, relations: relations, system: system)
        self.cells = movableCells
        for (i, cell) in movableCells.enumerated() { local[cell] = i }
        var lower: [Int] = []
        var upper: [Int?] = []
        var downLimit: [Int] = []
        for cell in movableCells.map(Int.init) {
            downLimit.append(system.values[cell] - 1)
            lower += [0, 0]
            upper += [nil, system.values[cell] - 1]
        }
        var rows: [LinearRow] = []
        for r in relations.map(Int.init) {
            let relation = system.relations[r]
            var columns: [Int32] = []
            var coefficients: [Int32] = []
            for (cell, sign) in relation.signedCells {
                guard let i = local[Int32(cell)] else { continue }
                columns += [Int32(2 * i), Int32(2 * i + 1)]
                coefficients += [sign, -sign]
            }
            if !columns.isEmpty { rows.append(LinearRow(columns: columns, coefficients: coefficients, rhs: 0)) }
        }
        self.downLimit = downLimit
        merged = Array(repeating: false, count: movableCells.count)
        guard !movableCells.isEmpty else {
            model = nil
            return
        }
        let model = try solving { try GLPKModel(lower: lower, upper: upper, rows: rows) }
        self.model = model
        for (i, cell) in movableCells.map(Int.init).enumerated() {
            if pattern.isHidden(cell) {
                markHidden(cell)
            } else {
                model.setCost(column: 2 * i, costs.cost[cell])
                model.setCost(column: 2 * i + 1, costs.cost[cell])
            }
        }
        model.useStandardBasis()
    }

    /// The cells left once those pinned at their value are removed: a relation in which only one cell can move
    /// (a region whose state total lies outside the neighbourhood, say) holds it still, and removing it can
    /// leave another relation with one movable cell. The linear program would find the same, in more pivots.
    static func withoutPinned(_ cells: [Int32], relations: [Int32], system: CellSystem) -> [Int32] {
        var movable = Set(cells)
        var changed = true
        while changed {
            changed = false
            for r in relations.map(Int.init) {
                let relation = system.relations[r]
                var only: Int32?
                var count = 0
                // Runs for every relation of every new neighbourhood: no array is built per relation.
                if movable.contains(Int32(relation.total)) {
                    count = 1
                    only = Int32(relation.total)
                }
                for part in relation.parts where count < 2 && movable.contains(part) {
                    count += 1
                    only = part
                }
                if count == 1, let only {
                    movable.remove(only)
                    changed = true
                }
            }
        }
        return cells.filter(movable.contains)
    }

    /// A hidden cell moves for free.
    func markHidden(_ cell: Int) {
        guard let i = local[Int32(cell)], !merged[i], let model else { return }
        model.setCost(column: 2 * i, 0)
        model.setCost(column: 2 * i + 1, 0)
        if mergesHidden { merge(i) }
    }

    private func merge(_ i: Int) {
        merged[i] = true
        resetBounds(i)
    }

    private func resetBounds(_ i: Int) {
        guard let model else { return }
        if merged[i] {
            model.setBounds(column: 2 * i, lower: -downLimit[i], upper: nil)
            model.setBounds(column: 2 * i + 1, lower: 0, upper: 0)
        } else {
            model.setBounds(column: 2 * i, lower: 0, upper: nil)
            model.setBounds(column: 2 * i + 1, lower: 0, upper: downLimit[i])
        }
    }

    /// The cheapest consistent change of the table that moves `cell` by `amount` (positive: up), as the cells
    /// it changes and by how much; nil when no such change exists.
    func cheapestMove(of cell: Int, by amount: Int) throws(ProtectError) -> [(cell: Int, delta: Double)]? {
        guard let i = local[Int32(cell)], let model else { return nil }
        if amount < 0 && -amount > downLimit[i] { return nil }
        if merged[i] {
            model.setBounds(column: 2 * i, lower: amount, upper: amount)
        } else {
            model.setBounds(column: 2 * i, lower: max(amount, 0), upper: max(amount, 0))
            model.setBounds(column: 2 * i + 1, lower: max(-amount, 0), upper: max(-amount, 0))
        }
        defer { resetBounds(i) }
        switch try solving({ try model.minimizeCost() }) {
        case .infeasible, .unbounded:
            return nil
        case .optimal:
            var moves: [(cell: Int, delta: Double)] = []
            for (j, other) in cells.enumerated() {
                let delta = model.value(column: 2 * j) - model.value(column: 2 * j + 1)
                if abs(delta) > 1e-6 { moves.append((Int(other), delta)) }
            }
            return moves
        }
    }
}

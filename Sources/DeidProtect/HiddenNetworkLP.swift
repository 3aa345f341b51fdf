import DeidSolver
import DeidModel

/// The hidden cells of one table component as a linear program: one column per hidden cell (its change, from
/// −(value − 1) up, so it stays non-zero), one equation per relation that holds a hidden cell, every published
/// cell held still. A solution that moves the target by δ changes hidden cells only, so once found it costs
/// nothing: it answers "can the cell already move this far?" with a model a fraction of the component's size.
///
/// The protector asks it before searching the whole component for a cheaper move than a costly nearby one: it
/// answers most of those searches, and it is much smaller than the component's program (columns for the hidden
/// cells only, not for every movable one, and rows only where they are; measurements: Benchmarks/README.md,
/// "Design measurements").
/// It grows as cells are hidden (`markHidden`); rows and columns are appended, never rebuilt.
final class HiddenNetworkLP: HiddenCellLog.Follower {
    private let system: CellSystem
    private let membership: [[Int32]]
    /// The component this network belongs to, and every cell's component: cells hidden elsewhere are ignored.
    private let component: Int32
    private let componentOf: [Int32]
    private let model: GLPKModel
    /// Column of each hidden cell, and the cell of each column.
    private var column: [Int32: Int] = [:]
    private var cells: [Int] = []
    /// Row of each relation that holds a hidden cell.
    private var row: [Int32: Int32] = [:]
    /// How much of the protector's log of hidden cells this model has applied.
    var syncedLog = 0

    /// The network of `component`'s `hidden` cells; nil when none of them can move.
    init?(system: CellSystem, membership: [[Int32]], components: CellComponents, component: Int32, hidden: [Int]) throws(ProtectError) {
        let movable = hidden.filter { system.values[$0] > 0 && components.componentOf[$0] == component }
        guard !movable.isEmpty else { return nil }
        self.system = system
        self.membership = membership
        self.component = component
        componentOf = components.componentOf
        for (j, cell) in movable.enumerated() { column[Int32(cell)] = j }
        cells = movable
        var rows: [LinearRow] = []
        for cell in movable {
            for r in membership[cell] where row[r] == nil {
                row[r] = Int32(rows.count)
                var columns: [Int32] = []
                var coefficients: [Int32] = []
                for (member, sign) in system.relations[Int(r)].signedCells {
                    guard let j = column[Int32(member)] else { continue }
                    columns.append(Int32(j))
                    coefficients.append(sign)
                }
                rows.append(LinearRow(columns: columns, coefficients: coefficients, rhs: 0))
            }
        }
        model = try solving {
            try GLPKModel(lower: movable.map { -(system.values[$0] - 1) }, upper: movable.map { _ in nil }, rows: rows)
        }
    }

    /// Adds a newly hidden cell; one of another component, a zero, or one already in is ignored.
    func markHidden(_ cell: Int) {
        guard componentOf[cell] == component, column[Int32(cell)] == nil, system.values[cell] > 0 else { return }
        let relations = membership[cell]
        let missing = relations.filter { row[$0] == nil }
        if !missing.isEmpty {
            let first = model.appendZeroRows(missing.count)
            for (k, r) in missing.enumerated() { row[r] = Int32(first + k) }
        }
        var rows: [Int32] = []
        var coefficients: [Int32] = []
        for r in relations {
            guard let i = row[r] else { continue }
            rows.append(i)
            coefficients.append(system.relations[Int(r)].total == cell ? 1 : -1)
        }
        let j = model.appendColumn(lower: -(system.values[cell] - 1), upper: nil, rows: rows, coefficients: coefficients)
        column[Int32(cell)] = j
        cells.append(cell)
    }

    /// A change of hidden cells only that moves `cell` by `amount` (positive: up), as the cells it changes and
    /// by how much; nil when none exists (or the cell is not hidden here).
    func freeMove(of cell: Int, by amount: Int) throws(ProtectError) -> [(cell: Int, delta: Double)]? {
        guard let j = column[Int32(cell)] else { return nil }
        let floor = -(system.values[cell] - 1)
        guard amount >= floor else { return nil }
        model.setBounds(column: j, lower: amount, upper: amount)
        defer { model.setBounds(column: j, lower: floor, upper: nil) }
        // Every cost is zero: any feasible point will do, and the dual simplex starts from a dual-feasible basis.
        guard case .optimal = try solving({ try model.minimizeCost() }) else { return nil }
        var moves: [(cell: Int, delta: Double)] = []
        for (k, other) in cells.enumerated() {
            let delta = model.value(column: k)
            if abs(delta) > 1e-6 { moves.append((other, delta)) }
        }
        return moves
    }
}

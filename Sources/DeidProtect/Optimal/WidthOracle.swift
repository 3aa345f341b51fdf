import CGLPK
import DeidSolver
import DeidModel

/// The attacker subproblem of exact complementary suppression, over one component: given which cells are
/// hidden, how far can a hidden cell move, and — when not far enough — which cells would have to be hidden to
/// let it move further (a Benders cut for `CoveringMaster`).
///
/// Columns are the changes d_j of the component's non-zero cells; each relation says the change of its total
/// is the sum of the changes of its parts. A published cell is fixed (d_j = 0); a hidden one may fall to 1
/// (d_j ≥ 1 − value_j) and rise without limit. The interval of cell c under the linear relaxation is
/// [value_c + min d_c, value_c + max d_c].
///
/// The cut comes from duality: for the row prices π of the optimum, r = e_c − Aᵀπ, and for every pattern x
///
///     max d_c ≤ Σ_j x_j · (r_j > 0 ? ∞ : −r_j·(value_j − 1))
///
/// because a hidden cell may rise without limit and fall by value_j − 1, and a published one cannot move. The
/// minimisation gives the same bound on −min d_c with the signs swapped. Their sum bounds the width from above
/// by a linear function of x, tight at the current pattern, so requiring width ≥ w requires that function ≥ w,
/// for every pattern: a valid cut that the current, too weak pattern violates. Coefficients are capped at w,
/// which on 0–1 variables leaves the cut's set of solutions unchanged.
final class WidthOracle {
    /// Component cells with a non-zero count, in cell order: the model's columns.
    let cells: [Int]
    private var columnOf: [Int: Int] = [:]
    private let values: [Int]
    private let model: GLPKModel
    private var hidden: [Bool]

    init(system: CellSystem, cells componentCells: [Int32], relations: [Int32]) throws(ProtectError) {
        let cells = componentCells.map(Int.init).filter { system.values[$0] > 0 }
        self.cells = cells
        for (i, cell) in cells.enumerated() { columnOf[cell] = i }
        values = cells.map { system.values[$0] }
        hidden = Array(repeating: false, count: cells.count)
        var rows: [LinearRow] = []
        for r in relations.map(Int.init) {
            let relation = system.relations[r]
            var columns: [Int32] = []
            var coefficients: [Int32] = []
            for (cell, sign) in relation.signedCells {
                guard let i = columnOf[cell] else { continue }
                columns.append(Int32(i))
                coefficients.append(sign)
            }
            if !columns.isEmpty { rows.append(LinearRow(columns: columns, coefficients: coefficients, rhs: 0)) }
        }
        model = try solving {
            try GLPKModel(lower: Array(repeating: 0, count: cells.count), upper: Array(repeating: 0, count: cells.count), rows: rows)
        }
    }

    func column(of cell: Int) -> Int? { columnOf[cell] }

    /// Sets which columns are hidden.
    func apply(hidden pattern: [Bool]) {
        precondition(pattern.count == cells.count, "a pattern for another component")
        for i in cells.indices where pattern[i] != hidden[i] {
            hidden[i] = pattern[i]
            model.setBounds(column: i, lower: pattern[i] ? 1 - values[i] : 0, upper: pattern[i] ? nil : 0)
        }
    }

    /// What the relaxation lets an attacker derive about the hidden column `c`, and the cut's coefficients per
    /// column (before capping): the width is at most Σ coefficient_j·x_j for every pattern x.
    struct Reach {
        var down: Double
        var up: Double
        var width: Double { up + down }
        var coefficients: [(column: Int, coefficient: Double)]
    }

    func reach(of c: Int) throws(ProtectError) -> Reach {
        precondition(hidden[c], "only a hidden cell has a reach")
        var coefficient: [Int: Double] = [:]
        var up = Double.infinity
        var down = 0.0
        switch try solving({ try model.optimize(column: c, maximize: true) }) {
        case .unbounded: break
        case .infeasible: throw .solverFailed(detail: "the attacker subproblem has no solution")
        case .optimal(let value):
            up = value
            collect(into: &coefficient, rising: 1)
        }
        switch try solving({ try model.optimize(column: c, maximize: false) }) {
        case .unbounded, .infeasible: throw .solverFailed(detail: "the attacker subproblem has no minimum")
        case .optimal(let value):
            down = -value
            collect(into: &coefficient, rising: -1)
        }
        return Reach(down: down, up: up, coefficients: coefficient.sorted { $0.key < $1.key }
            .map { (column: $0.key, coefficient: $0.value) })
    }

    /// Adds each column's share of the dual bound. `rising` is +1 after maximising d_c, −1 after minimising
    /// (which is maximising −d_c, whose reduced costs are the negated ones).
    private func collect(into coefficient: inout [Int: Double], rising sign: Double) {
        for j in cells.indices {
            let r = sign * model.reducedCost(column: j)
            let share: Double
            if r > Self.tolerance {
                share = .infinity
            } else if r < -Self.tolerance {
                share = -r * Double(values[j] - 1)
            } else {
                continue
            }
            if share > 0 { coefficient[j, default: 0] += share }
        }
    }

    static let tolerance = 1e-9
}

extension GLPKModel {
    /// The reduced cost of a column at the current basic solution: its objective coefficient minus the row
    /// prices times its column.
    func reducedCost(column: Int) -> Double {
        precondition(column >= 0 && column < columnCount, "column outside the model")
        return glp_get_col_dual(problem, Int32(column + 1))
    }
}

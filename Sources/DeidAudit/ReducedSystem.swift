import DeidSupport
import DeidSolver
import DeidModel

/// A group of hidden cells that share relations with each other and with no other hidden cell: its bounds do
/// not depend on anything outside it, so it is solved on its own.
struct Component: Sendable {
    /// Positions in `AuditProblem.hidden`, ascending by cell index; column j of the model is `positions[j]`.
    var positions: [Int]
    var cells: [Int]
    var lower: [Int]
    var upper: [Int?]
    var labels: [HiddenLabel]
    var rows: [LinearRow]
    /// The problem's values of the cells: their true counts when `release` audits its own pattern, unknown
    /// (anything) when `check` audits a published table. Used only once verified to be a completion.
    var recorded: [Int] = []
    /// The problem's moves whose cells all lie in this component, in its columns; not yet checked.
    var hints: [ColumnMove] = []

    /// Whether `recorded` satisfies every bound and every equation: then it is a point the attacker cannot rule
    /// out, an integer witness to start from.
    var recordedIsCompletion: Bool {
        guard recorded.count == cells.count else { return false }
        for (j, v) in recorded.enumerated() where v < lower[j] || v > upper[j] ?? Int.max { return false }
        for row in rows {
            var sum = 0
            for (column, coefficient) in zip(row.columns, row.coefficients) {
                let (product, o1) = recorded[Int(column)].multipliedReportingOverflow(by: Int(coefficient))
                let (next, o2) = sum.addingReportingOverflow(product)
                if o1 || o2 { return false }
                sum = next
            }
            if sum != row.rhs { return false }
        }
        return true
    }
}

/// A `Move` in one component's columns.
struct ColumnMove: Sendable {
    var columns: [Int32]
    var steps: [Int8]
}

extension ReducedSystem {
    /// The move's component and columns, or nil when one of its cells is published, fixed by peeling or in
    /// another component (then it cannot be a move of this system's unknowns).
    static func columns(
        of move: Move, position: [Int32], column: [Int32], component: (Int) -> Int?
    ) -> (Int, [Int32])? {
        guard move.cells.count == move.steps.count, !move.cells.isEmpty else { return nil }
        var columns: [Int32] = []
        var found: Int?
        for cell in move.cells {
            guard cell >= 0, Int(cell) < position.count else { return nil }
            let p = Int(position[Int(cell)])
            guard p >= 0, column[p] >= 0, let c = component(p), found == nil || found == c else { return nil }
            found = c
            columns.append(column[p])
        }
        return found.map { ($0, columns) }
    }
}

/// The attacker's equations with every published value moved to the right-hand side.
///
/// A relation `total = Σ parts` becomes Σ(hidden parts) − (hidden total, if hidden) = published total −
/// Σ(published parts). A relation left with one unknown fixes it exactly; the fixed value is substituted into
/// every other relation, which may fix more (peeling, as an attacker subtracting by hand would). What remains
/// splits into independent components by union-find over "appear together in a relation".
struct ReducedSystem {
    /// Per hidden position: the value when some chain of single-unknown relations fixes it.
    var fixed: [Int?]
    var components: [Component]

    init(_ problem: AuditProblem, position: [Int32]) throws(AuditError) {
        let count = problem.hidden.count
        let equations = try Equations(problem, position: position)
        var peel = Peeling(equations: equations, boxes: problem.hidden.map(problem.box(of:)))
        try peel.run(cells: problem.hidden)
        let fixed = peel.fixed

        var sets = UnionFind(count: count)
        for r in 0..<equations.count where peel.remaining[r] >= 2 {
            let open = equations.terms(r).filter { fixed[Int($0.position)] == nil }
            for term in open.dropFirst() { sets.union(Int(open[0].position), Int(term.position)) }
        }
        // Components and their columns are numbered by ascending cell index, so the output never depends on
        // the order of `hidden` or on hash seeds.
        let byCell = (0..<count).filter { fixed[$0] == nil }.sorted { problem.hidden[$0] < problem.hidden[$1] }
        var componentOf = [Int: Int]()
        var column = [Int32](repeating: -1, count: count)
        var built: [Component] = []
        for p in byCell {
            let root = sets.find(p)
            let c = componentOf[root] ?? built.count
            if c == built.count {
                componentOf[root] = c
                built.append(Component(positions: [], cells: [], lower: [], upper: [], labels: [], rows: []))
            }
            column[p] = Int32(built[c].positions.count)
            let box = problem.box(of: problem.hidden[p])
            built[c].positions.append(p)
            built[c].cells.append(problem.hidden[p])
            built[c].lower.append(box.lower)
            built[c].upper.append(box.upper)
            built[c].labels.append(problem.label(of: problem.hidden[p]))
            built[c].recorded.append(problem.values[problem.hidden[p]])
        }
        for r in 0..<equations.count where peel.remaining[r] >= 2 {
            let open = equations.terms(r).filter { fixed[Int($0.position)] == nil }
            guard let first = open.first, let c = componentOf[sets.find(Int(first.position))] else { continue }
            built[c].rows.append(
                LinearRow(
                    columns: open.map { column[Int($0.position)] }, coefficients: open.map(\.coefficient),
                    rhs: peel.rhs[r]))
        }
        for move in problem.hints {
            guard let (c, columns) = Self.columns(of: move, position: position, column: column, component: {
                componentOf[sets.find($0)]
            }) else { continue }
            built[c].hints.append(ColumnMove(columns: columns, steps: move.steps))
        }
        self.fixed = fixed
        self.components = built
    }
}

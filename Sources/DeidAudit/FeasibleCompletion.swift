import DeidSolver

/// One table of whole numbers that agrees with everything a release publishes: its published counts, every
/// relation, and each hidden cell's bounds (at least 1, or what its code says). Protection searches need values
/// to move; on a published table whose hidden counts deid never saw, this completion stands in for them. Any
/// completion will do: an attacker cannot tell it from the true table, so a move that stays feasible from it
/// proves the same widths as one from the truth, and the audit that decides the release never reads it.
public enum FeasibleCompletion {
    /// `problem.values` with every hidden cell given a value; the smallest total of hidden values the
    /// problem allows is sought first, so the stand-in values lean small (the cautious side for rules that
    /// look at values, such as rule 6).
    public static func find(_ problem: AuditProblem) throws(AuditError) -> [Int] {
        guard !problem.hidden.isEmpty else { return problem.values }
        let position = try problem.validatedHiddenPositions()
        let equations = try Equations(problem, position: position)
        let boxes = problem.hidden.map(problem.box(of:))
        let rows = (0..<equations.count).map { e in
            let terms = equations.terms(e)
            return LinearRow(
                columns: terms.map(\.position), coefficients: terms.map(\.coefficient), rhs: equations.rhs[e])
        }
        let model = try solving { () throws(SolverError) in
            try GLPKModel(lower: boxes.map(\.lower), upper: boxes.map(\.upper), rows: rows)
        }
        for column in 0..<model.columnCount { model.setCost(column: column, 1) }
        let outcome = try solving { () throws(SolverError) in
            try model.optimizeInteger(column: nil, maximize: false, nodeLimit: nil)
        }
        guard case .optimal = outcome else {
            throw .inconsistent(
                detail: "no table of whole numbers agrees with the published counts, totals and codes",
                cells: problem.hidden)
        }
        var values = problem.values
        for (p, cell) in problem.hidden.enumerated() {
            values[cell] = Int(model.integerValue(column: p).rounded())
        }
        return values
    }
}

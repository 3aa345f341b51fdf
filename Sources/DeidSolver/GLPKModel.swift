import CGLPK

/// One equation of a component, over the component's columns: Σ coefficients[k]·x[columns[k]] = rhs.
package struct LinearRow: Sendable, Hashable {
    package var columns: [Int32]
    package var coefficients: [Int32]
    package var rhs: Int

    package init(columns: [Int32], coefficients: [Int32], rhs: Int) {
        self.columns = columns
        self.coefficients = coefficients
        self.rhs = rhs
    }
}

/// A GLPK problem object with one component's equations and bounds, owned by Swift.
///
/// The audit builds one model per component and re-optimises it 2·n times, changing only the objective (one
/// column, minimised or maximised). Each simplex run starts from the previous optimal basis, which stays
/// primal feasible when only the objective changes, so most runs take a handful of pivots.
///
/// GLPK calls `abort()` on invalid use (an index out of range, a duplicate index in a row, inverted bounds), so
/// every index is checked here before it reaches GLPK. GLPK's terminal output is switched off: it is
/// per-thread state, so it is switched off again for every model, on the thread that builds it.
/// Not thread-safe: a model is created, used and destroyed on one thread.
package final class GLPKModel {
    package enum Outcome: Equatable {
        case optimal(Double)
        case unbounded
        case infeasible
    }

    /// Set at creation; only `appendColumn` (GLPKModel+Growth.swift) changes it.
    package var columnCount: Int
    package let problem: OpaquePointer
    private var objectiveColumn: Int?
    var simplexParameters = glp_smcp()
    private var integerParameters = glp_iocp()
    /// Subproblems the last branch and bound opened; counted only when it was given a node limit.
    package private(set) var subproblemsOpened = 0

    /// `upper[j] == nil` leaves column j unbounded above. Every column is integer (used only by the MIP).
    package init(lower: [Int], upper: [Int?], rows: [LinearRow]) throws(SolverError) {
        precondition(lower.count == upper.count && !lower.isEmpty, "a model needs columns with bounds")
        guard lower.count < Int(Int32.max), rows.count < Int(Int32.max), let problem = glp_create_prob() else {
            throw SolverError("could not create a problem of this size")
        }
        self.problem = problem
        self.columnCount = lower.count
        _ = glp_term_out(GLP_OFF)
        glp_init_smcp(&simplexParameters)
        simplexParameters.msg_lev = GLP_MSG_OFF
        simplexParameters.meth = GLP_PRIMAL  // the previous basis stays primal feasible: primal simplex warm-starts
        simplexParameters.presolve = GLP_OFF  // the presolver would discard the basis we want to reuse
        glp_init_iocp(&integerParameters)
        integerParameters.msg_lev = GLP_MSG_OFF
        integerParameters.presolve = GLP_ON
        // Tuned on 3-D tables (with glpsol, on extremes exported from the audit). The bound is almost always
        // attained, so the work is finding one integer point on it: depth-first search with last-fractional
        // branching dives there, and Gomory cuts remove the half-integral vertices that odd cycles of relations
        // create. Together they settle an extreme many times faster than GLPK's defaults, and without the cuts
        // even a small table with its grand total hidden can stall branch and bound (measurements:
        // Benchmarks/README.md, "Design measurements").
        integerParameters.gmi_cuts = GLP_ON
        integerParameters.bt_tech = GLP_BT_DFS
        integerParameters.br_tech = GLP_BR_LFV
        // Fail closed rather than hang: branch and bound need not terminate on an unbounded region.
        integerParameters.tm_lim = Int32(clamping: Self.integerTimeLimitMilliseconds)

        glp_add_cols(problem, Int32(lower.count))
        for j in lower.indices {
            setBounds(column: j, lower: lower[j], upper: upper[j])
            glp_set_col_kind(problem, Int32(j + 1), GLP_IV)
        }
        if !rows.isEmpty { try load(rows) }
        glp_adv_basis(problem, 0)
    }

    deinit { glp_delete_prob(problem) }

    /// `upper == nil` leaves the column unbounded above. Inverted bounds would make GLPK fail, so they trap.
    package func setBounds(column j: Int, lower: Int, upper: Int?) {
        precondition(j >= 0 && j < columnCount, "column outside the model")
        let column = Int32(j + 1)
        switch upper {
        case nil: glp_set_col_bnds(problem, column, GLP_LO, Double(lower), 0)
        case let u? where u == lower: glp_set_col_bnds(problem, column, GLP_FX, Double(u), Double(u))
        case let u?:
            precondition(u > lower, "inverted column bounds reach GLPK")
            glp_set_col_bnds(problem, column, GLP_DB, Double(lower), Double(u))
        }
    }

    private func load(_ rows: [LinearRow]) throws(SolverError) {
        glp_add_rows(problem, Int32(rows.count))
        let nonZeros = rows.reduce(0) { $0 + $1.columns.count }
        guard nonZeros < Int(Int32.max) else { throw SolverError("too many coefficients for GLPK") }
        // GLPK's triplet arrays are 1-based: element 0 is ignored.
        var ia = [Int32](repeating: 0, count: nonZeros + 1)
        var ja = [Int32](repeating: 0, count: nonZeros + 1)
        var ar = [Double](repeating: 0, count: nonZeros + 1)
        var k = 1
        for (i, row) in rows.enumerated() {
            glp_set_row_bnds(problem, Int32(i + 1), GLP_FX, Double(row.rhs), Double(row.rhs))
            precondition(Set(row.columns).count == row.columns.count, "a duplicate column in a row aborts GLPK")
            for (column, coefficient) in zip(row.columns, row.coefficients) {
                precondition(column >= 0 && Int(column) < columnCount, "column index outside the model")
                ia[k] = Int32(i + 1)
                ja[k] = column + 1
                ar[k] = Double(coefficient)
                k += 1
            }
        }
        glp_load_matrix(problem, Int32(nonZeros), ia, ja, ar)
    }

    private func setObjective(column: Int, maximize: Bool) {
        precondition(column >= 0 && column < columnCount, "objective column outside the model")
        if objectiveColumn != column {
            if let previous = objectiveColumn { glp_set_obj_coef(problem, Int32(previous + 1), 0) }
            glp_set_obj_coef(problem, Int32(column + 1), 1)
            objectiveColumn = column
        }
        glp_set_obj_dir(problem, maximize ? GLP_MAX : GLP_MIN)
    }

    /// Optimises the LP relaxation for one column, warm-started from the current basis.
    package func optimize(column: Int, maximize: Bool) throws(SolverError) -> Outcome {
        setObjective(column: column, maximize: maximize)
        return try simplex(simplexParameters)
    }

    /// Runs the simplex method from the current basis and reads its outcome.
    func simplex(_ parameters: glp_smcp) throws(SolverError) -> Outcome {
        var parameters = parameters
        var code = glp_simplex(problem, &parameters)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            // The reused basis went bad numerically: rebuild one from scratch and try once more.
            glp_adv_basis(problem, 0)
            code = glp_simplex(problem, &parameters)
        }
        guard code == 0 else { throw SolverError("simplex stopped with GLPK code \(code)") }
        switch glp_get_status(problem) {
        case GLP_OPT: return .optimal(glp_get_obj_val(problem))
        case GLP_UNBND: return .unbounded
        case GLP_NOFEAS, GLP_INFEAS: return .infeasible
        case let status: throw SolverError("simplex ended with GLPK status \(status)")
        }
    }

    /// The current basic solution's value of a column.
    package func value(column: Int) -> Double {
        precondition(column >= 0 && column < columnCount, "column outside the model")
        return glp_get_col_prim(problem, Int32(column + 1))
    }

    /// What a budgeted branch and bound ended with.
    package enum IntegerSearch: Equatable {
        case found([Double])
        case none
        /// It used up its node budget before it could decide.
        case stopped
    }

    /// An integer point of the model with `column` equal to `value`, if there is one: branch and bound with the
    /// column fixed, so the first integer solution found ends the search. No cuts: only feasibility is asked.
    /// The column keeps the bounds `lower…upper` afterwards. `nodeLimit` bounds the subproblems branch and bound
    /// may open (nil: only the time limit).
    package func integerPoint(
        fixing column: Int, at value: Int, thenBounds lower: Int, _ upper: Int?, nodeLimit: Int?
    ) throws(SolverError) -> IntegerSearch {
        setBounds(column: column, lower: value, upper: value)
        defer { setBounds(column: column, lower: lower, upper: upper) }
        var parameters = integerParameters
        parameters.gmi_cuts = GLP_OFF
        // Branch and bound starts from the LP optimum with the column fixed, which needs no presolve.
        parameters.presolve = GLP_OFF
        if case .infeasible = try optimize(column: column, maximize: true) { return .none }
        switch try branchAndBound(parameters, nodeLimit: nodeLimit) {
        case .stopped: return .stopped
        case .infeasible, .unbounded: return .none
        case .solved:
            let status = glp_mip_status(problem)
            guard status == GLP_OPT || status == GLP_FEAS else { return .none }
            return .found((0..<columnCount).map { glp_mip_col_val(problem, Int32($0 + 1)) })
        }
    }

    /// Optimises one column over the integer points (branch and bound, MIP presolver on); nil when it used up
    /// `nodeLimit` first. `column` nil optimises the costs set with `setCost` instead.
    package func optimizeInteger(column: Int?, maximize: Bool, nodeLimit: Int?) throws(SolverError) -> Outcome? {
        if let column {
            setObjective(column: column, maximize: maximize)
        } else {
            glp_set_obj_dir(problem, maximize ? GLP_MAX : GLP_MIN)
        }
        switch try branchAndBound(integerParameters, nodeLimit: nodeLimit) {
        case .stopped: return nil
        case .infeasible: return .infeasible
        case .unbounded: return .unbounded
        case .solved: break
        }
        switch glp_mip_status(problem) {
        case GLP_OPT: return .optimal(glp_mip_obj_val(problem))
        case GLP_NOFEAS: return .infeasible
        case let status: throw SolverError("branch and bound ended with GLPK status \(status)")
        }
    }

    private enum BranchAndBound { case solved, infeasible, unbounded, stopped }

    /// `glp_intopt`, stopped after `nodeLimit` subproblems when one is given. A node count, unlike a time
    /// limit, stops at the same point on every machine, so what the audit reports does not depend on the
    /// machine's speed. The time limit stays as the last resort, and hitting it fails the audit.
    private func branchAndBound(_ parameters: glp_iocp, nodeLimit: Int?) throws(SolverError) -> BranchAndBound {
        var parameters = parameters
        var budget = NodeBudget(limit: nodeLimit ?? Int.max)
        let code = withUnsafeMutablePointer(to: &budget) { pointer in
            if nodeLimit != nil {
                parameters.cb_func = countNodesAndStop
                parameters.cb_info = UnsafeMutableRawPointer(pointer)
            }
            return glp_intopt(problem, &parameters)
        }
        subproblemsOpened = budget.opened
        switch code {
        case 0: return .solved
        case GLP_ESTOP: return .stopped
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .unbounded
        case GLP_ETMLIM:
            throw SolverError("an integer program did not finish within \(Self.integerTimeLimitMilliseconds / 1000) s")
        default: throw SolverError("branch and bound stopped with GLPK code \(code)")
        }
    }

    /// The last integer solution's value of a column.
    package func integerValue(column: Int) -> Double {
        precondition(column >= 0 && column < columnCount, "column outside the model")
        return glp_mip_col_val(problem, Int32(column + 1))
    }

    /// Per integer program: far beyond what the largest benchmark component needed (measurements:
    /// Benchmarks/README.md, "Design measurements"). Hitting it makes the audit fail with a `SolverError`, never
    /// pass.
    static let integerTimeLimitMilliseconds = 60_000

    /// GLPK's version, for the audit record.
    package static let version: String = String(cString: glp_version())
    /// Whether GLPK keeps its environment per thread (`glp_config("TLS")`), which makes separate models on
    /// separate threads safe. Debian's build does.
    package static let isThreadSafe: Bool = glp_config("TLS") != nil
}

/// What GLPK's branch-and-bound callback reads and writes: how many subproblems the search may open, and how many
/// it has opened so far.
struct NodeBudget {
    let limit: Int
    var opened = 0
}

/// GLPK's branch-and-bound callback: records how many subproblems the search has opened in the `NodeBudget`
/// behind `info`, and ends the search (`glp_intopt` then returns `GLP_ESTOP`) once that exceeds its limit.
func countNodesAndStop(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info, glp_ios_reason(tree) == GLP_ISELECT else { return }
    var active: Int32 = 0
    var all: Int32 = 0
    var total: Int32 = 0
    glp_ios_tree_size(tree, &active, &all, &total)
    let budget = info.assumingMemoryBound(to: NodeBudget.self)
    budget.pointee.opened = Int(total)
    if budget.pointee.opened > budget.pointee.limit { glp_ios_terminate(tree) }
}
